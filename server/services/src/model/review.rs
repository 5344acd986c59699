//! Request and response types of review, approval and publication (issue 10).

use domain::{InstrumentCode, Locale, VersionStatus};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(feature = "server")]
use utoipa::ToSchema;

/// A version's status after an action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct StatusAnswer {
    pub status: VersionStatus,
}

/// What a submission answers: the new status, and the comment threads
/// still open (listed, not blocking).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct Submitted {
    pub status: VersionStatus,
    #[serde(default)]
    pub open_comments: Vec<CommentView>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approve,
    RequestChanges,
}

/// A reviewer's decision, signed with their password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct DecisionRequest {
    pub decision: Decision,
    /// Required when asking for changes; kept with an approval.
    #[serde(default)]
    pub reason: String,
    pub password: String,
}

/// After a decision: the status, and how many approvals this round of
/// review has of those required.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct DecisionAnswer {
    pub status: VersionStatus,
    pub approvals: i64,
    pub approvals_required: i64,
}

/// Re-authentication for an electronic signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct PasswordConfirmation {
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct RetireRequest {
    pub password: String,
    pub reason: String,
}

/// A new comment, or a reply (`reply_to`: the thread's first comment, or
/// any comment of it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct NewComment {
    /// JSON pointer of a section or item (`/sections/0/items/1`); none:
    /// the version as a whole.
    #[serde(default)]
    pub path: Option<String>,
    pub text: String,
    #[serde(default)]
    pub reply_to: Option<i64>,
}

/// Resolve a thread, or open it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct CommentResolution {
    pub resolved: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct CommentView {
    pub id: i64,
    /// The version it was written on (a thread stays with its version).
    pub version: i64,
    pub path: Option<String>,
    /// The key of the section or item the path points at, when it still
    /// does (paths are read in the version commented on).
    #[serde(default)]
    pub target: Option<String>,
    pub text: String,
    pub reply_to: Option<i64>,
    pub author: String,
    /// ISO 8601, UTC.
    pub created_at: String,
    /// The thread's state (replies carry their first comment's).
    pub resolved: bool,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<String>,
}

/// One move between statuses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct TransitionView {
    pub from: VersionStatus,
    pub to: VersionStatus,
    pub by: Option<String>,
    pub reason: Option<String>,
    pub at: String,
}

/// An electronic signature: who, when, what it meant, and the SHA-256 of
/// the canonical definition signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct SignatureView {
    pub signer: String,
    /// `approved`, `published` or `retired`.
    pub meaning: String,
    pub definition_sha256: String,
    /// Whether the version's definition still has that hash.
    pub matches_definition: bool,
    pub review_round: i64,
    pub reason: Option<String>,
    pub at: String,
}

/// A locale signed off (from the translation workflow).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct TimelineSignOff {
    pub locale: Locale,
    pub signed_by: String,
    pub at: String,
}

/// Everything that happened to a version, each list oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct Timeline {
    pub code: InstrumentCode,
    pub version: i64,
    pub status: VersionStatus,
    pub created_by: Option<String>,
    pub created_at: String,
    pub transitions: Vec<TransitionView>,
    pub comments: Vec<CommentView>,
    pub signatures: Vec<SignatureView>,
    pub sign_offs: Vec<TimelineSignOff>,
    /// Approvals in the current round of review, and how many are needed.
    pub approvals: i64,
    pub approvals_required: i64,
    /// When the instrument was retired, and why.
    #[serde(default)]
    pub retired: Option<Retirement>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct Retirement {
    pub at: String,
    pub reason: String,
}

/// A version waiting for review (or sent back to the caller), in the inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct ReviewItem {
    pub code: InstrumentCode,
    pub version: i64,
    /// `in_review`, or `changes_requested` for a version of the caller's
    /// that a reviewer sent back.
    pub status: VersionStatus,
    #[cfg_attr(feature = "server", schema(value_type = BTreeMap<String, String>))]
    pub title: BTreeMap<Locale, String>,
    pub submitted_by: Option<String>,
    pub submitted_at: Option<String>,
    /// The version assessors use now (what the diff is against).
    pub published_version: Option<i64>,
    /// Changes against it, per class (`scoring` first).
    #[cfg_attr(feature = "server", schema(value_type = BTreeMap<String, i64>))]
    pub changes: BTreeMap<String, i64>,
    pub open_comments: i64,
    pub approvals: i64,
    pub approvals_required: i64,
    /// Whether the caller may decide on it (a reviewer who wrote none of it
    /// and has not approved it in this round).
    pub may_decide: bool,
}

/// The counts in the header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct ReviewCounts {
    /// Versions in review this reviewer may decide on.
    pub waiting_for_me: i64,
    /// Versions the caller wrote that a reviewer sent back.
    pub changes_requested: i64,
}

/// The installation's settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct Settings {
    /// How many reviewers must approve a version (default 1).
    pub approvals_required: i64,
}

/// The review page of a version: its timeline, what it changes against
/// the published version, and what the caller may do with it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct VersionReview {
    pub version: crate::model::VersionView,
    pub timeline: Timeline,
    /// The version assessors use now, when it is another one.
    pub published_version: Option<i64>,
    /// Changes from it to this version.
    pub changes: Vec<crate::model::VersionChange>,
    pub may_edit: bool,
    pub may_submit: bool,
    pub may_decide: bool,
    pub may_publish: bool,
    pub may_retire: bool,
    pub may_comment: bool,
}
