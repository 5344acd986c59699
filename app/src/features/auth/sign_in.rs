use crate::error::AppError;
use crate::model::SessionUser;
use leptos::prelude::*;

/// Checks the credentials and starts a database-backed session (cookie).
/// The browser's previous session, if it had one, ends: a shared computer
/// never keeps two live sessions, one of them forgotten.
#[server(endpoint = "sign_in", prefix = "/api")]
pub async fn sign_in(username: String, password: String) -> Result<SessionUser, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let session = services
                .sign_in(
                    &username,
                    &password,
                    ctx.client_ip.as_deref(),
                    ctx.session_token_hash.as_deref(),
                )
                .await?;
            set_cookie(cookie(
                SESSION_COOKIE,
                &session.token,
                session.max_age_seconds,
                true,
                ctx.secure_cookies,
            ));
            let next = if session.user.must_change_password {
                "/account"
            } else {
                "/"
            };
            super::redirect_plain_form(next);
            Ok(session.user)
        }
        .await,
    )
}
