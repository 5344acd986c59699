//! Account administration and the first administrator.

use crate::auth::parse_username;
use crate::model::{NewUser, SessionUser, UserChange, UserSummary};
use crate::password;
use crate::store::{StoreError, Unique, audit, sessions, users};
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::{
    AuditAction, AuditTarget, DisplayName, Password, Permission, Role, Roles, UserId, Username,
};
use serde_json::json;

fn summary(u: users::UserRecord) -> UserSummary {
    UserSummary {
        id: u.id,
        username: u.username,
        display_name: u.display_name,
        roles: u.roles,
        active: u.active,
        preferred_locale: u.preferred_locale,
        created_at: u.created_at,
        revision: u.revision,
    }
}

fn parse_display_name(raw: &str) -> ServiceResult<DisplayName> {
    DisplayName::parse(raw).map_err(|message_id| ServiceError::Invalid {
        field: "display_name",
        message_id,
    })
}

fn parse_password(raw: &str, field: &'static str) -> ServiceResult<Password> {
    Password::parse(raw).map_err(|e| ServiceError::Invalid {
        field,
        message_id: e.message_id(),
    })
}

fn parse_roles(roles: &[Role]) -> ServiceResult<Roles> {
    let roles = Roles::new(roles.iter().copied());
    if roles.is_empty() {
        return Err(ServiceError::Invalid {
            field: "roles",
            message_id: "error-roles-required",
        });
    }
    Ok(roles)
}

fn role_codes(roles: &Roles) -> Vec<&'static str> {
    roles.iter().map(Role::code).collect()
}

pub struct CreatedAdministrator {
    pub username: String,
    pub password: String,
}

impl Services {
    /// Every account. Reading user records is an audit event.
    #[tracing::instrument(skip_all)]
    pub async fn list_users(&self, actor: &Actor) -> ServiceResult<Vec<UserSummary>> {
        actor.authorize(Permission::ManageUsers)?;
        let mut conn = self.db.pool.acquire().await?;
        let list: Vec<_> = users::list(&mut conn)
            .await?
            .into_iter()
            .map(summary)
            .collect();
        drop(conn);
        self.record_user_read(actor, None, json!({ "count": list.len() }))
            .await?;
        Ok(list)
    }

    /// One account. Reading it is an audit event.
    #[tracing::instrument(skip_all)]
    pub async fn get_user(&self, actor: &Actor, id: UserId) -> ServiceResult<UserSummary> {
        actor.authorize(Permission::ManageUsers)?;
        let mut conn = self.db.pool.acquire().await?;
        let user = summary(users::get(&mut conn, id).await?);
        drop(conn);
        self.record_user_read(actor, Some(id), json!({})).await?;
        Ok(user)
    }

    /// Written after the read (no lock is held while reading).
    async fn record_user_read(
        &self,
        actor: &Actor,
        id: Option<UserId>,
        details: serde_json::Value,
    ) -> ServiceResult<()> {
        let mut tx = self.db.begin().await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::UserRead,
                target: AuditTarget::User,
                target_id: id.map(|id| id.to_string()),
                details,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Creates an account whose password must be changed at first sign-in.
    #[tracing::instrument(skip_all)]
    pub async fn create_user(&self, actor: &Actor, new: NewUser) -> ServiceResult<UserId> {
        actor.authorize(Permission::ManageUsers)?;
        let username = parse_username(&new.username)?;
        let display_name = parse_display_name(&new.display_name)?;
        let password = parse_password(&new.password, "password")?;
        let roles = parse_roles(&new.roles)?;
        let hash = password::hash(password.expose().to_owned()).await?;
        let mut tx = self.db.begin().await?;
        let id = users::insert(
            &mut tx,
            users::InsertUser {
                username: &username,
                display_name: display_name.as_str(),
                password_hash: &hash,
                preferred_locale: new.preferred_locale,
                must_change_password: matches!(actor, Actor::User(_)),
                roles: &roles,
            },
        )
        .await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::UserCreated,
                target: AuditTarget::User,
                target_id: Some(id.to_string()),
                details: json!({
                    "username": username.as_str(),
                    "display_name": display_name.as_str(),
                    "roles": role_codes(&roles),
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(id)
    }

    /// Changes name, roles and active state from a known revision. Refuses
    /// to leave the service without an active administrator.
    #[tracing::instrument(skip_all)]
    pub async fn update_user(&self, actor: &Actor, change: UserChange) -> ServiceResult<()> {
        actor.authorize(Permission::ManageUsers)?;
        let display_name = parse_display_name(&change.display_name)?;
        let roles = parse_roles(&change.roles)?;
        let mut tx = self.db.begin().await?;
        let before = users::get(&mut tx, change.id).await?;
        if before.revision != change.revision {
            return Err(ServiceError::Conflict("error-stale-revision"));
        }
        let was_admin = before.active && before.roles.contains(Role::Administrator);
        let stays_admin = change.active && roles.contains(Role::Administrator);
        if was_admin
            && !stays_admin
            && users::count_other_active_administrators(&mut tx, change.id).await? == 0
        {
            return Err(ServiceError::Conflict("error-last-administrator"));
        }
        users::update_profile(
            &mut tx,
            change.id,
            change.revision,
            display_name.as_str(),
            change.active,
        )
        .await?;
        users::set_roles(&mut tx, change.id, &roles).await?;
        if !change.active {
            sessions::delete_for_user(&mut tx, change.id, None).await?;
        }
        audit::append(&mut tx, audit::NewEvent {
            actor: &actor.audit(),
            action: AuditAction::UserUpdated,
            target: AuditTarget::User,
            target_id: Some(change.id.to_string()),
            details: json!({
                "before": { "display_name": before.display_name, "roles": role_codes(&before.roles), "active": before.active },
                "after": { "display_name": display_name.as_str(), "roles": role_codes(&roles), "active": change.active },
            }),
        })
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets a temporary password and ends the account's sessions.
    #[tracing::instrument(skip_all)]
    pub async fn reset_password(
        &self,
        actor: &Actor,
        id: UserId,
        temporary: &str,
    ) -> ServiceResult<()> {
        actor.authorize(Permission::ManageUsers)?;
        let password = parse_password(temporary, "temporary")?;
        let hash = password::hash(password.expose().to_owned()).await?;
        let mut tx = self.db.begin().await?;
        users::get(&mut tx, id).await?;
        users::set_password(&mut tx, id, &hash, matches!(actor, Actor::User(_))).await?;
        sessions::delete_for_user(&mut tx, id, None).await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::PasswordReset,
                target: AuditTarget::User,
                target_id: Some(id.to_string()),
                details: json!({}),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// On a database with no accounts, creates `admin` with a random
    /// password that must be changed at first sign-in, and returns it.
    pub async fn ensure_first_administrator(&self) -> ServiceResult<Option<CreatedAdministrator>> {
        let mut conn = self.db.pool.acquire().await?;
        if users::count(&mut conn).await? > 0 {
            return Ok(None);
        }
        drop(conn);
        let password = password::generate();
        let hash = password::hash(password.clone()).await?;
        let mut tx = self.db.begin().await?;
        // Another instance may have won the race meanwhile.
        if users::count(&mut tx).await? > 0 {
            return Ok(None);
        }
        let roles = Roles::new([Role::Administrator]);
        let admin = Username::parse("admin").expect("a valid username");
        let inserted = users::insert(
            &mut tx,
            users::InsertUser {
                username: &admin,
                display_name: "Administrator",
                password_hash: &hash,
                preferred_locale: None,
                must_change_password: true,
                roles: &roles,
            },
        )
        .await;
        // Start-up holds the first-start lock; should a caller not, a taken
        // name still means another instance made the administrator.
        let id = match inserted {
            Err(StoreError::Duplicate(Unique::Username)) => return Ok(None),
            other => other?,
        };
        audit::append(&mut tx, audit::NewEvent {
            actor: &Actor::System("first start").audit(),
            action: AuditAction::UserCreated,
            target: AuditTarget::User,
            target_id: Some(id.to_string()),
            details: json!({ "username": "admin", "roles": ["administrator"], "first_administrator": true }),
        })
        .await?;
        tx.commit().await?;
        Ok(Some(CreatedAdministrator {
            username: "admin".into(),
            password,
        }))
    }

    /// Finds an account by username (command line).
    pub async fn find_user(&self, username: &str) -> ServiceResult<SessionUser> {
        let name = parse_username(username)?;
        let mut conn = self.db.pool.acquire().await?;
        users::find_by_username(&mut conn, &name)
            .await?
            .map(|u| crate::auth::session_user(&u))
            .ok_or(ServiceError::NotFound)
    }
}
