//! Assessments. Reads return the subject's facility with each row, so the
//! service can decide who may see it; no read here filters by facility.

use super::{Conn, StoreError, parse_column};
use crate::time::now_iso;
use domain::{
    AssessmentId, AssessmentStatus, FacilityId, Gender, InstrumentCode, Locale, SubjectCode,
    SubjectId, UserId, VersionId,
};
use sqlx::Row;
use sqlx::any::AnyRow;

#[derive(Debug, Clone)]
pub struct AssessmentRecord {
    pub id: AssessmentId,
    pub subject_id: SubjectId,
    pub subject: SubjectCode,
    pub facility_id: FacilityId,
    pub version_id: VersionId,
    pub instrument: InstrumentCode,
    pub version: i64,
    pub locale: Locale,
    pub gender: Gender,
    pub age: Option<i64>,
    pub assessor_id: UserId,
    pub assessor: String,
    pub status: AssessmentStatus,
    pub revision: i64,
    /// JSON text (the answers format).
    pub answers: String,
    /// JSON text (the domain's `Outcome`).
    pub outcome: String,
    pub amends: Option<AssessmentId>,
    pub amendment_reason: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub submitted_at: Option<String>,
}

const SELECT: &str = "SELECT a.id, a.subject_id, s.code AS subject_code, s.facility_id, a.version_id, \
     i.code AS instrument_code, v.number, a.locale, a.gender, a.age, a.assessor_id, \
     u.username AS assessor, a.status, a.revision, a.answers, a.outcome, a.amends, \
     a.amendment_reason, a.created_at, a.updated_at, a.submitted_at \
     FROM assessments a JOIN subjects s ON s.id = a.subject_id \
     JOIN instrument_versions v ON v.id = a.version_id JOIN instruments i ON i.id = v.instrument_id \
     JOIN users u ON u.id = a.assessor_id";

fn from_row(r: &AnyRow) -> Result<AssessmentRecord, sqlx::Error> {
    let id: String = r.try_get("id")?;
    let amends: Option<String> = r.try_get("amends")?;
    let bad_id = |column: &str| {
        super::decode_error(
            column,
            std::io::Error::other("a stored assessment id does not parse"),
        )
    };
    Ok(AssessmentRecord {
        id: AssessmentId::parse(&id).map_err(|_| bad_id("id"))?,
        subject_id: SubjectId::from_db(r.try_get("subject_id")?),
        subject: parse_column(r, "subject_code")?,
        facility_id: FacilityId::from_db(r.try_get("facility_id")?),
        version_id: VersionId::from_db(r.try_get("version_id")?),
        instrument: parse_column(r, "instrument_code")?,
        version: r.try_get("number")?,
        locale: parse_column(r, "locale")?,
        gender: parse_column(r, "gender")?,
        age: r.try_get("age")?,
        assessor_id: UserId::from_db(r.try_get("assessor_id")?),
        assessor: r.try_get("assessor")?,
        status: parse_column(r, "status")?,
        revision: r.try_get("revision")?,
        answers: r.try_get("answers")?,
        outcome: r.try_get("outcome")?,
        amends: amends
            .map(|a| AssessmentId::parse(&a).map_err(|_| bad_id("amends")))
            .transpose()?,
        amendment_reason: r.try_get("amendment_reason")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        submitted_at: r.try_get("submitted_at")?,
    })
}

pub struct NewAssessment<'a> {
    pub id: &'a AssessmentId,
    pub subject: SubjectId,
    pub version: VersionId,
    pub locale: Locale,
    pub gender: Gender,
    pub age: Option<i64>,
    pub assessor: UserId,
    pub answers: &'a str,
    pub outcome: &'a str,
    pub amends: Option<(&'a AssessmentId, &'a str)>,
}

/// Adds a draft; `Duplicate(AssessmentDraft)` when the subject has one of
/// this version already.
pub async fn insert(conn: &mut Conn, new: NewAssessment<'_>) -> Result<(), StoreError> {
    let now = now_iso();
    sqlx::query(
        "INSERT INTO assessments (id, subject_id, version_id, locale, gender, age, assessor_id, \
         status, revision, answers, outcome, amends, amendment_reason, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $11, $12, $13, $13)",
    )
    .bind(new.id.as_str())
    .bind(new.subject.get())
    .bind(new.version.get())
    .bind(new.locale.code())
    .bind(new.gender.code())
    .bind(new.age)
    .bind(new.assessor.get())
    .bind(AssessmentStatus::Draft.code())
    .bind(new.answers)
    .bind(new.outcome)
    .bind(new.amends.map(|(id, _)| id.as_str().to_owned()))
    .bind(new.amends.map(|(_, reason)| reason.to_owned()))
    .bind(&now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn get(
    conn: &mut Conn,
    id: &AssessmentId,
) -> Result<Option<AssessmentRecord>, StoreError> {
    let row = sqlx::query(&format!("{SELECT} WHERE a.id = $1"))
        .bind(id.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.as_ref().map(from_row).transpose()?)
}

/// Every assessment of a subject, oldest first.
pub async fn of_subject(
    conn: &mut Conn,
    subject: SubjectId,
) -> Result<Vec<AssessmentRecord>, StoreError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE a.subject_id = $1 ORDER BY a.created_at, a.id"
    ))
    .bind(subject.get())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// Every submitted assessment of subjects in custody within `scope`,
/// oldest first.
pub async fn submitted_in(
    conn: &mut Conn,
    scope: super::subjects::Scope,
) -> Result<Vec<AssessmentRecord>, StoreError> {
    let (filter, user) = super::subjects::scope_sql(scope, 3);
    let sql = format!(
        "{SELECT} WHERE a.status = $1 AND s.status = $2 AND {filter} \
         ORDER BY a.submitted_at, a.id"
    );
    let mut query = sqlx::query(&sql)
        .bind(AssessmentStatus::Submitted.code())
        .bind(domain::SubjectStatus::InCustody.code());
    if let Some(user) = user {
        query = query.bind(user);
    }
    let rows = query.fetch_all(&mut *conn).await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}

/// The subject's draft of this version, if any.
pub async fn draft_of(
    conn: &mut Conn,
    subject: SubjectId,
    version: VersionId,
) -> Result<Option<AssessmentId>, StoreError> {
    let row = sqlx::query(
        "SELECT id FROM assessments WHERE subject_id = $1 AND version_id = $2 AND status = $3",
    )
    .bind(subject.get())
    .bind(version.get())
    .bind(AssessmentStatus::Draft.code())
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(r) => {
            let id: String = r.try_get("id")?;
            Ok(AssessmentId::parse(&id).ok())
        }
        None => Ok(None),
    }
}

/// Replaces a draft's answers (and locale) when its revision is still
/// `expected`; returns the new revision. `StaleRevision` otherwise.
pub async fn save_answers(
    conn: &mut Conn,
    id: &AssessmentId,
    expected: i64,
    locale: Locale,
    answers: &str,
    outcome: &str,
) -> Result<i64, StoreError> {
    let row = sqlx::query(
        "UPDATE assessments SET answers = $1, outcome = $2, locale = $3, updated_at = $4, \
         revision = revision + 1 WHERE id = $5 AND revision = $6 AND status = $7 RETURNING revision",
    )
    .bind(answers)
    .bind(outcome)
    .bind(locale.code())
    .bind(now_iso())
    .bind(id.as_str())
    .bind(expected)
    .bind(AssessmentStatus::Draft.code())
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(r) => Ok(r.try_get("revision")?),
        None => Err(StoreError::StaleRevision),
    }
}

/// Locks a draft as submitted, with the answers and outcome the server
/// computed, when its revision is still `expected`.
pub async fn submit(
    conn: &mut Conn,
    id: &AssessmentId,
    expected: i64,
    answers: &str,
    outcome: &str,
) -> Result<i64, StoreError> {
    let now = now_iso();
    let row = sqlx::query(
        "UPDATE assessments SET answers = $1, outcome = $2, status = $3, submitted_at = $4, \
         updated_at = $4, revision = revision + 1 \
         WHERE id = $5 AND revision = $6 AND status = $7 RETURNING revision",
    )
    .bind(answers)
    .bind(outcome)
    .bind(AssessmentStatus::Submitted.code())
    .bind(&now)
    .bind(id.as_str())
    .bind(expected)
    .bind(AssessmentStatus::Draft.code())
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(r) => Ok(r.try_get("revision")?),
        None => Err(StoreError::StaleRevision),
    }
}

/// Marks a submitted assessment as superseded by its amendment.
pub async fn supersede(conn: &mut Conn, id: &AssessmentId) -> Result<(), StoreError> {
    let done = sqlx::query(
        "UPDATE assessments SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4",
    )
    .bind(AssessmentStatus::Superseded.code())
    .bind(now_iso())
    .bind(id.as_str())
    .bind(AssessmentStatus::Submitted.code())
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() == 1 {
        Ok(())
    } else {
        Err(StoreError::StaleRevision)
    }
}

/// Whether an amendment of `id` is open (a draft) already.
pub async fn open_amendment(conn: &mut Conn, id: &AssessmentId) -> Result<bool, StoreError> {
    let row = sqlx::query("SELECT id FROM assessments WHERE amends = $1 AND status = $2")
        .bind(id.as_str())
        .bind(AssessmentStatus::Draft.code())
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.is_some())
}

/// The submitted (not superseded) assessments of one version, oldest
/// first (exports).
pub async fn submitted_of_version(
    conn: &mut Conn,
    version: VersionId,
) -> Result<Vec<AssessmentRecord>, StoreError> {
    let rows = sqlx::query(&format!(
        "{SELECT} WHERE a.version_id = $1 AND a.status = $2 ORDER BY a.submitted_at, a.id"
    ))
    .bind(version.get())
    .bind(AssessmentStatus::Submitted.code())
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.iter().map(from_row).collect::<Result<_, _>>()?)
}
