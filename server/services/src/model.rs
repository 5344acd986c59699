//! The request and response types of every action, written once and shared
//! by the pages (server functions), the public JSON API, the command line
//! and the tests. Plain data: compiled for the browser as well.
//!
//! Request types carry what a person typed (strings), because the service
//! parses them and names the field that is wrong; response types carry
//! typed values.

use domain::definition::{DefinitionError, LocaleCompleteness, MessageArg};
use domain::{
    AuditAction, AuditTarget, InstrumentCode, Locale, Role, Roles, TokenId, UserId, Username,
    VersionStatus,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(feature = "server")]
use utoipa::ToSchema;

mod assessments;
mod review;
mod subjects;
mod translations;
pub use assessments::{
    AmendAssessment, AssessmentForm, AssessmentSummary, AssessmentView, DueReassessment,
    JudgementView, NewAssessment, OutcomeView, SaveAnswers, SavedAnswers, ScoreView,
    StartedAssessment, SubmitAssessment, SubmittedAssessment,
};
pub use review::{
    CommentResolution, CommentView, Decision, DecisionAnswer, DecisionRequest, NewComment,
    PasswordConfirmation, RetireRequest, Retirement, ReviewCounts, ReviewItem, Settings,
    SignatureView, StatusAnswer, Submitted, Timeline, TimelineSignOff, TransitionView,
    VersionReview,
};
pub use subjects::{
    Facility, FacilityNames, NewFacility, NewSubject, SubjectChange, SubjectTransfer, SubjectView,
};
pub use translations::{
    LocaleProgress, RefusalReason, Refused, RowOutcome, RowReport, SignOffLocale, SignOffView,
    StatusCounts, TextStatus, TextStatusView, TranslationWorkspace, TranslationsView, UploadReport,
    VariantCompleteness,
};

/// Reads an optional value that may come as itself (JSON) or as text (a
/// plain HTML form, where every value is text and an empty field means
/// "none").
fn blank_as_none<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de> + std::str::FromStr,
    T::Err: std::fmt::Display,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw<T> {
        Value(T),
        Text(String),
    }
    match Option::<Raw<T>>::deserialize(deserializer)? {
        None => Ok(None),
        Some(Raw::Value(value)) => Ok(Some(value)),
        Some(Raw::Text(text)) if text.trim().is_empty() => Ok(None),
        Some(Raw::Text(text)) => text
            .trim()
            .parse()
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

/// The signed-in user, as the interface and `GET /api/v1/me` know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct SessionUser {
    pub id: UserId,
    pub username: Username,
    pub display_name: String,
    pub roles: Roles,
    /// The interface language chosen by the user, if any.
    pub preferred_locale: Option<Locale>,
    pub must_change_password: bool,
}

/// Who a token belongs to: `GET /api/v1/me`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct Me {
    pub username: Username,
    pub display_name: String,
    pub roles: Roles,
    /// The interface language: the user's choice, else the request's
    /// `Accept-Language`, else English.
    pub language: Locale,
}

/// One account as an administrator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: UserId,
    pub username: Username,
    pub display_name: String,
    pub roles: Roles,
    pub active: bool,
    pub preferred_locale: Option<Locale>,
    pub created_at: String,
    /// Optimistic-concurrency token: an edit names the revision it started from.
    pub revision: i64,
}

/// What an administrator submits to create an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub password: String,
    /// A form with no role ticked sends no `roles` at all.
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default, deserialize_with = "blank_as_none")]
    pub preferred_locale: Option<Locale>,
}

/// An administrator's edit of an account, made from `revision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserChange {
    pub id: UserId,
    pub revision: i64,
    pub display_name: String,
    #[serde(default)]
    pub roles: Vec<Role>,
    /// A form sends an unticked checkbox as nothing: absent means inactive.
    #[serde(default)]
    pub active: bool,
}

/// One's own password change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
    pub confirm: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub seq: i64,
    pub occurred_at: String,
    pub actor_name: String,
    pub action: AuditAction,
    pub target: AuditTarget,
    pub target_id: Option<String>,
    pub details: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub events: Vec<AuditEvent>,
    pub page: u32,
    pub pages: u32,
    pub total: i64,
    /// The newest event this view includes: links to its other pages pass
    /// it on, so that events written meanwhile do not shift the pages.
    pub until: i64,
}

/// One instrument as the library lists it, for the pages and the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct InstrumentSummary {
    pub code: InstrumentCode,
    /// The title in each locale that has one.
    #[cfg_attr(feature = "server", schema(value_type = BTreeMap<String, String>, example = json!({"en": "Intake Risk & Needs Screen"})))]
    pub title: BTreeMap<Locale, String>,
    /// The newest published version, if any.
    pub published_version: Option<i64>,
    /// The status of the newest version the caller may see (`published`
    /// for an assessor; `draft` when a methodologist has one open).
    pub status: VersionStatus,
    /// The locales the newest published version is complete in.
    pub locales: Vec<Locale>,
    /// The version on its way to publication (draft, in review, changes
    /// requested or approved), if there is one. Only for callers who may
    /// see unpublished versions; always `null` for an assessor.
    #[serde(default)]
    pub draft: Option<OpenVersion>,
    /// How far each required locale is translated in the newest version the
    /// caller may see: the open one if there is one, else the published one.
    #[serde(default)]
    pub completeness: Vec<LocaleCompleteness>,
    /// For a draft: per target locale and gender variant (`neutral`,
    /// `male`, `female`), wordings done of those needed (an out-of-date
    /// one is not done).
    #[serde(default)]
    pub variants: Vec<crate::model::VariantCompleteness>,
}

/// An instrument's version that is not yet published.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct OpenVersion {
    pub version: i64,
    pub status: VersionStatus,
}

impl InstrumentSummary {
    /// The title in `locale`, else English, else the first one there is.
    pub fn title_in(&self, locale: Locale) -> &str {
        self.title
            .get(&locale)
            .or_else(|| self.title.get(&Locale::En))
            .or_else(|| self.title.values().next())
            .map(String::as_str)
            .unwrap_or(self.code.as_str())
    }
}

/// One version in an instrument's list of versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct VersionSummary {
    pub version: i64,
    pub status: VersionStatus,
    /// ISO 8601, UTC.
    pub created_at: String,
    /// ISO 8601, UTC; set once published.
    pub published_at: Option<String>,
    /// The username of who created it; none for the sample library.
    #[serde(default)]
    pub created_by: Option<String>,
}

/// A new instrument, started as draft version 1 (the "New instrument" form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewInstrument {
    /// As typed; the service checks it (letters, digits, `-`, `_`).
    pub code: String,
    /// The title in the source language.
    pub title: String,
    pub source_locale: Locale,
    /// Every text needs a wording in each of these before review.
    #[serde(default)]
    pub required_locales: Vec<Locale>,
    /// The subject genders it is used for.
    #[serde(default)]
    pub genders: Vec<domain::Gender>,
}

/// The body of `PUT /api/v1/instruments/{code}/versions/{n}`.
#[derive(Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct DraftSave {
    /// The revision the edit started from (`revision` of the version read).
    pub revision: i64,
    /// The whole definition (see `instrument-library/FORMAT.md`).
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub definition: Box<serde_json::value::RawValue>,
}

/// A draft saved: its new revision, and what still stands between it and
/// review (every check problem of the whole draft; empty when none).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct SavedDraft {
    pub code: InstrumentCode,
    pub version: i64,
    /// The revision to send with the next save.
    pub revision: i64,
    /// SHA-256 (hex) of the canonical JSON now stored.
    pub definition_hash: String,
    /// Every problem `check()` finds, each with its JSON pointer. A draft
    /// may be saved with them; it cannot be submitted for review.
    pub problems: Vec<Problem>,
}

/// A draft as it is now, and what changed in it since the definition an
/// editor last saved or loaded (shown when that editor's save was refused).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CurrentDraft {
    pub revision: i64,
    /// The current definition (canonical JSON).
    pub definition: Box<serde_json::value::RawValue>,
    /// From the editor's last known definition to the current one.
    pub changes: Vec<VersionChange>,
    /// The current definition with the editor's own edits applied on top
    /// (`domain::definition::merge`): what "apply my edits" saves.
    pub merged: Box<serde_json::value::RawValue>,
}

/// What changed between two versions of an instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct VersionDiff {
    /// Every change, in document order.
    pub changes: Vec<VersionChange>,
}

/// One change between two versions (see `domain::definition::diff`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct VersionChange {
    /// `structural`, `scoring`, `wording` (source-language text) or
    /// `translation` (other languages only).
    #[cfg_attr(feature = "server", schema(example = "translation"))]
    pub class: String,
    /// `added`, `removed`, `changed` or `moved`.
    #[cfg_attr(feature = "server", schema(example = "changed"))]
    pub kind: String,
    /// JSON pointer into the later version (the earlier one for a removal).
    pub path: String,
    /// The value before; null when added (for a move: the old pointer).
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub before: Option<serde_json::Value>,
    /// The value after; null when removed (for a move: the new pointer).
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub after: Option<serde_json::Value>,
    /// A short description in English.
    pub summary: String,
}

impl From<domain::definition::Change> for VersionChange {
    fn from(c: domain::definition::Change) -> Self {
        VersionChange {
            class: c.class.as_str().to_owned(),
            kind: c.kind.as_str().to_owned(),
            path: c.path,
            before: c.before,
            after: c.after,
            summary: c.summary,
        }
    }
}

/// One stored version of an instrument with its definition, the canonical
/// JSON exactly as stored (so `definition_hash` can be checked by anyone).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct VersionView {
    pub code: InstrumentCode,
    pub version: i64,
    pub status: VersionStatus,
    /// Optimistic-concurrency token of the version.
    pub revision: i64,
    /// SHA-256 (hex) of the canonical JSON of `definition`, byte for byte.
    pub definition_hash: String,
    /// The definition (see `instrument-library/FORMAT.md`).
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub definition: Box<serde_json::value::RawValue>,
}

impl PartialEq for VersionView {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
            && self.version == other.version
            && self.status == other.status
            && self.revision == other.revision
            && self.definition_hash == other.definition_hash
            && self.definition.get() == other.definition.get()
    }
}

/// A request for a new API token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewToken {
    /// A label to recognise it by, e.g. "statistics export".
    pub name: String,
    /// Days until it stops working; none (or an empty field) for no expiry.
    #[serde(default, deserialize_with = "blank_as_none")]
    pub expires_days: Option<u32>,
}

/// An API token as its owner sees it (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TokenSummary {
    pub id: TokenId,
    pub name: String,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

/// A token just made: the secret is shown this once and stored only hashed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedToken {
    pub token: String,
    pub summary: TokenSummary,
}

/// One problem of a refused document or request, located by JSON pointer
/// (empty for the whole document).
///
/// `message` is text; `message_id` and `args`, when the id is not empty,
/// say the same in any interface language (`locales/*/definition-check.ftl`,
/// put into words by `app::i18n::tr_problem`). Older answers lack them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct Problem {
    pub path: String,
    /// In the caller's language when the API answers; in English in logs.
    pub message: String,
    /// The Fluent message id, e.g. `check-band-gap`; empty when the problem
    /// has none (a JSON Schema problem).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message_id: String,
    /// The message's named arguments: numbers, texts, or `{"term": id}`
    /// for a word said by another message.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "server", schema(value_type = Object))]
    pub args: BTreeMap<String, MessageArg>,
}

impl Problem {
    /// A problem said only in words (no message id).
    pub fn text(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            path: path.into(),
            message: message.into(),
            message_id: String::new(),
            args: BTreeMap::new(),
        }
    }
}

impl From<DefinitionError> for Problem {
    fn from(e: DefinitionError) -> Self {
        Problem {
            path: e.path,
            message: e.message,
            message_id: e.message_id.to_owned(),
            args: e
                .args
                .into_iter()
                .map(|(name, value)| (name.to_owned(), value))
                .collect(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "(document): {}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// The body of every error answer of the JSON API.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct ApiError {
    /// A stable machine code, e.g. `forbidden`, `invalid-definition`.
    pub error: String,
    /// The same in words, in the language `Accept-Language` asked for.
    pub message: String,
    /// For 422: every problem found, each with its JSON pointer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
    /// For a refused save (409): the version's current revision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_revision: Option<i64>,
    /// For a refused save (409): the definition that was sent, intact, to
    /// re-apply on top of the current one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", schema(value_type = Option<Object>))]
    pub refused: Option<Box<serde_json::value::RawValue>>,
}
