//! Signing in and out, the current session, one's own password and language.

mod account_page;
mod change_password;
mod current_user;
mod set_language;
mod sign_in;
mod sign_in_page;
mod sign_out;

pub use account_page::AccountPage;
pub use change_password::{ChangePassword, change_password};
pub use current_user::{CurrentUser, current_user};
pub use set_language::{SetLanguage, set_language};
pub use sign_in::{SignIn, sign_in};
pub use sign_in_page::SignInPage;
pub use sign_out::{SignOut, sign_out};

/// Sends a plain (no-JavaScript) form post on to `path` after it succeeds.
/// Requests from the hydrated page are left alone: the page decides.
#[cfg(feature = "ssr")]
pub(crate) fn redirect_plain_form(path: &str) {
    use leptos::prelude::use_context;
    let accepts_html = use_context::<http::request::Parts>()
        .and_then(|p| p.headers.get(http::header::ACCEPT).cloned())
        .and_then(|v| v.to_str().ok().map(|s| s.contains("text/html")))
        .unwrap_or(false);
    if let (true, Some(options), Ok(location)) = (
        accepts_html,
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(path),
    ) {
        options.set_status(http::StatusCode::SEE_OTHER);
        options.insert_header(http::header::LOCATION, location);
    }
}
