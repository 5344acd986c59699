//! The audit log, paged and filtered for administrators.

mod audit_filters;
mod audit_log_page;
mod list_audit_events;

pub use audit_log_page::AuditLogPage;
pub use list_audit_events::{ListAuditEvents, list_audit_events};
