use crate::error::AppError;
use leptos::prelude::*;

/// Changes one's own password; other sessions of the account are ended.
#[server(endpoint = "change_password", prefix = "/api", input = server_fn::codec::Json)]
pub async fn change_password(
    current: String,
    new: String,
    confirm: String,
) -> Result<(), AppError> {
    use crate::model::PasswordChange;
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let change = PasswordChange {
                current,
                new,
                confirm,
            };
            Ok(services
                .change_password(
                    &ctx.actor()?,
                    ctx.session_token_hash.as_deref(),
                    ctx.client_ip.as_deref(),
                    change,
                )
                .await?)
        }
        .await,
    )
}
