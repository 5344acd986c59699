use crate::error::AppError;
use crate::model::{SubjectChange, SubjectView};
use leptos::prelude::*;

/// Changes a subject's record from the revision the form was made from;
/// a stale revision is refused and the form keeps what was typed.
#[server(endpoint = "update_subject", prefix = "/api")]
pub async fn update_subject(code: String, change: SubjectChange) -> Result<SubjectView, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services
                .update_subject(&ctx.actor()?, &code, change)
                .await?)
        }
        .await,
    )
}
