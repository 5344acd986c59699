// The filters are flat arguments, one per query parameter of the page, so
// that the form's field names are the server function's too.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use crate::model::AuditPage;
use leptos::prelude::*;

/// One page of the audit events that match the filters, newest first. The
/// filters are the page's query parameters as text (empty or missing: any);
/// a page past the end answers the last page.
#[server(endpoint = "list_audit_events", prefix = "/api")]
pub async fn list_audit_events(
    page: u32,
    actor: Option<String>,
    action: Option<String>,
    from: Option<String>,
    to: Option<String>,
    target: Option<String>,
    target_id: Option<String>,
    until: Option<String>,
) -> Result<AuditPage, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let form = domain::AuditFilterForm {
                actor,
                action,
                from,
                to,
                target,
                target_id,
                until,
            };
            let key = format!("list_audit_events {page} {form:?}");
            let filter = form
                .parse()
                .map_err(|(field, message_id)| AppError::invalid(field, message_id))?;
            // Audited: logged once per page view, not per render pass.
            once_per_request(key, async {
                Ok(services
                    .list_audit_events(&ctx.actor()?, page, &filter)
                    .await?)
            })
            .await
        }
        .await,
    )
}
