use crate::error::AppError;
use crate::model::{CreatedToken, NewToken};
use leptos::prelude::*;

/// Makes an API token for one's own account; its secret is returned once.
#[server(endpoint = "create_token", prefix = "/api")]
pub async fn create_token(token: NewToken) -> Result<CreatedToken, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.create_token(&ctx.actor()?, token).await?)
        }
        .await,
    )
}
