//! What a server function needs from the request it serves (ssr only): the
//! services and who is asking.
//!
//! The server's middleware resolves, once per request, the signed-in user
//! and the interface language into a [`RequestCtx`] and puts it, with the
//! [`Services`], into the request's extensions. A server function takes
//! both with [`request`], calls one service method and lets `?` turn the
//! service's error into an [`AppError`]; [`respond`] sets the status.

use crate::error::AppError;
use crate::model::SessionUser;
use domain::Locale;
use leptos::prelude::*;
use services::{Actor, Services};

/// Who is asking, in what language, from where.
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

impl RequestCtx {
    /// The signed-in user as the services' actor, or "not signed in".
    pub fn actor(&self) -> Result<Actor, AppError> {
        self.user
            .clone()
            .map(Actor::User)
            .ok_or(AppError::NotSignedIn)
    }
}

fn parts() -> Result<http::request::Parts, AppError> {
    use_context::<http::request::Parts>()
        .ok_or_else(|| AppError::Request("no request in context".into()))
}

/// The services and the request context of the current request.
pub fn request() -> Result<(Services, RequestCtx), AppError> {
    let parts = parts()?;
    let services = parts.extensions.get::<Services>().cloned();
    let ctx = parts.extensions.get::<RequestCtx>().cloned();
    match (services, ctx) {
        (Some(s), Some(c)) => Ok((s, c)),
        _ => Err(AppError::Request("request context missing".into())),
    }
}

/// The path of the page being rendered.
pub fn request_path() -> Option<String> {
    Some(parts().ok()?.uri.path().to_owned())
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
        if let Some(seconds) = e.retry_after() {
            options.insert_header(http::header::RETRY_AFTER, http::HeaderValue::from(seconds));
        }
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

/// Answers of reads already made while rendering this one request.
///
/// With `SsrMode::Async` a page's `Suspense` renders its children more than
/// once on the server, and each pass creates the page's resources again, so
/// one page view fetches the same data several times, concurrently. For
/// most reads that only costs a query; but a read that is itself audited
/// (the audit log, accounts) would log itself several times, and a later
/// answer would list an earlier read: the HTML and the data sent for
/// hydration would differ, and hydration would fail. The middleware gives
/// each request one memo; a server function that logs its reads answers
/// every call after the first (and those still waiting for it) from it.
#[derive(Clone, Default, Debug)]
pub struct RequestMemo(
    std::sync::Arc<
        std::sync::Mutex<
            std::collections::HashMap<String, std::sync::Arc<tokio::sync::OnceCell<String>>>,
        >,
    >,
);

/// Runs `read` once per request and key; every other call with the key
/// waits for that one and gets its answer.
pub async fn once_per_request<T, F>(key: String, read: F) -> Result<T, AppError>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
    F: std::future::Future<Output = Result<T, AppError>>,
{
    let memo = parts()
        .ok()
        .and_then(|p| p.extensions.get::<RequestMemo>().cloned());
    let Some(memo) = memo else {
        return read.await;
    };
    let cell = memo
        .0
        .lock()
        .ok()
        .map(|mut cells| cells.entry(key).or_default().clone());
    let Some(cell) = cell else {
        return read.await;
    };
    let json = cell
        .get_or_try_init(|| async {
            let answer = read.await?;
            serde_json::to_string(&answer).map_err(|e| AppError::Request(e.to_string()))
        })
        .await?;
    serde_json::from_str(json).map_err(|e| AppError::Request(e.to_string()))
}

/// Runs a service call as a task of its own, to its end.
///
/// Why: with `SsrMode::Async`, a pass of a page's `Suspense` that is
/// replaced by the next one can leave its resources' futures unpolled
/// until the response is done. A read that is audited holds a write
/// transaction for its audit event; left half-way, it would hold SQLite's
/// write lock while the next pass waits for it (the busy timeout, then
/// "database is locked"). A spawned task finishes (and commits or rolls
/// back) whatever happens to the future that awaits it.
pub async fn detached<T, F>(call: F) -> Result<T, AppError>
where
    T: Send + 'static,
    F: std::future::Future<Output = Result<T, AppError>> + Send + 'static,
{
    match tokio::spawn(call).await {
        Ok(result) => result,
        Err(e) => {
            let correlation_id = services::new_correlation_id();
            tracing::error!(%correlation_id, error = %e, "a service task failed");
            Err(AppError::Internal { correlation_id })
        }
    }
}
