//! Reading the audit log (writing happens inside each service's transaction).
//!
//! Reading it is itself an audit event: the log holds who did what to the
//! people assessed, so who looked at it, and with which filters, is worth
//! as much as any change. The read event is written after the page is
//! read, so a page shows the log as it was when asked for.

use crate::model::{AuditEvent, AuditPage};
use crate::store::audit;
use crate::{Actor, ServiceResult, Services};
use domain::{AuditAction, AuditFilter, AuditTarget, Permission};
use serde_json::json;

pub const PAGE_SIZE: i64 = 50;

impl Services {
    /// One page of the audit events that match `filter`, newest first, up
    /// to `filter.until` (default: the newest event now; the answer says
    /// which, for the next page's link). A page past the end is the last page.
    #[tracing::instrument(skip_all)]
    pub async fn list_audit_events(
        &self,
        actor: &Actor,
        page: u32,
        filter: &AuditFilter,
    ) -> ServiceResult<AuditPage> {
        actor.authorize(Permission::ReadAuditLog)?;
        let mut conn = self.db.pool.acquire().await?;
        let mut filter = filter.clone();
        let until = match filter.until {
            Some(until) => until,
            None => audit::last_event(&mut conn)
                .await?
                .map_or(0, |(seq, _)| seq),
        };
        filter.until = Some(until);
        let filter = &filter;
        let total = audit::count(&mut conn, filter).await?;
        let pages = u32::try_from((total + PAGE_SIZE - 1) / PAGE_SIZE)
            .unwrap_or(u32::MAX)
            .max(1);
        let page = page.clamp(1, pages);
        let events = audit::page(
            &mut conn,
            filter,
            (i64::from(page) - 1) * PAGE_SIZE,
            PAGE_SIZE,
        )
        .await?;
        drop(conn);
        let mut tx = self.db.begin().await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::AuditLogRead,
                target: AuditTarget::AuditLog,
                target_id: None,
                details: json!({ "page": page, "filter": filter, "shown": events.len() }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(AuditPage {
            events: events
                .into_iter()
                .map(|e| AuditEvent {
                    seq: e.seq,
                    occurred_at: e.occurred_at,
                    actor_name: e.actor_name,
                    action: e.action,
                    target: e.target,
                    target_id: e.target_id,
                    details: e.details,
                })
                .collect(),
            page,
            pages,
            total,
            until,
        })
    }

    /// The first broken link of the audit chain, if any (command line, tests).
    pub async fn verify_audit_chain(&self) -> ServiceResult<Option<i64>> {
        let mut conn = self.db.pool.acquire().await?;
        Ok(audit::first_broken_link(&mut conn).await?)
    }
}
