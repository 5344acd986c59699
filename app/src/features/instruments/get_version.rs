use crate::error::AppError;
use crate::model::VersionView;
use domain::InstrumentCode;
use leptos::prelude::*;

/// One version of an instrument, its definition as canonical JSON.
#[server(endpoint = "get_version", prefix = "/api")]
pub async fn get_version(code: InstrumentCode, number: i64) -> Result<VersionView, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.get_version(&ctx.actor()?, &code, number).await?)
        }
        .await,
    )
}

/// The version a page's path names (`:code`, `:number`); a path that does
/// not name one is "not found". Made in the page's component.
pub fn version_from_path() -> Resource<Result<VersionView, AppError>> {
    let params = leptos_router::hooks::use_params_map();
    let key = move || {
        let p = params.read();
        (
            p.get("code").and_then(|c| c.parse::<InstrumentCode>().ok()),
            p.get("number").and_then(|n| n.parse::<i64>().ok()),
        )
    };
    Resource::new(key, |(code, number)| async move {
        match (code, number) {
            (Some(code), Some(number)) => get_version(code, number).await,
            _ => Err(AppError::NotFound),
        }
    })
}
