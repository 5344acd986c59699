//! The instrument library: list instruments, their versions, read one
//! version with its definition, import a definition as a new draft.

use super::auth::Caller;
use super::error::ApiFailure;
use axum::Json;
use axum::extract::rejection::{QueryRejection, StringRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use domain::InstrumentCode;
use services::model::{
    ApiError, DraftSave, InstrumentSummary, SavedDraft, VersionDiff, VersionSummary, VersionView,
};
use services::{ServiceError, Services};

/// A code in a path that is not a valid code names nothing.
pub(super) fn code(raw: &str) -> Result<InstrumentCode, ApiFailure> {
    raw.parse().map_err(|_| ApiFailure::not_found())
}

pub(super) fn number(raw: &str) -> Result<i64, ApiFailure> {
    raw.parse().map_err(|_| ApiFailure::not_found())
}

/// The search of the instruments list, from the query string.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InstrumentSearch {
    /// Words that the code or a title must each contain, case-insensitively;
    /// Tajik letters match their Russian look-alikes (`Чалбшави` finds
    /// `Ҷалбшавӣ`, `е` finds `ё`). Absent or blank: every instrument.
    q: Option<String>,
}

/// Every instrument the caller may see, with its latest published version,
/// its open version (not for assessors) and the translation completeness
/// per required locale. Assessors see those with a published version; the
/// people who write and review instruments see all.
#[utoipa::path(
    get,
    path = "/api/v1/instruments",
    tag = "instruments",
    params(InstrumentSearch),
    responses(
        (status = 200, description = "The instruments, by code (only those the search finds)", body = Vec<InstrumentSummary>),
        (status = 400, description = "The query string cannot be read", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "The caller's roles do not allow it", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn list_instruments(
    State(services): State<Services>,
    Caller(actor): Caller,
    query: Result<Query<InstrumentSearch>, QueryRejection>,
) -> Result<Json<Vec<InstrumentSummary>>, ApiFailure> {
    let search = query.map_err(|e| ApiFailure::malformed(e.body_text()))?;
    Ok(Json(
        services
            .list_instruments(&actor, search.q.as_deref())
            .await?,
    ))
}

/// The versions of one instrument, oldest first (assessors: published only).
#[utoipa::path(
    get,
    path = "/api/v1/instruments/{code}/versions",
    tag = "instruments",
    params(("code" = String, Path, description = "The instrument's code, e.g. IRNS")),
    responses(
        (status = 200, description = "Its versions", body = Vec<VersionSummary>),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "The caller's roles do not allow it", body = ApiError),
        (status = 404, description = "No such instrument (or none the caller may see)", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn list_versions(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(raw): Path<String>,
) -> Result<Json<Vec<VersionSummary>>, ApiFailure> {
    Ok(Json(services.list_versions(&actor, &code(&raw)?).await?))
}

/// One version with its canonical definition and that definition's SHA-256.
#[utoipa::path(
    get,
    path = "/api/v1/instruments/{code}/versions/{n}",
    tag = "instruments",
    params(
        ("code" = String, Path, description = "The instrument's code, e.g. IRNS"),
        ("n" = i64, Path, description = "The version number"),
    ),
    responses(
        (status = 200, description = "The version", body = VersionView),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "The caller's roles do not allow it", body = ApiError),
        (status = 404, description = "No such version (or not one the caller may see)", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn get_version(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path((raw_code, raw_number)): Path<(String, String)>,
) -> Result<Json<VersionView>, ApiFailure> {
    let (code, number) = (code(&raw_code)?, number(&raw_number)?);
    Ok(Json(services.get_version(&actor, &code, number).await?))
}

/// The body as text; too large is 413, unreadable 400.
pub(super) fn body_text(body: Result<String, StringRejection>) -> Result<String, ApiFailure> {
    body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiFailure::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload-too-large",
                "error-payload-too-large",
            )
        } else {
            ApiFailure::malformed(rejection.body_text())
        }
    })
}

/// Saves a draft's whole definition. `revision` is the one the edit started
/// from: when someone saved the draft meanwhile, the save is refused (409)
/// with the current revision and the sent definition handed back intact.
/// A definition with check problems is saved, and they are listed (they
/// block submission for review); one that is not in the format is refused
/// (422) with every problem's path.
#[utoipa::path(
    put,
    path = "/api/v1/instruments/{code}/versions/{n}",
    tag = "instruments",
    params(
        ("code" = String, Path, description = "The instrument's code; must equal the definition's `meta.code`"),
        ("n" = i64, Path, description = "The draft's version number"),
    ),
    request_body(content = DraftSave, content_type = "application/json"),
    responses(
        (status = 200, description = "Saved: the new revision and every remaining check problem", body = SavedDraft),
        (status = 400, description = "Not JSON, no `revision`, or `meta.code` differs from the path", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only methodologists and administrators edit drafts", body = ApiError),
        (status = 404, description = "No such version", body = ApiError),
        (status = 409, description = "`revision` is stale, or the version is not a draft; `current_revision` and `refused` (the definition sent) come back", body = ApiError),
        (status = 413, description = "The body is too large", body = ApiError),
        (status = 422, description = "Not a definition in the format: every problem with its JSON pointer", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn save_draft(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path((raw_code, raw_number)): Path<(String, String)>,
    body: Result<String, StringRejection>,
) -> Result<Json<SavedDraft>, ApiFailure> {
    let body = body_text(body)?;
    actor.authorize(domain::Permission::EditDrafts)?;
    let (code, number) = (code(&raw_code)?, number(&raw_number)?);
    let save: DraftSave =
        serde_json::from_str(&body).map_err(|e| ApiFailure::malformed(e.to_string()))?;
    let sent = save.definition.get();
    services
        .save_draft(&actor, &code, number, save.revision, sent)
        .await
        .map(Json)
        .map_err(|e| {
            let mut failure = ApiFailure::from(e);
            if failure.status == StatusCode::CONFLICT {
                failure.save.get_or_insert_default().refused = Some(sent.into());
            }
            failure
        })
}

/// The two version numbers of a diff, from the query string.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DiffRange {
    /// The earlier version.
    from: String,
    /// The later version.
    to: String,
}

/// What changed from version `from` to version `to`: per section and item,
/// scoring rule and text × language × gender variant, each change classed
/// `structural`, `scoring`, `wording` (source-language text) or
/// `translation` (other languages only), with its JSON pointer.
#[utoipa::path(
    get,
    path = "/api/v1/instruments/{code}/diff",
    tag = "instruments",
    params(("code" = String, Path, description = "The instrument's code, e.g. IRNS"), DiffRange),
    responses(
        (status = 200, description = "The changes, in document order", body = VersionDiff),
        (status = 400, description = "`from` or `to` is missing or not a number", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "The caller's roles do not allow it", body = ApiError),
        (status = 404, description = "No such version (or not one the caller may see)", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn diff_versions(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(raw): Path<String>,
    query: Result<Query<DiffRange>, QueryRejection>,
) -> Result<Json<VersionDiff>, ApiFailure> {
    let code = code(&raw)?;
    let range = query.map_err(|e| ApiFailure::malformed(e.body_text()))?;
    let parse = |raw: &str| {
        raw.parse::<i64>()
            .map_err(|_| ApiFailure::malformed(format!("not a version number: {raw}")))
    };
    let (from, to) = (parse(&range.from)?, parse(&range.to)?);
    Ok(Json(services.diff_versions(&actor, &code, from, to).await?))
}

/// Checks a definition (JSON, the JSON Schema, then every semantic rule)
/// and stores it as the next draft version; creates the instrument when
/// the code is new.
#[utoipa::path(
    post,
    path = "/api/v1/instruments/{code}/versions",
    tag = "instruments",
    params(("code" = String, Path, description = "The instrument's code; must equal the body's `meta.code`")),
    request_body(content = Object, description = "A definition (see instrument-library/FORMAT.md)", content_type = "application/json"),
    responses(
        (status = 201, description = "Stored as a draft", body = VersionView),
        (status = 400, description = "Not JSON, or `meta.code` differs from the path", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only methodologists and administrators import", body = ApiError),
        (status = 409, description = "The instrument has an unpublished version already", body = ApiError),
        (status = 413, description = "The body is too large", body = ApiError),
        (status = 422, description = "The definition has problems, each with its JSON pointer", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn import_version(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(raw): Path<String>,
    body: Result<String, StringRejection>,
) -> Result<(StatusCode, Json<VersionView>), ApiFailure> {
    let body = body_text(body)?;
    // Authorise before reading the document: a refused caller learns nothing
    // about what the definition's checks would say.
    actor.authorize(domain::Permission::ImportInstruments)?;
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(&body) {
        return Err(ApiFailure::malformed(e.to_string()));
    }
    // A code that cannot be an instrument's is a mismatch with any body.
    let expected = raw
        .parse::<InstrumentCode>()
        .map_err(|_| ApiFailure::from(ServiceError::BadRequest("error-code-mismatch")))?;
    let version = services
        .import_version(&actor, &body, Some(&expected))
        .await?;
    Ok((StatusCode::CREATED, Json(version)))
}
