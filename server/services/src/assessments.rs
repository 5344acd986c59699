//! Assessments on the floor: an assessor completes a published instrument
//! about a subject of their facility.
//!
//! An assessment is pinned when it starts: to the instrument's published
//! version (later versions never change it), to the locale its items are
//! shown in, and to the subject's gender and age. Answers are saved as the
//! assessor goes, each save naming the revision it started from; the
//! server checks them (the version's answers schema, then the domain's
//! rules) and computes the outcome itself. A submission is checked as
//! complete and locked; a correction is a new assessment that supersedes
//! it when submitted. Every change and every read is an audit event.
//!
//! Who reaches an assessment: its subject's facility's users (and
//! administrators) read it; only the assessor who started it changes it.
//! Anyone else gets `NotFound`, as for an id nobody has.

mod history;

use crate::answers_check::{AnswersValidator, CheckedAnswers, check_answers};
use crate::instruments::definition_hash;
use crate::model::{
    AssessmentForm, AssessmentView, NewAssessment, OutcomeView, SaveAnswers, SavedAnswers,
    StartedAssessment, SubmittedAssessment,
};
use crate::store::assessments::{self, AssessmentRecord};
use crate::store::subjects::{self, Scope};
use crate::store::{StoreError, Unique, audit, facilities, instruments};
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::definition::{Completeness, Definition, Outcome, Subject};
use domain::{
    AssessmentId, AssessmentStatus, AuditAction, AuditTarget, Day, InstrumentCode, Locale,
    Permission, SubjectCode, SubjectStatus, VersionId, VersionStatus,
};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// The longest reason for a correction, in characters.
pub const MAX_REASON_CHARS: usize = 2000;

/// A published version as assessments use it: parsed, with its compiled
/// answers schema and its hash. Published versions never change, so one
/// is made per version and kept.
#[derive(Debug)]
pub struct VersionRules {
    pub definition: Definition,
    pub validator: AnswersValidator,
    pub hash: String,
}

/// The kept [`VersionRules`], by version.
#[derive(Debug, Default)]
pub struct RulesCache(Mutex<HashMap<VersionId, Arc<VersionRules>>>);

/// Whole years from `birth` to `day` (none when `day` is earlier).
fn age_on(birth: Day, day: Day) -> Option<i64> {
    let (b, d) = (birth.to_string(), day.to_string());
    let year = |s: &str| s[..4].parse::<i64>().ok();
    let years = year(&d)? - year(&b)? - i64::from(d[5..] < b[5..]);
    (years >= 0).then_some(years)
}

fn parse_id(raw: &str) -> ServiceResult<AssessmentId> {
    AssessmentId::parse(raw).map_err(|_| ServiceError::NotFound)
}

fn outcome_json(outcome: &Outcome) -> ServiceResult<String> {
    serde_json::to_string(outcome).map_err(|e| ServiceError::Internal(format!("outcome: {e}")))
}

fn answers_json(checked: &CheckedAnswers) -> ServiceResult<String> {
    serde_json::to_string(&checked.document)
        .map_err(|e| ServiceError::Internal(format!("answers: {e}")))
}

fn stored_outcome(record: &AssessmentRecord) -> ServiceResult<OutcomeView> {
    let outcome: Outcome = serde_json::from_str(&record.outcome)
        .map_err(|e| ServiceError::Internal(format!("stored outcome: {e}")))?;
    Ok(OutcomeView::from(&outcome))
}

fn subject_of(record: &AssessmentRecord) -> Subject {
    Subject {
        gender: record.gender,
        age: record.age.and_then(|a| u32::try_from(a).ok()),
    }
}

/// Bands and raised flags, for the audit log (never answers).
fn outcome_summary(view: &OutcomeView) -> Value {
    let bands: serde_json::Map<String, Value> = view
        .scores
        .iter()
        .map(|(k, s)| (k.clone(), json!(s.band)))
        .collect();
    json!({ "bands": bands, "flags": view.flags })
}

impl Services {
    /// The rules of a published (or superseded) version, made once.
    pub(crate) async fn version_rules(
        &self,
        version: VersionId,
        definition: &str,
    ) -> ServiceResult<Arc<VersionRules>> {
        if let Some(rules) = self
            .rules
            .0
            .lock()
            .ok()
            .and_then(|m| m.get(&version).cloned())
        {
            return Ok(rules);
        }
        let parsed = Definition::from_json(definition)
            .map_err(|e| ServiceError::Internal(format!("stored definition {version}: {e:?}")))?;
        let canonical = serde_json::value::RawValue::from_string(definition.to_owned())
            .map_err(|e| ServiceError::Internal(format!("stored definition: {e}")))?;
        let rules = Arc::new(VersionRules {
            validator: AnswersValidator::new(&parsed),
            definition: parsed,
            hash: definition_hash(canonical.get()),
        });
        if let Ok(mut m) = self.rules.0.lock() {
            m.insert(version, rules.clone());
        }
        Ok(rules)
    }

    /// The rules of an assessment's version: kept ones, or read (the
    /// definition is large) and made once.
    async fn rules_of(
        &self,
        conn: &mut crate::store::Conn,
        record: &AssessmentRecord,
    ) -> ServiceResult<Arc<VersionRules>> {
        if let Some(rules) = self
            .rules
            .0
            .lock()
            .ok()
            .and_then(|m| m.get(&record.version_id).cloned())
        {
            return Ok(rules);
        }
        let version = instruments::get_version(conn, &record.instrument, record.version).await?;
        self.version_rules(record.version_id, &version.definition)
            .await
    }

    /// The actor's own draft at `revision`, with its version's rules: read
    /// without the write lock (checking answers is the costly part; the
    /// write that follows is conditional on the revision read).
    async fn own_draft(
        &self,
        actor: &Actor,
        id: &AssessmentId,
        revision: i64,
    ) -> ServiceResult<(AssessmentRecord, Arc<VersionRules>)> {
        actor.authorize(Permission::Assess)?;
        let mut conn = self.db.pool.acquire().await?;
        let (record, mine) = self.reachable(&mut conn, actor, id).await?;
        if !mine {
            return Err(ServiceError::Forbidden);
        }
        if record.status != AssessmentStatus::Draft {
            return Err(ServiceError::Conflict("error-assessment-locked"));
        }
        if record.revision != revision {
            return Err(ServiceError::Conflict("error-assessment-changed"));
        }
        let rules = self.rules_of(&mut conn, &record).await?;
        Ok((record, rules))
    }

    /// The assessment if the actor may read it (`NotFound` otherwise),
    /// and whether the actor may change it (its assessor).
    async fn reachable(
        &self,
        conn: &mut crate::store::Conn,
        actor: &Actor,
        id: &AssessmentId,
    ) -> ServiceResult<(AssessmentRecord, bool)> {
        let record = assessments::get(conn, id)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let user = match actor {
            Actor::System(_) => return Ok((record, false)),
            Actor::User(u) => u,
        };
        let mine = record.assessor_id == user.id && user.roles.allows(Permission::Assess);
        let reads = match crate::subjects::scope(actor)? {
            Scope::All => true,
            Scope::WorksAt(u) => facilities::works_at(conn, u, record.facility_id).await?,
        };
        if !reads {
            return Err(ServiceError::NotFound);
        }
        Ok((record, mine && reads))
    }

    /// Starts an assessment of `new.subject` with the instrument's
    /// published version, as a draft.
    #[tracing::instrument(skip_all)]
    pub async fn start_assessment(
        &self,
        actor: &Actor,
        new: NewAssessment,
    ) -> ServiceResult<StartedAssessment> {
        actor.authorize(Permission::Assess)?;
        let assessor = actor.user()?.id;
        let code = SubjectCode::parse(&new.subject).map_err(|_| ServiceError::Invalid {
            field: "subject",
            message_id: "error-subject-unknown",
        })?;
        let instrument =
            InstrumentCode::parse(new.instrument.trim()).map_err(|_| ServiceError::Invalid {
                field: "instrument",
                message_id: "error-instrument-not-published",
            })?;
        let mut tx = self.db.begin().await?;
        // Another facility's subject is as unknown as a code nobody has.
        let subject = subjects::find(&mut tx, crate::subjects::scope(actor)?, &code)
            .await?
            .ok_or(ServiceError::Invalid {
                field: "subject",
                message_id: "error-subject-unknown",
            })?;
        if subject.status != SubjectStatus::InCustody {
            return Err(ServiceError::Invalid {
                field: "subject",
                message_id: "error-subject-not-in-custody",
            });
        }
        let version = instruments::versions_of(&mut tx, &instrument)
            .await?
            .into_iter()
            .rev()
            .find(|v| v.status == VersionStatus::Published)
            .ok_or(ServiceError::Invalid {
                field: "instrument",
                message_id: "error-instrument-not-published",
            })?;
        if assessments::draft_of(&mut tx, subject.id, version.id)
            .await?
            .is_some()
        {
            return Err(ServiceError::Conflict("error-assessment-draft-exists"));
        }
        let rules = self.version_rules(version.id, &version.definition).await?;
        let locale = new.locale.unwrap_or(subject.language);
        let today = crate::subjects::today()?;
        let age = age_on(subject.birth_date, today);
        let person = Subject {
            gender: subject.gender,
            age: age.and_then(|a| u32::try_from(a).ok()),
        };
        let empty = check_answers(
            &rules.definition,
            &rules.validator,
            &person,
            &json!({}),
            Completeness::Draft,
        )
        .map_err(ServiceError::InvalidAnswers)?;
        let id = AssessmentId::parse(&uuid::Uuid::new_v4().to_string())
            .map_err(|_| ServiceError::Internal("a new uuid does not parse".into()))?;
        let inserted = assessments::insert(
            &mut tx,
            assessments::NewAssessment {
                id: &id,
                subject: subject.id,
                version: version.id,
                locale,
                gender: subject.gender,
                age,
                assessor,
                answers: &answers_json(&empty)?,
                outcome: &outcome_json(&empty.outcome)?,
                amends: None,
            },
        )
        .await;
        match inserted {
            Err(StoreError::Duplicate(Unique::AssessmentDraft)) => {
                return Err(ServiceError::Conflict("error-assessment-draft-exists"));
            }
            other => other?,
        }
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::AssessmentStarted,
                target: AuditTarget::Assessment,
                target_id: Some(id.to_string()),
                details: json!({
                    "subject": subject.code,
                    "instrument": instrument,
                    "version": version.number,
                    "locale": locale,
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(StartedAssessment {
            id,
            version: version.number,
            revision: 1,
            status: AssessmentStatus::Draft,
        })
    }

    /// Saves a draft's answers when `save.revision` is still its own; the
    /// answers are checked as work in progress and scored.
    #[tracing::instrument(skip_all)]
    pub async fn save_answers(
        &self,
        actor: &Actor,
        id: &str,
        save: SaveAnswers,
    ) -> ServiceResult<SavedAnswers> {
        let id = parse_id(id)?;
        let (record, rules) = self.own_draft(actor, &id, save.revision).await?;
        let checked = check_answers(
            &rules.definition,
            &rules.validator,
            &subject_of(&record),
            &save.answers,
            Completeness::Draft,
        )
        .map_err(ServiceError::InvalidAnswers)?;
        let locale = match save.locale {
            Some(l) if l != record.locale => {
                let answered: domain::definition::Answers =
                    serde_json::from_str(&record.answers)
                        .map_err(|e| ServiceError::Internal(format!("stored answers: {e}")))?;
                if !answered.items.is_empty() || !answered.judgements.is_empty() {
                    return Err(ServiceError::Conflict("error-locale-locked"));
                }
                l
            }
            _ => record.locale,
        };
        let mut tx = self.db.begin().await?;
        let revision = match assessments::save_answers(
            &mut tx,
            &id,
            save.revision,
            locale,
            &answers_json(&checked)?,
            &outcome_json(&checked.outcome)?,
        )
        .await
        {
            Err(StoreError::StaleRevision) => {
                return Err(ServiceError::Conflict("error-assessment-changed"));
            }
            other => other?,
        };
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::AssessmentSaved,
                target: AuditTarget::Assessment,
                target_id: Some(id.to_string()),
                details: json!({
                    "revision": revision,
                    "answered": checked.answers.items.len(),
                    "locale": locale,
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(SavedAnswers {
            revision,
            outcome: OutcomeView::from(&checked.outcome),
        })
    }

    /// Changes the language of a draft's items while nothing is answered
    /// (`Conflict` after the first answer, so no answer is ever dropped
    /// here); the language must be one of the version's.
    #[tracing::instrument(skip_all)]
    pub async fn change_items_locale(
        &self,
        actor: &Actor,
        id: &str,
        revision: i64,
        locale: Locale,
    ) -> ServiceResult<SavedAnswers> {
        let parsed = parse_id(id)?;
        let (record, rules) = self.own_draft(actor, &parsed, revision).await?;
        let meta = &rules.definition.meta;
        if locale != meta.source_locale && !meta.required_locales.contains(&locale) {
            return Err(ServiceError::Invalid {
                field: "locale",
                message_id: "error-locale-not-offered",
            });
        }
        let answered: domain::definition::Answers = serde_json::from_str(&record.answers)
            .map_err(|e| ServiceError::Internal(format!("stored answers: {e}")))?;
        if !answered.items.is_empty() || !answered.judgements.is_empty() {
            return Err(ServiceError::Conflict("error-locale-locked"));
        }
        let save = SaveAnswers {
            revision,
            answers: json!({}),
            locale: Some(locale),
        };
        self.save_answers(actor, id, save).await
    }

    /// Submits a draft: its saved answers are checked as complete, scored
    /// here, and locked. Submitting an amendment supersedes what it corrects.
    #[tracing::instrument(skip_all)]
    pub async fn submit_assessment(
        &self,
        actor: &Actor,
        id: &str,
        revision: i64,
    ) -> ServiceResult<SubmittedAssessment> {
        let id = parse_id(id)?;
        let (record, rules) = self.own_draft(actor, &id, revision).await?;
        let answers: Value = serde_json::from_str(&record.answers)
            .map_err(|e| ServiceError::Internal(format!("stored answers: {e}")))?;
        let checked = check_answers(
            &rules.definition,
            &rules.validator,
            &subject_of(&record),
            &answers,
            Completeness::Submit,
        )
        .map_err(ServiceError::InvalidAnswers)?;
        let outcome = OutcomeView::from(&checked.outcome);
        let mut tx = self.db.begin().await?;
        let revision = match assessments::submit(
            &mut tx,
            &id,
            revision,
            &answers_json(&checked)?,
            &outcome_json(&checked.outcome)?,
        )
        .await
        {
            Err(StoreError::StaleRevision) => {
                return Err(ServiceError::Conflict("error-assessment-changed"));
            }
            other => other?,
        };
        if let Some(original) = &record.amends {
            assessments::supersede(&mut tx, original)
                .await
                .map_err(|e| match e {
                    StoreError::StaleRevision => ServiceError::Conflict("error-assessment-changed"),
                    other => other.into(),
                })?;
        }
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::AssessmentSubmitted,
                target: AuditTarget::Assessment,
                target_id: Some(id.to_string()),
                details: json!({
                    "subject": record.subject,
                    "instrument": record.instrument,
                    "version": record.version,
                    "amends": record.amends,
                    "outcome": outcome_summary(&outcome),
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(SubmittedAssessment {
            status: AssessmentStatus::Submitted,
            revision,
            outcome,
        })
    }

    /// Starts a correction of a submitted assessment: a new draft with its
    /// answers, pinned to the same version, locale and subject; submitted,
    /// it supersedes the original. Both are kept.
    #[tracing::instrument(skip_all)]
    pub async fn amend_assessment(
        &self,
        actor: &Actor,
        id: &str,
        reason: &str,
    ) -> ServiceResult<StartedAssessment> {
        actor.authorize(Permission::Assess)?;
        let assessor = actor.user()?.id;
        let id = parse_id(id)?;
        let reason = reason.trim();
        if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS {
            return Err(ServiceError::Invalid {
                field: "reason",
                message_id: "error-amendment-reason",
            });
        }
        let mut tx = self.db.begin().await?;
        let (record, _) = self.reachable(&mut tx, actor, &id).await?;
        if record.status != AssessmentStatus::Submitted {
            return Err(ServiceError::Conflict("error-assessment-not-submitted"));
        }
        if assessments::open_amendment(&mut tx, &id).await? {
            return Err(ServiceError::Conflict("error-amendment-exists"));
        }
        let new_id = AssessmentId::parse(&uuid::Uuid::new_v4().to_string())
            .map_err(|_| ServiceError::Internal("a new uuid does not parse".into()))?;
        let inserted = assessments::insert(
            &mut tx,
            assessments::NewAssessment {
                id: &new_id,
                subject: record.subject_id,
                version: record.version_id,
                locale: record.locale,
                gender: record.gender,
                age: record.age,
                assessor,
                answers: &record.answers,
                outcome: &record.outcome,
                amends: Some((&id, reason)),
            },
        )
        .await;
        match inserted {
            Err(StoreError::Duplicate(Unique::AssessmentDraft)) => {
                return Err(ServiceError::Conflict("error-assessment-draft-exists"));
            }
            other => other?,
        }
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::AssessmentAmended,
                target: AuditTarget::Assessment,
                target_id: Some(new_id.to_string()),
                details: json!({ "amends": id, "reason": reason, "subject": record.subject }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(StartedAssessment {
            id: new_id,
            version: record.version,
            revision: 1,
            status: AssessmentStatus::Draft,
        })
    }

    /// One assessment with its answers and outcome, for its facility's
    /// users; the read is audited.
    #[tracing::instrument(skip_all)]
    pub async fn get_assessment(&self, actor: &Actor, id: &str) -> ServiceResult<AssessmentView> {
        let (record, rules, _) = self.read_assessment(actor, id).await?;
        view(record, &rules.hash)
    }

    /// The same read for the assessment page: with the version's
    /// definition, the subject's age and whether the caller may change it.
    #[tracing::instrument(skip_all)]
    pub async fn assessment_form(&self, actor: &Actor, id: &str) -> ServiceResult<AssessmentForm> {
        let (record, rules, mine) = self.read_assessment(actor, id).await?;
        let age = subject_of(&record).age;
        let editable = mine && record.status == AssessmentStatus::Draft;
        Ok(AssessmentForm {
            assessment: view(record, &rules.hash)?,
            definition: rules.definition.clone(),
            age,
            editable,
        })
    }

    /// An assessment the actor may read, its version's rules and whether
    /// the actor may change it; the read is an audit event.
    async fn read_assessment(
        &self,
        actor: &Actor,
        id: &str,
    ) -> ServiceResult<(AssessmentRecord, Arc<VersionRules>, bool)> {
        actor.authorize(Permission::ReadAssessments)?;
        let id = parse_id(id)?;
        let mut tx = self.db.begin().await?;
        let (record, mine) = self.reachable(&mut tx, actor, &id).await?;
        let rules = self.rules_of(&mut tx, &record).await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::AssessmentRead,
                target: AuditTarget::Assessment,
                target_id: Some(id.to_string()),
                details: json!({ "subject": record.subject }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok((record, rules, mine))
    }
}

pub(crate) fn view(record: AssessmentRecord, hash: &str) -> ServiceResult<AssessmentView> {
    let outcome = stored_outcome(&record)?;
    let answers: Value = serde_json::from_str(&record.answers)
        .map_err(|e| ServiceError::Internal(format!("stored answers: {e}")))?;
    Ok(AssessmentView {
        id: record.id,
        subject: record.subject,
        instrument: record.instrument,
        version: record.version,
        definition_hash: hash.to_owned(),
        locale: record.locale,
        gender: record.gender,
        assessor: record.assessor,
        status: record.status,
        revision: record.revision,
        answers,
        outcome,
        amends: record.amends,
        amendment_reason: record.amendment_reason,
        created_at: record.created_at,
        updated_at: record.updated_at,
        submitted_at: record.submitted_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_count_whole_years() {
        let d = |s: &str| Day::parse(s).unwrap();
        assert_eq!(age_on(d("1990-06-15"), d("2026-06-14")), Some(35));
        assert_eq!(age_on(d("1990-06-15"), d("2026-06-15")), Some(36));
        assert_eq!(age_on(d("2000-02-29"), d("2026-02-28")), Some(25));
        assert_eq!(age_on(d("2030-01-01"), d("2026-01-01")), None);
    }
}
