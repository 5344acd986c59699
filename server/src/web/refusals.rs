//! Refusals of protected actions as audit events: a 401 or 403 from a
//! server function (`POST /api/<name>`) or from the JSON API (`/api/v1/…`)
//! says that someone tried what they may not. This middleware sees the
//! response, not the handler, so no route can forget it; the services
//! rate-limit the events (`services::refusals`).
//!
//! Recorded: method, path (never the query string), status, the signed-in
//! user or the API token's account when known, the client address. Never
//! a body or a token. `POST /api/sign_in` is left out: a failed sign-in is
//! already its own event (with throttling of its own).

use super::context::{EdgeState, client_ip};
use app::request::RequestCtx;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use domain::AuditAction;
use services::Services;
use services::model::SessionUser;
use services::refusals::Refusal;
use std::sync::{Arc, Mutex};

/// Where the API's `Caller` extractor leaves the token's account, so that
/// a 403 from the API names who was refused.
#[derive(Clone, Default)]
pub struct CallerSeen(Arc<Mutex<Option<SessionUser>>>);

impl CallerSeen {
    pub fn set(&self, user: &SessionUser) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = Some(user.clone());
    }

    fn get(&self) -> Option<SessionUser> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// Whether a refusal of this request is a refusal of a protected action.
fn watched(method: &Method, path: &str) -> bool {
    path == "/api/v1"
        || path.starts_with("/api/v1/")
        || (method == Method::POST && path.starts_with("/api/") && path != "/api/sign_in")
}

pub async fn record_refusals(
    State(state): State<Arc<EdgeState>>,
    mut request: Request,
    next: Next,
) -> Response {
    let path = request.uri().path().to_owned();
    let method = request.method().clone();
    if !watched(&method, &path) {
        return next.run(request).await;
    }
    let ctx = request.extensions().get::<RequestCtx>().cloned();
    let client = ctx
        .as_ref()
        .and_then(|c| c.client_ip.clone())
        .or_else(|| client_ip(&request, state.settings.trust_proxy));
    let caller = CallerSeen::default();
    request.extensions_mut().insert(caller.clone());
    let response = next.run(request).await;
    let status = response.status();
    if status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN {
        let user = ctx.and_then(|c| c.user).or_else(|| caller.get());
        record(
            &state.services,
            Refusal {
                action: AuditAction::AccessRefused,
                method: method.as_str(),
                path: &path,
                status: status.as_u16(),
                user: user.as_ref(),
                client: client.as_deref(),
            },
        )
        .await;
    }
    response
}

/// Writes the event; a failure to write is logged, and the refusal stands.
pub async fn record(services: &Services, refusal: Refusal<'_>) {
    if let Err(e) = services.record_refusal(refusal).await {
        tracing::error!(error = %e, "could not write a refusal to the audit log");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn server_functions_and_the_api_are_watched_pages_and_sign_in_are_not() {
        assert!(watched(&Method::POST, "/api/list_users"));
        assert!(watched(&Method::GET, "/api/v1/me"));
        assert!(watched(&Method::POST, "/api/v1/instruments/IRNS/versions"));
        assert!(!watched(&Method::POST, "/api/sign_in"));
        assert!(!watched(&Method::GET, "/admin/users"));
        assert!(!watched(&Method::GET, "/api/list_users"));
    }
}
