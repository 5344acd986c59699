use crate::error::AppError;
use crate::model::NewUser;
use domain::UserId;
use leptos::prelude::*;

/// Creates an account; the person must change the initial password at first sign-in.
#[server(endpoint = "create_user", prefix = "/api")]
pub async fn create_user(user: NewUser) -> Result<UserId, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let id = services.create_user(&ctx.actor()?, user).await?;
            crate::features::auth::redirect_plain_form(&format!("/admin/users/{id}"));
            Ok(id)
        }
        .await,
    )
}
