use crate::error::AppError;
use crate::model::UserSummary;
use leptos::prelude::*;

#[server(endpoint = "get_user", prefix = "/api")]
pub async fn get_user(id: i64) -> Result<UserSummary, AppError> {
    use crate::backend::*;
    use domain::UserId;
    respond(
        async {
            let (backend, ctx) = request()?;
            backend.get_user(&ctx, UserId(id)).await
        }
        .await,
    )
}
