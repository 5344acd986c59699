use crate::error::AppError;
use crate::model::AuditPage;
use leptos::prelude::*;

/// One page of audit events, newest first.
#[server(endpoint = "list_audit_events", prefix = "/api")]
pub async fn list_audit_events(page: u32) -> Result<AuditPage, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.list_audit_events(&ctx.actor()?, page).await?)
        }
        .await,
    )
}
