//! Who calls the API: the user of the bearer token in `Authorization`.
//! No token, an unknown, revoked or expired one, or one of a deactivated
//! account: 401. Cookies are not accepted here, so a page in a browser
//! cannot be made to call the API on its user's behalf (no CSRF).

use super::error::ApiFailure;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header;
use axum::http::request::Parts;
use services::{Actor, Services};
use std::net::SocketAddr;

/// The signed-in user of a valid bearer token, as the services' actor.
pub struct Caller(pub Actor);

impl FromRequestParts<Services> for Caller {
    type Rejection = ApiFailure;

    async fn from_request_parts(
        parts: &mut Parts,
        services: &Services,
    ) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| {
                v.strip_prefix("Bearer ")
                    .or_else(|| v.strip_prefix("bearer "))
            })
            .map(str::trim)
            .ok_or_else(ApiFailure::unauthorized)?;
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        match services.token_user(token, peer.as_deref()).await? {
            Some(user) => {
                // Tells the refusal middleware who a later 403 refuses.
                if let Some(seen) = parts.extensions.get::<crate::web::CallerSeen>() {
                    seen.set(&user);
                }
                Ok(Caller(Actor::User(user)))
            }
            None => Err(ApiFailure::unauthorized()),
        }
    }
}
