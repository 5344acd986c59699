//! API tokens: how other systems of a prison service (a prisoner register,
//! statistics) act as a user through the public JSON API.
//!
//! A token acts with its user's roles, stops working when the user is
//! deactivated, when it expires or when it is revoked; only its SHA-256 is
//! stored. Making and revoking one are audit events.

use crate::auth::{new_token, session_user, token_hash};
use crate::model::{CreatedToken, NewToken, SessionUser, TokenSummary};
use crate::store::{audit, throttle, tokens, users};
use crate::{Actor, ServiceError, ServiceResult, Services};
use chrono::Duration;
use domain::{AuditAction, AuditTarget, TokenId};
use serde_json::json;

/// Tokens start with this, so that one found in a log or a file is
/// recognisable (and secret scanners can match it).
pub const TOKEN_PREFIX: &str = "mizon_";
/// The longest label a token may have.
pub const MAX_NAME: usize = 100;
/// Invalid bearer tokens one address may send within [`BAD_TOKEN_WINDOW`]
/// before the API answers 429 to its invalid tokens.
pub const MAX_BAD_TOKENS_PER_ADDRESS: i64 = 20;
pub const BAD_TOKEN_WINDOW: Duration = Duration::minutes(15);
/// The longest lifetime a token may be given.
pub const MAX_DAYS: u32 = 3650;

fn summary(t: tokens::TokenRecord) -> TokenSummary {
    TokenSummary {
        id: t.id,
        name: t.name,
        created_at: t.created_at,
        expires_at: t.expires_at,
        last_used_at: t.last_used_at,
        revoked_at: t.revoked_at,
    }
}

impl Services {
    /// Makes a token for the actor's own account and returns it, once.
    #[tracing::instrument(skip_all)]
    pub async fn create_token(&self, actor: &Actor, new: NewToken) -> ServiceResult<CreatedToken> {
        let user = actor.user()?.clone();
        self.create_token_for(actor, &user, new).await
    }

    /// Makes a token for `owner` (the command line makes one for any user).
    pub async fn create_token_for(
        &self,
        actor: &Actor,
        owner: &SessionUser,
        new: NewToken,
    ) -> ServiceResult<CreatedToken> {
        if let Actor::User(u) = actor {
            if u.id != owner.id {
                return Err(ServiceError::Forbidden);
            }
            if u.must_change_password {
                return Err(ServiceError::Conflict("error-must-change-password"));
            }
        }
        let name = new.name.trim();
        if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control)
        {
            return Err(ServiceError::Invalid {
                field: "name",
                message_id: "error-token-name",
            });
        }
        let expires_at = match new.expires_days {
            None => None,
            Some(days) if (1..=MAX_DAYS).contains(&days) => Some(crate::time::iso(
                crate::time::now() + Duration::days(i64::from(days)),
            )),
            Some(_) => {
                return Err(ServiceError::Invalid {
                    field: "expires_days",
                    message_id: "error-token-expiry",
                });
            }
        };
        let token = format!("{TOKEN_PREFIX}{}", new_token());
        let mut tx = self.db.begin().await?;
        let record = tokens::insert(
            &mut tx,
            tokens::NewToken {
                user: owner.id,
                name,
                token_hash: &token_hash(&token),
                expires_at,
            },
        )
        .await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::TokenCreated,
                target: AuditTarget::ApiToken,
                target_id: Some(record.id.to_string()),
                details: json!({
                    "owner": owner.username,
                    "name": record.name,
                    "expires_at": record.expires_at,
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(CreatedToken {
            token,
            summary: summary(record),
        })
    }

    /// The actor's own tokens, newest first.
    pub async fn list_tokens(&self, actor: &Actor) -> ServiceResult<Vec<TokenSummary>> {
        let user = actor.user()?;
        let mut conn = self.db.pool.acquire().await?;
        Ok(tokens::list_for_user(&mut conn, user.id)
            .await?
            .into_iter()
            .map(summary)
            .collect())
    }

    /// Revokes one of the actor's own tokens (another's is "not found").
    #[tracing::instrument(skip_all)]
    pub async fn revoke_token(&self, actor: &Actor, id: TokenId) -> ServiceResult<()> {
        let user = actor.user()?;
        let mut tx = self.db.begin().await?;
        let record = tokens::get(&mut tx, id).await?;
        if record.user_id != user.id {
            return Err(ServiceError::NotFound);
        }
        if !tokens::revoke(&mut tx, id).await? {
            return Err(ServiceError::Conflict("error-token-revoked"));
        }
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::TokenRevoked,
                target: AuditTarget::ApiToken,
                target_id: Some(id.to_string()),
                details: json!({ "name": record.name }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The user a bearer token acts as, if the token is live. Invalid
    /// tokens count against the client's address: past
    /// [`MAX_BAD_TOKENS_PER_ADDRESS`] in the window the answer is
    /// `Throttled`. A valid token is never refused by this (the limit slows
    /// a scanner down; it cannot be aimed at someone else's token).
    pub async fn token_user(
        &self,
        token: &str,
        client_ip: Option<&str>,
    ) -> ServiceResult<Option<SessionUser>> {
        let mut conn = self.db.pool.acquire().await?;
        let live = if token.starts_with(TOKEN_PREFIX) && token.len() <= 200 {
            tokens::find_live(&mut conn, &token_hash(token)).await?
        } else {
            None
        };
        let Some(live) = live else {
            let Some(ip) = client_ip else {
                return Ok(None);
            };
            let key = format!("token-address:{ip}");
            let recent = throttle::recent_failures(
                &mut conn,
                &key,
                BAD_TOKEN_WINDOW,
                MAX_BAD_TOKENS_PER_ADDRESS,
            )
            .await?;
            drop(conn);
            if recent.len() as i64 >= MAX_BAD_TOKENS_PER_ADDRESS {
                return Err(ServiceError::Throttled {
                    seconds: BAD_TOKEN_WINDOW.num_seconds(),
                });
            }
            let mut tx = self.db.begin().await?;
            throttle::record_failure(&mut tx, &key).await?;
            tx.commit().await?;
            return Ok(None);
        };
        let user = users::get(&mut conn, live.user_id).await?;
        drop(conn);
        let stale = live
            .last_used_at
            .as_deref()
            .and_then(crate::time::parse)
            .is_none_or(|t| crate::time::now() - t > Duration::minutes(1));
        if stale {
            let mut tx = self.db.begin().await?;
            tokens::touch(&mut tx, live.id).await?;
            tx.commit().await?;
        }
        Ok(Some(session_user(&user)))
    }
}
