use crate::error::AppError;
use crate::model::{NewSubject, SubjectView};
use leptos::prelude::*;

/// Records a subject; a plain form goes on to the subject's page (its URL
/// names the code only).
#[server(endpoint = "create_subject", prefix = "/api")]
pub async fn create_subject(subject: NewSubject) -> Result<SubjectView, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let created = services.create_subject(&ctx.actor()?, subject).await?;
            crate::features::auth::redirect_plain_form(&format!("/subjects/{}", created.code));
            Ok(created)
        }
        .await,
    )
}
