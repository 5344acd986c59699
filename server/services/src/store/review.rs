//! Review and publication: a version's authors, its moves between statuses,
//! comments, electronic signatures, retired instruments and settings.

use super::{Conn, StoreError, parse_column};
use crate::time::now_iso;
use domain::{InstrumentId, UserId, VersionId, VersionStatus};
use sqlx::Row;

/// Takes the instrument's row for the rest of the transaction: every move
/// of any of its versions lines up behind it (PostgreSQL locks the row,
/// SQLite the database), so two moves never cross (publish and retire)
/// nor deadlock.
pub async fn lock_instrument(conn: &mut Conn, instrument: InstrumentId) -> Result<(), StoreError> {
    sqlx::query("UPDATE instruments SET id = id WHERE id = $1")
        .bind(instrument.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Takes the version's row if it is still exactly as checked: this
/// revision, this status, this round of review. False: it moved on.
pub async fn hold_as_checked(
    conn: &mut Conn,
    version: VersionId,
    revision: i64,
    status: VersionStatus,
    round: i64,
) -> Result<bool, StoreError> {
    let updated = sqlx::query(
        "UPDATE instrument_versions SET revision = revision \
         WHERE id = $1 AND revision = $2 AND status = $3 AND review_round = $4",
    )
    .bind(version.get())
    .bind(revision)
    .bind(status.code())
    .bind(round)
    .execute(&mut *conn)
    .await?;
    Ok(updated.rows_affected() == 1)
}

/// The reviewers who approved the version in `round` (each once).
pub async fn approvers(
    conn: &mut Conn,
    version: VersionId,
    round: i64,
) -> Result<Vec<UserId>, StoreError> {
    let rows = sqlx::query(
        "SELECT DISTINCT signer_id FROM version_signatures \
         WHERE version_id = $1 AND review_round = $2 AND meaning = 'approved'",
    )
    .bind(version.get())
    .bind(round)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| Ok(UserId::from_db(r.try_get("signer_id")?)))
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// Records that `user` saved the version's definition (four eyes).
pub async fn add_author(
    conn: &mut Conn,
    version: VersionId,
    user: UserId,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO version_authors (version_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
    )
    .bind(version.get())
    .bind(user.get())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whether `user` wrote any of the version: its definition, or a wording
/// of any locale (a carried-forward one nobody approved since included).
pub async fn wrote(conn: &mut Conn, version: VersionId, user: UserId) -> Result<bool, StoreError> {
    let row = sqlx::query(
        "SELECT 1 AS one FROM version_authors WHERE version_id = $1 AND user_id = $2 \
         UNION ALL SELECT 1 AS one FROM instrument_versions WHERE id = $1 AND created_by = $2 \
         UNION ALL SELECT 1 AS one FROM translation_contributors WHERE version_id = $1 AND user_id = $2 \
         UNION ALL SELECT 1 AS one FROM translations \
         WHERE version_id = $1 AND translated_by = $2 AND status = 'draft'",
    )
    .bind(version.get())
    .bind(user.get())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.is_some())
}

/// Moves a version from `from` to `to` when it is still `from`, and records
/// the move. False: someone moved it meanwhile. A submission starts a new
/// round of review; publication stamps the time.
pub async fn transition(
    conn: &mut Conn,
    version: VersionId,
    from: VersionStatus,
    to: VersionStatus,
    actor: Option<UserId>,
    reason: Option<&str>,
) -> Result<bool, StoreError> {
    let now = now_iso();
    let round: i64 = if to == VersionStatus::InReview { 1 } else { 0 };
    let published_at = (to == VersionStatus::Published).then(|| now.clone());
    let updated = sqlx::query(
        "UPDATE instrument_versions SET status = $1, review_round = review_round + $2, \
         published_at = COALESCE($3, published_at) WHERE id = $4 AND status = $5",
    )
    .bind(to.code())
    .bind(round)
    .bind(published_at)
    .bind(version.get())
    .bind(from.code())
    .execute(&mut *conn)
    .await?;
    if updated.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query(
        "INSERT INTO version_transitions (version_id, from_status, to_status, actor_id, reason, occurred_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(version.get())
    .bind(from.code())
    .bind(to.code())
    .bind(actor.map(UserId::get))
    .bind(reason)
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// The version's current round of review (how many times it was submitted).
pub async fn review_round(conn: &mut Conn, version: VersionId) -> Result<i64, StoreError> {
    let round: i64 = sqlx::query("SELECT review_round FROM instrument_versions WHERE id = $1")
        .bind(version.get())
        .fetch_one(&mut *conn)
        .await?
        .try_get("review_round")?;
    Ok(round)
}

#[derive(Debug, Clone)]
pub struct TransitionRecord {
    pub from: VersionStatus,
    pub to: VersionStatus,
    pub actor: Option<String>,
    pub reason: Option<String>,
    pub occurred_at: String,
}

pub async fn transitions_of(
    conn: &mut Conn,
    version: VersionId,
) -> Result<Vec<TransitionRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT t.from_status, t.to_status, u.username, t.reason, t.occurred_at \
         FROM version_transitions t LEFT JOIN users u ON u.id = t.actor_id \
         WHERE t.version_id = $1 ORDER BY t.id",
    )
    .bind(version.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(TransitionRecord {
                from: parse_column(r, "from_status")?,
                to: parse_column(r, "to_status")?,
                actor: r.try_get("username")?,
                reason: r.try_get("reason")?,
                occurred_at: r.try_get("occurred_at")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// Who submitted the version last, and when.
pub async fn last_submission(
    conn: &mut Conn,
    version: VersionId,
) -> Result<Option<(Option<String>, String)>, StoreError> {
    let row = sqlx::query(
        "SELECT u.username, t.occurred_at FROM version_transitions t \
         LEFT JOIN users u ON u.id = t.actor_id \
         WHERE t.version_id = $1 AND t.to_status = $2 ORDER BY t.id DESC LIMIT 1",
    )
    .bind(version.get())
    .bind(VersionStatus::InReview.code())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match row {
        Some(r) => Some((r.try_get("username")?, r.try_get("occurred_at")?)),
        None => None,
    })
}

pub struct NewComment<'a> {
    pub version: VersionId,
    pub path: Option<&'a str>,
    pub anchor: Option<&'a str>,
    pub body: &'a str,
    pub reply_to: Option<i64>,
    pub author: UserId,
}

pub async fn insert_comment(conn: &mut Conn, new: NewComment<'_>) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query(
        "INSERT INTO version_comments (version_id, path, anchor, body, reply_to, author_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(new.version.get())
    .bind(new.path)
    .bind(new.anchor)
    .bind(new.body)
    .bind(new.reply_to)
    .bind(new.author.get())
    .bind(now_iso())
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    Ok(id)
}

#[derive(Debug, Clone)]
pub struct CommentRecord {
    pub id: i64,
    pub version: VersionId,
    pub path: Option<String>,
    pub anchor: Option<String>,
    pub body: String,
    pub reply_to: Option<i64>,
    pub author: String,
    pub created_at: String,
    pub resolved_at: Option<String>,
    pub resolved_by: Option<String>,
}

const COMMENT_COLUMNS: &str = "c.id, c.version_id, c.path, c.anchor, c.body, c.reply_to, a.username AS author, \
     c.created_at, c.resolved_at, r.username AS resolved_by";
const COMMENT_FROM: &str = "FROM version_comments c JOIN users a ON a.id = c.author_id \
     LEFT JOIN users r ON r.id = c.resolved_by";

fn comment_from_row(r: &sqlx::any::AnyRow) -> Result<CommentRecord, sqlx::Error> {
    Ok(CommentRecord {
        id: r.try_get("id")?,
        version: VersionId::from_db(r.try_get("version_id")?),
        path: r.try_get("path")?,
        anchor: r.try_get("anchor")?,
        body: r.try_get("body")?,
        reply_to: r.try_get("reply_to")?,
        author: r.try_get("author")?,
        created_at: r.try_get("created_at")?,
        resolved_at: r.try_get("resolved_at")?,
        resolved_by: r.try_get("resolved_by")?,
    })
}

/// A version's comments, oldest first.
pub async fn comments_of(
    conn: &mut Conn,
    version: VersionId,
) -> Result<Vec<CommentRecord>, StoreError> {
    let rows = sqlx::query(&format!(
        "SELECT {COMMENT_COLUMNS} {COMMENT_FROM} WHERE c.version_id = $1 ORDER BY c.id"
    ))
    .bind(version.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(comment_from_row)
        .collect::<Result<_, _>>()
        .map_err(Into::into)
}

pub async fn get_comment(conn: &mut Conn, id: i64) -> Result<CommentRecord, StoreError> {
    let row = sqlx::query(&format!(
        "SELECT {COMMENT_COLUMNS} {COMMENT_FROM} WHERE c.id = $1"
    ))
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(comment_from_row(&row)?)
}

/// Marks a thread resolved (by `by`) or open again (`None`), if it is not
/// so already. False: nothing changed.
pub async fn set_resolved(
    conn: &mut Conn,
    id: i64,
    by: Option<UserId>,
) -> Result<bool, StoreError> {
    let at = by.map(|_| now_iso());
    let condition = if by.is_some() {
        "resolved_at IS NULL"
    } else {
        "resolved_at IS NOT NULL"
    };
    let updated = sqlx::query(&format!(
        "UPDATE version_comments SET resolved_at = $1, resolved_by = $2 WHERE id = $3 AND {condition}"
    ))
    .bind(at)
    .bind(by.map(UserId::get))
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(updated.rows_affected() == 1)
}

pub struct NewSignature<'a> {
    pub version: VersionId,
    pub signer: UserId,
    pub meaning: &'static str,
    pub definition_sha256: &'a str,
    pub review_round: i64,
    pub reason: Option<&'a str>,
}

pub async fn insert_signature(conn: &mut Conn, new: NewSignature<'_>) -> Result<i64, StoreError> {
    let id: i64 = sqlx::query(
        "INSERT INTO version_signatures (version_id, signer_id, meaning, definition_sha256, review_round, reason, signed_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(new.version.get())
    .bind(new.signer.get())
    .bind(new.meaning)
    .bind(new.definition_sha256)
    .bind(new.review_round)
    .bind(new.reason)
    .bind(now_iso())
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    Ok(id)
}

#[derive(Debug, Clone)]
pub struct SignatureRecord {
    pub signer_id: UserId,
    pub signer: String,
    pub meaning: String,
    pub definition_sha256: String,
    pub review_round: i64,
    pub reason: Option<String>,
    pub signed_at: String,
}

pub async fn signatures_of(
    conn: &mut Conn,
    version: VersionId,
) -> Result<Vec<SignatureRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT s.signer_id, u.username, s.meaning, s.definition_sha256, s.review_round, s.reason, s.signed_at \
         FROM version_signatures s JOIN users u ON u.id = s.signer_id \
         WHERE s.version_id = $1 ORDER BY s.id",
    )
    .bind(version.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(SignatureRecord {
                signer_id: UserId::from_db(r.try_get("signer_id")?),
                signer: r.try_get("username")?,
                meaning: r.try_get("meaning")?,
                definition_sha256: r.try_get("definition_sha256")?,
                review_round: r.try_get("review_round")?,
                reason: r.try_get("reason")?,
                signed_at: r.try_get("signed_at")?,
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// Marks an instrument retired, with the reason.
pub async fn retire_instrument(
    conn: &mut Conn,
    instrument: InstrumentId,
    reason: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE instruments SET retired_at = $1, retired_reason = $2 WHERE id = $3")
        .bind(now_iso())
        .bind(reason)
        .bind(instrument.get())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// When and why an instrument was retired, if it was.
pub async fn retirement(
    conn: &mut Conn,
    instrument: InstrumentId,
) -> Result<Option<(String, String)>, StoreError> {
    let row = sqlx::query("SELECT retired_at, retired_reason FROM instruments WHERE id = $1")
        .bind(instrument.get())
        .fetch_one(&mut *conn)
        .await?;
    let at: Option<String> = row.try_get("retired_at")?;
    let reason: Option<String> = row.try_get("retired_reason")?;
    Ok(at.map(|at| (at, reason.unwrap_or_default())))
}

pub async fn setting(conn: &mut Conn, name: &str) -> Result<Option<String>, StoreError> {
    let row = sqlx::query("SELECT value FROM settings WHERE name = $1")
        .bind(name)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(match row {
        Some(r) => Some(r.try_get("value")?),
        None => None,
    })
}

pub async fn put_setting(conn: &mut Conn, name: &str, value: &str) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO settings (name, value) VALUES ($1, $2) \
         ON CONFLICT (name) DO UPDATE SET value = excluded.value",
    )
    .bind(name)
    .bind(value)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Versions in a status, with their instrument code and number.
pub async fn versions_in(
    conn: &mut Conn,
    status: VersionStatus,
) -> Result<Vec<(VersionId, String, i64)>, StoreError> {
    let rows = sqlx::query(
        "SELECT v.id, i.code, v.number FROM instrument_versions v \
         JOIN instruments i ON i.id = v.instrument_id WHERE v.status = $1 ORDER BY i.code",
    )
    .bind(status.code())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok((
                VersionId::from_db(r.try_get("id")?),
                r.try_get("code")?,
                r.try_get("number")?,
            ))
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}
