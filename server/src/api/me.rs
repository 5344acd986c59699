//! `GET /api/v1/me`: whom the token acts as.

use super::auth::Caller;
use super::error::{ApiFailure, request_locale};
use axum::Json;
use axum::http::HeaderMap;
use services::model::{ApiError, Me};

/// The token's user: username, display name, roles and interface language.
#[utoipa::path(
    get,
    path = "/api/v1/me",
    tag = "account",
    responses(
        (status = 200, description = "The token's user", body = Me),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn me(Caller(actor): Caller, headers: HeaderMap) -> Result<Json<Me>, ApiFailure> {
    let user = actor.user()?;
    Ok(Json(Me {
        username: user.username.clone(),
        display_name: user.display_name.clone(),
        roles: user.roles.clone(),
        language: user
            .preferred_locale
            .unwrap_or_else(|| request_locale(&headers)),
    }))
}
