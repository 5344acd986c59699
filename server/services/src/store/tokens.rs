//! API tokens. Only a SHA-256 of each token is stored; the token itself is
//! shown once, when it is made.

use super::{Conn, StoreError};
use crate::time::now_iso;
use domain::{TokenId, UserId};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone)]
pub struct TokenRecord {
    pub id: TokenId,
    pub user_id: UserId,
    pub name: String,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

const COLUMNS: &str = "id, user_id, name, created_at, expires_at, last_used_at, revoked_at";

fn from_row(r: &AnyRow) -> Result<TokenRecord, sqlx::Error> {
    Ok(TokenRecord {
        id: TokenId::from_db(r.try_get("id")?),
        user_id: UserId::from_db(r.try_get("user_id")?),
        name: r.try_get("name")?,
        created_at: r.try_get("created_at")?,
        expires_at: r.try_get("expires_at")?,
        last_used_at: r.try_get("last_used_at")?,
        revoked_at: r.try_get("revoked_at")?,
    })
}

pub struct NewToken<'a> {
    pub user: UserId,
    pub name: &'a str,
    pub token_hash: &'a str,
    pub expires_at: Option<String>,
}

pub async fn insert(conn: &mut Conn, new: NewToken<'_>) -> Result<TokenRecord, StoreError> {
    let row = sqlx::query(&format!(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5) RETURNING {COLUMNS}"
    ))
    .bind(new.user.get())
    .bind(new.name)
    .bind(new.token_hash)
    .bind(now_iso())
    .bind(new.expires_at)
    .fetch_one(&mut *conn)
    .await?;
    Ok(from_row(&row)?)
}

/// The tokens of one user, newest first (revoked ones included).
pub async fn list_for_user(conn: &mut Conn, user: UserId) -> Result<Vec<TokenRecord>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM api_tokens WHERE user_id = $1 ORDER BY id DESC"
    ))
    .bind(user.get())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

pub async fn get(conn: &mut Conn, id: TokenId) -> Result<TokenRecord, StoreError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM api_tokens WHERE id = $1"))
        .bind(id.get())
        .fetch_one(&mut *conn)
        .await?;
    Ok(from_row(&row)?)
}

/// The user and token of a live token: not revoked, not expired, and its
/// account active.
pub async fn find_live(
    conn: &mut Conn,
    token_hash: &str,
) -> Result<Option<TokenRecord>, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {} FROM api_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL \
         AND (t.expires_at IS NULL OR t.expires_at > $2) AND u.active = 1",
        COLUMNS
            .split(", ")
            .map(|c| format!("t.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
    .bind(token_hash)
    .bind(now_iso())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

/// Records a use, at most about once a minute per token (callers decide).
pub async fn touch(conn: &mut Conn, id: TokenId) -> Result<(), StoreError> {
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(now_iso())
        .bind(id.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Revokes a token if it is live; false when it was revoked already.
pub async fn revoke(conn: &mut Conn, id: TokenId) -> Result<bool, StoreError> {
    let done =
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL")
            .bind(now_iso())
            .bind(id.get())
            .execute(&mut *conn)
            .await?;
    Ok(done.rows_affected() == 1)
}
