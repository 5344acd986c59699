//! Who is acting, and the one place where a role is checked.

use crate::model::SessionUser;
use crate::store::audit::AuditActor;
use crate::{ServiceError, ServiceResult};
use domain::Permission;

/// A signed-in user (by session or API token), or the system itself
/// (start-up, the command line).
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
                name: u.username.to_string(),
            },
            Actor::System(what) => AuditActor {
                id: None,
                name: format!("system ({what})"),
            },
        }
    }

    /// The signed-in user, or `NotSignedIn`.
    pub fn user(&self) -> ServiceResult<&SessionUser> {
        match self {
            Actor::User(u) => Ok(u),
            Actor::System(_) => Err(ServiceError::NotSignedIn),
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

    /// Whether the actor sees versions that are not (yet) published:
    /// everyone but a plain assessor.
    pub fn sees_unpublished(&self) -> bool {
        match self {
            Actor::System(_) => true,
            Actor::User(u) => u.roles.iter().any(|r| r != domain::Role::Assessor),
        }
    }
}
