//! SQL, and nothing else. Each function takes the connection or transaction
//! the service opened, so that a workflow step writes once, atomically.

pub mod audit;
pub mod instruments;
pub mod sessions;
pub mod throttle;
pub mod users;

use sqlx::AnyConnection;

pub type Conn = AnyConnection;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// A uniqueness rule or a stale revision refused the write.
    #[error("conflict")]
    Conflict,
    #[error(transparent)]
    Other(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => StoreError::Conflict,
            _ => StoreError::Other(e),
        }
    }
}
