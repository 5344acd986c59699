//! Translation records, contributors and sign-offs (see the migration
//! `…_translations.sql` for why they live beside the definition).

use super::{Conn, StoreError, parse_column};
use crate::time::now_iso;
use domain::definition::translation::Variant;
use domain::{Locale, UserId, VersionId};
use sqlx::Row;

/// What is known about one wording beyond its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationRecord {
    pub text_id: String,
    pub locale: Locale,
    pub variant: Variant,
    pub source_hash: String,
    /// The source wording it was made from, as JSON.
    pub source_text: String,
    pub wording_hash: String,
    pub approved: bool,
}

pub async fn records_of(
    conn: &mut Conn,
    version: VersionId,
) -> Result<Vec<TranslationRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT text_id, locale, variant, source_hash, source_text, wording_hash, status \
         FROM translations WHERE version_id = $1",
    )
    .bind(version.get())
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|r| {
            let status: String = r.try_get("status")?;
            Ok(TranslationRecord {
                text_id: r.try_get("text_id")?,
                locale: parse_column(r, "locale")?,
                variant: parse_column(r, "variant")?,
                source_hash: r.try_get("source_hash")?,
                source_text: r.try_get("source_text")?,
                wording_hash: r.try_get("wording_hash")?,
                approved: status == "approved",
            })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Into::into)
}

/// Writes the record of a wording just made (a draft) by `by`.
pub async fn put(
    conn: &mut Conn,
    version: VersionId,
    record: &TranslationRecord,
    by: Option<UserId>,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO translations (version_id, text_id, locale, variant, source_hash, \
         source_text, wording_hash, status, translated_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (version_id, text_id, locale, variant) DO UPDATE SET \
         source_hash = excluded.source_hash, source_text = excluded.source_text, \
         wording_hash = excluded.wording_hash, \
         status = excluded.status, translated_by = excluded.translated_by, \
         updated_at = excluded.updated_at",
    )
    .bind(version.get())
    .bind(&record.text_id)
    .bind(record.locale.code())
    .bind(record.variant.code())
    .bind(&record.source_hash)
    .bind(&record.source_text)
    .bind(&record.wording_hash)
    .bind(if record.approved { "approved" } else { "draft" })
    .bind(by.map(UserId::get))
    .bind(now_iso())
    .execute(&mut *conn)
    .await?;
    if let Some(user) = by {
        sqlx::query(
            "INSERT INTO translation_contributors (version_id, locale, user_id) \
             VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        )
        .bind(version.get())
        .bind(record.locale.code())
        .bind(user.get())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub async fn delete(
    conn: &mut Conn,
    version: VersionId,
    text_id: &str,
    locale: Locale,
    variant: Variant,
) -> Result<(), StoreError> {
    sqlx::query(
        "DELETE FROM translations WHERE version_id = $1 AND text_id = $2 \
         AND locale = $3 AND variant = $4",
    )
    .bind(version.get())
    .bind(text_id)
    .bind(locale.code())
    .bind(variant.code())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whether `user` wrote any wording of `locale` in `version`.
pub async fn contributed(
    conn: &mut Conn,
    version: VersionId,
    locale: Locale,
    user: UserId,
) -> Result<bool, StoreError> {
    // A wording written in an earlier version and carried forward
    // unapproved is theirs too: nobody has looked at it since.
    let row = sqlx::query(
        "SELECT 1 AS one FROM translation_contributors \
         WHERE version_id = $1 AND locale = $2 AND user_id = $3 \
         UNION ALL SELECT 1 AS one FROM translations \
         WHERE version_id = $1 AND locale = $2 AND translated_by = $3 AND status = 'draft'",
    )
    .bind(version.get())
    .bind(locale.code())
    .bind(user.get())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.is_some())
}

/// Approves every wording of `locale` in `version` (a sign-off).
pub async fn approve_locale(
    conn: &mut Conn,
    version: VersionId,
    locale: Locale,
    by: UserId,
) -> Result<(), StoreError> {
    sqlx::query(
        "UPDATE translations SET status = 'approved' WHERE version_id = $1 AND locale = $2",
    )
    .bind(version.get())
    .bind(locale.code())
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO translation_sign_offs (version_id, locale, signed_by, signed_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(version.get())
    .bind(locale.code())
    .bind(by.get())
    .bind(now_iso())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A new draft version starts with its predecessor's records (statuses
/// and source hashes; not its contributors: they translated that one).
pub async fn carry_forward(
    conn: &mut Conn,
    from: VersionId,
    to: VersionId,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO translations (version_id, text_id, locale, variant, source_hash, \
         source_text, wording_hash, status, translated_by, updated_at) \
         SELECT $1, text_id, locale, variant, source_hash, source_text, wording_hash, status, \
         translated_by, updated_at FROM translations WHERE version_id = $2",
    )
    .bind(to.get())
    .bind(from.get())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The newest sign-off of each locale of `version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignOffRecord {
    pub locale: Locale,
    pub signed_by: String,
    pub signed_at: String,
}

pub async fn sign_offs_of(
    conn: &mut Conn,
    version: VersionId,
) -> Result<Vec<SignOffRecord>, StoreError> {
    let rows = sqlx::query(
        "SELECT s.locale, u.username, s.signed_at FROM translation_sign_offs s \
         JOIN users u ON u.id = s.signed_by WHERE s.version_id = $1 ORDER BY s.id",
    )
    .bind(version.get())
    .fetch_all(&mut *conn)
    .await?;
    let mut out: Vec<SignOffRecord> = Vec::new();
    for r in &rows {
        let record = SignOffRecord {
            locale: parse_column(r, "locale")?,
            signed_by: r.try_get("username")?,
            signed_at: r.try_get("signed_at")?,
        };
        out.retain(|o| o.locale != record.locale);
        out.push(record);
    }
    Ok(out)
}
