//! A subject's assessment history: what their page lists.
//!
//! Reached exactly as the subject's record is (`Services::get_subject`):
//! another facility's subject is `NotFound`, as is a code nobody has, so
//! the list discloses nothing the record would not. The read is audited
//! with the subject's id and code and the number of assessments listed,
//! never a name or an answer.

use super::stored_outcome;
use crate::model::{AssessmentSummary, DueReassessment, OutcomeView};
use crate::store::assessments::{self, AssessmentRecord};
use crate::store::{audit, facilities, subjects};
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::definition::Level;
use domain::{AssessmentStatus, AuditAction, AuditTarget, Day, Permission, SubjectCode};
use serde_json::json;

/// The band of the instrument's total score, if it has one and it is
/// complete: the score keyed `total`, else the first ending in `_total`.
fn total_band(outcome: &OutcomeView) -> Option<Level> {
    let exact = outcome.scores.get("total");
    let score = exact.or_else(|| {
        outcome
            .scores
            .iter()
            .find(|(key, _)| key.ends_with("_total"))
            .map(|(_, s)| s)
    });
    score.and_then(|s| s.band)
}

fn summary(record: AssessmentRecord) -> ServiceResult<AssessmentSummary> {
    let outcome = stored_outcome(&record)?;
    let total_band = total_band(&outcome);
    let scores = if record.status == AssessmentStatus::Submitted {
        outcome.scores
    } else {
        Default::default()
    };
    Ok(AssessmentSummary {
        id: record.id,
        instrument: record.instrument,
        version: record.version,
        status: record.status,
        locale: record.locale,
        assessor: record.assessor,
        started_at: record.created_at,
        submitted_at: record.submitted_at,
        amends: record.amends,
        total_band,
        reassess_by: None,
        overdue: false,
        scores,
    })
}

/// The day `interval` days after the day of `submitted_at` (an ISO
/// timestamp), as `yyyy-mm-dd`.
pub(crate) fn reassess_by(submitted_at: &str, interval: u32) -> Option<String> {
    let day = Day::of_timestamp(submitted_at).ok()?.to_string();
    let date = chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok()?;
    let due = date.checked_add_days(chrono::Days::new(u64::from(interval)))?;
    Some(due.format("%Y-%m-%d").to_string())
}

impl Services {
    /// Every assessment of the subject with `code`, newest first, for
    /// those who may reach the subject; audited as a read.
    #[tracing::instrument(skip_all)]
    pub async fn subject_assessments(
        &self,
        actor: &Actor,
        code: &str,
    ) -> ServiceResult<Vec<AssessmentSummary>> {
        actor.authorize(Permission::WorkWithSubjects)?;
        actor.authorize(Permission::ReadAssessments)?;
        let code = SubjectCode::parse(code).map_err(|_| ServiceError::NotFound)?;
        let mut tx = self.db.begin().await?;
        let subject = subjects::find(&mut tx, crate::subjects::scope(actor)?, &code)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let records = assessments::of_subject(&mut tx, subject.id).await?;
        let count = records.len();
        // The reassessment interval of each submitted assessment's version
        // (oldest first, so the newest of each instrument is the last seen).
        let mut due: std::collections::HashMap<String, usize> = Default::default();
        let mut intervals = Vec::with_capacity(count);
        for (i, record) in records.iter().enumerate() {
            let interval = if record.status == AssessmentStatus::Submitted {
                due.insert(record.instrument.to_string(), i);
                self.rules_of(&mut tx, record)
                    .await?
                    .definition
                    .meta
                    .reassessment_interval_days
            } else {
                None
            };
            intervals.push(interval);
        }
        let today = crate::subjects::today()?.to_string();
        let mut list = Vec::with_capacity(count);
        for (i, record) in records.into_iter().enumerate() {
            let newest = due.get(&record.instrument.to_string()) == Some(&i);
            let by = match (newest, intervals[i], record.submitted_at.as_deref()) {
                (true, Some(days), Some(at)) => reassess_by(at, days),
                _ => None,
            };
            let mut line = summary(record)?;
            line.overdue = by.as_deref().is_some_and(|d| d < today.as_str());
            line.reassess_by = by;
            list.push(line);
        }
        list.reverse();
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::AssessmentsListed,
                target: AuditTarget::Subject,
                target_id: Some(subject.id.to_string()),
                details: json!({ "code": code, "count": count }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(list)
    }
}

impl Services {
    /// The subjects in custody of the actor's facilities (every facility
    /// for an administrator) due for reassessment with an instrument whose
    /// version sets an interval: by facility, the soonest first. Audited as
    /// a read of assessments (the count, no names).
    #[tracing::instrument(skip_all)]
    pub async fn reassessments_due(&self, actor: &Actor) -> ServiceResult<Vec<DueReassessment>> {
        actor.authorize(Permission::WorkWithSubjects)?;
        actor.authorize(Permission::ReadAssessments)?;
        let scope = crate::subjects::scope(actor)?;
        let mut tx = self.db.begin().await?;
        let records = assessments::submitted_in(&mut tx, scope).await?;
        let codes: std::collections::HashMap<_, _> = facilities::list(&mut tx)
            .await?
            .into_iter()
            .map(|f| (f.id, f.code))
            .collect();
        // The newest of each subject and instrument (they come oldest first).
        let mut newest = std::collections::BTreeMap::new();
        for record in records {
            newest.insert(
                (record.subject.to_string(), record.instrument.to_string()),
                record,
            );
        }
        let today = crate::subjects::today()?.to_string();
        let mut due = Vec::new();
        for record in newest.into_values() {
            let interval = self
                .rules_of(&mut tx, &record)
                .await?
                .definition
                .meta
                .reassessment_interval_days;
            let (Some(days), Some(at), Some(facility)) = (
                interval,
                record.submitted_at.clone(),
                codes.get(&record.facility_id).cloned(),
            ) else {
                continue;
            };
            let Some(by) = reassess_by(&at, days) else {
                continue;
            };
            due.push(DueReassessment {
                subject: record.subject,
                facility,
                instrument: record.instrument,
                submitted_at: at,
                overdue: by < today,
                reassess_by: by,
            });
        }
        due.sort_by(|a, b| {
            (
                a.facility.to_string(),
                &a.reassess_by,
                a.subject.to_string(),
            )
                .cmp(&(
                    b.facility.to_string(),
                    &b.reassess_by,
                    b.subject.to_string(),
                ))
        });
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::AssessmentsListed,
                target: AuditTarget::Subject,
                target_id: None,
                details: json!({ "reassessments_due": due.len() }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(due)
    }
}

#[cfg(test)]
mod tests {
    use super::reassess_by;

    #[test]
    fn reassessment_falls_due_the_interval_after_the_submission_day() {
        assert_eq!(
            reassess_by("2026-12-03T08:15:00Z", 180).as_deref(),
            Some("2027-06-01")
        );
        assert_eq!(
            reassess_by("2028-02-28T23:59:59Z", 1).as_deref(),
            Some("2028-02-29")
        );
        assert_eq!(reassess_by("not a time", 30), None);
    }
}
