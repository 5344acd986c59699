//! Definition files to and from the pages: the import form's upload (a
//! multipart post, which a server function's form encoding cannot carry)
//! and the export link's download. Same services, roles and audit events as
//! the API and the command line; the answers follow the server functions'
//! (an `AppError` body on refusal), so plain forms keep their outcome.

use app::error::AppError;
use app::request::RequestCtx;
use axum::Extension;
use axum::extract::{Multipart, Path};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use domain::InstrumentCode;
use services::Services;

fn refuse(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST);
    (status, axum::Json(error)).into_response()
}

/// The uploaded file's text, from the form's `file` field.
async fn uploaded(mut form: Multipart) -> Result<String, AppError> {
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some("file") {
            let bytes = field.bytes().await.map_err(|_| AppError::Malformed)?;
            if bytes.is_empty() {
                break;
            }
            return String::from_utf8(bytes.to_vec())
                .map_err(|_| AppError::invalid("file", "error-import-file"));
        }
    }
    Err(AppError::invalid("file", "error-import-file"))
}

/// `POST /api/import_definition`: a definition file as the next draft
/// version of its instrument (a new instrument when its code is new); on
/// success, to its instrument's page.
pub async fn import(
    Extension(services): Extension<Services>,
    Extension(ctx): Extension<RequestCtx>,
    form: Multipart,
) -> Response {
    let result = async {
        let actor = ctx.actor()?;
        actor
            .authorize(domain::Permission::ImportInstruments)
            .map_err(AppError::from)?;
        let source = uploaded(form).await?;
        Ok::<_, AppError>(services.import_version(&actor, &source, None).await?)
    }
    .await;
    match result {
        Ok(version) => {
            let target = app::features::instruments::draft_path(&version.code, version.version);
            let mut response = StatusCode::SEE_OTHER.into_response();
            if let Ok(location) = HeaderValue::from_str(&target) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            response
        }
        Err(error) => refuse(error),
    }
}

/// `GET /instruments/{code}/versions/{n}/definition.json`: the stored
/// canonical definition, as a file to save.
pub async fn export(
    Extension(services): Extension<Services>,
    Extension(ctx): Extension<RequestCtx>,
    Path((code, number)): Path<(String, String)>,
) -> Response {
    let result = async {
        let code: InstrumentCode = code.parse().map_err(|_| AppError::NotFound)?;
        let number: i64 = number.parse().map_err(|_| AppError::NotFound)?;
        let text = services
            .export_definition(&ctx.actor()?, &code, Some(number))
            .await?;
        Ok::<_, AppError>((code, number, text))
    }
    .await;
    match result {
        Ok((code, number, text)) => (
            [
                (header::CONTENT_TYPE, "application/json".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{code}-v{number}.json\""),
                ),
            ],
            text,
        )
            .into_response(),
        Err(error) => {
            let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::NOT_FOUND);
            let text = app::i18n::tr(ctx.locale, error.message_id());
            (status, text).into_response()
        }
    }
}
