//! The port between server functions and the server's services (ssr only).
//!
//! `app` declares the server functions but cannot depend on `server` (which
//! depends on `app`), so the server hands each request a [`Backend`] and a
//! [`RequestCtx`] in the request's extensions. Server functions stay thin:
//! take the context, call one backend method, map the error to a status.

use crate::error::AppError;
use crate::model::*;
use domain::{Locale, UserId};
use leptos::prelude::*;
use std::sync::Arc;

/// Who is asking, in what language, from where — resolved once per request
/// by the server's middleware before any page or server function runs.
#[derive(Clone, Debug)]
pub struct RequestCtx {
    pub user: Option<SessionUser>,
    /// SHA-256 of the session cookie's token, when signed in.
    pub session_token_hash: Option<String>,
    /// The interface language picked for this request.
    pub locale: Locale,
    pub client_ip: Option<String>,
    /// Whether cookies must carry `Secure` (served over https).
    pub secure_cookies: bool,
}

/// A freshly created session: the raw token goes into the cookie only.
pub struct NewSession {
    pub token: String,
    pub max_age_seconds: i64,
    pub user: SessionUser,
}

#[async_trait::async_trait]
pub trait Backend: Send + Sync + 'static {
    async fn sign_in(
        &self,
        ctx: &RequestCtx,
        username: &str,
        password: &str,
    ) -> Result<NewSession, AppError>;
    async fn sign_out(&self, ctx: &RequestCtx) -> Result<(), AppError>;
    async fn change_password(
        &self,
        ctx: &RequestCtx,
        current: &str,
        new: &str,
    ) -> Result<(), AppError>;
    async fn set_preferred_locale(&self, ctx: &RequestCtx, locale: Locale) -> Result<(), AppError>;
    async fn list_users(&self, ctx: &RequestCtx) -> Result<Vec<UserSummary>, AppError>;
    async fn get_user(&self, ctx: &RequestCtx, id: UserId) -> Result<UserSummary, AppError>;
    async fn create_user(&self, ctx: &RequestCtx, new: NewUser) -> Result<UserId, AppError>;
    async fn update_user(&self, ctx: &RequestCtx, change: UserChange) -> Result<(), AppError>;
    async fn reset_password(
        &self,
        ctx: &RequestCtx,
        id: UserId,
        temporary: &str,
    ) -> Result<(), AppError>;
    async fn audit_page(&self, ctx: &RequestCtx, page: u32) -> Result<AuditPage, AppError>;
    async fn list_instruments(&self, ctx: &RequestCtx) -> Result<Vec<InstrumentSummary>, AppError>;
    async fn get_version(
        &self,
        ctx: &RequestCtx,
        code: &str,
        number: i64,
    ) -> Result<VersionView, AppError>;
}

pub type SharedBackend = Arc<dyn Backend>;

fn parts() -> Result<http::request::Parts, AppError> {
    use_context::<http::request::Parts>()
        .ok_or_else(|| AppError::Request("no request in context".into()))
}

/// The backend and the request context of the current request.
pub fn request() -> Result<(SharedBackend, RequestCtx), AppError> {
    let parts = parts()?;
    let backend = parts.extensions.get::<SharedBackend>().cloned();
    let ctx = parts.extensions.get::<RequestCtx>().cloned();
    match (backend, ctx) {
        (Some(b), Some(c)) => Ok((b, c)),
        _ => Err(AppError::Request("request context missing".into())),
    }
}

/// The request context alone (used while rendering pages).
pub fn request_ctx() -> Option<RequestCtx> {
    parts().ok()?.extensions.get::<RequestCtx>().cloned()
}

/// Sets the response status from the error, then passes the result on.
/// Every server function ends with this so that a refusal is a real 4xx.
pub fn respond<T>(result: Result<T, AppError>) -> Result<T, AppError> {
    if let Err(e) = &result
        && let Some(options) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(e.status())
    {
        options.set_status(status);
    }
    result
}

/// Appends a `Set-Cookie` header to the response.
pub fn set_cookie(cookie: String) {
    if let (Some(options), Ok(value)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::HeaderValue::from_str(&cookie),
    ) {
        options.append_header(http::header::SET_COOKIE, value);
    }
}

pub const SESSION_COOKIE: &str = "mizon_session";
pub const LOCALE_COOKIE: &str = "mizon_lang";

/// Builds a cookie string with the attributes every Mizon cookie carries.
pub fn cookie(name: &str, value: &str, max_age: i64, http_only: bool, secure: bool) -> String {
    let mut c = format!("{name}={value}; Path=/; Max-Age={max_age}; SameSite=Strict");
    if http_only {
        c.push_str("; HttpOnly");
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}
