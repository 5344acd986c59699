//! Features, each with its server functions (one per file) and its pages.

pub mod audit;
pub mod auth;
pub mod instruments;
pub mod tokens;
pub mod users;
