//! Mizon's pure core.
//!
//! Everything here is plain Rust with no IO, no async and no framework, so the
//! same rules run on the server (authoritative) and in the browser (instant
//! feedback, compiled to wasm). Values are parsed once at the edge into these
//! types; code further in never re-checks a bare string.

pub mod account;
pub mod assessment;
pub mod audit;
pub mod audit_filter;
pub mod date;
pub mod definition;
pub mod facility;
pub mod ids;
pub mod locale;
pub mod role;
pub mod search;
pub mod subject;
pub mod version;

pub use account::{DisplayName, Password, PasswordError, Username, UsernameError};
pub use assessment::{AssessmentId, AssessmentStatus};
pub use audit::{AuditAction, AuditTarget};
pub use audit_filter::{AuditDate, AuditFilter, AuditFilterForm};
pub use date::Day;
pub use definition::InstrumentCode;
pub use facility::{FacilityCode, FacilityName};
pub use ids::{FacilityId, InstrumentId, SubjectId, TokenId, UserId, VersionId};
pub use locale::{Gender, Locale};
pub use role::{Permission, Role, Roles};
pub use subject::{SubjectAccess, SubjectCode, SubjectName, SubjectStatus};
pub use version::{VersionAction, VersionStatus};
