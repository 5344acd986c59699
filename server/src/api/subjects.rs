//! Subjects: record, find, read, change and transfer. Only the subject's
//! pseudonymous code ever appears in a path; names travel in bodies.
//! A subject the caller may not reach answers 404 exactly as a code nobody
//! has, whatever else the request says.

use super::auth::Caller;
use super::error::ApiFailure;
use super::json_body;
use axum::Json;
use axum::extract::rejection::{QueryRejection, StringRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use domain::Permission;
use services::Services;
use services::model::{
    ApiError, AssessmentSummary, NewSubject, SubjectChange, SubjectTransfer, SubjectView,
};

/// Records a subject, in custody, at a facility (an assessor's own).
#[utoipa::path(
    post,
    path = "/api/v1/subjects",
    tag = "subjects",
    request_body(content = NewSubject, content_type = "application/json"),
    responses(
        (status = 201, description = "Recorded", body = SubjectView),
        (status = 400, description = "Not JSON of this shape", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only assessors and administrators record subjects", body = ApiError),
        (status = 409, description = "A subject with this code exists already", body = ApiError),
        (status = 422, description = "A field is invalid, or the facility is unknown or not the assessor's: `problems` names the field", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn create_subject(
    State(services): State<Services>,
    Caller(actor): Caller,
    body: Result<String, StringRejection>,
) -> Result<(StatusCode, Json<SubjectView>), ApiFailure> {
    actor.authorize(Permission::WorkWithSubjects)?;
    let new: NewSubject = json_body(body)?;
    let created = services.create_subject(&actor, new).await?;
    Ok((StatusCode::CREATED, Json(created)))
}

/// The search of the subjects list, from the query string.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubjectSearch {
    /// Words that the code or the name must each contain, in any case;
    /// Tajik letters match their Russian look-alikes (`Чалбшави` finds
    /// `Ҷалбшавӣ`, `е` finds `ё`). Absent or blank: all. At most 100
    /// characters.
    q: Option<String>,
}

/// The subjects of the caller's facilities (administrators: of all) that
/// the search finds, by code, at most 100.
#[utoipa::path(
    get,
    path = "/api/v1/subjects",
    tag = "subjects",
    params(SubjectSearch),
    responses(
        (status = 200, description = "The subjects found, by code", body = Vec<SubjectView>),
        (status = 400, description = "The query string cannot be read", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only assessors and administrators work with subjects", body = ApiError),
        (status = 422, description = "The search is too long", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn search_subjects(
    State(services): State<Services>,
    Caller(actor): Caller,
    query: Result<Query<SubjectSearch>, QueryRejection>,
) -> Result<Json<Vec<SubjectView>>, ApiFailure> {
    actor.authorize(Permission::WorkWithSubjects)?;
    let search = query.map_err(|e| ApiFailure::malformed(e.body_text()))?;
    Ok(Json(
        services
            .search_subjects(&actor, search.q.as_deref())
            .await?,
    ))
}

/// One subject.
#[utoipa::path(
    get,
    path = "/api/v1/subjects/{code}",
    tag = "subjects",
    params(("code" = String, Path, description = "The subject's code")),
    responses(
        (status = 200, description = "The subject", body = SubjectView),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only assessors and administrators work with subjects", body = ApiError),
        (status = 404, description = "No such subject, or one of a facility the caller does not work at", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn get_subject(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(code): Path<String>,
) -> Result<Json<SubjectView>, ApiFailure> {
    Ok(Json(services.get_subject(&actor, &code).await?))
}

/// A subject's assessments, newest first: status, version, dates, the
/// total's band, when a reassessment falls due and (once submitted) every
/// score as the server computed it; no answers. Audited as a read.
#[utoipa::path(
    get,
    path = "/api/v1/subjects/{code}/assessments",
    tag = "subjects",
    params(("code" = String, Path, description = "The subject's code")),
    responses(
        (status = 200, description = "The subject's assessments", body = Vec<AssessmentSummary>),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only the users of facilities read assessments", body = ApiError),
        (status = 404, description = "No such subject, or one of a facility the caller does not work at", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn subject_assessments(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(code): Path<String>,
) -> Result<Json<Vec<AssessmentSummary>>, ApiFailure> {
    Ok(Json(services.subject_assessments(&actor, &code).await?))
}

/// Changes a subject's record — name, gender, date of birth, language,
/// status (`in_custody` or `released`, with `status_date` for a release) —
/// from the revision it was read at. The facility changes by a transfer.
#[utoipa::path(
    put,
    path = "/api/v1/subjects/{code}",
    tag = "subjects",
    params(("code" = String, Path, description = "The subject's code")),
    request_body(content = SubjectChange, content_type = "application/json"),
    responses(
        (status = 200, description = "Changed", body = SubjectView),
        (status = 400, description = "Not JSON of this shape (`revision` is required)", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only assessors and administrators work with subjects", body = ApiError),
        (status = 404, description = "No such subject, or one of a facility the caller does not work at", body = ApiError),
        (status = 409, description = "Someone changed the record since `revision`", body = ApiError),
        (status = 422, description = "A field is invalid: `problems` names it", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn update_subject(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(code): Path<String>,
    body: Result<String, StringRejection>,
) -> Result<Json<SubjectView>, ApiFailure> {
    actor.authorize(Permission::WorkWithSubjects)?;
    let change: SubjectChange = json_body(body)?;
    Ok(Json(services.update_subject(&actor, &code, change).await?))
}

/// Moves a subject, with their history, to another facility on a day; the
/// status becomes `transferred`. Whoever does not work at the new facility
/// no longer sees the subject (the answer then has no `name`).
#[utoipa::path(
    post,
    path = "/api/v1/subjects/{code}/transfer",
    tag = "subjects",
    params(("code" = String, Path, description = "The subject's code")),
    request_body(content = SubjectTransfer, content_type = "application/json"),
    responses(
        (status = 200, description = "Transferred", body = SubjectView),
        (status = 400, description = "Not JSON of this shape (`revision` is required)", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only assessors and administrators work with subjects", body = ApiError),
        (status = 404, description = "No such subject, or one of a facility the caller does not work at", body = ApiError),
        (status = 409, description = "Someone changed the record since `revision`", body = ApiError),
        (status = 422, description = "Unknown or same facility, or an invalid date: `problems` names the field", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn transfer_subject(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(code): Path<String>,
    body: Result<String, StringRejection>,
) -> Result<Json<SubjectView>, ApiFailure> {
    actor.authorize(Permission::WorkWithSubjects)?;
    let transfer: SubjectTransfer = json_body(body)?;
    Ok(Json(
        services.transfer_subject(&actor, &code, transfer).await?,
    ))
}
