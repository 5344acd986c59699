use crate::error::AppError;
use crate::model::VersionView;
use domain::InstrumentCode;
use leptos::prelude::*;

/// One version of an instrument, its definition as canonical JSON.
#[server(endpoint = "get_version", prefix = "/api")]
pub async fn get_version(code: InstrumentCode, number: i64) -> Result<VersionView, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.get_version(&ctx.actor()?, &code, number).await?)
        }
        .await,
    )
}
