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
            // Audited: logged once per page view, not per render pass.
            once_per_request(format!("get_user {id}"), async {
                Ok(services.get_user(&ctx.actor()?, id).await?)
            })
            .await
        }
        .await,
    )
}
