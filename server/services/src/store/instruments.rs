//! Instruments and their versions.

use super::{Conn, StoreError};
use crate::time::now_iso;
use domain::{InstrumentId, UserId, VersionId, VersionStatus};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone)]
pub struct VersionRecord {
    pub id: VersionId,
    pub instrument_id: InstrumentId,
    pub code: String,
    pub number: i64,
    pub status: VersionStatus,
    pub definition: String,
    pub revision: i64,
    pub created_at: String,
    pub published_at: Option<String>,
}

const COLUMNS: &str = "v.id, v.instrument_id, i.code, v.number, v.status, v.definition, v.revision, \
                       v.created_at, v.published_at";

fn from_row(r: &AnyRow) -> Result<VersionRecord, StoreError> {
    let status: String = r.try_get("status")?;
    Ok(VersionRecord {
        id: VersionId(r.try_get("id")?),
        instrument_id: InstrumentId(r.try_get("instrument_id")?),
        code: r.try_get("code")?,
        number: r.try_get("number")?,
        status: status
            .parse()
            .map_err(|e: domain::version::UnknownStatus| {
                StoreError::Other(sqlx::Error::Decode(e.into()))
            })?,
        definition: r.try_get("definition")?,
        revision: r.try_get("revision")?,
        created_at: r.try_get("created_at")?,
        published_at: r.try_get("published_at")?,
    })
}

pub async fn find_instrument(
    conn: &mut Conn,
    code: &str,
) -> Result<Option<InstrumentId>, StoreError> {
    let row = sqlx::query("SELECT id FROM instruments WHERE code = $1")
        .bind(code)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(match row {
        Some(r) => Some(InstrumentId(r.try_get("id")?)),
        None => None,
    })
}

pub async fn insert_instrument(conn: &mut Conn, code: &str) -> Result<InstrumentId, StoreError> {
    let id: i64 =
        sqlx::query("INSERT INTO instruments (code, created_at) VALUES ($1, $2) RETURNING id")
            .bind(code)
            .bind(now_iso())
            .fetch_one(&mut *conn)
            .await?
            .try_get("id")?;
    Ok(InstrumentId(id))
}

pub struct NewVersion<'a> {
    pub instrument: InstrumentId,
    pub status: VersionStatus,
    pub definition: &'a str,
    pub created_by: Option<UserId>,
}

/// Adds the next numbered version of an instrument.
pub async fn insert_version(
    conn: &mut Conn,
    new: NewVersion<'_>,
) -> Result<(VersionId, i64), StoreError> {
    let next: i64 = sqlx::query(
        "SELECT COALESCE(MAX(number), 0) + 1 AS next FROM instrument_versions WHERE instrument_id = $1",
    )
    .bind(new.instrument.0)
    .fetch_one(&mut *conn)
    .await?
    .try_get("next")?;
    let now = now_iso();
    let published_at = (new.status == VersionStatus::Published).then(|| now.clone());
    let id: i64 = sqlx::query(
        "INSERT INTO instrument_versions (instrument_id, number, status, definition, created_at, created_by, published_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(new.instrument.0)
    .bind(next)
    .bind(new.status.code())
    .bind(new.definition)
    .bind(&now)
    .bind(new.created_by.map(|u| u.0))
    .bind(published_at)
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    Ok((VersionId(id), next))
}

pub async fn get_version(
    conn: &mut Conn,
    code: &str,
    number: i64,
) -> Result<VersionRecord, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM instrument_versions v JOIN instruments i ON i.id = v.instrument_id \
         WHERE i.code = $1 AND v.number = $2"
    ))
    .bind(code)
    .bind(number)
    .fetch_one(&mut *conn)
    .await?;
    from_row(&row)
}

/// The newest published version of each instrument, by code.
pub async fn latest_published(conn: &mut Conn) -> Result<Vec<VersionRecord>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM instrument_versions v JOIN instruments i ON i.id = v.instrument_id \
         WHERE v.status = 'published' AND v.number = (SELECT MAX(w.number) FROM instrument_versions w \
         WHERE w.instrument_id = v.instrument_id AND w.status = 'published') ORDER BY i.code"
    ))
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(from_row).collect()
}

/// The newest version of an instrument whatever its status.
pub async fn latest_version(conn: &mut Conn, code: &str) -> Result<VersionRecord, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM instrument_versions v JOIN instruments i ON i.id = v.instrument_id \
         WHERE i.code = $1 ORDER BY v.number DESC LIMIT 1"
    ))
    .bind(code)
    .fetch_one(&mut *conn)
    .await?;
    from_row(&row)
}
