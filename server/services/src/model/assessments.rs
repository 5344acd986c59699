//! Request and response types of assessments (issue 11).

use domain::definition::{Level, Outcome};
use domain::{AssessmentId, AssessmentStatus, Gender, InstrumentCode, Locale, SubjectCode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(feature = "server")]
use utoipa::ToSchema;

/// The body of `POST /api/v1/assessments`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct NewAssessment {
    /// The subject's code.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(example = "S-2026-0001"))]
    pub subject: String,
    /// The instrument's code; its published version is used.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(example = "INTAKE"))]
    pub instrument: String,
    /// The language the items are shown in; the subject's preferred
    /// language when left out.
    #[serde(default)]
    pub locale: Option<Locale>,
}

/// The body of `PUT /api/v1/assessments/{id}/answers`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct SaveAnswers {
    /// The revision the answers were based on.
    pub revision: i64,
    /// The answers so far (the answers format of the version's schema).
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub answers: serde_json::Value,
    /// Another language for the items; only until the first answer.
    #[serde(default)]
    pub locale: Option<Locale>,
}

/// The body of `POST /api/v1/assessments/{id}/submit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct SubmitAssessment {
    pub revision: i64,
}

/// The body of `POST /api/v1/assessments/{id}/amend`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct AmendAssessment {
    /// Why the submitted assessment is corrected.
    #[serde(default)]
    pub reason: String,
}

/// One score of an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct ScoreView {
    pub value: i64,
    /// The band's level, once the score is complete.
    #[cfg_attr(feature = "server", schema(value_type = Option<String>, example = "low"))]
    pub band: Option<Level>,
    pub omitted: u32,
    pub unanswered: u32,
}

/// One structured professional judgement of an outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct JudgementView {
    #[cfg_attr(feature = "server", schema(value_type = Option<String>))]
    pub suggested: Option<Level>,
    #[cfg_attr(feature = "server", schema(value_type = Option<String>))]
    pub chosen: Option<Level>,
    pub overridden: bool,
}

/// What the answers score, computed by the server.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct OutcomeView {
    /// By score key.
    pub scores: BTreeMap<String, ScoreView>,
    /// The keys of the flags raised.
    pub flags: Vec<String>,
    /// By judgement key.
    pub judgements: BTreeMap<String, JudgementView>,
}

impl From<&Outcome> for OutcomeView {
    fn from(o: &Outcome) -> Self {
        OutcomeView {
            scores: o
                .scores
                .iter()
                .map(|s| {
                    let view = ScoreView {
                        value: s.value,
                        band: s.band,
                        omitted: s.omitted,
                        unanswered: s.unanswered,
                    };
                    (s.key.to_string(), view)
                })
                .collect(),
            flags: o
                .flags
                .iter()
                .filter(|f| f.raised)
                .map(|f| f.key.to_string())
                .collect(),
            judgements: o
                .judgements
                .iter()
                .map(|j| {
                    let view = JudgementView {
                        suggested: j.suggested,
                        chosen: j.chosen,
                        overridden: j.overridden,
                    };
                    (j.key.to_string(), view)
                })
                .collect(),
        }
    }
}

/// The answer to `POST /api/v1/assessments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct StartedAssessment {
    pub id: AssessmentId,
    /// The instrument version it is pinned to (the published one).
    pub version: i64,
    pub revision: i64,
    pub status: AssessmentStatus,
}

/// The answer to a saved draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct SavedAnswers {
    pub revision: i64,
    pub outcome: OutcomeView,
}

/// The answer to a submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct SubmittedAssessment {
    pub status: AssessmentStatus,
    pub revision: i64,
    pub outcome: OutcomeView,
}

/// An assessment with its answers and outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct AssessmentView {
    pub id: AssessmentId,
    pub subject: SubjectCode,
    pub instrument: InstrumentCode,
    pub version: i64,
    /// The SHA-256 of the version's canonical definition.
    pub definition_hash: String,
    pub locale: Locale,
    pub gender: Gender,
    pub assessor: String,
    pub status: AssessmentStatus,
    pub revision: i64,
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub answers: serde_json::Value,
    pub outcome: OutcomeView,
    /// The assessment this one corrects, and why.
    pub amends: Option<AssessmentId>,
    pub amendment_reason: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub submitted_at: Option<String>,
}

/// One line of a subject's assessment history (no answers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct AssessmentSummary {
    pub id: AssessmentId,
    pub instrument: InstrumentCode,
    pub version: i64,
    pub status: AssessmentStatus,
    pub locale: Locale,
    /// The assessor's username.
    pub assessor: String,
    /// ISO 8601, UTC.
    pub started_at: String,
    /// ISO 8601, UTC; `null` for a draft.
    pub submitted_at: Option<String>,
    /// The assessment this one corrects.
    pub amends: Option<AssessmentId>,
    /// The band of the instrument's total score (`total`, or a key ending
    /// in `_total`), once that score is complete; `null` otherwise.
    #[cfg_attr(feature = "server", schema(value_type = Option<String>, example = "moderate"))]
    pub total_band: Option<Level>,
    /// When the subject is due to be reassessed with this instrument
    /// (`yyyy-mm-dd`): on the newest submitted assessment of each
    /// instrument whose version sets a reassessment interval; `null`
    /// otherwise.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(example = "2027-06-01"))]
    pub reassess_by: Option<String>,
    /// Whether `reassess_by` has passed.
    #[serde(default)]
    pub overdue: bool,
    /// The scores of a submitted assessment (by score key), as the server
    /// computed them; empty for a draft or a superseded one. A subject's
    /// trend over time is drawn from these.
    #[serde(default)]
    pub scores: BTreeMap<String, ScoreView>,
}

/// What the assessment page shows: the assessment, its version's
/// definition (the browser runs the same evaluator on it), the subject's
/// age when the assessment started, and whether the caller may change it
/// (its assessor, while it is a draft). Internal to the pages.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AssessmentForm {
    pub assessment: AssessmentView,
    pub definition: domain::definition::Definition,
    pub age: Option<u32>,
    pub editable: bool,
}

/// A subject in custody to be reassessed with an instrument: the newest
/// submitted assessment and the day its version's interval runs out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueReassessment {
    pub subject: SubjectCode,
    pub facility: domain::FacilityCode,
    pub instrument: InstrumentCode,
    /// ISO 8601, UTC.
    pub submitted_at: String,
    /// `yyyy-mm-dd`.
    pub reassess_by: String,
    pub overdue: bool,
}
