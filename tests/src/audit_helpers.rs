//! Reading the audit log straight from a test's database, as an auditor
//! with database access would: tests of start-up and of the refusal events
//! need every row, not one page of the log as an administrator sees it.

use crate::TestApp;
use domain::AuditAction;
use reqwest::{Client, Response};
use sqlx::Row;

/// One stored event, the columns tests look at.
#[derive(Debug, Clone)]
pub struct StoredEvent {
    pub seq: i64,
    pub actor_name: String,
    pub action: AuditAction,
    pub target_id: Option<String>,
    pub details: serde_json::Value,
}

impl TestApp {
    /// Every audit event, oldest first.
    pub async fn stored_audit_events(&self) -> Vec<StoredEvent> {
        let rows = sqlx::query(
            "SELECT seq, actor_name, action, target_id, details FROM audit_events ORDER BY seq",
        )
        .fetch_all(&self.services.db.pool)
        .await
        .expect("read the audit log");
        rows.iter()
            .map(|r| StoredEvent {
                seq: r.get("seq"),
                actor_name: r.get("actor_name"),
                action: r.get::<String, _>("action").parse().expect("known action"),
                target_id: r.get("target_id"),
                details: serde_json::from_str(&r.get::<String, _>("details"))
                    .expect("details are JSON"),
            })
            .collect()
    }

    /// The stored events of one action, oldest first.
    pub async fn stored_events_of(&self, action: AuditAction) -> Vec<StoredEvent> {
        let mut events = self.stored_audit_events().await;
        events.retain(|e| e.action == action);
        events
    }

    /// The audit log page's server function with filters, as the page's GET
    /// form sends them (empty fields are left out).
    pub async fn list_audit_events_filtered(
        &self,
        client: &Client,
        page: u32,
        filters: &[(&str, &str)],
    ) -> Response {
        let page = page.to_string();
        let mut form = vec![("page", page.as_str())];
        form.extend(filters.iter().filter(|(_, v)| !v.is_empty()).copied());
        self.post_form(client, "list_audit_events", &form).await
    }
}
