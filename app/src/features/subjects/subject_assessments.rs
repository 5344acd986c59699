use crate::error::AppError;
use crate::model::AssessmentSummary;
use leptos::prelude::*;

/// A subject's assessments, newest first (no answers).
#[server(endpoint = "subject_assessments", prefix = "/api")]
pub async fn subject_assessments(code: String) -> Result<Vec<AssessmentSummary>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let actor = ctx.actor()?;
            // Audited: logged once per page view, not per render pass.
            once_per_request(format!("subject_assessments {code}"), async {
                let code = code.clone();
                detached(async move { Ok(services.subject_assessments(&actor, &code).await?) })
                    .await
            })
            .await
        }
        .await,
    )
}
