//! `GET /healthz`: 200 when the database answers, 503 otherwise.

use axum::extract::Extension;
use axum::http::StatusCode;

use services::Services;

pub async fn healthz(Extension(services): Extension<Services>) -> (StatusCode, &'static str) {
    match services.db.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
