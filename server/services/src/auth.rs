//! Signing in and out, sessions, one's own password and language.

use crate::model::{PasswordChange, SessionUser};
use crate::password;
use crate::store::{audit, sessions, throttle, users};
use crate::{Actor, ServiceError, ServiceResult, Services};
use chrono::Duration;
use domain::{AuditAction, AuditTarget, Locale, Password, Username};
use serde_json::json;
use sha2::{Digest, Sha256};

/// Failed sign-ins allowed per account name within [`WINDOW`]…
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
/// …and per client address (many names tried from one place).
pub const MAX_FAILURES_PER_ADDRESS: i64 = 50;
pub const WINDOW: Duration = Duration::minutes(15);

pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new random secret (256 bits, hex): session cookies and API tokens.
pub(crate) fn new_token() -> String {
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
fn attempted_name(raw: &str) -> String {
    Username::parse(raw)
        .map(|u| u.to_string())
        .unwrap_or_else(|_| "(not a valid username)".to_owned())
}

impl Services {
    /// Checks credentials and starts a session. Every failure answers the
    /// same `InvalidCredentials`, whether or not the account exists.
    #[tracing::instrument(skip_all)]
    pub async fn sign_in(
        &self,
        username: &str,
        password_text: &str,
        client_ip: Option<&str>,
    ) -> ServiceResult<StartedSession> {
        let valid = Username::parse(username).ok();
        let name = attempted_name(username);
        let account_key = format!("account:{name}");
        let address_key = client_ip.map(|ip| format!("address:{ip}"));

        let mut conn = self.db.pool.acquire().await?;
        if let Some(minutes) = self
            .throttled(&mut conn, &account_key, address_key.as_deref())
            .await?
        {
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
                    details: json!({ "username": name }),
                },
            )
            .await?;
            tx.commit().await?;
            return Err(ServiceError::Throttled { minutes });
        }
        let user = match &valid {
            Some(name) => users::find_by_username(&mut conn, name).await?,
            None => None,
        };
        drop(conn);
        let stored = user
            .as_ref()
            .filter(|u| u.active)
            .map(|u| u.password_hash.clone());
        let ok = password::verify(password_text.to_owned(), stored).await;

        let mut tx = self.db.begin().await?;
        match user {
            Some(user) if ok => {
                let token = new_token();
                sessions::create(&mut tx, &token_hash(&token), user.id).await?;
                throttle::clear(&mut tx, &account_key).await?;
                let session_user = session_user(&user);
                audit::append(
                    &mut tx,
                    audit::NewEvent {
                        actor: &Actor::User(session_user.clone()).audit(),
                        action: AuditAction::SignIn,
                        target: AuditTarget::User,
                        target_id: Some(user.id.to_string()),
                        details: json!({}),
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
                throttle::record_failure(&mut tx, &account_key).await?;
                if let Some(key) = &address_key {
                    throttle::record_failure(&mut tx, key).await?;
                }
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

    /// Minutes until sign-in is allowed again, if too many recent failures.
    async fn throttled(
        &self,
        conn: &mut crate::store::Conn,
        account_key: &str,
        address_key: Option<&str>,
    ) -> ServiceResult<Option<i64>> {
        let mut checks = vec![(account_key, MAX_FAILURES_PER_ACCOUNT)];
        if let Some(key) = address_key {
            checks.push((key, MAX_FAILURES_PER_ADDRESS));
        }
        for (key, max) in checks {
            let recent = throttle::recent_failures(conn, key, WINDOW, max).await?;
            if recent.len() as i64 >= max {
                // Allowed again when the oldest of these ages out of the window.
                let oldest = recent.last().and_then(|t| crate::time::parse(t));
                let wait = oldest
                    .map(|t| t + WINDOW - crate::time::now())
                    .unwrap_or(WINDOW);
                return Ok(Some((wait.num_seconds() + 59).div_euclid(60).max(1)));
            }
        }
        Ok(None)
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

    /// Changes one's own password; ends the account's other sessions
    /// (all but `keep_session`, the caller's own).
    #[tracing::instrument(skip_all)]
    pub async fn change_password(
        &self,
        actor: &Actor,
        keep_session: Option<&str>,
        change: PasswordChange,
    ) -> ServiceResult<()> {
        let user = actor.user()?;
        if change.new != change.confirm {
            return Err(ServiceError::Invalid {
                field: "confirm",
                message_id: "error-password-mismatch",
            });
        }
        let current = change.current.as_str();
        let new = Password::parse(&change.new).map_err(|e| ServiceError::Invalid {
            field: "new",
            message_id: e.message_id(),
        })?;
        let mut conn = self.db.pool.acquire().await?;
        let record = users::get(&mut conn, user.id).await?;
        drop(conn);
        if !password::verify(current.to_owned(), Some(record.password_hash.clone())).await {
            return Err(ServiceError::Invalid {
                field: "current",
                message_id: "error-current-password-wrong",
            });
        }
        if current == new.expose() {
            return Err(ServiceError::Invalid {
                field: "new",
                message_id: "error-password-unchanged",
            });
        }
        let hash = password::hash(new.expose().to_owned())
            .await
            .map_err(|e| ServiceError::Internal(e.to_string()))?;
        let mut tx = self.db.begin().await?;
        users::set_password(&mut tx, user.id, &hash, false).await?;
        sessions::delete_for_user(&mut tx, user.id, keep_session).await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::PasswordChanged,
                target: AuditTarget::User,
                target_id: Some(user.id.to_string()),
                details: json!({}),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the interface language a signed-in user chose.
    pub async fn set_language(&self, actor: &Actor, locale: Locale) -> ServiceResult<()> {
        let user = actor.user()?;
        let mut tx = self.db.begin().await?;
        users::set_preferred_locale(&mut tx, user.id, locale).await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::PreferredLocaleChanged,
                target: AuditTarget::User,
                target_id: Some(user.id.to_string()),
                details: json!({ "locale": locale.code() }),
            },
        )
        .await?;
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
