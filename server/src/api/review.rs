//! Review, approval and publication: submit a version, decide on it (four
//! eyes, signed), publish it, retire an instrument, comment, read a
//! version's timeline and the inbox. See `services::review`.

use super::auth::Caller;
use super::error::ApiFailure;
use super::instruments::{code, number};
use axum::Json;
use axum::extract::rejection::StringRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use domain::Permission;
use services::Services;
use services::model::{
    ApiError, CommentResolution, CommentView, DecisionAnswer, DecisionRequest, NewComment,
    PasswordConfirmation, RetireRequest, ReviewCounts, ReviewItem, Settings, StatusAnswer,
    Submitted, Timeline,
};
use std::net::SocketAddr;

/// Sends a draft (or a version sent back) to review. The server runs every
/// check — the definition's, and translation completeness (no missing or
/// out-of-date wording in a required locale or gender variant) — and
/// refuses with every blocker, each with its JSON pointer. From then on the
/// version is read-only. The open comment threads are listed.
#[utoipa::path(
    post,
    path = "/api/v1/instruments/{code}/versions/{n}/submit",
    tag = "review",
    params(
        ("code" = String, Path, description = "The instrument's code, e.g. IRNS"),
        ("n" = i64, Path, description = "The version number"),
    ),
    responses(
        (status = 200, description = "In review", body = Submitted),
        (status = 401, description = "No token", body = ApiError),
        (status = 403, description = "Not a methodologist or administrator", body = ApiError),
        (status = 404, description = "No such version", body = ApiError),
        (status = 409, description = "Its status allows no submission (the message names the status and what it allows)", body = ApiError),
        (status = 422, description = "Not ready: `problems` lists every blocker", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn submit_version(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path((raw_code, raw_number)): Path<(String, String)>,
) -> Result<Json<Submitted>, ApiFailure> {
    actor.authorize(Permission::EditDrafts)?;
    let (code, n) = (code(&raw_code)?, number(&raw_number)?);
    Ok(Json(services.submit_version(&actor, &code, n).await?))
}

/// A reviewer's decision, with their password again (an electronic
/// signature on approval: who, when, "approved", and the SHA-256 of the
/// canonical definition). `request_changes` needs a reason and sends the
/// version back to its author. Nobody decides on a version they saved or
/// translated; approval needs every required locale signed off. The version
/// is `approved` once it has the number of approvals the settings require.
#[utoipa::path(
    post,
    path = "/api/v1/instruments/{code}/versions/{n}/decision",
    tag = "review",
    params(
        ("code" = String, Path, description = "The instrument's code"),
        ("n" = i64, Path, description = "The version number"),
    ),
    request_body(content = DecisionRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Decided: the new status, approvals of required", body = DecisionAnswer),
        (status = 400, description = "Not JSON", body = ApiError),
        (status = 401, description = "No token, or a wrong password", body = ApiError),
        (status = 403, description = "Not a reviewer, or an author or translator of this version (four eyes)", body = ApiError),
        (status = 404, description = "No such version", body = ApiError),
        (status = 409, description = "Not in review, or already approved by this reviewer", body = ApiError),
        (status = 422, description = "No reason given, or a required locale not signed off", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn decide_version(
    State(services): State<Services>,
    Caller(actor): Caller,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path((raw_code, raw_number)): Path<(String, String)>,
    body: Result<String, StringRejection>,
) -> Result<Json<DecisionAnswer>, ApiFailure> {
    actor.authorize(Permission::ReviewVersions)?;
    let (code, n) = (code(&raw_code)?, number(&raw_number)?);
    let body: DecisionRequest = super::json_body(body)?;
    let ip = peer.ip().to_string();
    Ok(Json(
        services
            .decide_version(&actor, Some(&ip), &code, n, body)
            .await?,
    ))
}

/// Publishes an approved version, with the password again (a signature
/// meaning "published"): assessors use it from now on; the version
/// published before reads `superseded`, and assessments started with it
/// stay on it.
#[utoipa::path(
    post,
    path = "/api/v1/instruments/{code}/versions/{n}/publish",
    tag = "review",
    params(
        ("code" = String, Path, description = "The instrument's code"),
        ("n" = i64, Path, description = "The version number"),
    ),
    request_body(content = PasswordConfirmation, content_type = "application/json"),
    responses(
        (status = 200, description = "Published", body = StatusAnswer),
        (status = 400, description = "Not JSON", body = ApiError),
        (status = 401, description = "No token, or a wrong password", body = ApiError),
        (status = 403, description = "Not a reviewer or administrator", body = ApiError),
        (status = 404, description = "No such version", body = ApiError),
        (status = 409, description = "Not approved", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn publish_version(
    State(services): State<Services>,
    Caller(actor): Caller,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path((raw_code, raw_number)): Path<(String, String)>,
    body: Result<String, StringRejection>,
) -> Result<Json<StatusAnswer>, ApiFailure> {
    actor.authorize(Permission::PublishVersions)?;
    let (code, n) = (code(&raw_code)?, number(&raw_number)?);
    let body: PasswordConfirmation = super::json_body(body)?;
    let ip = peer.ip().to_string();
    Ok(Json(
        services
            .publish_version(&actor, Some(&ip), &code, n, &body.password)
            .await?,
    ))
}

/// Retires an instrument, with a reason and the password again: no new
/// assessments or versions; every version, assessment and signature kept.
#[utoipa::path(
    post,
    path = "/api/v1/instruments/{code}/retire",
    tag = "review",
    params(("code" = String, Path, description = "The instrument's code")),
    request_body(content = RetireRequest, content_type = "application/json"),
    responses(
        (status = 200, description = "Retired", body = StatusAnswer),
        (status = 400, description = "Not JSON", body = ApiError),
        (status = 401, description = "No token, or a wrong password", body = ApiError),
        (status = 403, description = "Not a reviewer or administrator", body = ApiError),
        (status = 404, description = "No such instrument", body = ApiError),
        (status = 409, description = "Retired already", body = ApiError),
        (status = 422, description = "No reason given", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn retire_instrument(
    State(services): State<Services>,
    Caller(actor): Caller,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path(raw_code): Path<String>,
    body: Result<String, StringRejection>,
) -> Result<Json<StatusAnswer>, ApiFailure> {
    actor.authorize(Permission::PublishVersions)?;
    let code = code(&raw_code)?;
    let body: RetireRequest = super::json_body(body)?;
    let ip = peer.ip().to_string();
    Ok(Json(
        services
            .retire_instrument(&actor, Some(&ip), &code, &body.password, &body.reason)
            .await?,
    ))
}

/// Everything that happened to a version: each move between statuses
/// (who, when, why), comment, electronic signature and locale sign-off.
#[utoipa::path(
    get,
    path = "/api/v1/instruments/{code}/versions/{n}/timeline",
    tag = "review",
    params(
        ("code" = String, Path, description = "The instrument's code"),
        ("n" = i64, Path, description = "The version number"),
    ),
    responses(
        (status = 200, description = "The timeline", body = Timeline),
        (status = 401, description = "No token", body = ApiError),
        (status = 403, description = "An assessor", body = ApiError),
        (status = 404, description = "No such version", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn version_timeline(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path((raw_code, raw_number)): Path<(String, String)>,
) -> Result<Json<Timeline>, ApiFailure> {
    actor.authorize(Permission::ViewReview)?;
    let (code, n) = (code(&raw_code)?, number(&raw_number)?);
    Ok(Json(services.version_timeline(&actor, &code, n).await?))
}

/// A version's comments, oldest first; a reply names its thread's first
/// comment, whose state (`resolved`) the whole thread shares.
#[utoipa::path(
    get,
    path = "/api/v1/instruments/{code}/versions/{n}/comments",
    tag = "review",
    params(
        ("code" = String, Path, description = "The instrument's code"),
        ("n" = i64, Path, description = "The version number"),
    ),
    responses(
        (status = 200, description = "The comments", body = Vec<CommentView>),
        (status = 401, description = "No token", body = ApiError),
        (status = 403, description = "An assessor", body = ApiError),
        (status = 404, description = "No such version", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn list_comments(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path((raw_code, raw_number)): Path<(String, String)>,
) -> Result<Json<Vec<CommentView>>, ApiFailure> {
    actor.authorize(Permission::ViewReview)?;
    let (code, n) = (code(&raw_code)?, number(&raw_number)?);
    Ok(Json(services.version_comments(&actor, &code, n).await?))
}

/// Comments on the version (`path` null), a section (`/sections/0`) or an
/// item (`/sections/0/items/1`), or replies to a thread (`reply_to`).
#[utoipa::path(
    post,
    path = "/api/v1/instruments/{code}/versions/{n}/comments",
    tag = "review",
    params(
        ("code" = String, Path, description = "The instrument's code"),
        ("n" = i64, Path, description = "The version number"),
    ),
    request_body(content = NewComment, content_type = "application/json"),
    responses(
        (status = 201, description = "The comment", body = CommentView),
        (status = 400, description = "Not JSON", body = ApiError),
        (status = 401, description = "No token", body = ApiError),
        (status = 403, description = "Not a methodologist, translator or reviewer", body = ApiError),
        (status = 404, description = "No such version", body = ApiError),
        (status = 422, description = "Empty, too long, a path that names no section or item, or a reply to another version's comment", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn add_comment(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path((raw_code, raw_number)): Path<(String, String)>,
    body: Result<String, StringRejection>,
) -> Result<(StatusCode, Json<CommentView>), ApiFailure> {
    actor.authorize(Permission::CommentOnVersions)?;
    let (code, n) = (code(&raw_code)?, number(&raw_number)?);
    let body: NewComment = super::json_body(body)?;
    Ok((
        StatusCode::CREATED,
        Json(services.add_comment(&actor, &code, n, body).await?),
    ))
}

/// Resolves a comment's thread (`{"resolved": true}`) or opens it again.
#[utoipa::path(
    put,
    path = "/api/v1/instruments/{code}/versions/{n}/comments/{id}",
    tag = "review",
    params(
        ("code" = String, Path, description = "The instrument's code"),
        ("n" = i64, Path, description = "The version number"),
        ("id" = i64, Path, description = "A comment of the thread"),
    ),
    request_body(content = CommentResolution, content_type = "application/json"),
    responses(
        (status = 200, description = "The comment, with its thread's state", body = CommentView),
        (status = 400, description = "Not JSON", body = ApiError),
        (status = 401, description = "No token", body = ApiError),
        (status = 403, description = "Not a methodologist, translator or reviewer", body = ApiError),
        (status = 404, description = "No such version or comment", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn resolve_comment(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path((raw_code, raw_number, raw_id)): Path<(String, String, String)>,
    body: Result<String, StringRejection>,
) -> Result<Json<CommentView>, ApiFailure> {
    actor.authorize(Permission::CommentOnVersions)?;
    let (code, n) = (code(&raw_code)?, number(&raw_number)?);
    let id: i64 = raw_id.parse().map_err(|_| ApiFailure::not_found())?;
    let body: CommentResolution = super::json_body(body)?;
    Ok(Json(
        services
            .resolve_comment(&actor, &code, n, id, body.resolved)
            .await?,
    ))
}

/// The versions waiting for review: who submitted each and when, the
/// version assessors use now and how many changes of each class the
/// submitted one makes to it (`scoring` first), open comments, approvals,
/// and whether the caller may decide on it.
#[utoipa::path(
    get,
    path = "/api/v1/review",
    tag = "review",
    responses(
        (status = 200, description = "The inbox", body = Vec<ReviewItem>),
        (status = 401, description = "No token", body = ApiError),
        (status = 403, description = "An assessor", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn review_inbox(
    State(services): State<Services>,
    Caller(actor): Caller,
) -> Result<Json<Vec<ReviewItem>>, ApiFailure> {
    actor.authorize(Permission::ViewReview)?;
    Ok(Json(services.review_inbox(&actor).await?))
}

/// The caller's counts: versions waiting for their review, and versions
/// they wrote that a reviewer sent back.
#[utoipa::path(
    get,
    path = "/api/v1/review/counts",
    tag = "review",
    responses(
        (status = 200, description = "The counts", body = ReviewCounts),
        (status = 401, description = "No token", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn review_counts(
    State(services): State<Services>,
    Caller(actor): Caller,
) -> Result<Json<ReviewCounts>, ApiFailure> {
    Ok(Json(services.review_counts(&actor).await?))
}

/// The installation's settings (how many approvals a version needs).
#[utoipa::path(
    get,
    path = "/api/v1/settings",
    tag = "review",
    responses(
        (status = 200, description = "The settings", body = Settings),
        (status = 401, description = "No token", body = ApiError),
        (status = 403, description = "An assessor", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn get_settings(
    State(services): State<Services>,
    Caller(actor): Caller,
) -> Result<Json<Settings>, ApiFailure> {
    actor.authorize(Permission::ViewReview)?;
    Ok(Json(services.settings(&actor).await?))
}

/// Changes the settings (administrators; audited).
#[utoipa::path(
    put,
    path = "/api/v1/settings",
    tag = "review",
    request_body(content = Settings, content_type = "application/json"),
    responses(
        (status = 200, description = "The settings now", body = Settings),
        (status = 400, description = "Not JSON", body = ApiError),
        (status = 401, description = "No token", body = ApiError),
        (status = 403, description = "Not an administrator", body = ApiError),
        (status = 422, description = "Approvals required not between 1 and 5", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn change_settings(
    State(services): State<Services>,
    Caller(actor): Caller,
    body: Result<String, StringRejection>,
) -> Result<Json<Settings>, ApiFailure> {
    actor.authorize(Permission::ManageSettings)?;
    let body: Settings = super::json_body(body)?;
    Ok(Json(services.change_settings(&actor, body).await?))
}
