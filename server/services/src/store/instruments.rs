//! Instruments and their versions.

use super::{Conn, StoreError, parse_column};
use crate::time::now_iso;
use domain::{InstrumentCode, InstrumentId, UserId, VersionId, VersionStatus};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone)]
pub struct VersionRecord {
    pub id: VersionId,
    pub instrument_id: InstrumentId,
    pub code: InstrumentCode,
    pub number: i64,
    pub status: VersionStatus,
    pub definition: String,
    pub revision: i64,
    pub created_at: String,
    pub published_at: Option<String>,
    /// The username of who created the version (none: the system did).
    pub created_by: Option<String>,
}

const COLUMNS: &str = "v.id, v.instrument_id, i.code, v.number, v.status, v.definition, v.revision, \
                       v.created_at, v.published_at, u.username AS created_by";

const FROM: &str = "FROM instrument_versions v JOIN instruments i ON i.id = v.instrument_id \
                    LEFT JOIN users u ON u.id = v.created_by";

fn from_row(r: &AnyRow) -> Result<VersionRecord, sqlx::Error> {
    Ok(VersionRecord {
        id: VersionId::from_db(r.try_get("id")?),
        instrument_id: InstrumentId::from_db(r.try_get("instrument_id")?),
        code: parse_column(r, "code")?,
        number: r.try_get("number")?,
        status: parse_column(r, "status")?,
        definition: r.try_get("definition")?,
        revision: r.try_get("revision")?,
        created_at: r.try_get("created_at")?,
        published_at: r.try_get("published_at")?,
        created_by: r.try_get("created_by")?,
    })
}

fn from_rows(rows: &[AnyRow]) -> Result<Vec<VersionRecord>, StoreError> {
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

pub async fn find_instrument(
    conn: &mut Conn,
    code: &InstrumentCode,
) -> Result<Option<InstrumentId>, StoreError> {
    let row = sqlx::query("SELECT id FROM instruments WHERE code = $1")
        .bind(code.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(match row {
        Some(r) => Some(InstrumentId::from_db(r.try_get("id")?)),
        None => None,
    })
}

/// Adds an instrument; `Duplicate(InstrumentCode)` when the code exists.
pub async fn insert_instrument(
    conn: &mut Conn,
    code: &InstrumentCode,
) -> Result<InstrumentId, StoreError> {
    let id: i64 =
        sqlx::query("INSERT INTO instruments (code, created_at) VALUES ($1, $2) RETURNING id")
            .bind(code.as_str())
            .bind(now_iso())
            .fetch_one(&mut *conn)
            .await?
            .try_get("id")?;
    Ok(InstrumentId::from_db(id))
}

pub struct NewVersion<'a> {
    pub instrument: InstrumentId,
    pub status: VersionStatus,
    pub definition: &'a str,
    pub created_by: Option<UserId>,
}

/// Adds the next numbered version of an instrument. `Duplicate(OpenVersion)`
/// when it is open (a draft…) and the instrument has an open version already.
pub async fn insert_version(
    conn: &mut Conn,
    new: NewVersion<'_>,
) -> Result<(VersionId, i64), StoreError> {
    let next: i64 = sqlx::query(
        "SELECT COALESCE(MAX(number), 0) + 1 AS next FROM instrument_versions WHERE instrument_id = $1",
    )
    .bind(new.instrument.get())
    .fetch_one(&mut *conn)
    .await?
    .try_get("next")?;
    let now = now_iso();
    let published_at = (new.status == VersionStatus::Published).then(|| now.clone());
    let id: i64 = sqlx::query(
        "INSERT INTO instrument_versions (instrument_id, number, status, definition, created_at, created_by, published_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(new.instrument.get())
    .bind(next)
    .bind(new.status.code())
    .bind(new.definition)
    .bind(&now)
    .bind(new.created_by.map(UserId::get))
    .bind(published_at)
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    Ok((VersionId::from_db(id), next))
}

pub async fn get_version(
    conn: &mut Conn,
    code: &InstrumentCode,
    number: i64,
) -> Result<VersionRecord, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} {FROM} WHERE i.code = $1 AND v.number = $2"
    ))
    .bind(code.as_str())
    .bind(number)
    .fetch_one(&mut *conn)
    .await?;
    Ok(from_row(&row)?)
}

/// Every version of one instrument, oldest first.
pub async fn versions_of(
    conn: &mut Conn,
    code: &InstrumentCode,
) -> Result<Vec<VersionRecord>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} {FROM} WHERE i.code = $1 ORDER BY v.number"
    ))
    .bind(code.as_str())
    .fetch_all(&mut *conn)
    .await?;
    from_rows(&rows)
}

/// Every version of every instrument, by code then number.
pub async fn all_versions(conn: &mut Conn) -> Result<Vec<VersionRecord>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} {FROM} ORDER BY i.code, v.number"
    ))
    .fetch_all(&mut *conn)
    .await?;
    from_rows(&rows)
}

/// The newest published version of each instrument, by code.
pub async fn latest_published(conn: &mut Conn) -> Result<Vec<VersionRecord>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} {FROM} WHERE v.status = $1 AND v.number = (SELECT MAX(w.number) \
         FROM instrument_versions w WHERE w.instrument_id = v.instrument_id AND w.status = $1) \
         ORDER BY i.code"
    ))
    .bind(VersionStatus::Published.code())
    .fetch_all(&mut *conn)
    .await?;
    from_rows(&rows)
}

/// Replaces a draft's definition when its revision is still `expected`,
/// and returns the new revision. `StaleRevision` when someone saved it
/// meanwhile or it is no longer editable (a draft, or sent back).
pub async fn update_draft(
    conn: &mut Conn,
    id: VersionId,
    expected: i64,
    definition: &str,
) -> Result<i64, StoreError> {
    let updated = sqlx::query(
        "UPDATE instrument_versions SET definition = $1, revision = revision + 1 \
         WHERE id = $2 AND revision = $3 AND status IN ($4, $5) RETURNING revision",
    )
    .bind(definition)
    .bind(id.get())
    .bind(expected)
    .bind(VersionStatus::Draft.code())
    .bind(VersionStatus::ChangesRequested.code())
    .fetch_optional(&mut *conn)
    .await?;
    match updated {
        Some(row) => Ok(row.try_get("revision")?),
        None => Err(StoreError::StaleRevision),
    }
}

/// Takes the draft's row for the rest of the transaction, if it is still at
/// `revision` (so nothing can write the draft until the caller commits;
/// SQLite locks the database, PostgreSQL the row). False: it moved on.
pub async fn hold_at_revision(
    conn: &mut Conn,
    id: VersionId,
    revision: i64,
) -> Result<bool, StoreError> {
    let updated = sqlx::query(
        "UPDATE instrument_versions SET revision = revision WHERE id = $1 AND revision = $2",
    )
    .bind(id.get())
    .bind(revision)
    .execute(&mut *conn)
    .await?;
    Ok(updated.rows_affected() == 1)
}
