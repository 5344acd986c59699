//! Reading the audit log (writing happens inside each service's transaction).

use crate::model::{AuditEvent, AuditPage};
use crate::store::audit;
use crate::{Actor, ServiceResult, Services};
use domain::Permission;

pub const PAGE_SIZE: i64 = 50;

impl Services {
    /// One page of the audit log, newest first.
    pub async fn list_audit_events(&self, actor: &Actor, page: u32) -> ServiceResult<AuditPage> {
        actor.authorize(Permission::ReadAuditLog)?;
        let page = page.max(1);
        let mut conn = self.db.pool.acquire().await?;
        let (events, total) =
            audit::page(&mut conn, (i64::from(page) - 1) * PAGE_SIZE, PAGE_SIZE).await?;
        let pages = u32::try_from((total + PAGE_SIZE - 1) / PAGE_SIZE)
            .unwrap_or(u32::MAX)
            .max(1);
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
        })
    }

    /// The first broken link of the audit chain, if any (command line, tests).
    pub async fn verify_audit_chain(&self) -> ServiceResult<Option<i64>> {
        let mut conn = self.db.pool.acquire().await?;
        Ok(audit::first_broken_link(&mut conn).await?)
    }
}
