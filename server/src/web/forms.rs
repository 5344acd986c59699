//! Plain HTML forms, the way every page but an island's submits.
//!
//! A page posts its form to the server function's path. Without this
//! middleware, `server_fn` would answer a browser's post with a redirect
//! back to the page carrying the error in the URL (`?__err=…`), and what
//! the user typed would be gone. Instead, a plain form post (form-encoded,
//! `Accept: text/html`) gets a `303 See Other` to the page (or to where the
//! action sends it), and its outcome waits here for that next view: the
//! refusal and the fields sent (never a password), or the success and the
//! action's answer (a new API token's secret, shown once). The browser
//! holds only a random id in an `HttpOnly`, `SameSite=Strict` cookie;
//! nothing of the outcome is in a URL or a log.
//!
//! An outcome is taken by the first view of its page, and forgotten after
//! [`KEEP_FOR`] otherwise. It lives in this process's memory: deployments
//! that run several processes behind one address route a browser to one
//! of them (sticky sessions).

use super::context::{EdgeState, cookie};
use super::honest::{MAX_BODY, site_path};
use app::components::FormFlash;
use app::error::AppError;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const FLASH_COOKIE: &str = "mizon_form";

/// How long an outcome waits for its page.
const KEEP_FOR: Duration = Duration::from_secs(120);

/// At most this many outcomes wait at once; the oldest go first.
const MAX_WAITING: usize = 10_000;

/// The largest answer kept for the page (a new token, a created id).
const MAX_RESULT: usize = 64 * 1024;

/// Field names whose values are secrets and are never kept.
const SECRET_FIELDS: [&str; 4] = ["current", "new", "confirm", "temporary"];

fn is_secret(name: &str) -> bool {
    name.contains("password") || SECRET_FIELDS.contains(&name)
}

struct Waiting {
    since: Instant,
    /// The page's path (no query) the outcome is for.
    page: String,
    flash: FormFlash,
}

/// The outcomes waiting for their pages, by cookie id.
#[derive(Default, Clone)]
pub struct FormOutcomes(Arc<Mutex<HashMap<String, Waiting>>>);

impl FormOutcomes {
    fn keep(&self, page: String, flash: FormFlash) -> Option<String> {
        let id = services::auth::new_token();
        let mut waiting = self.0.lock().ok()?;
        waiting.retain(|_, w| w.since.elapsed() < KEEP_FOR);
        if waiting.len() >= MAX_WAITING
            && let Some(oldest) = waiting
                .iter()
                .min_by_key(|(_, w)| w.since)
                .map(|(k, _)| k.clone())
        {
            waiting.remove(&oldest);
        }
        waiting.insert(
            id.clone(),
            Waiting {
                since: Instant::now(),
                page,
                flash,
            },
        );
        Some(id)
    }

    /// The outcome for `page`, taken (it is shown once).
    fn take(&self, id: &str, page: &str) -> Option<FormFlash> {
        let mut waiting = self.0.lock().ok()?;
        let fresh = waiting
            .get(id)
            .is_some_and(|w| w.page == page && w.since.elapsed() < KEEP_FOR);
        fresh.then(|| waiting.remove(id)).flatten().map(|w| w.flash)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.0.lock().map(|w| w.len()).unwrap_or(0)
    }
}

/// A browser submitting a plain HTML form to a server function.
fn is_plain_form_post(request: &Request) -> bool {
    let path = request.uri().path();
    let header_has = |name: header::HeaderName, needle: &str| {
        request
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains(needle))
    };
    request.method() == Method::POST
        && path.starts_with("/api/")
        && !path.starts_with("/api/v1/")
        && (header_has(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            || header_has(header::CONTENT_TYPE, "multipart/form-data"))
        && header_has(header::ACCEPT, "text/html")
}

fn path_only(target: &str) -> &str {
    target.split(['?', '#']).next().unwrap_or("/")
}

/// `target` without the error parameters `server_fn` adds.
fn without_error_params(target: &str) -> String {
    let Some((path, query)) = target.split_once('?') else {
        return target.to_owned();
    };
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            !pair.is_empty() && !pair.starts_with("__err=") && !pair.starts_with("__path=")
        })
        .collect();
    if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    }
}

pub async fn carry_form_outcomes(
    State(state): State<Arc<EdgeState>>,
    request: Request,
    next: Next,
) -> Response {
    if is_plain_form_post(&request) {
        return answer_form_post(&state, request, next).await;
    }
    let mut request = request;
    let taken = (request.method() == Method::GET)
        .then(|| cookie(request.headers(), FLASH_COOKIE))
        .flatten()
        .and_then(|id| state.forms.take(&id, request.uri().path()));
    let Some(flash) = taken else {
        return next.run(request).await;
    };
    request.extensions_mut().insert(flash);
    let mut response = next.run(request).await;
    if let Ok(expired) = HeaderValue::from_str(&app::request::cookie(
        FLASH_COOKIE,
        "",
        0,
        true,
        state.settings.secure_cookies,
    )) {
        response.headers_mut().append(header::SET_COOKIE, expired);
    }
    response
}

async fn answer_form_post(state: &EdgeState, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let back = request
        .headers()
        .get(header::REFERER)
        .and_then(|v| v.to_str().ok())
        .map(|r| site_path(r, host.as_deref()))
        .unwrap_or_else(|| "/".to_owned());
    let action = request.uri().path().to_owned();
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY as usize).await else {
        return Response::builder()
            .status(StatusCode::PAYLOAD_TOO_LARGE)
            .body(Body::empty())
            .unwrap_or_default();
    };
    // An upload's parts (a file) are never kept; a form's fields are.
    let multipart = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/"));
    let form_bytes: &[u8] = if multipart { &[] } else { &bytes };
    let fields: Vec<(String, String)> = form_urlencoded::parse(form_bytes)
        .filter(|(name, _)| !is_secret(name))
        .map(|(n, v)| (n.into_owned(), v.into_owned()))
        .collect();
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;

    let (mut parts, body) = response.into_parts();
    let answer = to_bytes(body, MAX_RESULT).await.unwrap_or_default();
    let refused = parts.status.is_client_error() || parts.status.is_server_error();
    let error = refused.then(|| {
        serde_json::from_slice::<AppError>(&answer).unwrap_or(AppError::Internal {
            correlation_id: String::new(),
        })
    });
    // Where to go: after a refusal, back to the form; after a success,
    // where the action sent the browser (back to the form by default).
    let target = if refused {
        without_error_params(&back)
    } else {
        parts
            .headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .map(|l| without_error_params(&site_path(l, host.as_deref())))
            .unwrap_or_else(|| without_error_params(&back))
    };
    let flash = FormFlash {
        action,
        error,
        fields,
        result: (!refused).then(|| String::from_utf8_lossy(&answer).into_owned()),
    };
    parts.status = StatusCode::SEE_OTHER;
    if let Ok(location) = HeaderValue::from_str(&target) {
        parts.headers.insert(header::LOCATION, location);
    }
    parts.headers.remove(header::CONTENT_TYPE);
    parts.headers.remove("serverfnerror");
    parts.headers.remove(header::CONTENT_LENGTH);
    if let Some(id) = state.forms.keep(path_only(&target).to_owned(), flash)
        && let Ok(value) = HeaderValue::from_str(&app::request::cookie(
            FLASH_COOKIE,
            &id,
            KEEP_FOR.as_secs() as i64,
            true,
            state.settings.secure_cookies,
        ))
    {
        parts.headers.append(header::SET_COOKIE, value);
    }
    Response::from_parts(parts, Body::empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_parameters_go_and_the_rest_stays() {
        assert_eq!(
            without_error_params("/admin/audit?page=2&__path=x&__err=abc"),
            "/admin/audit?page=2"
        );
        assert_eq!(without_error_params("/signin?__err=abc"), "/signin");
        assert_eq!(without_error_params("/account"), "/account");
        assert_eq!(without_error_params("/account?"), "/account");
    }

    #[test]
    fn passwords_are_never_kept() {
        for name in [
            "password",
            "user[password]",
            "current",
            "new",
            "confirm",
            "temporary",
        ] {
            assert!(is_secret(name), "{name}");
        }
        for name in ["username", "user[display_name]", "token[name]", "locale"] {
            assert!(!is_secret(name), "{name}");
        }
    }

    #[test]
    fn an_outcome_is_taken_once_and_only_by_its_page() {
        let outcomes = FormOutcomes::default();
        let id = outcomes
            .keep("/account".into(), FormFlash::default())
            .unwrap();
        assert!(outcomes.take(&id, "/").is_none(), "another page");
        assert!(outcomes.take("someone-else", "/account").is_none());
        assert!(outcomes.take(&id, "/account").is_some());
        assert!(outcomes.take(&id, "/account").is_none(), "shown once");
        assert_eq!(outcomes.len(), 0);
    }
}
