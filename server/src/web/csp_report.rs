//! `POST /csp-report`: where browsers report what the Content-Security-Policy
//! blocked. A violation on our own pages is a bug (or an attack in
//! progress): it goes to the log, and a count is kept for the tests.

use axum::body::Bytes;
use axum::http::StatusCode;
use std::sync::atomic::{AtomicUsize, Ordering};

static VIOLATIONS: AtomicUsize = AtomicUsize::new(0);

/// How many violation reports this process has received.
pub fn csp_violations() -> usize {
    VIOLATIONS.load(Ordering::Relaxed)
}

pub async fn csp_report(body: Bytes) -> StatusCode {
    VIOLATIONS.fetch_add(1, Ordering::Relaxed);
    let report: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
    let report = &report["csp-report"];
    // Only the directive and the blocked source: a URL of ours carries no
    // personal data, and the report's sample of script text is not logged.
    tracing::warn!(
        directive = %report["violated-directive"].as_str().unwrap_or("?"),
        blocked = %report["blocked-uri"].as_str().unwrap_or("?"),
        page = %report["document-uri"].as_str().unwrap_or("?"),
        "the Content-Security-Policy blocked something"
    );
    StatusCode::NO_CONTENT
}
