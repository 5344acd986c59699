//! Database-backed sessions: they survive restarts and are shared by every
//! server instance. Only the token's SHA-256 is stored.

use super::{Conn, StoreError};
use crate::time::{iso, now, now_iso};
use chrono::Duration;
use domain::UserId;
use sqlx::Row;

/// A session ends after this long without a request…
pub const IDLE: Duration = Duration::hours(8);
/// …and in any case this long after sign-in.
pub const ABSOLUTE: Duration = Duration::days(7);

pub async fn create(conn: &mut Conn, token_hash: &str, user: UserId) -> Result<(), StoreError> {
    let t = now();
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) \
         VALUES ($1, $2, $3, $3, $4)",
    )
    .bind(token_hash)
    .bind(user.get())
    .bind(iso(t))
    .bind(iso(t + IDLE))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub struct LiveSession {
    pub user_id: UserId,
    pub created_at: String,
    pub last_seen_at: String,
}

/// The unexpired session of an active account with this token hash.
pub async fn find_live(
    conn: &mut Conn,
    token_hash: &str,
) -> Result<Option<LiveSession>, StoreError> {
    let row = sqlx::query(
        "SELECT s.user_id, s.created_at, s.last_seen_at FROM sessions s JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active = 1",
    )
    .bind(token_hash)
    .bind(now_iso())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        Some(r) => Some(LiveSession {
            user_id: UserId::from_db(r.try_get("user_id")?),
            created_at: r.try_get("created_at")?,
            last_seen_at: r.try_get("last_seen_at")?,
        }),
        None => None,
    })
}

/// Slides the idle expiry forward, never past the absolute limit.
pub async fn touch(conn: &mut Conn, token_hash: &str, created_at: &str) -> Result<(), StoreError> {
    let t = now();
    let absolute = crate::time::parse(created_at)
        .map(|c| c + ABSOLUTE)
        .unwrap_or(t);
    sqlx::query("UPDATE sessions SET last_seen_at = $1, expires_at = $2 WHERE token_hash = $3")
        .bind(iso(t))
        .bind(iso((t + IDLE).min(absolute)))
        .bind(token_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn delete(conn: &mut Conn, token_hash: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Ends every session of an account, except `keep` (the caller's own).
pub async fn delete_for_user(
    conn: &mut Conn,
    user: UserId,
    keep: Option<&str>,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
        .bind(user.get())
        .bind(keep.unwrap_or(""))
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(now_iso())
        .execute(&mut *conn)
        .await?;
    Ok(())
}
