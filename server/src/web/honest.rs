//! Honest answers at the edge, whatever the page code did:
//!
//! - a body larger than [`MAX_BODY`] is refused with 413 before anything
//!   reads it;
//! - a server function whose arguments do not decode answers 400, not the
//!   500 that `server_fn` uses for every error (its body is already the
//!   sanitised `AppError::Malformed`);
//! - a redirect goes only to a path of this site: leptos_axum sends a plain
//!   form post back to its `Referer`, which a crafted link could point
//!   anywhere (an open redirect);
//! - every response carries a Content-Security-Policy (pages set their own,
//!   with the nonce of their hydration script).

use super::error_page;
use app::error::AppError;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The largest request body accepted (definitions are at most a few
/// hundred kilobytes).
pub const MAX_BODY: u64 = 2 * 1024 * 1024;

/// An error body larger than this is not an `AppError`; left alone.
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn answer_honestly(request: Request, next: Next) -> Response {
    let too_large = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok())
        .is_some_and(|n| n > MAX_BODY);
    let locale = error_page::locale_of(request.headers());
    if too_large {
        let text = app::i18n::tr(locale, "error-too-large");
        return (StatusCode::PAYLOAD_TOO_LARGE, text).into_response();
    }
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let server_fn =
        request.uri().path().starts_with("/api/") && !request.uri().path().starts_with("/api/v1/");
    let mut response = next.run(request).await;
    if let Some(location) = response.headers().get(header::LOCATION)
        && let Some(safe) = same_site_path(location, host.as_deref())
    {
        response.headers_mut().insert(header::LOCATION, safe);
    }
    if !response
        .headers()
        .contains_key(header::CONTENT_SECURITY_POLICY)
    {
        let policy = app::app::content_security_policy(None);
        if let Ok(value) = HeaderValue::from_str(&policy) {
            response
                .headers_mut()
                .insert(header::CONTENT_SECURITY_POLICY, value);
        }
    }
    if server_fn && response.status() == StatusCode::INTERNAL_SERVER_ERROR {
        return reclassify(response).await;
    }
    response
}

/// A redirect target or `Referer` as a path of this site (`/` when it
/// points anywhere else).
pub(crate) fn site_path(target: &str, host: Option<&str>) -> String {
    match HeaderValue::from_str(target)
        .ok()
        .map(|v| (same_site_path(&v, host), v))
    {
        Some((None, _)) => target.to_owned(),
        Some((Some(fixed), _)) => fixed.to_str().unwrap_or("/").to_owned(),
        None => "/".to_owned(),
    }
}

/// Keeps a redirect target if it is a path of this site; an absolute URL
/// of this host becomes its path; anything else becomes `/`. `None` when
/// the value is fine as it is.
fn same_site_path(location: &HeaderValue, host: Option<&str>) -> Option<HeaderValue> {
    let target = location.to_str().unwrap_or("");
    let is_path = target.starts_with('/') && !target.starts_with("//") && !target.contains('\\');
    if is_path {
        return None;
    }
    let path = target
        .split_once("://")
        .and_then(|(_, rest)| {
            let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
            (Some(authority) == host).then_some(path)
        })
        .filter(|p| p.starts_with('/') && !p.starts_with("//"))
        .unwrap_or("/");
    HeaderValue::from_str(path).ok()
}

/// A server function's 500 whose body says the request was malformed is
/// the caller's mistake: 400.
async fn reclassify(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_ERROR_BODY).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes)
        && let Ok(status) = StatusCode::from_u16(error.status())
    {
        parts.status = status;
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(location: &str, host: &str) -> Option<String> {
        same_site_path(&HeaderValue::from_str(location).unwrap(), Some(host))
            .map(|v| v.to_str().unwrap().to_owned())
    }

    #[test]
    fn redirects_stay_on_this_site() {
        assert_eq!(fix("/account", "mizon.local"), None);
        assert_eq!(fix("/admin/audit?page=2", "mizon.local"), None);
        assert_eq!(
            fix("http://mizon.local/admin/users", "mizon.local").as_deref(),
            Some("/admin/users")
        );
        assert_eq!(
            fix("https://evil.example/", "mizon.local").as_deref(),
            Some("/")
        );
        assert_eq!(fix("//evil.example/x", "mizon.local").as_deref(), Some("/"));
        assert_eq!(fix("/\\evil.example", "mizon.local").as_deref(), Some("/"));
        assert_eq!(
            fix("http://mizon.local.evil.example/x", "mizon.local").as_deref(),
            Some("/")
        );
        assert_eq!(
            fix("javascript:alert(1)", "mizon.local").as_deref(),
            Some("/")
        );
    }
}
