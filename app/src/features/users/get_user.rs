use crate::error::AppError;
use crate::model::UserSummary;
use domain::UserId;
use leptos::prelude::*;

/// One account, for an administrator's edit form.
#[server(endpoint = "get_user", prefix = "/api")]
pub async fn get_user(id: UserId) -> Result<UserSummary, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.get_user(&ctx.actor()?, id).await?)
        }
        .await,
    )
}
