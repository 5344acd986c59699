//! Translations of a version: where each wording stands, the files for
//! external translators (Fluent and XLSX, down and up), and the per-locale
//! sign-off. See `services::translations`.

use super::auth::Caller;
use super::error::ApiFailure;
use super::instruments::{code, number};
use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, StringRejection};
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use domain::{Locale, Permission};
use services::model::{ApiError, SignOffLocale, TranslationsView, UploadReport};
use services::translations::{FileFormat, ftl, xlsx};
use services::{ServiceError, Services};
use std::net::SocketAddr;

const FTL: &str = "text/plain; charset=utf-8";
const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// `ru.ftl` → (ru, Fluent). Anything else names nothing.
fn file_of(raw: &str) -> Result<(Locale, FileFormat), ApiFailure> {
    let (locale, ext) = raw.rsplit_once('.').ok_or_else(ApiFailure::not_found)?;
    let locale: Locale = locale.parse().map_err(|_| ApiFailure::not_found())?;
    let format = match ext {
        "ftl" => FileFormat::Ftl,
        "xlsx" => FileFormat::Xlsx,
        _ => return Err(ApiFailure::not_found()),
    };
    Ok((locale, format))
}

/// Where every wording of a version stands: per target locale (each
/// required locale but the source) and variant (`neutral`, `male`,
/// `female`), the number of wordings `missing`, `stale` (made from a source
/// text that has changed since), `draft` and `approved`; then each wording
/// with its stable id and JSON pointer; the progress per locale; the
/// newest sign-off of each locale.
#[utoipa::path(
    get,
    path = "/api/v1/instruments/{code}/versions/{n}/translations",
    tag = "translations",
    params(
        ("code" = String, Path, description = "The instrument's code, e.g. IRNS"),
        ("n" = i64, Path, description = "The version number"),
    ),
    responses(
        (status = 200, description = "The status of every wording", body = TranslationsView),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 404, description = "No such version (or not one the caller sees)", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn get_translations(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path((raw_code, raw_number)): Path<(String, String)>,
) -> Result<Json<TranslationsView>, ApiFailure> {
    let (code, n) = (code(&raw_code)?, number(&raw_number)?);
    Ok(Json(services.translations(&actor, &code, n).await?))
}

/// One locale's texts as a file for a translator: `{locale}.ftl` (Fluent:
/// one message per text, id from its JSON path, gender variants as a
/// `$gender` selector, the source text and its hash in a comment above) or
/// `{locale}.xlsx` (columns key, source, source hash, target, target
/// (female), status, note). The source locale's file is the reference.
#[utoipa::path(
    get,
    path = "/api/v1/instruments/{code}/versions/{n}/translations/{file}",
    tag = "translations",
    params(
        ("code" = String, Path, description = "The instrument's code, e.g. IRNS"),
        ("n" = i64, Path, description = "The version number"),
        ("file" = String, Path, description = "`ru.ftl`, `tg.xlsx`, …: the locale and the format"),
    ),
    responses(
        (status = 200, description = "The file, as an attachment", content_type = "text/plain", body = String),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only translators, methodologists, reviewers and administrators", body = ApiError),
        (status = 404, description = "No such version, locale or format", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn download_translations(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path((raw_code, raw_number, file)): Path<(String, String, String)>,
) -> Result<Response, ApiFailure> {
    actor.authorize(Permission::ReadTranslationFiles)?;
    let (code, n) = (code(&raw_code)?, number(&raw_number)?);
    let (locale, format) = file_of(&file)?;
    let export = services
        .export_translations(&actor, &code, n, locale)
        .await?;
    file_response(&export, format)
}

/// The response carrying an export: the right type and file name.
pub fn file_response(
    export: &services::translations::files::ExportFile,
    format: FileFormat,
) -> Result<Response, ApiFailure> {
    let (bytes, content_type) = match format {
        FileFormat::Ftl => (ftl::write_ftl(export).into_bytes(), FTL),
        FileFormat::Xlsx => (
            xlsx::write_xlsx(export).map_err(|e| ServiceError::Internal(format!("xlsx: {e}")))?,
            XLSX,
        ),
    };
    // Built from a code, a number and a locale code: plain ASCII.
    let disposition = format!(
        "attachment; filename=\"{}-v{}-{}.{}\"",
        export.code,
        export.version,
        export.locale.code(),
        format.extension()
    );
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

/// Uploads a translated file of one locale of a draft. Every row names the
/// source hash it was made against: rows whose source changed since are
/// refused (`stale_source`) rather than written over the new source, rows
/// with an unknown id are refused (`unknown_id`); the rest apply, each
/// reported (`added`, `changed`, `unchanged`, `refused`). A file that does
/// not parse changes nothing (422, every problem with its line or row).
#[utoipa::path(
    put,
    path = "/api/v1/instruments/{code}/versions/{n}/translations/{file}",
    tag = "translations",
    params(
        ("code" = String, Path, description = "The instrument's code, e.g. IRNS"),
        ("n" = i64, Path, description = "The draft's version number"),
        ("file" = String, Path, description = "`ru.ftl`, `tg.xlsx`, …: the locale and the format"),
    ),
    request_body(content = String, description = "The file", content_type = "application/octet-stream"),
    responses(
        (status = 200, description = "What happened to each row", body = UploadReport),
        (status = 401, description = "No token, or not a valid one", body = ApiError),
        (status = 403, description = "Only translators, methodologists and administrators", body = ApiError),
        (status = 404, description = "No such version, locale or format", body = ApiError),
        (status = 409, description = "The version is not a draft", body = ApiError),
        (status = 413, description = "The file is too large", body = ApiError),
        (status = 422, description = "The file does not parse (nothing stored), or it names the source locale", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn upload_translations(
    State(services): State<Services>,
    Caller(actor): Caller,
    Path((raw_code, raw_number, file)): Path<(String, String, String)>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<UploadReport>, ApiFailure> {
    actor.authorize(Permission::Translate)?;
    let body = body.map_err(|e| match e.status() {
        axum::http::StatusCode::PAYLOAD_TOO_LARGE => ApiFailure::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            "payload-too-large",
            "error-payload-too-large",
        ),
        _ => ApiFailure::malformed(e.body_text()),
    })?;
    let (code, n) = (code(&raw_code)?, number(&raw_number)?);
    let (locale, format) = file_of(&file)?;
    Ok(Json(
        services
            .upload_translations(&actor, &code, n, locale, format, &body)
            .await?,
    ))
}

/// A reviewer signs one locale of a version off as a whole, with their
/// password again: every wording of it is approved, who and when recorded.
/// Refused (403) to anyone who wrote a wording of that locale in this
/// version; 422 while any wording is missing or stale. Any later change to
/// a wording of the locale reopens it.
#[utoipa::path(
    post,
    path = "/api/v1/instruments/{code}/versions/{n}/translations/{locale}/sign-off",
    tag = "translations",
    params(
        ("code" = String, Path, description = "The instrument's code, e.g. IRNS"),
        ("n" = i64, Path, description = "The version number"),
        ("locale" = String, Path, description = "`tg`, `ru` or `en` (not the source)"),
    ),
    request_body(content = SignOffLocale, content_type = "application/json"),
    responses(
        (status = 200, description = "Signed off: the translations now", body = TranslationsView),
        (status = 400, description = "Not JSON", body = ApiError),
        (status = 401, description = "No token, or a wrong password", body = ApiError),
        (status = 403, description = "Not a reviewer, or a translator of this locale here", body = ApiError),
        (status = 404, description = "No such version or locale", body = ApiError),
        (status = 409, description = "The version is neither a draft nor in review", body = ApiError),
        (status = 422, description = "Something is missing or stale, or the locale is the source", body = ApiError),
    ),
    security(("bearer" = []))
)]
pub async fn sign_off_translations(
    State(services): State<Services>,
    Caller(actor): Caller,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Path((raw_code, raw_number, raw_locale)): Path<(String, String, String)>,
    body: Result<String, StringRejection>,
) -> Result<Json<TranslationsView>, ApiFailure> {
    actor.authorize(Permission::SignOffTranslations)?;
    let (code, n) = (code(&raw_code)?, number(&raw_number)?);
    let locale: Locale = raw_locale.parse().map_err(|_| ApiFailure::not_found())?;
    let body: SignOffLocale = super::json_body(body)?;
    let ip = peer.ip().to_string();
    services
        .sign_off_translations(&actor, Some(&ip), &code, n, locale, &body.password)
        .await?;
    Ok(Json(services.translations(&actor, &code, n).await?))
}

/// The router serves `…/translations/{file}` (axum's router has no
/// parameters with a suffix) and the handlers read `ru.ftl` from it; the
/// document says what callers use: `{locale}.ftl` and `{locale}.xlsx`.
pub fn document_file_routes(document: &mut utoipa::openapi::OpenApi) {
    let generic = "/api/v1/instruments/{code}/versions/{n}/translations/{file}";
    let Some(item) = document.paths.paths.remove(generic) else {
        return;
    };
    for (ext, what) in [("ftl", "Fluent"), ("xlsx", "XLSX")] {
        let mut item = item.clone();
        for operation in [item.get.as_mut(), item.put.as_mut()].into_iter().flatten() {
            for p in operation.parameters.iter_mut().flatten() {
                let utoipa::openapi::RefOr::T(p) = p else {
                    continue;
                };
                if p.name == "file" {
                    p.name = "locale".to_owned();
                    p.description =
                        Some(format!("`tg`, `ru` or `en`: the locale of the {what} file"));
                }
            }
            if let Some(id) = operation.operation_id.as_mut() {
                id.push('_');
                id.push_str(ext);
            }
        }
        document.paths.paths.insert(
            generic.replace("{file}", &format!("{{locale}}.{ext}")),
            item,
        );
    }
}
