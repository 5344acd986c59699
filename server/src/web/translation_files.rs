//! Translation files to and from the translation page: the download links
//! (`GET /instruments/{code}/versions/{n}/translations/{locale}.ftl` or
//! `.xlsx`) and the upload form (a multipart post, which a server
//! function's form encoding cannot carry). Same services, roles and audit
//! events as the JSON API; answers as the server functions' (an `AppError`
//! body on refusal, the report on success), so the plain form shows them.

use app::error::AppError;
use app::request::RequestCtx;
use axum::Extension;
use axum::extract::{Multipart, Path};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::{InstrumentCode, Locale};
use services::Services;
use services::translations::FileFormat;

fn refuse(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST);
    (status, axum::Json(error)).into_response()
}

/// `ru.ftl` → (ru, Fluent).
fn file_of(name: &str) -> Option<(Locale, FileFormat)> {
    let (locale, ext) = name.rsplit_once('.')?;
    let format = match ext.to_ascii_lowercase().as_str() {
        "ftl" => FileFormat::Ftl,
        "xlsx" => FileFormat::Xlsx,
        _ => return None,
    };
    Some((locale.parse().ok()?, format))
}

/// `GET /instruments/{code}/versions/{n}/translations/{file}`.
pub async fn download(
    Extension(services): Extension<Services>,
    Extension(ctx): Extension<RequestCtx>,
    Path((code, number, file)): Path<(String, String, String)>,
) -> Response {
    let result = async {
        let code: InstrumentCode = code.parse().map_err(|_| AppError::NotFound)?;
        let number: i64 = number.parse().map_err(|_| AppError::NotFound)?;
        let (locale, format) = file_of(&file).ok_or(AppError::NotFound)?;
        let export = services
            .export_translations(&ctx.actor()?, &code, number, locale)
            .await?;
        Ok::<_, AppError>((export, format))
    }
    .await;
    match result {
        Ok((export, format)) => match crate::api::translation_file(&export, format) {
            Ok(response) => response,
            Err(failure) => failure.into_response(),
        },
        Err(error) => {
            let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::NOT_FOUND);
            let text = app::i18n::tr(ctx.locale, error.message_id());
            (status, text).into_response()
        }
    }
}

/// `POST /api/upload_translations`: fields `code`, `number`, `locale` and
/// `file` (its name's extension says the format).
pub async fn upload(
    Extension(services): Extension<Services>,
    Extension(ctx): Extension<RequestCtx>,
    mut form: Multipart,
) -> Response {
    let result = async {
        let actor = ctx.actor()?;
        actor
            .authorize(domain::Permission::Translate)
            .map_err(AppError::from)?;
        let (mut code, mut number, mut locale, mut file) = (None, None, None, None);
        while let Ok(Some(field)) = form.next_field().await {
            match field.name() {
                Some("file") => {
                    let format = field.file_name().and_then(|n| {
                        let ext = n.rsplit('.').next()?.to_ascii_lowercase();
                        match ext.as_str() {
                            "ftl" => Some(FileFormat::Ftl),
                            "xlsx" => Some(FileFormat::Xlsx),
                            _ => None,
                        }
                    });
                    let bytes = field.bytes().await.map_err(|_| AppError::Malformed)?;
                    file = Some((format, bytes));
                }
                Some("code") => code = field.text().await.ok(),
                Some("number") => number = field.text().await.ok(),
                Some("locale") => locale = field.text().await.ok(),
                _ => {}
            }
        }
        let code: InstrumentCode = code
            .and_then(|c| c.parse().ok())
            .ok_or(AppError::NotFound)?;
        let number: i64 = number
            .and_then(|n| n.parse().ok())
            .ok_or(AppError::NotFound)?;
        let locale: Locale = locale
            .and_then(|l| l.parse().ok())
            .ok_or_else(|| AppError::invalid("locale", "error-translation-not-a-target"))?;
        let (format, bytes) = match file {
            Some((Some(format), bytes)) if !bytes.is_empty() => (format, bytes),
            _ => return Err(AppError::invalid("file", "error-translation-file-kind")),
        };
        let report = services
            .upload_translations(&actor, &code, number, locale, format, &bytes)
            .await
            .map_err(|e| match e {
                services::ServiceError::InvalidFile(problems) => AppError::InvalidFile { problems },
                other => AppError::from(other),
            })?;
        Ok::<_, AppError>(report)
    }
    .await;
    match result {
        Ok(report) => axum::Json(report).into_response(),
        Err(error) => refuse(error),
    }
}
