use crate::error::AppError;
use leptos::prelude::*;

/// Changes one's own password; other sessions of the account are ended.
#[server(endpoint = "change_password", prefix = "/api")]
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
            services
                .change_password(
                    &ctx.actor()?,
                    ctx.session_token_hash.as_deref(),
                    ctx.client_ip.as_deref(),
                    change,
                )
                .await?;
            // A first sign-in's required change leads on to the start page.
            if ctx.user.is_some_and(|u| u.must_change_password) {
                super::redirect_plain_form("/");
            }
            Ok(())
        }
        .await,
    )
}
