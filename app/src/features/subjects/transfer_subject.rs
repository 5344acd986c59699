use crate::error::AppError;
use crate::model::{SubjectTransfer, SubjectView};
use leptos::prelude::*;

/// Moves a subject, with their history, to another facility. A plain form
/// comes back to the subject's page, or to the search when the user does
/// not work at the new facility (the subject is then out of their reach).
#[server(endpoint = "transfer_subject", prefix = "/api")]
pub async fn transfer_subject(
    code: String,
    transfer: SubjectTransfer,
) -> Result<SubjectView, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let moved = services
                .transfer_subject(&ctx.actor()?, &code, transfer)
                .await?;
            if moved.name.is_none() {
                crate::features::auth::redirect_plain_form("/subjects");
            }
            Ok(moved)
        }
        .await,
    )
}
