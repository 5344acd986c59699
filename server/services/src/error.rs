//! The services' error: what went wrong, in terms a caller can act on.
//!
//! Each edge converts it once: the pages to `app::error::AppError`, the JSON
//! API to its `{"error", "message", "problems"}` body. Messages are Fluent
//! ids, so each edge says them in the caller's language.

use crate::model::Problem;
use crate::store::{StoreError, Unique};

#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("not signed in")]
    NotSignedIn,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many recent failures: try again after this many seconds.
    #[error("throttled for {seconds} s")]
    Throttled { seconds: i64 },
    /// Too many password checks at once: the queue for a turn is full.
    #[error("busy")]
    Busy,
    /// One field's value was refused (the form shows it next to the field).
    #[error("invalid {field}: {message_id}")]
    Invalid {
        field: &'static str,
        message_id: &'static str,
    },
    /// The request contradicts itself (e.g. the path names another code
    /// than the body).
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    /// A definition failed its checks; every problem, each with its path.
    #[error("the definition has {} problem(s)", .0.len())]
    InvalidDefinition(Vec<Problem>),
    /// An assessment's answers failed their checks: every problem, each
    /// with its path in the answers document.
    #[error("the answers have {} problem(s)", .0.len())]
    InvalidAnswers(Vec<Problem>),
    /// An uploaded file does not parse: every problem, each with its place
    /// (`line 12`, `row 7`). Nothing of it was stored.
    #[error("the file has {} problem(s)", .0.len())]
    InvalidFile(Vec<Problem>),
    /// A version is not ready for what was asked (review, approval): every
    /// blocker, each with the path of its place.
    #[error("not ready: {} blocker(s)", .0.len())]
    NotReady(Vec<Problem>),
    /// Someone else changed the record first, or the record's state forbids
    /// the change (a draft exists already, the last administrator…).
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// A save started from an older revision: someone saved meanwhile.
    #[error("stale revision (now {current_revision})")]
    StaleRevision { current_revision: i64 },
    #[error("internal: {0}")]
    Internal(String),
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ServiceError::NotFound,
            StoreError::StaleRevision => ServiceError::Conflict("error-stale-revision"),
            StoreError::Duplicate(Unique::Username) => ServiceError::Invalid {
                field: "username",
                message_id: "error-username-taken",
            },
            StoreError::Duplicate(Unique::OpenVersion) => {
                ServiceError::Conflict("error-open-version-exists")
            }
            // A race lost to another writer of the same thing: try again.
            StoreError::Duplicate(Unique::InstrumentCode | Unique::VersionNumber) => {
                ServiceError::Conflict("error-concurrent-change")
            }
            StoreError::Duplicate(Unique::FacilityCode) => {
                ServiceError::Conflict("error-facility-code-taken")
            }
            StoreError::Duplicate(Unique::SubjectCode) => {
                ServiceError::Conflict("error-subject-code-taken")
            }
            StoreError::Duplicate(other) => {
                ServiceError::Internal(format!("unexpected duplicate: {other:?}"))
            }
            StoreError::Other(e) => ServiceError::Internal(e.to_string()),
        }
    }
}

impl From<sqlx::Error> for ServiceError {
    fn from(e: sqlx::Error) -> Self {
        StoreError::from(e).into()
    }
}

pub type ServiceResult<T> = Result<T, ServiceError>;
