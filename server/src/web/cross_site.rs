//! CSRF protection: a state-changing request (anything but GET, HEAD,
//! OPTIONS) that a browser marks as coming from another site is refused.
//!
//! Browsers send `Sec-Fetch-Site` on every request and `Origin` on every
//! cross-origin POST; a page on another site cannot suppress either. Together
//! with `SameSite=Strict` session cookies this closes cross-site request
//! forgery without per-form tokens. Requests with neither header (command
//! line tools, tests) carry no ambient browser cookies to abuse.

use super::context::{EdgeState, client_ip};
use super::error_page;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::AuditAction;
use services::refusals::Refusal;
use std::sync::Arc;

fn is_cross_site(headers: &HeaderMap) -> bool {
    let get = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    match get("sec-fetch-site") {
        Some("same-origin") | Some("none") => false,
        Some(_) => true,
        None => match (get(header::ORIGIN.as_str()), get(header::HOST.as_str())) {
            (Some("null"), _) => true,
            (Some(origin), Some(host)) => {
                let origin_host = origin.split("://").nth(1).unwrap_or(origin);
                !origin_host.eq_ignore_ascii_case(host)
            }
            (Some(_), None) => true,
            (None, _) => false,
        },
    }
}

/// Refuses the request with 403, and writes that as an audit event
/// (rate-limited; no session is looked up: a cross-site request carries no
/// `SameSite=Strict` cookie, so the actor is the client address).
pub async fn refuse_cross_site_writes(
    State(state): State<Arc<EdgeState>>,
    request: Request,
    next: Next,
) -> Response {
    let safe = matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    if !safe && is_cross_site(request.headers()) {
        tracing::warn!(path = %request.uri().path(), "refused a cross-site write");
        let client = client_ip(&request, state.settings.trust_proxy);
        super::refusals::record(
            &state.services,
            Refusal {
                action: AuditAction::CrossSiteRefused,
                method: request.method().as_str(),
                path: request.uri().path(),
                status: StatusCode::FORBIDDEN.as_u16(),
                user: None,
                client: client.as_deref(),
            },
        )
        .await;
        let locale = error_page::locale_of(request.headers());
        let text = app::i18n::tr(locale, "error-cross-site");
        return (StatusCode::FORBIDDEN, text).into_response();
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn same_origin_requests_pass_and_foreign_ones_do_not() {
        assert!(!is_cross_site(&headers(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(is_cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(!is_cross_site(&headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(is_cross_site(&headers(&[
            ("origin", "https://evil.example"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(is_cross_site(&headers(&[
            ("origin", "null"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(!is_cross_site(&headers(&[])));
    }
}
