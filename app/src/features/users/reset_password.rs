use crate::error::AppError;
use leptos::prelude::*;

/// Sets a temporary password that must be changed at the next sign-in.
#[server(endpoint = "reset_password", prefix = "/api", input = server_fn::codec::Json)]
pub async fn reset_password(id: i64, temporary: String) -> Result<(), AppError> {
    use crate::backend::*;
    use domain::UserId;
    respond(
        async {
            let (backend, ctx) = request()?;
            backend.reset_password(&ctx, UserId(id), &temporary).await
        }
        .await,
    )
}
