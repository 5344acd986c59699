use crate::error::AppError;
use crate::model::NewUser;
use leptos::prelude::*;

/// Creates an account; the person must change the initial password at first sign-in.
#[server(endpoint = "create_user", prefix = "/api", input = server_fn::codec::Json)]
pub async fn create_user(user: NewUser) -> Result<i64, AppError> {
    use crate::backend::*;
    respond(
        async {
            let (backend, ctx) = request()?;
            backend.create_user(&ctx, user).await.map(|id| id.0)
        }
        .await,
    )
}
