//! The audit log: append-only (database triggers refuse UPDATE and DELETE)
//! and tamper-evident (each event's hash covers the previous event's hash,
//! so changing or removing a past row breaks the chain at that row).
//!
//! `append` runs inside the transaction of the change it records: both are
//! committed together or not at all.

use super::{Conn, StoreError, parse_column};
use crate::time::now_iso;
use domain::{AuditAction, AuditFilter, AuditTarget, UserId};
use serde_json::Value;
use sha2::{Digest, Sha256};
use sqlx::Row;

/// Who did it: a signed-in user, or the system itself (start-up, command line).
#[derive(Debug, Clone)]
pub struct AuditActor {
    pub id: Option<UserId>,
    pub name: String,
}

pub struct NewEvent<'a> {
    pub actor: &'a AuditActor,
    pub action: AuditAction,
    pub target: AuditTarget,
    pub target_id: Option<String>,
    pub details: Value,
}

#[derive(Debug, Clone)]
pub struct EventRecord {
    pub seq: i64,
    pub occurred_at: String,
    pub actor_id: Option<i64>,
    pub actor_name: String,
    pub action: AuditAction,
    pub target: AuditTarget,
    pub target_id: Option<String>,
    pub details: String,
    pub prev_hash: String,
    pub hash: String,
}

impl EventRecord {
    fn compute_hash(&self) -> String {
        let canonical = serde_json::to_string(&(
            self.seq,
            &self.occurred_at,
            self.actor_id,
            &self.actor_name,
            self.action.code(),
            self.target.code(),
            &self.target_id,
            &self.details,
            &self.prev_hash,
        ))
        .expect("plain values serialise");
        hex::encode(Sha256::digest(canonical.as_bytes()))
    }
}

pub async fn append(conn: &mut Conn, event: NewEvent<'_>) -> Result<i64, StoreError> {
    // Updating the head first takes its row lock (PostgreSQL) or holds the
    // write lock (SQLite): concurrent appends line up, the chain never forks.
    let head =
        sqlx::query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, last_hash")
            .fetch_one(&mut *conn)
            .await?;
    let mut record = EventRecord {
        seq: head.try_get("seq")?,
        occurred_at: now_iso(),
        actor_id: event.actor.id.map(UserId::get),
        actor_name: event.actor.name.clone(),
        action: event.action,
        target: event.target,
        target_id: event.target_id,
        details: event.details.to_string(),
        prev_hash: head.try_get("last_hash")?,
        hash: String::new(),
    };
    record.hash = record.compute_hash();
    sqlx::query(
        "INSERT INTO audit_events (seq, occurred_at, actor_id, actor_name, action, target_type, \
         target_id, details, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(record.seq)
    .bind(&record.occurred_at)
    .bind(record.actor_id)
    .bind(&record.actor_name)
    .bind(record.action.code())
    .bind(record.target.code())
    .bind(&record.target_id)
    .bind(&record.details)
    .bind(&record.prev_hash)
    .bind(&record.hash)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE audit_head SET last_hash = $1 WHERE id = 1")
        .bind(&record.hash)
        .execute(&mut *conn)
        .await?;
    Ok(record.seq)
}

fn from_row(r: &sqlx::any::AnyRow) -> Result<EventRecord, sqlx::Error> {
    Ok(EventRecord {
        seq: r.try_get("seq")?,
        occurred_at: r.try_get("occurred_at")?,
        actor_id: r.try_get("actor_id")?,
        actor_name: r.try_get("actor_name")?,
        action: parse_column(r, "action")?,
        target: parse_column(r, "target_type")?,
        target_id: r.try_get("target_id")?,
        details: r.try_get("details")?,
        prev_hash: r.try_get("prev_hash")?,
        hash: r.try_get("hash")?,
    })
}

const COLUMNS: &str = "seq, occurred_at, actor_id, actor_name, action, target_type, target_id, details, prev_hash, hash";

/// A value bound to a filter's placeholder.
enum Bound {
    Text(String),
    Int(i64),
}

/// The `WHERE` clause of a filter and its values, bound as `$1`, `$2`…
/// in order. Days compare as text with the stored ISO timestamps: "from"
/// is `>=` its day, "to" is `<` the day after.
fn filter_sql(filter: &AuditFilter) -> (String, Vec<Bound>) {
    let mut clauses = Vec::new();
    let mut values = Vec::new();
    let mut add = |clause: &str, value: Bound| {
        values.push(value);
        clauses.push(clause.replace('?', &format!("${}", values.len())));
    };
    if let Some(actor) = &filter.actor {
        let escaped = actor
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        add(
            "LOWER(actor_name) LIKE ? ESCAPE '\\'",
            Bound::Text(format!("%{escaped}%")),
        );
    }
    if let Some(action) = filter.action {
        add("action = ?", Bound::Text(action.code().to_owned()));
    }
    if let Some(from) = filter.from {
        add("occurred_at >= ?", Bound::Text(from.to_string()));
    }
    if let Some(to) = filter.to {
        add("occurred_at < ?", Bound::Text(to.next_day().to_string()));
    }
    if let Some(target) = filter.target {
        add("target_type = ?", Bound::Text(target.code().to_owned()));
    }
    if let Some(id) = &filter.target_id {
        add("target_id = ?", Bound::Text(id.clone()));
    }
    if let Some(until) = filter.until {
        add("seq <= ?", Bound::Int(until));
    }
    if clauses.is_empty() {
        (String::new(), values)
    } else {
        (format!(" WHERE {}", clauses.join(" AND ")), values)
    }
}

fn bind_all<'q>(
    mut query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    values: Vec<Bound>,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
    for v in values {
        query = match v {
            Bound::Text(t) => query.bind(t),
            Bound::Int(i) => query.bind(i),
        };
    }
    query
}

/// How many events match the filter.
pub async fn count(conn: &mut Conn, filter: &AuditFilter) -> Result<i64, StoreError> {
    let (clause, values) = filter_sql(filter);
    let sql = format!("SELECT COUNT(*) AS n FROM audit_events{clause}");
    Ok(bind_all(sqlx::query(&sql), values)
        .fetch_one(&mut *conn)
        .await?
        .try_get("n")?)
}

/// The matching events, newest first.
pub async fn page(
    conn: &mut Conn,
    filter: &AuditFilter,
    offset: i64,
    limit: i64,
) -> Result<Vec<EventRecord>, StoreError> {
    let (clause, values) = filter_sql(filter);
    let n = values.len();
    let sql = format!(
        "SELECT {COLUMNS} FROM audit_events{clause} ORDER BY seq DESC LIMIT ${} OFFSET ${}",
        n + 1,
        n + 2
    );
    let rows = bind_all(sqlx::query(&sql), values)
        .bind(limit)
        .bind(offset)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// Walks the whole chain; returns the first event whose hash or link is
/// wrong, or `None` when the log is intact.
pub async fn first_broken_link(conn: &mut Conn) -> Result<Option<i64>, StoreError> {
    let rows = sqlx::query(&format!("SELECT {COLUMNS} FROM audit_events ORDER BY seq"))
        .fetch_all(&mut *conn)
        .await?;
    let mut prev = "0".repeat(64);
    for (expected_seq, row) in (1_i64..).zip(rows.iter()) {
        let event = from_row(row)?;
        if event.seq != expected_seq
            || event.prev_hash != prev
            || event.compute_hash() != event.hash
        {
            return Ok(Some(expected_seq));
        }
        prev = event.hash;
    }
    Ok(None)
}

/// The newest stored event's sequence number and hash (`None`: empty log).
/// Read from the events themselves, not `audit_head`: someone who cut the
/// tail off could have rolled the head back as well.
pub async fn last_event(conn: &mut Conn) -> Result<Option<(i64, String)>, StoreError> {
    let row = sqlx::query("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        .fetch_optional(&mut *conn)
        .await?;
    Ok(match row {
        Some(r) => Some((r.try_get("seq")?, r.try_get("hash")?)),
        None => None,
    })
}

/// The stored hash of one event, if the event is there.
pub async fn hash_of(conn: &mut Conn, seq: i64) -> Result<Option<String>, StoreError> {
    let row = sqlx::query("SELECT hash FROM audit_events WHERE seq = $1")
        .bind(seq)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(match row {
        Some(r) => Some(r.try_get("hash")?),
        None => None,
    })
}
