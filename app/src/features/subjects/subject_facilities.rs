use crate::error::AppError;
use crate::model::Facility;
use leptos::prelude::*;

/// The facilities the user may record subjects at: an assessor's own,
/// every one for an administrator.
#[server(endpoint = "subject_facilities", prefix = "/api")]
pub async fn subject_facilities() -> Result<Vec<Facility>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.facilities_for_subjects(&ctx.actor()?).await?)
        }
        .await,
    )
}
