//! A subject's assessment history: what their page lists.
//!
//! Reached exactly as the subject's record is (`Services::get_subject`):
//! another facility's subject is `NotFound`, as is a code nobody has, so
//! the list discloses nothing the record would not. The read is audited
//! with the subject's id and code and the number of assessments listed,
//! never a name or an answer.

use super::stored_outcome;
use crate::model::AssessmentSummary;
use crate::store::assessments::{self, AssessmentRecord};
use crate::store::{audit, subjects};
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::definition::Level;
use domain::{AuditAction, AuditTarget, Permission, SubjectCode};
use serde_json::json;

/// The band of the instrument's total score, if it has one and it is
/// complete: the score keyed `total`, else the first ending in `_total`.
fn total_band(record: &AssessmentRecord) -> ServiceResult<Option<Level>> {
    let outcome = stored_outcome(record)?;
    let exact = outcome.scores.get("total");
    let score = exact.or_else(|| {
        outcome
            .scores
            .iter()
            .find(|(key, _)| key.ends_with("_total"))
            .map(|(_, s)| s)
    });
    Ok(score.and_then(|s| s.band))
}

fn summary(record: AssessmentRecord) -> ServiceResult<AssessmentSummary> {
    let total_band = total_band(&record)?;
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
    })
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
        let mut list = records
            .into_iter()
            .map(summary)
            .collect::<ServiceResult<Vec<_>>>()?;
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
