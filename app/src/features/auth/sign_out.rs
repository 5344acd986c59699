use crate::error::AppError;
use leptos::prelude::*;

/// Ends the current session, in the database and in the browser.
#[server(endpoint = "sign_out", prefix = "/api")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            if let (Some(hash), Ok(actor)) = (&ctx.session_token_hash, ctx.actor()) {
                services.sign_out(&actor, hash).await?;
            }
            set_cookie(cookie(SESSION_COOKIE, "", 0, true, ctx.secure_cookies));
            super::redirect_plain_form("/signin");
            Ok(())
        }
        .await,
    )
}
