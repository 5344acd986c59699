use crate::error::AppError;
use leptos::prelude::*;

/// Changes one's own password; other sessions of the account are ended.
#[server(endpoint = "change_password", prefix = "/api", input = server_fn::codec::Json)]
pub async fn change_password(
    current: String,
    new: String,
    confirm: String,
) -> Result<(), AppError> {
    use crate::backend::*;
    respond(
        async {
            if new != confirm {
                return Err(AppError::invalid("confirm", "error-password-mismatch"));
            }
            let (backend, ctx) = request()?;
            backend.change_password(&ctx, &current, &new).await
        }
        .await,
    )
}
