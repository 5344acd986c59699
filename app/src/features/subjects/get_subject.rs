use crate::error::AppError;
use crate::model::SubjectView;
use leptos::prelude::*;

/// One subject's record; another facility's subject is "not found".
#[server(endpoint = "get_subject", prefix = "/api")]
pub async fn get_subject(code: String) -> Result<SubjectView, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let actor = ctx.actor()?;
            // Audited: logged once per page view, not per render pass.
            once_per_request(format!("get_subject {code}"), async {
                let code = code.clone();
                detached(async move { Ok(services.get_subject(&actor, &code).await?) }).await
            })
            .await
        }
        .await,
    )
}
