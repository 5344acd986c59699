//! Signing in and out, and sessions. Every password check goes through
//! the one throttle of [`crate::throttle`]; one's own password and
//! language are in [`crate::account`].

use crate::model::SessionUser;
use crate::password;
use crate::store::{audit, sessions, users};
use crate::throttle::Keys;
use crate::{Actor, ServiceError, ServiceResult, Services};
use chrono::Duration;
use domain::{AuditAction, AuditTarget, Password, Username};
use serde_json::json;
use sha2::{Digest, Sha256};

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new random secret (256 bits, hex): session cookies and API tokens.
pub fn new_token() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub fn session_user(u: &users::UserRecord) -> SessionUser {
    SessionUser {
        id: u.id,
        username: u.username.clone(),
        display_name: u.display_name.clone(),
        roles: u.roles.clone(),
        preferred_locale: u.preferred_locale,
        must_change_password: u.must_change_password,
    }
}

pub struct StartedSession {
    pub token: String,
    pub user: SessionUser,
    /// The cookie's lifetime: the session's absolute limit.
    pub max_age_seconds: i64,
}

/// What the audit log and the throttle key record of a typed account name:
/// the name when it is a valid username, else a fixed marker (so that a
/// password typed into the wrong field, or a megabyte of junk, is never
/// stored).
pub(crate) fn attempted_name(raw: &str) -> String {
    Username::parse(raw)
        .map(|u| u.to_string())
        .unwrap_or_else(|_| "(not a valid username)".to_owned())
}

impl Services {
    /// Checks credentials and starts a session, ending `replaces` (the
    /// browser's previous session, if any) in the same transaction. Every
    /// failure answers the same `InvalidCredentials`, whether or not the
    /// account exists; too many recent ones answer `Throttled` unchecked.
    #[tracing::instrument(skip_all)]
    pub async fn sign_in(
        &self,
        username: &str,
        password_text: &str,
        client_ip: Option<&str>,
        replaces: Option<&str>,
    ) -> ServiceResult<StartedSession> {
        let name = attempted_name(username);
        let keys = Keys::new(&name, client_ip);
        let mut conn = self.db.pool.acquire().await?;
        if let Some(seconds) = self.password_check_wait(&mut conn, &keys).await? {
            // Return the read connection before taking a writer.
            drop(conn);
            let mut tx = self.db.begin().await?;
            audit::append(
                &mut tx,
                audit::NewEvent {
                    actor: &Actor::System("sign-in").audit(),
                    action: AuditAction::SignInThrottled,
                    target: AuditTarget::Account,
                    target_id: None,
                    details: json!({ "username": name, "retry_after_seconds": seconds }),
                },
            )
            .await?;
            tx.commit().await?;
            return Err(ServiceError::Throttled { seconds });
        }
        // A password too long to be anyone's is wrong without hashing it.
        let checkable = Password::fits(password_text);
        let user = match Username::parse(username) {
            Ok(valid) if checkable => users::find_by_username(&mut conn, &valid).await?,
            _ => None,
        };
        drop(conn);
        let stored = user
            .as_ref()
            .filter(|u| u.active)
            .map(|u| u.password_hash.clone());
        let ok = checkable && password::verify(password_text.to_owned(), stored).await?;

        let mut tx = self.db.begin().await?;
        match user {
            Some(user) if ok => {
                let token = new_token();
                sessions::create(&mut tx, &token_hash(&token), user.id).await?;
                if let Some(old) = replaces {
                    sessions::delete(&mut tx, old).await?;
                }
                self.clear_password_failures(&mut tx, &keys).await?;
                let session_user = session_user(&user);
                audit::append(
                    &mut tx,
                    audit::NewEvent {
                        actor: &Actor::User(session_user.clone()).audit(),
                        action: AuditAction::SignIn,
                        target: AuditTarget::User,
                        target_id: Some(user.id.to_string()),
                        details: json!({ "replaced_session": replaces.is_some() }),
                    },
                )
                .await?;
                tx.commit().await?;
                Ok(StartedSession {
                    token,
                    user: session_user,
                    max_age_seconds: sessions::ABSOLUTE.num_seconds(),
                })
            }
            _ => {
                self.record_password_failure(&mut tx, &keys).await?;
                audit::append(
                    &mut tx,
                    audit::NewEvent {
                        actor: &Actor::System("sign-in").audit(),
                        action: AuditAction::SignInFailed,
                        target: AuditTarget::Account,
                        target_id: None,
                        details: json!({ "username": name }),
                    },
                )
                .await?;
                tx.commit().await?;
                Err(ServiceError::InvalidCredentials)
            }
        }
    }

    /// The signed-in user of a session token hash, sliding its expiry.
    pub async fn session(&self, token_hash: &str) -> ServiceResult<Option<SessionUser>> {
        let mut conn = self.db.pool.acquire().await?;
        let Some(live) = sessions::find_live(&mut conn, token_hash).await? else {
            return Ok(None);
        };
        let user = users::get(&mut conn, live.user_id).await?;
        let stale = crate::time::parse(&live.last_seen_at)
            .is_none_or(|t| crate::time::now() - t > Duration::minutes(1));
        drop(conn);
        if stale {
            let mut tx = self.db.begin().await?;
            sessions::touch(&mut tx, token_hash, &live.created_at).await?;
            tx.commit().await?;
        }
        Ok(Some(session_user(&user)))
    }

    /// Ends the session with this token hash.
    #[tracing::instrument(skip_all)]
    pub async fn sign_out(&self, actor: &Actor, token_hash: &str) -> ServiceResult<()> {
        let mut tx = self.db.begin().await?;
        sessions::delete(&mut tx, token_hash).await?;
        if let Actor::User(u) = actor {
            audit::append(
                &mut tx,
                audit::NewEvent {
                    actor: &actor.audit(),
                    action: AuditAction::SignOut,
                    target: AuditTarget::User,
                    target_id: Some(u.id.to_string()),
                    details: json!({}),
                },
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// Parses a username for sign-in-free uses (the command line).
pub fn parse_username(raw: &str) -> ServiceResult<Username> {
    Username::parse(raw).map_err(|e| ServiceError::Invalid {
        field: "username",
        message_id: e.message_id(),
    })
}
