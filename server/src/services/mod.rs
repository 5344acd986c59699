//! Services: every action Mizon takes, with its authorisation check, its
//! transaction and its audit event. The HTTP edge and the command line both
//! call these; neither holds rules or SQL of its own.

pub mod audit;
pub mod auth;
pub mod instruments;
pub mod users;

use crate::db::Db;
use crate::store::StoreError;
use crate::store::audit::AuditActor;
use app::model::SessionUser;
use domain::Permission;

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
    #[error("throttled for {minutes} min")]
    Throttled { minutes: i64 },
    #[error("invalid {field}: {message_id}")]
    Invalid {
        field: &'static str,
        message_id: &'static str,
    },
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("internal: {0}")]
    Internal(String),
}

impl From<StoreError> for ServiceError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ServiceError::NotFound,
            StoreError::Conflict => ServiceError::Conflict("error-stale-revision"),
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

/// Who is acting: a signed-in user, or the system (start-up, command line).
#[derive(Debug, Clone)]
pub enum Actor {
    User(SessionUser),
    System(&'static str),
}

impl Actor {
    pub fn audit(&self) -> AuditActor {
        match self {
            Actor::User(u) => AuditActor {
                id: Some(u.id),
                name: u.username.clone(),
            },
            Actor::System(what) => AuditActor {
                id: None,
                name: format!("system ({what})"),
            },
        }
    }

    /// Refuses unless the actor may do this. A user who must first change a
    /// temporary password may do nothing else.
    pub fn authorize(&self, permission: Permission) -> ServiceResult<()> {
        match self {
            Actor::System(_) => Ok(()),
            Actor::User(u) if u.must_change_password => {
                Err(ServiceError::Conflict("error-must-change-password"))
            }
            Actor::User(u) if u.roles.allows(permission) => Ok(()),
            Actor::User(_) => Err(ServiceError::Forbidden),
        }
    }
}

/// Everything a service needs; cheap to clone.
#[derive(Clone, Debug)]
pub struct Services {
    pub db: Db,
}

impl Services {
    pub fn new(db: Db) -> Self {
        Services { db }
    }
}
