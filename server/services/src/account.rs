//! One's own account: changing one's password and interface language.
//!
//! Checking the current password is a password check like sign-in: it goes
//! through the same throttle (keyed by the account and the address) and
//! each failure is an audit event, so a stolen session cannot be used to
//! guess the password behind it at full speed, unseen.

use crate::model::PasswordChange;
use crate::password;
use crate::store::{audit, sessions, users};
use crate::throttle::Keys;
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::{AuditAction, AuditTarget, Locale, Password};
use serde_json::json;

impl Services {
    /// Changes one's own password; ends the account's other sessions
    /// (all but `keep_session`, the caller's own).
    #[tracing::instrument(skip_all)]
    pub async fn change_password(
        &self,
        actor: &Actor,
        keep_session: Option<&str>,
        client_ip: Option<&str>,
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
        let keys = Keys::new(user.username.as_str(), client_ip);
        if !self
            .verify_own_password(actor, &keys, current, "change_password")
            .await?
        {
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
        let hash = password::hash(new.expose().to_owned()).await?;
        let mut tx = self.db.begin().await?;
        users::set_password(&mut tx, user.id, &hash, false).await?;
        sessions::delete_for_user(&mut tx, user.id, keep_session).await?;
        self.clear_password_failures(&mut tx, &keys).await?;
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

    /// Checks a signed-in user's own password again (a password change, a
    /// signature): throttled like sign-in, every failure audited. `check`
    /// names the action in the audit event.
    pub(crate) async fn verify_own_password(
        &self,
        actor: &Actor,
        keys: &Keys,
        password: &str,
        check: &'static str,
    ) -> ServiceResult<bool> {
        let user = actor.user()?;
        let mut conn = self.db.pool.acquire().await?;
        let wait = self.password_check_wait(&mut conn, keys).await?;
        let record = users::get(&mut conn, user.id).await?;
        drop(conn);
        if let Some(seconds) = wait {
            self.audit_password_check(actor, AuditAction::PasswordCheckThrottled, None, check)
                .await?;
            return Err(ServiceError::Throttled { seconds });
        }
        let ok = Password::fits(password)
            && password::verify(password.to_owned(), Some(record.password_hash.clone())).await?;
        if !ok {
            self.audit_password_check(actor, AuditAction::PasswordCheckFailed, Some(keys), check)
                .await?;
        }
        Ok(ok)
    }

    /// Writes a refused or failed check of the actor's own password; a
    /// failure (with `keys`) also counts against the throttle, in the same
    /// transaction.
    async fn audit_password_check(
        &self,
        actor: &Actor,
        action: AuditAction,
        failure: Option<&Keys>,
        check: &'static str,
    ) -> ServiceResult<()> {
        let user = actor.user()?;
        let mut tx = self.db.begin().await?;
        if let Some(keys) = failure {
            self.record_password_failure(&mut tx, keys).await?;
        }
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action,
                target: AuditTarget::User,
                target_id: Some(user.id.to_string()),
                details: json!({ "check": check }),
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
