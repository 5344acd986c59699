//! The public JSON API under `/api/v1`: how other systems of a prison
//! service (a prisoner register, statistics) read published instruments,
//! and later assessments, without scraping pages.
//!
//! Each handler extracts, calls the same service method a page calls, and
//! maps the error; roles are checked and audit events written there, once.
//! The OpenAPI 3.1 document is generated from these handlers (utoipa), so
//! it cannot list a route that does not exist or miss one that does; it is
//! served at `GET /api/v1/openapi.json`. Server functions (`/api/<name>`)
//! stay internal to the pages: this is the stable contract.

mod assessments;
mod auth;
mod error;
mod exports;
mod facilities;
mod instruments;
mod me;
mod review;
mod subjects;
mod translations;

pub use error::ApiFailure;
pub use translations::file_response as translation_file;

use axum::Router;
use axum::http::header;
use axum::response::IntoResponse;
use services::Services;
use std::sync::OnceLock;
use utoipa::OpenApi;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Mizon API",
        version = "1",
        description = "Prison risk and needs assessment instruments, in Tajik, Russian and English. \
            Every request but this document's sends `Authorization: Bearer TOKEN` (a token from \
            one's account page, or `mizon admin create-token`). Errors answer \
            `{\"error\", \"message\", \"problems\"}`; `Accept-Language` (tg, ru, en) picks the \
            message's language.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later")
    ),
    modifiers(&BearerScheme),
    tags(
        (name = "account", description = "Who the token acts as"),
        (name = "instruments", description = "The instrument library"),
        (name = "assessments", description = "Assessments of subjects with published instruments"),
        (name = "facilities", description = "Facilities and who works at which"),
        (name = "translations", description = "Translations of a version: status, files for translators, sign-off"),
        (name = "review", description = "Review, approval and publication of versions: submit, decide (four eyes, signed), publish, retire, comments, timeline"),
        (name = "subjects", description = "The subjects assessed (prisoners), by pseudonymous code"),
    )
)]
struct ApiDoc;

struct BearerScheme;

impl utoipa::Modify for BearerScheme {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        let mut http = Http::new(HttpAuthScheme::Bearer);
        http.description = Some("An API token (`mizon_…`).".to_owned());
        components.add_security_scheme("bearer", SecurityScheme::Http(http));
    }
}

/// This document.
#[utoipa::path(
    get,
    path = "/api/v1/openapi.json",
    tag = "account",
    responses((status = 200, description = "The OpenAPI 3.1 document", content_type = "application/json"))
)]
async fn openapi_json() -> impl IntoResponse {
    static DOCUMENT: OnceLock<String> = OnceLock::new();
    let document = DOCUMENT.get_or_init(|| {
        openapi()
            .to_pretty_json()
            .expect("the OpenAPI document serialises")
    });
    (
        [(header::CONTENT_TYPE, "application/json")],
        document.as_str(),
    )
}

fn parts() -> (Router<Services>, utoipa::openapi::OpenApi) {
    let (router, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(openapi_json))
        .routes(routes!(me::me))
        .routes(routes!(instruments::list_instruments))
        .routes(routes!(
            instruments::list_versions,
            instruments::import_version
        ))
        .routes(routes!(instruments::get_version, instruments::save_draft))
        .routes(routes!(instruments::diff_versions))
        .routes(routes!(translations::get_translations))
        .routes(routes!(
            translations::download_translations,
            translations::upload_translations
        ))
        .routes(routes!(translations::sign_off_translations))
        .routes(routes!(review::submit_version))
        .routes(routes!(review::decide_version))
        .routes(routes!(review::publish_version))
        .routes(routes!(review::retire_instrument))
        .routes(routes!(review::version_timeline))
        .routes(routes!(review::list_comments, review::add_comment))
        .routes(routes!(review::resolve_comment))
        .routes(routes!(review::review_inbox))
        .routes(routes!(review::review_counts))
        .routes(routes!(review::get_settings, review::change_settings))
        .routes(routes!(
            facilities::list_facilities,
            facilities::create_facility
        ))
        .routes(routes!(facilities::set_user_facilities))
        .routes(routes!(subjects::search_subjects, subjects::create_subject))
        .routes(routes!(subjects::get_subject, subjects::update_subject))
        .routes(routes!(subjects::transfer_subject))
        .routes(routes!(subjects::subject_assessments))
        .routes(routes!(assessments::start_assessment))
        .routes(routes!(assessments::get_assessment))
        .routes(routes!(assessments::save_answers))
        .routes(routes!(assessments::submit_assessment))
        .routes(routes!(assessments::amend_assessment))
        .routes(routes!(exports::export_csv))
        .routes(routes!(exports::export_xlsx))
        .split_for_parts();
    translations::document_file_routes(&mut document);
    (router, document)
}

/// The OpenAPI document of the routes [`router`] serves.
pub fn openapi() -> utoipa::openapi::OpenApi {
    parts().1
}

/// A JSON body read into its request type: too large is 413, anything
/// that is not JSON of that shape 400 (field values are the service's to
/// judge, with a 422 that names the field).
fn json_body<T: serde::de::DeserializeOwned>(
    body: Result<String, axum::extract::rejection::StringRejection>,
) -> Result<T, ApiFailure> {
    let text = instruments::body_text(body)?;
    serde_json::from_str(&text).map_err(|e| ApiFailure::malformed(e.to_string()))
}

async fn no_such_route() -> ApiFailure {
    ApiFailure::new(
        axum::http::StatusCode::NOT_FOUND,
        "no-such-route",
        "error-no-such-route",
    )
}

/// The API's routes, with their full `/api/v1/…` paths, ready to merge.
pub fn router<S: Clone + Send + Sync + 'static>(services: Services) -> Router<S> {
    parts()
        .0
        .route("/api/v1", axum::routing::any(no_such_route))
        .route("/api/v1/{*rest}", axum::routing::any(no_such_route))
        .layer(axum::middleware::from_fn(error::localize))
        .with_state(services)
}
