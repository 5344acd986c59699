use crate::error::AppError;
use crate::model::AuditPage;
use leptos::prelude::*;

/// One page of audit events, newest first.
#[server(endpoint = "list_audit_events", prefix = "/api")]
pub async fn list_audit_events(page: u32) -> Result<AuditPage, AppError> {
    use crate::backend::*;
    respond(
        async {
            let (backend, ctx) = request()?;
            backend.audit_page(&ctx, page).await
        }
        .await,
    )
}
