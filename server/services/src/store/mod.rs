//! SQL, and nothing else. Each function takes the connection or transaction
//! the service opened, so that a workflow step writes once, atomically.
//! Rows are decoded into typed records; a value that does not decode (an
//! unknown role, locale or status) is an error, never silently skipped.

pub mod assessments;
pub mod audit;
pub mod facilities;
pub mod instruments;
pub mod review;
pub mod sessions;
pub mod subjects;
pub mod throttle;
pub mod tokens;
pub mod translations;
pub mod users;

use sqlx::AnyConnection;

pub type Conn = AnyConnection;

/// Which uniqueness rule refused a write. Each has its own meaning for the
/// user (a taken username is not a stale revision).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unique {
    Username,
    InstrumentCode,
    VersionNumber,
    /// An instrument already has a draft (or a version in review/approved).
    OpenVersion,
    TokenHash,
    SessionToken,
    UserRole,
    FacilityCode,
    SubjectCode,
    UserFacility,
    /// A subject already has a draft of this instrument version.
    AssessmentDraft,
    /// One not listed here: a bug, reported as internal.
    Unknown(String),
}

/// The rules, as PostgreSQL names them and as SQLite describes them
/// ("UNIQUE constraint failed: <columns>").
const UNIQUES: &[(&str, &str, Unique)] = &[
    ("users_username_key", "users.username", Unique::Username),
    (
        "instruments_code_key",
        "instruments.code",
        Unique::InstrumentCode,
    ),
    (
        "instrument_versions_instrument_id_number_key",
        "instrument_versions.instrument_id, instrument_versions.number",
        Unique::VersionNumber,
    ),
    (
        "instrument_versions_one_open",
        "instrument_versions.instrument_id",
        Unique::OpenVersion,
    ),
    (
        "api_tokens_token_hash_key",
        "api_tokens.token_hash",
        Unique::TokenHash,
    ),
    ("sessions_pkey", "sessions.token_hash", Unique::SessionToken),
    (
        "user_roles_pkey",
        "user_roles.user_id, user_roles.role",
        Unique::UserRole,
    ),
    (
        "facilities_code_key",
        "facilities.code",
        Unique::FacilityCode,
    ),
    ("subjects_code_key", "subjects.code", Unique::SubjectCode),
    (
        "user_facilities_pkey",
        "user_facilities.user_id, user_facilities.facility_id",
        Unique::UserFacility,
    ),
    (
        "assessments_one_draft",
        "assessments.subject_id, assessments.version_id",
        Unique::AssessmentDraft,
    ),
];

fn which_unique(db: &dyn sqlx::error::DatabaseError) -> Unique {
    let sqlite_columns = db
        .message()
        .strip_prefix("UNIQUE constraint failed: ")
        .map(str::trim);
    UNIQUES
        .iter()
        .find(|(pg, sqlite, _)| db.constraint() == Some(*pg) || sqlite_columns == Some(*sqlite))
        .map(|(_, _, u)| u.clone())
        .unwrap_or_else(|| {
            Unique::Unknown(
                db.constraint()
                    .map(str::to_owned)
                    .unwrap_or_else(|| db.message().to_owned()),
            )
        })
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("not found")]
    NotFound,
    /// An update named a revision that is no longer the current one.
    #[error("stale revision")]
    StaleRevision,
    #[error("duplicate: {0:?}")]
    Duplicate(Unique),
    #[error(transparent)]
    Other(sqlx::Error),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::RowNotFound => StoreError::NotFound,
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                StoreError::Duplicate(which_unique(db.as_ref()))
            }
            _ => StoreError::Other(e),
        }
    }
}

/// A stored value that does not parse as its type: the row is refused.
pub(crate) fn decode_error(
    column: &str,
    e: impl std::error::Error + Send + Sync + 'static,
) -> sqlx::Error {
    sqlx::Error::ColumnDecode {
        index: column.to_owned(),
        source: Box::new(e),
    }
}

/// Reads a text column and parses it into its type, or fails the row.
pub(crate) fn parse_column<T>(row: &sqlx::any::AnyRow, column: &str) -> Result<T, sqlx::Error>
where
    T: std::str::FromStr,
    T::Err: std::error::Error + Send + Sync + 'static,
{
    use sqlx::Row;
    let raw: String = row.try_get(column)?;
    raw.parse().map_err(|e| decode_error(column, e))
}
