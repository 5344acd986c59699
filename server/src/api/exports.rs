//! Exports of an instrument version's submitted assessments, as CSV and
//! XLSX files, for reviewers and administrators: one row per assessment
//! (an amendment in place of what it corrects), one column per item, the
//! labels in a chosen language. See `services::exports` for the table and
//! [`files`] for how it is written.

mod files;

use super::auth::Caller;
use super::error::{ApiFailure, request_locale};
use super::instruments::{code, number};
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use domain::{Locale, Permission};
use services::exports::ExportFormat;
use services::model::ApiError;
use services::{ServiceError, Services};

const CSV: &str = "text/csv; charset=utf-8; header=present";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The query string of an export.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// The language of the labels and words: `tg`, `ru` or `en`. Left out:
    /// the caller's language from `Accept-Language`, else English.
    locale: Option<String>,
}

/// The export's locale: asked for, else the caller's.
fn locale_of(
    query: Result<Query<ExportQuery>, QueryRejection>,
    headers: &HeaderMap,
) -> Result<Locale, ApiFailure> {
    let Query(query) = query.map_err(|e| ApiFailure::malformed(e.body_text()))?;
    match query.locale {
        None => Ok(request_locale(headers)),
        Some(raw) => raw.parse().map_err(|_| {
            ServiceError::Invalid {
                field: "locale",
                message_id: "error-export-locale",
            }
            .into()
        }),
    }
}

/// Checks the role (before anything of the request is judged), then
/// exports and writes the file.
async fn export(
    services: Services,
    actor: services::Actor,
    (raw_code, raw_number): (String, String),
    query: Result<Query<ExportQuery>, QueryRejection>,
    headers: &HeaderMap,
    format: ExportFormat,
) -> Result<Response, ApiFailure> {
    actor.authorize(Permission::ExportAssessments)?;
    let locale = locale_of(query, headers)?;
    let (code, number) = (code(&raw_code)?, number(&raw_number)?);
    let table = services
        .export_assessments(&actor, &code, number, locale, format)
        .await?;
    let (bytes, content_type) = match format {
        ExportFormat::Csv => (
            files::csv(&table).map_err(|e| ServiceError::Internal(format!("csv: {e}")))?,
            CSV,
        ),
        ExportFormat::Xlsx => (
            files::xlsx(&table).map_err(|e| ServiceError::Internal(format!("xlsx: {e}")))?,
            XLSX,
        ),
    };
    // The file name is built from a code and a number: plain ASCII.
    let disposition = format!("attachment; filename=\"{}\"", table.file_name(format));
    let disposition = HeaderValue::from_str(&disposition)
        .map_err(|e| ServiceError::Internal(format!("file name: {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

/// Every submitted assessment of one version as a CSV file (UTF-8 with a
/// byte-order mark, CRLF line ends): a first header row of stable column
/// keys, a second of labels in the chosen language, then one row per
/// assessment — superseded ones left out, an amendment in place of what
/// it corrects. Columns: `assessment.id`, `.subject`, `.facility`,
/// `.assessor`, `.locale`, `.gender`, `.submitted_at`, `.amends`; one per
/// item (its key; options as their labels, omitted items marked); one per
/// judgement (`judgement.KEY`); two per score (`score.KEY.value`,
/// `score.KEY.band`); one per flag (`flag.KEY`). Text that a spreadsheet
/// would take for a formula starts with `'`. Reviewers get the
/// assessments of the facilities they work at, administrators all. Each
/// export is in the audit log.
#[utoipa::path(
    get,
    path = "/api/v1/instruments/{code}/versions/{n}/assessments.csv",
    tag = "assessments",
    params(
        ("code" = String, Path, description = "The instrument's code, e.g. IRNS"),
        ("n" = i64, Path, description = "The version number"),
        ExportQuery,
    ),
    responses(
        (status = 200, description = "The CSV file (`Content-Disposition: attachment; filename=\"IRNS-v1-assessments.csv\"`)", content_type = "text/csv", body = String),
        (status = 400, description = "The query string cannot be read", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only reviewers and administrators export assessments", body = ApiError),
        (status = 404, description = "No such version", body = ApiError),
        (status = 422, description = "An unknown `locale`", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn export_csv(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(path): Path<(String, String)>,
    headers: HeaderMap,
    query: Result<Query<ExportQuery>, QueryRejection>,
) -> Result<Response, ApiFailure> {
    export(services, actor, path, query, &headers, ExportFormat::Csv).await
}

/// The same table as the CSV export, as an XLSX workbook of one worksheet
/// (header rows bold and frozen; numbers as numbers, text as text, never
/// a formula).
#[utoipa::path(
    get,
    path = "/api/v1/instruments/{code}/versions/{n}/assessments.xlsx",
    tag = "assessments",
    params(
        ("code" = String, Path, description = "The instrument's code, e.g. IRNS"),
        ("n" = i64, Path, description = "The version number"),
        ExportQuery,
    ),
    responses(
        (status = 200, description = "The XLSX workbook (`Content-Disposition: attachment; filename=\"IRNS-v1-assessments.xlsx\"`)", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 400, description = "The query string cannot be read", body = ApiError),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only reviewers and administrators export assessments", body = ApiError),
        (status = 404, description = "No such version", body = ApiError),
        (status = 422, description = "An unknown `locale`", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn export_xlsx(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path(path): Path<(String, String)>,
    headers: HeaderMap,
    query: Result<Query<ExportQuery>, QueryRejection>,
) -> Result<Response, ApiFailure> {
    export(services, actor, path, query, &headers, ExportFormat::Xlsx).await
}
