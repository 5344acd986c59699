use crate::error::AppError;
use crate::model::InstrumentSummary;
use leptos::prelude::*;

/// Every instrument the user may see (or only those `q` finds by code or
/// title), with its latest published version, open version and
/// translation completeness.
#[server(endpoint = "list_instruments", prefix = "/api")]
pub async fn list_instruments(q: Option<String>) -> Result<Vec<InstrumentSummary>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services
                .list_instruments(&ctx.actor()?, q.as_deref())
                .await?)
        }
        .await,
    )
}
