//! Facilities, and which facilities an account works at.

use super::auth::Caller;
use super::error::ApiFailure;
use super::json_body;
use axum::Json;
use axum::extract::rejection::StringRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use domain::{FacilityCode, Permission};
use services::Services;
use services::model::{ApiError, Facility, NewFacility};

/// Adds a facility with its name in Tajik, Russian and English.
#[utoipa::path(
    post,
    path = "/api/v1/facilities",
    tag = "facilities",
    request_body(content = NewFacility, content_type = "application/json"),
    responses(
        (status = 201, description = "Created", body = Facility),
        (status = 400, description = "Not JSON of this shape", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only administrators create facilities", body = ApiError),
        (status = 409, description = "A facility with this code exists already", body = ApiError),
        (status = 422, description = "A field is invalid: `problems` names it (`/code`, `/name/tg`…)", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn create_facility(
    State(services): State<Services>,
    Caller(actor): Caller,
    body: Result<String, StringRejection>,
) -> Result<(StatusCode, Json<Facility>), ApiFailure> {
    actor.authorize(Permission::ManageFacilities)?;
    let new: NewFacility = json_body(body)?;
    let created = services.create_facility(&actor, new).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// Every facility, by code.
#[utoipa::path(
    get,
    path = "/api/v1/facilities",
    tag = "facilities",
    responses(
        (status = 200, description = "The facilities, by code", body = Vec<Facility>),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn list_facilities(
    State(services): State<Services>,
    Caller(actor): Caller,
) -> Result<Json<Vec<Facility>>, ApiFailure> {
    Ok(Json(services.list_facilities(&actor).await?))
}

/// Says which facilities an account works at, replacing what was said
/// before (an empty list: none). An assessor sees the subjects of these
/// facilities and no others.
#[utoipa::path(
    put,
    path = "/api/v1/users/{username}/facilities",
    tag = "facilities",
    params(("username" = String, Path, description = "The account's username")),
    request_body(content = Vec<FacilityCode>, description = "Facility codes, e.g. `[\"FAC1\"]`", content_type = "application/json"),
    responses(
        (status = 200, description = "The account's facility codes now, sorted", body = Vec<FacilityCode>),
        (status = 400, description = "Not a JSON array of strings", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only administrators assign facilities", body = ApiError),
        (status = 404, description = "No such account", body = ApiError),
        (status = 422, description = "A code names no facility", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn set_user_facilities(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(username): Path<String>,
    body: Result<String, StringRejection>,
) -> Result<Json<Vec<FacilityCode>>, ApiFailure> {
    actor.authorize(Permission::ManageFacilities)?;
    let codes: Vec<String> = json_body(body)?;
    Ok(Json(
        services
            .set_user_facilities(&actor, &username, &codes)
            .await?,
    ))
}
