//! Resolves, once per request, who is asking and in which language, and
//! hands that and the services to the Leptos pages and server functions
//! via the request's extensions (see `app::request`).

use super::error_page;
use app::request::RequestCtx;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, header};
use axum::middleware::Next;
use axum::response::Response;
use domain::Locale;
use services::Services;
use services::auth::token_hash;
use std::net::SocketAddr;
use std::sync::Arc;

pub use app::request::{LOCALE_COOKIE, SESSION_COOKIE};

#[derive(Clone, Debug, Default)]
pub struct EdgeSettings {
    pub secure_cookies: bool,
    pub trust_proxy: bool,
}

pub struct EdgeState {
    pub services: Services,
    pub settings: EdgeSettings,
    /// Outcomes of plain form posts waiting for their pages.
    pub forms: super::forms::FormOutcomes,
}

/// The value of one cookie from the `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// The client's address: the peer, or behind a trusted proxy the last
/// `X-Forwarded-For` entry — the one that proxy added. Earlier entries come
/// from the client and could name anyone (and dodge the sign-in throttle).
pub(crate) fn client_ip(request: &Request, trust_proxy: bool) -> Option<String> {
    let forwarded = trust_proxy
        .then(|| request.headers().get("x-forwarded-for"))
        .flatten()
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.rsplit(',').next())
        .map(|v| v.trim().to_owned());
    forwarded.or_else(|| {
        request
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string())
    })
}

/// The interface language: an explicit choice (cookie), else the signed-in
/// user's preference, else the browser's `Accept-Language`, else English.
pub fn pick_locale(headers: &HeaderMap, preferred: Option<Locale>) -> Locale {
    cookie(headers, LOCALE_COOKIE)
        .and_then(|v| v.parse().ok())
        .or(preferred)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::negotiate)
        })
        .unwrap_or_default()
}

pub async fn resolve(
    State(state): State<Arc<EdgeState>>,
    mut request: Request,
    next: Next,
) -> Response {
    // Static assets need no session; don't look one up for each of them.
    // The JSON API authenticates by bearer token, not by cookie. Both still
    // get a context without a user: a missing asset renders the app's 404.
    let path = request.uri().path();
    if path.starts_with("/pkg/")
        || path.starts_with("/fonts/")
        || path == "/favicon.svg"
        || path == "/translate.js"
        || path == "/translate.css"
        || path.starts_with("/api/v1/")
    {
        let ctx = RequestCtx {
            locale: pick_locale(request.headers(), None),
            session_token_hash: None,
            user: None,
            client_ip: None,
            secure_cookies: state.settings.secure_cookies,
        };
        request.extensions_mut().insert(ctx);
        request.extensions_mut().insert(state.services.clone());
        return next.run(request).await;
    }
    let token_hash = cookie(request.headers(), SESSION_COOKIE)
        .filter(|t| !t.is_empty())
        .map(|t| token_hash(&t));
    let user = match &token_hash {
        Some(hash) => match state.services.session(hash).await {
            Ok(user) => user,
            Err(e) => {
                let id = error_page::new_correlation_id();
                tracing::error!(correlation_id = %id, error = %e, "could not resolve the session");
                return error_page::internal_error(error_page::locale_of(request.headers()), &id);
            }
        },
        None => None,
    };
    let secure = state.settings.secure_cookies
        || (state.settings.trust_proxy
            && request
                .headers()
                .get("x-forwarded-proto")
                .is_some_and(|v| v.as_bytes() == b"https"));
    let ctx = RequestCtx {
        locale: pick_locale(
            request.headers(),
            user.as_ref().and_then(|u| u.preferred_locale),
        ),
        session_token_hash: token_hash.filter(|_| user.is_some()),
        user,
        client_ip: client_ip(&request, state.settings.trust_proxy),
        secure_cookies: secure,
    };
    request.extensions_mut().insert(ctx);
    request.extensions_mut().insert(state.services.clone());
    request
        .extensions_mut()
        .insert(app::request::RequestMemo::default());
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn cookie_beats_preference_beats_browser_beats_english() {
        let all = headers(&[("cookie", "a=1; mizon_lang=ru"), ("accept-language", "en")]);
        assert_eq!(pick_locale(&all, Some(Locale::Tg)), Locale::Ru);
        let no_cookie = headers(&[("accept-language", "ru")]);
        assert_eq!(pick_locale(&no_cookie, Some(Locale::Tg)), Locale::Tg);
        assert_eq!(pick_locale(&no_cookie, None), Locale::Ru);
        assert_eq!(pick_locale(&headers(&[]), None), Locale::En);
    }
}
