use crate::error::AppError;
use crate::model::DueReassessment;
use leptos::prelude::*;

/// Subjects of the user's facilities due for reassessment, by facility.
#[server(endpoint = "reassessments_due", prefix = "/api")]
pub async fn reassessments_due() -> Result<Vec<DueReassessment>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let actor = ctx.actor()?;
            // Audited: logged once per page view, not per render pass.
            once_per_request("reassessments_due".to_owned(), async {
                detached(async move { Ok(services.reassessments_due(&actor).await?) }).await
            })
            .await
        }
        .await,
    )
}
