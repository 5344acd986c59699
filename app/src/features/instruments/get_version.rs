use crate::error::AppError;
use crate::model::VersionView;
use leptos::prelude::*;

/// One version of an instrument, its definition as canonical JSON.
#[server(endpoint = "get_version", prefix = "/api")]
pub async fn get_version(code: String, number: i64) -> Result<VersionView, AppError> {
    use crate::backend::*;
    respond(
        async {
            let (backend, ctx) = request()?;
            backend.get_version(&ctx, &code, number).await
        }
        .await,
    )
}
