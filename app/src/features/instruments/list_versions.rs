use crate::error::AppError;
use crate::model::VersionSummary;
use domain::InstrumentCode;
use leptos::prelude::*;

/// The versions of an instrument the user may see, oldest first.
#[server(endpoint = "list_versions", prefix = "/api")]
pub async fn list_versions(code: InstrumentCode) -> Result<Vec<VersionSummary>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.list_versions(&ctx.actor()?, &code).await?)
        }
        .await,
    )
}
