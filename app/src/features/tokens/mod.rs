//! One's own API tokens, on the account page: make one (shown once), see
//! them, revoke one. The JSON API (`/api/v1`) takes them as bearer tokens.

mod create_token;
mod list_tokens;
mod revoke_token;
mod tokens_section;

pub use create_token::{CreateToken, create_token};
pub use list_tokens::{ListTokens, list_tokens};
pub use revoke_token::{RevokeToken, revoke_token};
pub use tokens_section::TokensSection;
