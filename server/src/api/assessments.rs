//! Assessments: start, save answers, submit, correct, read. An assessment
//! is named by its random id; one the caller may not reach answers 404
//! exactly as an id nobody has.

use super::auth::Caller;
use super::error::ApiFailure;
use super::json_body;
use axum::Json;
use axum::extract::rejection::StringRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use domain::Permission;
use services::Services;
use services::model::{
    AmendAssessment, ApiError, AssessmentView, NewAssessment, SaveAnswers, SavedAnswers,
    StartedAssessment, SubmitAssessment, SubmittedAssessment,
};

/// Starts an assessment of a subject (of the assessor's facilities) with
/// the instrument's published version, pinned to that version, to a
/// locale (the subject's preferred language unless given) and to the
/// subject's gender.
#[utoipa::path(
    post,
    path = "/api/v1/assessments",
    tag = "assessments",
    request_body(content = NewAssessment, content_type = "application/json"),
    responses(
        (status = 201, description = "Started, as a draft", body = StartedAssessment),
        (status = 400, description = "Not JSON of this shape", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only assessors assess", body = ApiError),
        (status = 409, description = "The subject has a draft of this instrument already", body = ApiError),
        (status = 422, description = "Unknown subject (or another facility's), subject not in custody, or no published version (retired, or not yet published)", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn start_assessment(
    State(services): State<Services>,
    Caller(actor): Caller,
    body: Result<String, StringRejection>,
) -> Result<(StatusCode, Json<StartedAssessment>), ApiFailure> {
    actor.authorize(Permission::Assess)?;
    let new: NewAssessment = json_body(body)?;
    let started = services.start_assessment(&actor, new).await?;
    Ok((StatusCode::CREATED, Json(started)))
}

/// Saves a draft's answers (all of them, as they are now) from the
/// revision they were based on; answers to items the subject is not shown
/// are dropped. Answers the outcome computed by the server.
#[utoipa::path(
    put,
    path = "/api/v1/assessments/{id}/answers",
    tag = "assessments",
    params(("id" = String, Path, description = "The assessment's id")),
    request_body(content = SaveAnswers, content_type = "application/json"),
    responses(
        (status = 200, description = "Saved", body = SavedAnswers),
        (status = 400, description = "Not JSON of this shape", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only the assessor who started it changes it", body = ApiError),
        (status = 404, description = "No such assessment the caller may reach", body = ApiError),
        (status = 409, description = "The revision is stale, the assessment is submitted, or the locale is changed after the first answer", body = ApiError),
        (status = 422, description = "Wrong answers: `problems` lists each with its path", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn save_answers(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    body: Result<String, StringRejection>,
) -> Result<Json<SavedAnswers>, ApiFailure> {
    actor.authorize(Permission::Assess)?;
    let save: SaveAnswers = json_body(body)?;
    Ok(Json(services.save_answers(&actor, &id, save).await?))
}

/// Submits a draft: the saved answers are checked as complete against the
/// version's answers schema and rules, scored by the server, and locked.
/// Submitting a correction supersedes the assessment it corrects.
#[utoipa::path(
    post,
    path = "/api/v1/assessments/{id}/submit",
    tag = "assessments",
    params(("id" = String, Path, description = "The assessment's id")),
    request_body(content = SubmitAssessment, content_type = "application/json"),
    responses(
        (status = 200, description = "Submitted and locked", body = SubmittedAssessment),
        (status = 400, description = "Not JSON of this shape", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only the assessor who started it submits it", body = ApiError),
        (status = 404, description = "No such assessment the caller may reach", body = ApiError),
        (status = 409, description = "The revision is stale, or it is submitted already", body = ApiError),
        (status = 422, description = "Missing or wrong answers: `problems` lists each with its path", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn submit_assessment(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    body: Result<String, StringRejection>,
) -> Result<Json<SubmittedAssessment>, ApiFailure> {
    actor.authorize(Permission::Assess)?;
    let submit: SubmitAssessment = json_body(body)?;
    Ok(Json(
        services
            .submit_assessment(&actor, &id, submit.revision)
            .await?,
    ))
}

/// Starts a correction of a submitted assessment, with the reason: a new
/// draft holding its answers, which supersedes it when submitted.
#[utoipa::path(
    post,
    path = "/api/v1/assessments/{id}/amend",
    tag = "assessments",
    params(("id" = String, Path, description = "The submitted assessment's id")),
    request_body(content = AmendAssessment, content_type = "application/json"),
    responses(
        (status = 201, description = "The correction, as a draft", body = StartedAssessment),
        (status = 400, description = "Not JSON of this shape", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only assessors correct assessments", body = ApiError),
        (status = 404, description = "No such assessment the caller may reach", body = ApiError),
        (status = 409, description = "Not submitted, or a correction is in progress already", body = ApiError),
        (status = 422, description = "No reason, or too long a one", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn amend_assessment(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(id): Path<String>,
    body: Result<String, StringRejection>,
) -> Result<(StatusCode, Json<StartedAssessment>), ApiFailure> {
    actor.authorize(Permission::Assess)?;
    let amend: AmendAssessment = json_body(body)?;
    let started = services
        .amend_assessment(&actor, &id, &amend.reason)
        .await?;
    Ok((StatusCode::CREATED, Json(started)))
}

/// One assessment with its answers and outcome, for users of its subject's
/// facility (and administrators). The read is audited.
#[utoipa::path(
    get,
    path = "/api/v1/assessments/{id}",
    tag = "assessments",
    params(("id" = String, Path, description = "The assessment's id")),
    responses(
        (status = 200, description = "The assessment", body = AssessmentView),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only assessors, reviewers and administrators read assessments", body = ApiError),
        (status = 404, description = "No such assessment the caller may reach", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn get_assessment(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(id): Path<String>,
) -> Result<Json<AssessmentView>, ApiFailure> {
    actor.authorize(Permission::ReadAssessments)?;
    Ok(Json(services.get_assessment(&actor, &id).await?))
}
