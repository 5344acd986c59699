use crate::error::AppError;
use crate::model::VersionDiff;
use domain::InstrumentCode;
use leptos::prelude::*;

/// What changed from version `from` to version `to` of an instrument.
#[server(endpoint = "diff_versions", prefix = "/api")]
pub async fn diff_versions(
    code: InstrumentCode,
    from: i64,
    to: i64,
) -> Result<VersionDiff, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services
                .diff_versions(&ctx.actor()?, &code, from, to)
                .await?)
        }
        .await,
    )
}
