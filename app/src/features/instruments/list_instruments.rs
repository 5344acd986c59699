use crate::error::AppError;
use crate::model::InstrumentSummary;
use leptos::prelude::*;

/// Every instrument with its latest published version.
#[server(endpoint = "list_instruments", prefix = "/api")]
pub async fn list_instruments() -> Result<Vec<InstrumentSummary>, AppError> {
    use crate::backend::*;
    respond(
        async {
            let (backend, ctx) = request()?;
            backend.list_instruments(&ctx).await
        }
        .await,
    )
}
