//! The built site's static files (`target/site`, see `.ci/lib.sh`
//! `build_site`): every name under `/pkg` and `/fonts` carries a hash of
//! its content, so a browser may keep each for a year and a repeat visit
//! downloads only the page's HTML. Text files are sent precompressed
//! (brotli 11, else gzip 9) as built, not compressed again per request.

use axum::Router;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::path::Path;
use std::sync::OnceLock;
use tower_http::services::{ServeDir, ServeFile};

/// The Leptos output name of the built bundle, `mizon.HASH` (from
/// `assets.txt`), or plain `mizon` when the site was built without hashes.
pub fn output_name(site_root: &Path) -> String {
    std::fs::read_to_string(site_root.join("assets.txt"))
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "mizon".to_owned())
}

static STYLESHEET: OnceLock<String> = OnceLock::new();

/// The stylesheet's path, for pages rendered outside Leptos (the 500 page).
pub fn stylesheet() -> &'static str {
    STYLESHEET
        .get()
        .map(String::as_str)
        .unwrap_or("/pkg/mizon.css")
}

const FOREVER: &str = "public, max-age=31536000, immutable";

/// Only a file that was found may be kept: a 404 must not stick.
async fn keep_forever(mut response: Response) -> Response {
    if response.status() == StatusCode::OK {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static(FOREVER));
    }
    response
}

async fn keep_a_day(mut response: Response) -> Response {
    if response.status() == StatusCode::OK {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=86400"),
        );
    }
    response
}

/// `/pkg`, `/fonts` and `/favicon.svg`, served from `site_root`.
pub fn routes<S: Clone + Send + Sync + 'static>(site_root: &Path, output_name: &str) -> Router<S> {
    let _ = STYLESHEET.set(format!("/pkg/{output_name}.css"));
    let dir = |name: &str| {
        ServeDir::new(site_root.join(name))
            .precompressed_br()
            .precompressed_gzip()
    };
    Router::new()
        .nest_service("/pkg", dir("pkg"))
        .nest_service("/fonts", dir("fonts"))
        .layer(axum::middleware::map_response(keep_forever))
        .merge(
            Router::new()
                .route_service(
                    "/favicon.svg",
                    ServeFile::new(site_root.join("favicon.svg"))
                        .precompressed_br()
                        .precompressed_gzip(),
                )
                .layer(axum::middleware::map_response(keep_a_day)),
        )
        .route("/translate.js", axum::routing::get(translate_js))
        .route("/translate.css", axum::routing::get(translate_css))
}

/// The translation page's own styles, likewise.
async fn translate_css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, FOREVER),
        ],
        app::features::translations::STYLE,
    )
        .into_response()
}

/// The translation page's script (`app::features::translations`), kept
/// in the binary; its URL carries its hash, so it may be kept for ever.
async fn translate_js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, FOREVER),
        ],
        app::features::translations::SCRIPT,
    )
        .into_response()
}
