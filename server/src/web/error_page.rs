//! The localised 500 page, for failures outside the Leptos renderer
//! (middleware, panics). It shows a correlation id; details go to the log.

use crate::web::context::LOCALE_COOKIE;
use app::i18n::{arg, tr, tr_args};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use domain::Locale;

/// The language for a page rendered without a session: cookie, then
/// `Accept-Language`, then English.
pub fn locale_of(headers: &HeaderMap) -> Locale {
    super::context::cookie(headers, LOCALE_COOKIE)
        .and_then(|v| v.parse().ok())
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Locale::negotiate)
        })
        .unwrap_or_default()
}

pub use services::new_correlation_id;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

pub fn internal_error(locale: Locale, correlation_id: &str) -> Response {
    let title = escape(&tr(locale, "server-error-title"));
    let body = escape(&tr_args(
        locale,
        "server-error-body",
        &[("id", arg(correlation_id.to_owned()))],
    ));
    let home = escape(&tr(locale, "back-home"));
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"stylesheet\" href=\"{css}\">\
         <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\"></head>\
         <body><main id=\"main\"><section class=\"card narrow\"><h1>{title}</h1><p>{body}</p>\
         <p><a href=\"/\">{home}</a></p></section></main></body></html>",
        lang = locale.code(),
        css = super::assets::stylesheet(),
    );
    (StatusCode::INTERNAL_SERVER_ERROR, Html(html)).into_response()
}

pub fn from_panic(payload: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let id = new_correlation_id();
    let message = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    tracing::error!(correlation_id = %id, %message, "a request handler panicked");
    internal_error(Locale::default(), &id)
}
