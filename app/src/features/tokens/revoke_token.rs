use crate::error::AppError;
use domain::TokenId;
use leptos::prelude::*;

/// Revokes one of one's own API tokens; it stops working at once.
#[server(endpoint = "revoke_token", prefix = "/api")]
pub async fn revoke_token(id: TokenId) -> Result<(), AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.revoke_token(&ctx.actor()?, id).await?)
        }
        .await,
    )
}
