use crate::error::AppError;
use crate::model::SubjectView;
use leptos::prelude::*;

/// The subjects the user may reach whose code or name has every word of
/// `q` (Tajik letters match their Russian look-alikes); an empty `q`
/// lists the first of them. A post, so that a name never sits in a URL.
#[server(endpoint = "search_subjects", prefix = "/api")]
pub async fn search_subjects(#[server(default)] q: String) -> Result<Vec<SubjectView>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            // Audited: logged once per page view, not per render pass.
            once_per_request(format!("search_subjects {q}"), async {
                Ok(services.search_subjects(&ctx.actor()?, Some(&q)).await?)
            })
            .await
        }
        .await,
    )
}
