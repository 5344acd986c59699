use crate::error::AppError;
use crate::model::TokenSummary;
use leptos::prelude::*;

/// One's own API tokens, newest first.
#[server(endpoint = "list_tokens", prefix = "/api")]
pub async fn list_tokens() -> Result<Vec<TokenSummary>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.list_tokens(&ctx.actor()?).await?)
        }
        .await,
    )
}
