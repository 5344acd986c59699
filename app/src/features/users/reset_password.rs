use crate::error::AppError;
use domain::UserId;
use leptos::prelude::*;

/// Sets a temporary password that must be changed at the next sign-in.
#[server(endpoint = "reset_password", prefix = "/api")]
pub async fn reset_password(id: UserId, temporary: String) -> Result<(), AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services
                .reset_password(&ctx.actor()?, id, &temporary)
                .await?)
        }
        .await,
    )
}
