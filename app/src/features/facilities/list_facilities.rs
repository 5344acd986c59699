use crate::error::AppError;
use crate::model::Facility;
use leptos::prelude::*;

/// Every facility, by code.
#[server(endpoint = "list_facilities", prefix = "/api")]
pub async fn list_facilities() -> Result<Vec<Facility>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.list_facilities(&ctx.actor()?).await?)
        }
        .await,
    )
}
