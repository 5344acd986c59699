//! Failed sign-ins per key (an account name, a client address), kept in the
//! database so that every server instance counts the same attempts.

use super::{Conn, StoreError};
use crate::time::{ago_iso, now_iso};
use chrono::Duration;
use sqlx::Row;

/// The times of the most recent failures for `key` within `window`, newest first.
pub async fn recent_failures(
    conn: &mut Conn,
    key: &str,
    window: Duration,
    limit: i64,
) -> Result<Vec<String>, StoreError> {
    let rows = sqlx::query(
        "SELECT failed_at FROM sign_in_failures WHERE throttle_key = $1 AND failed_at >= $2 \
         ORDER BY failed_at DESC LIMIT $3",
    )
    .bind(key)
    .bind(ago_iso(window))
    .bind(limit)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| r.try_get::<String, _>("failed_at"))
        .collect::<Result<_, _>>()?)
}

pub async fn record_failure(conn: &mut Conn, key: &str) -> Result<(), StoreError> {
    sqlx::query("INSERT INTO sign_in_failures (throttle_key, failed_at) VALUES ($1, $2)")
        .bind(key)
        .bind(now_iso())
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM sign_in_failures WHERE failed_at < $1")
        .bind(ago_iso(Duration::days(1)))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn clear(conn: &mut Conn, key: &str) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM sign_in_failures WHERE throttle_key = $1")
        .bind(key)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
