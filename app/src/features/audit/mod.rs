//! The audit log, paged for administrators.

mod audit_log_page;
mod list_audit_events;

pub use audit_log_page::AuditLogPage;
pub use list_audit_events::{ListAuditEvents, list_audit_events};
