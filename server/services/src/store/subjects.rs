//! Subjects. Every read here names whose subjects it may return (a
//! [`Scope`]), so that a query without the facility filter is a choice
//! made in the service, visibly, never an omission.

use super::{Conn, StoreError, parse_column};
use crate::time::now_iso;
use domain::{
    Day, FacilityCode, FacilityId, Gender, Locale, SubjectCode, SubjectId, SubjectName,
    SubjectStatus, UserId,
};
use sqlx::Row;
use sqlx::any::AnyRow;

/// A stored subject, with the code of their facility.
#[derive(Debug, Clone)]
pub struct SubjectRecord {
    pub id: SubjectId,
    pub code: SubjectCode,
    /// Personal data: never log it (`SubjectName` hides it from `Debug`).
    pub name: SubjectName,
    pub gender: Gender,
    pub birth_date: Day,
    pub facility_id: FacilityId,
    pub facility: FacilityCode,
    pub language: Locale,
    pub status: SubjectStatus,
    pub status_date: Option<Day>,
    pub revision: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// Whose subjects a read may return.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    /// Every facility's (administrators).
    All,
    /// Those of the facilities this user works at.
    WorksAt(UserId),
}

const COLUMNS: &str = "s.id, s.code, s.full_name, s.gender, s.birth_date, s.facility_id, \
                       f.code AS facility_code, s.language, s.status, s.status_date, s.revision, \
                       s.created_at, s.updated_at";

fn from_row(row: &AnyRow) -> Result<SubjectRecord, sqlx::Error> {
    let name: String = row.try_get("full_name")?;
    let status_date: Option<String> = row.try_get("status_date")?;
    Ok(SubjectRecord {
        id: SubjectId::from_db(row.try_get("id")?),
        code: parse_column(row, "code")?,
        name: SubjectName::parse(&name).map_err(|_| {
            super::decode_error(
                "full_name",
                std::io::Error::other("a stored name does not parse"),
            )
        })?,
        gender: parse_column(row, "gender")?,
        birth_date: parse_column(row, "birth_date")?,
        facility_id: FacilityId::from_db(row.try_get("facility_id")?),
        facility: parse_column(row, "facility_code")?,
        language: parse_column(row, "language")?,
        status: parse_column(row, "status")?,
        status_date: status_date
            .map(|d| d.parse())
            .transpose()
            .map_err(|e| super::decode_error("status_date", e))?,
        revision: row.try_get("revision")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

pub struct NewSubject<'a> {
    pub code: &'a SubjectCode,
    pub name: &'a SubjectName,
    pub gender: Gender,
    pub birth_date: Day,
    pub facility: FacilityId,
    pub language: Locale,
    pub created_by: Option<UserId>,
}

/// Adds a subject, in custody; `Duplicate(SubjectCode)` when the code is taken.
pub async fn insert(conn: &mut Conn, new: NewSubject<'_>) -> Result<SubjectId, StoreError> {
    let now = now_iso();
    let id: i64 = sqlx::query(
        "INSERT INTO subjects (code, full_name, search_name, gender, birth_date, facility_id, \
         language, status, created_at, created_by, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9) RETURNING id",
    )
    .bind(new.code.as_str())
    .bind(new.name.as_str())
    .bind(new.name.search_key())
    .bind(new.gender.code())
    .bind(new.birth_date.to_string())
    .bind(new.facility.get())
    .bind(new.language.code())
    .bind(SubjectStatus::InCustody.code())
    .bind(&now)
    .bind(new.created_by.map(UserId::get))
    .fetch_one(&mut *conn)
    .await?
    .try_get("id")?;
    Ok(SubjectId::from_db(id))
}

/// `scope`'s condition on the subject `s`, its values bound from `$first`.
pub(crate) fn scope_sql(scope: Scope, first: usize) -> (String, Option<i64>) {
    match scope {
        Scope::All => ("1 = 1".to_owned(), None),
        Scope::WorksAt(user) => (
            format!(
                "s.facility_id IN (SELECT facility_id FROM user_facilities WHERE user_id = ${first})"
            ),
            Some(user.get()),
        ),
    }
}

/// The subject with this code, if it is in `scope`.
pub async fn find(
    conn: &mut Conn,
    scope: Scope,
    code: &SubjectCode,
) -> Result<Option<SubjectRecord>, StoreError> {
    let (condition, user) = scope_sql(scope, 2);
    let sql = format!(
        "SELECT {COLUMNS} FROM subjects s JOIN facilities f ON f.id = s.facility_id \
         WHERE s.code = $1 AND {condition}"
    );
    let mut query = sqlx::query(&sql).bind(code.as_str());
    if let Some(user) = user {
        query = query.bind(user);
    }
    let row = query.fetch_optional(&mut *conn).await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

/// `LIKE` pattern that finds `word` anywhere (its `%`, `_` and `\` literal).
fn contains_pattern(word: &str) -> String {
    let escaped = word
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

/// The subjects in `scope` whose code or folded name contains each of
/// `words` (already folded by the caller), by code, at most `limit`.
pub async fn search(
    conn: &mut Conn,
    scope: Scope,
    words: &[String],
    limit: i64,
) -> Result<Vec<SubjectRecord>, StoreError> {
    let mut clauses = Vec::new();
    for i in 1..=words.len() {
        clauses.push(format!(
            "(LOWER(s.code) LIKE ${i} ESCAPE '\\' OR s.search_name LIKE ${i} ESCAPE '\\')"
        ));
    }
    let (condition, user) = scope_sql(scope, words.len() + 1);
    clauses.push(condition);
    let limit_at = words.len() + 1 + usize::from(user.is_some());
    let sql = format!(
        "SELECT {COLUMNS} FROM subjects s JOIN facilities f ON f.id = s.facility_id \
         WHERE {} ORDER BY s.code LIMIT ${limit_at}",
        clauses.join(" AND ")
    );
    let mut query = sqlx::query(&sql);
    for word in words {
        query = query.bind(contains_pattern(word));
    }
    if let Some(user) = user {
        query = query.bind(user);
    }
    let rows = query.bind(limit).fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// The fields an edit may change.
pub struct SubjectFields<'a> {
    pub name: &'a SubjectName,
    pub gender: Gender,
    pub birth_date: Day,
    pub language: Locale,
    pub status: SubjectStatus,
    pub status_date: Option<Day>,
}

/// Changes a subject's record if it is still at `revision`.
pub async fn update(
    conn: &mut Conn,
    id: SubjectId,
    revision: i64,
    fields: SubjectFields<'_>,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE subjects SET full_name = $1, search_name = $2, gender = $3, birth_date = $4, \
         language = $5, status = $6, status_date = $7, revision = revision + 1, updated_at = $8 \
         WHERE id = $9 AND revision = $10",
    )
    .bind(fields.name.as_str())
    .bind(fields.name.search_key())
    .bind(fields.gender.code())
    .bind(fields.birth_date.to_string())
    .bind(fields.language.code())
    .bind(fields.status.code())
    .bind(fields.status_date.map(|d| d.to_string()))
    .bind(now_iso())
    .bind(id.get())
    .bind(revision)
    .execute(&mut *conn)
    .await?;
    stale_unless_one(done.rows_affected())
}

/// Moves a subject to `facility` as transferred on `date`, if it is still
/// at `revision`.
pub async fn transfer(
    conn: &mut Conn,
    id: SubjectId,
    revision: i64,
    facility: FacilityId,
    date: Day,
) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE subjects SET facility_id = $1, status = $2, status_date = $3, \
         revision = revision + 1, updated_at = $4 WHERE id = $5 AND revision = $6",
    )
    .bind(facility.get())
    .bind(SubjectStatus::Transferred.code())
    .bind(date.to_string())
    .bind(now_iso())
    .bind(id.get())
    .bind(revision)
    .execute(&mut *conn)
    .await?;
    stale_unless_one(done.rows_affected())
}

fn stale_unless_one(rows: u64) -> Result<(), StoreError> {
    if rows == 1 {
        Ok(())
    } else {
        Err(StoreError::StaleRevision)
    }
}
