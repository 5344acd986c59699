use crate::error::AppError;
use crate::model::UserChange;
use leptos::prelude::*;

/// Changes an account's name, roles or active state, if nobody changed it meanwhile.
#[server(endpoint = "update_user", prefix = "/api")]
pub async fn update_user(change: UserChange) -> Result<(), AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.update_user(&ctx.actor()?, change).await?)
        }
        .await,
    )
}
