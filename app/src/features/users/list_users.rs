use crate::error::AppError;
use crate::model::UserSummary;
use leptos::prelude::*;

/// Every account, for administrators.
#[server(endpoint = "list_users", prefix = "/api")]
pub async fn list_users() -> Result<Vec<UserSummary>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            // Audited: logged once per page view, not per render pass.
            once_per_request("list_users".into(), async {
                Ok(services.list_users(&ctx.actor()?).await?)
            })
            .await
        }
        .await,
    )
}
