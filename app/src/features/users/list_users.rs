use crate::error::AppError;
use crate::model::UserSummary;
use leptos::prelude::*;

#[server(endpoint = "list_users", prefix = "/api")]
pub async fn list_users() -> Result<Vec<UserSummary>, AppError> {
    use crate::backend::*;
    respond(
        async {
            let (backend, ctx) = request()?;
            backend.list_users(&ctx).await
        }
        .await,
    )
}
