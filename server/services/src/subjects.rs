//! Subjects: recording, finding and reading them (changes and transfers
//! are in [`changes`]).
//!
//! Need-to-know, on the server: an assessor reaches only subjects of the
//! facilities they work at; anyone else's answers exactly as a code nobody
//! has (`NotFound`), so that nothing — not even existence — is disclosed.
//! Administrators reach every subject (see `domain::SubjectAccess`). Every
//! change and every read is an audit event; the audit log names subjects by
//! id and code, never by name (the log is append-only: a name written there
//! could never be erased).
//!
//! A subject's history (assessments, later) refers to the subject, not to
//! a facility, so a transfer moves it with them.

mod changes;

use crate::model::{NewSubject, SubjectView};
use crate::store::subjects::{self, Scope, SubjectRecord};
use crate::store::{audit, facilities};
use crate::time::now_iso;
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::subject::parse_birth_date;
use domain::{
    AuditAction, AuditTarget, Day, FacilityCode, Gender, Locale, Permission, SubjectAccess,
    SubjectCode, SubjectName, search,
};
use serde_json::json;

/// The most subjects one search returns (by code): enough to pick from,
/// never the whole register at once.
pub const SEARCH_LIMIT: i64 = 100;
/// The longest search, in characters.
pub const MAX_QUERY_CHARS: usize = 100;

/// The day it is now (UTC), for "not in the future".
pub(crate) fn today() -> ServiceResult<Day> {
    Day::of_timestamp(&now_iso()).map_err(|e| ServiceError::Internal(format!("today: {e}")))
}

fn invalid(field: &'static str) -> impl FnOnce(&'static str) -> ServiceError {
    move |message_id| ServiceError::Invalid { field, message_id }
}

pub(crate) fn parse_name(raw: &str) -> ServiceResult<SubjectName> {
    SubjectName::parse(raw).map_err(invalid("name"))
}

pub(crate) fn parse_gender(raw: &str) -> ServiceResult<Gender> {
    raw.parse().map_err(|_| invalid("gender")("error-gender"))
}

pub(crate) fn parse_language(raw: &str) -> ServiceResult<Locale> {
    raw.parse()
        .map_err(|_| invalid("language")("error-subject-language"))
}

pub(crate) fn parse_facility(raw: &str) -> ServiceResult<FacilityCode> {
    FacilityCode::parse(raw).map_err(|_| invalid("facility")("error-facility-unknown"))
}

/// Whose subjects the actor may reach at all.
pub(crate) fn scope(actor: &Actor) -> ServiceResult<Scope> {
    match actor {
        Actor::System(_) => Ok(Scope::All),
        Actor::User(u) if SubjectAccess::sees_all_facilities(&u.roles) => Ok(Scope::All),
        Actor::User(u) => Ok(Scope::WorksAt(u.id)),
    }
}

/// A subject as `access` lets the caller see them.
pub(crate) fn view(record: SubjectRecord, access: SubjectAccess) -> SubjectView {
    SubjectView {
        name: (access == SubjectAccess::Named).then(|| record.name.as_str().to_owned()),
        code: record.code,
        gender: record.gender,
        birth_date: record.birth_date,
        facility: record.facility,
        language: record.language,
        status: record.status,
        status_date: record.status_date,
        revision: record.revision,
        created_at: record.created_at,
        updated_at: record.updated_at,
    }
}

impl Services {
    /// Records a subject, in custody, at a facility: an assessor's own, or
    /// any for an administrator.
    #[tracing::instrument(skip_all)]
    pub async fn create_subject(
        &self,
        actor: &Actor,
        new: NewSubject,
    ) -> ServiceResult<SubjectView> {
        actor.authorize(Permission::WorkWithSubjects)?;
        let code = SubjectCode::parse(&new.code).map_err(invalid("code"))?;
        let name = parse_name(&new.name)?;
        let gender = parse_gender(&new.gender)?;
        let birth_date =
            parse_birth_date(&new.birth_date, today()?).map_err(invalid("birth_date"))?;
        let facility_code = parse_facility(&new.facility)?;
        let language = parse_language(&new.language)?;
        let mut tx = self.db.begin().await?;
        let facility =
            facilities::find(&mut tx, &facility_code)
                .await?
                .ok_or(ServiceError::Invalid {
                    field: "facility",
                    message_id: "error-facility-unknown",
                })?;
        if let Scope::WorksAt(user) = scope(actor)?
            && !facilities::works_at(&mut tx, user, facility.id).await?
        {
            return Err(ServiceError::Invalid {
                field: "facility",
                message_id: "error-facility-not-yours",
            });
        }
        let id = subjects::insert(
            &mut tx,
            subjects::NewSubject {
                code: &code,
                name: &name,
                gender,
                birth_date,
                facility: facility.id,
                language,
                created_by: actor.user().ok().map(|u| u.id),
            },
        )
        .await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::SubjectCreated,
                target: AuditTarget::Subject,
                target_id: Some(id.to_string()),
                details: json!({
                    "code": code,
                    "facility": facility.code,
                    "gender": gender.code(),
                    "birth_date": birth_date,
                    "language": language,
                }),
            },
        )
        .await?;
        let record = subjects::find(&mut tx, Scope::All, &code)
            .await?
            .ok_or_else(|| ServiceError::Internal("a subject just added is gone".into()))?;
        tx.commit().await?;
        tracing::info!(%code, "recorded a subject");
        Ok(view(record, SubjectAccess::Named))
    }

    /// One subject by code. A code the actor may not reach (another
    /// facility's subject) is `NotFound`, as is a code nobody has.
    #[tracing::instrument(skip_all)]
    pub async fn get_subject(&self, actor: &Actor, code: &str) -> ServiceResult<SubjectView> {
        actor.authorize(Permission::WorkWithSubjects)?;
        let code = SubjectCode::parse(code).map_err(|_| ServiceError::NotFound)?;
        let mut conn = self.db.pool.acquire().await?;
        let record = subjects::find(&mut conn, scope(actor)?, &code)
            .await?
            .ok_or(ServiceError::NotFound)?;
        drop(conn);
        let id = record.id;
        self.record_subject_read(
            actor,
            AuditAction::SubjectRead,
            Some(id.to_string()),
            json!({ "code": code }),
        )
        .await?;
        Ok(view(record, SubjectAccess::Named))
    }

    /// The subjects the actor may reach whose code or name contains every
    /// word of `query` (any case; Tajik letters match their Russian
    /// look-alikes, `ё` matches `е`), by code, at most [`SEARCH_LIMIT`].
    /// No query: the first of them all. The codes shown are audited.
    #[tracing::instrument(skip_all)]
    pub async fn search_subjects(
        &self,
        actor: &Actor,
        query: Option<&str>,
    ) -> ServiceResult<Vec<SubjectView>> {
        actor.authorize(Permission::WorkWithSubjects)?;
        let query = query.unwrap_or_default().trim();
        if query.chars().count() > MAX_QUERY_CHARS {
            return Err(ServiceError::Invalid {
                field: "q",
                message_id: "error-subject-search-too-long",
            });
        }
        let words: Vec<String> = query.split_whitespace().map(search::fold).collect();
        let mut conn = self.db.pool.acquire().await?;
        let found = subjects::search(&mut conn, scope(actor)?, &words, SEARCH_LIMIT).await?;
        drop(conn);
        let codes: Vec<&str> = found.iter().map(|s| s.code.as_str()).collect();
        self.record_subject_read(
            actor,
            AuditAction::SubjectsSearched,
            None,
            // Never the query itself: it is often a name, and the log is
            // append-only (a name written there could never be erased).
            json!({ "words": words.len(), "count": codes.len(), "codes": codes }),
        )
        .await?;
        Ok(found
            .into_iter()
            .map(|s| view(s, SubjectAccess::Named))
            .collect())
    }

    /// Written after the read, as for user records (no lock held while reading).
    async fn record_subject_read(
        &self,
        actor: &Actor,
        action: AuditAction,
        target_id: Option<String>,
        details: serde_json::Value,
    ) -> ServiceResult<()> {
        let mut tx = self.db.begin().await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action,
                target: AuditTarget::Subject,
                target_id,
                details,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
