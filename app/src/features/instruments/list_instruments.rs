use crate::error::AppError;
use crate::model::InstrumentSummary;
use leptos::prelude::*;

/// Every instrument the user may see, with its latest published version.
#[server(endpoint = "list_instruments", prefix = "/api")]
pub async fn list_instruments() -> Result<Vec<InstrumentSummary>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.list_instruments(&ctx.actor()?).await?)
        }
        .await,
    )
}
