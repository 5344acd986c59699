//! The HTTP edge: the pages and server functions (Leptos), the public JSON
//! API under `/api/v1`, and the middleware around them.

mod assets;
pub(crate) mod context;
mod cross_site;
mod csp_report;
mod definitions;
pub(crate) mod error_page;
mod forms;
mod health;
mod honest;
mod refusals;
mod translation_files;

pub use refusals::CallerSeen;

use app::{App, shell};
use axum::Router;
use axum::routing::get;
use leptos::prelude::LeptosOptions;
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};
use services::Services;
use std::sync::{Arc, OnceLock};
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;

pub use assets::output_name;
pub use context::EdgeSettings;
pub use csp_report::csp_violations;
pub use honest::MAX_BODY;

/// The app's routes, worked out once per process. Generating them renders
/// the app with a process-wide "suppress resource loads" switch on; doing it
/// per router would stall pages another router in the same process (the
/// test suite runs many) is rendering at that moment.
fn routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(services: Services, leptos_options: LeptosOptions, settings: EdgeSettings) -> Router {
    let routes = routes();
    let state = Arc::new(context::EdgeState {
        services: services.clone(),
        settings,
        forms: forms::FormOutcomes::default(),
    });
    let header = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(
            http::HeaderName::from_static(name),
            http::HeaderValue::from_static(value),
        )
    };
    Router::new()
        .route("/healthz", get(health::healthz))
        .route(
            "/csp-report",
            axum::routing::post(csp_report::csp_report)
                .layer(axum::extract::DefaultBodyLimit::max(64 * 1024)),
        )
        .route(
            app::features::instruments::IMPORT_PATH,
            axum::routing::post(definitions::import),
        )
        .route(
            "/instruments/{code}/versions/{number}/definition.json",
            get(definitions::export),
        )
        .route(
            app::features::translations::UPLOAD_PATH,
            axum::routing::post(translation_files::upload),
        )
        .route(
            "/instruments/{code}/versions/{number}/translations/{file}",
            get(translation_files::download),
        )
        .merge(crate::api::router(services.clone()))
        .merge(assets::routes(
            std::path::Path::new(leptos_options.site_root.as_ref()),
            &leptos_options.output_name,
        ))
        .leptos_routes(&leptos_options, routes, {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler(shell))
        .with_state(leptos_options)
        // Inside `resolve`, so that it knows the signed-in user.
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            refusals::record_refusals,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            forms::carry_form_outcomes,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            context::resolve,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state,
            cross_site::refuse_cross_site_writes,
        ))
        .layer(axum::middleware::from_fn(honest::answer_honestly))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            error_page::from_panic,
        ))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("x-frame-options", "DENY"))
        .layer(header("referrer-policy", "same-origin"))
        .layer(header("cache-control", "no-store"))
        // Brotli at 5 rather than the default 4: a tenth smaller pages (the
        // island props are large JSON) for well under a millisecond more.
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(5)))
        .layer(tower_http::trace::TraceLayer::new_for_http())
}
