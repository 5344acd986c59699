use crate::error::AppError;
use leptos::prelude::*;

/// Remembers the interface language chosen in the switcher (a cookie), and
/// with `remember` also as the signed-in user's preference.
#[server(endpoint = "set_language", prefix = "/api")]
pub async fn set_language(locale: String, remember: Option<bool>) -> Result<(), AppError> {
    use crate::request::*;
    respond(
        async {
            let locale: domain::Locale = locale
                .parse()
                .map_err(|_| AppError::invalid("locale", "error-unknown-locale"))?;
            let (services, ctx) = request()?;
            if remember.unwrap_or(false) {
                services.set_language(&ctx.actor()?, locale).await?;
            }
            set_cookie(cookie(
                LOCALE_COOKIE,
                locale.code(),
                60 * 60 * 24 * 365,
                false,
                ctx.secure_cookies,
            ));
            Ok(())
        }
        .await,
    )
}
