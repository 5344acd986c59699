use crate::error::AppError;
use leptos::prelude::*;

/// Ends the current session, in the database and in the browser.
#[server(endpoint = "sign_out", prefix = "/api")]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::backend::*;
    respond(
        async {
            let (backend, ctx) = request()?;
            backend.sign_out(&ctx).await?;
            set_cookie(cookie(SESSION_COOKIE, "", 0, true, ctx.secure_cookies));
            super::redirect_plain_form("/signin");
            Ok(())
        }
        .await,
    )
}
