//! The lifecycle status of an instrument version.
//!
//! `Draft → InReview → (ChangesRequested → Draft) → Approved → Published →
//! Superseded | Retired`. Only a draft may be edited (or one whose reviewer
//! asked for changes: the first save makes it a draft again); a published
//! version is immutable. [`VersionStatus::after`] is the one table of the
//! moves between statuses; the server checks every transition against it.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(rename_all = "snake_case"))]
pub enum VersionStatus {
    Draft,
    InReview,
    ChangesRequested,
    Approved,
    Published,
    Superseded,
    Retired,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown version status `{0}`")]
pub struct UnknownStatus(pub String);

impl VersionStatus {
    pub const ALL: [VersionStatus; 7] = [
        VersionStatus::Draft,
        VersionStatus::InReview,
        VersionStatus::ChangesRequested,
        VersionStatus::Approved,
        VersionStatus::Published,
        VersionStatus::Superseded,
        VersionStatus::Retired,
    ];

    pub fn code(self) -> &'static str {
        match self {
            VersionStatus::Draft => "draft",
            VersionStatus::InReview => "in_review",
            VersionStatus::ChangesRequested => "changes_requested",
            VersionStatus::Approved => "approved",
            VersionStatus::Published => "published",
            VersionStatus::Superseded => "superseded",
            VersionStatus::Retired => "retired",
        }
    }

    /// Whether the version is still on its way to publication (a draft, or
    /// one in review or approved but not yet published). An instrument has
    /// at most one such version at a time.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            VersionStatus::Draft
                | VersionStatus::InReview
                | VersionStatus::ChangesRequested
                | VersionStatus::Approved
        )
    }

    /// Whether the definition may still change: a draft, or a version its
    /// reviewer sent back (saving it makes it a draft again).
    pub fn is_editable(self) -> bool {
        matches!(self, VersionStatus::Draft | VersionStatus::ChangesRequested)
    }

    /// The status a version moves to when `action` is done to it, or `None`
    /// when the action is not allowed from this status. An approval leaves
    /// a version in review until it has as many approvals as required: the
    /// service decides that; this says where the last one leads.
    pub fn after(self, action: VersionAction) -> Option<VersionStatus> {
        use VersionAction as A;
        use VersionStatus as S;
        match (self, action) {
            (S::Draft, A::Submit) => Some(S::InReview),
            (S::ChangesRequested, A::Edit) => Some(S::Draft),
            (S::Draft, A::Edit) => Some(S::Draft),
            (S::InReview, A::Approve) => Some(S::Approved),
            (S::InReview, A::RequestChanges) => Some(S::ChangesRequested),
            (S::Approved, A::Publish) => Some(S::Published),
            (S::Published, A::Supersede) => Some(S::Superseded),
            (
                S::Draft | S::ChangesRequested | S::InReview | S::Approved | S::Published,
                A::Retire,
            ) => Some(S::Retired),
            _ => None,
        }
    }

    /// The actions allowed from this status, in the order of the lifecycle.
    pub fn allowed(self) -> Vec<VersionAction> {
        VersionAction::ALL
            .into_iter()
            .filter(|a| self.after(*a).is_some())
            .collect()
    }
}

/// What can be done to a version; see [`VersionStatus::after`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(rename_all = "snake_case"))]
pub enum VersionAction {
    /// Save the definition or a wording.
    Edit,
    /// Send it to review (its author).
    Submit,
    /// A reviewer's approval (the last one required makes it approved).
    Approve,
    /// A reviewer sends it back to its author, with a reason.
    RequestChanges,
    /// Make it the version assessors use.
    Publish,
    /// What publishing the next version does to this one.
    Supersede,
    /// The instrument is withdrawn: no new assessments.
    Retire,
}

impl VersionAction {
    pub const ALL: [VersionAction; 7] = [
        VersionAction::Edit,
        VersionAction::Submit,
        VersionAction::Approve,
        VersionAction::RequestChanges,
        VersionAction::Publish,
        VersionAction::Supersede,
        VersionAction::Retire,
    ];

    pub fn code(self) -> &'static str {
        match self {
            VersionAction::Edit => "edit",
            VersionAction::Submit => "submit",
            VersionAction::Approve => "approve",
            VersionAction::RequestChanges => "request_changes",
            VersionAction::Publish => "publish",
            VersionAction::Supersede => "supersede",
            VersionAction::Retire => "retire",
        }
    }
}

impl fmt::Display for VersionStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for VersionStatus {
    type Err = UnknownStatus;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        VersionStatus::ALL
            .into_iter()
            .find(|v| v.code() == s)
            .ok_or_else(|| UnknownStatus(s.to_owned()))
    }
}

impl TryFrom<String> for VersionStatus {
    type Error = UnknownStatus;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_codes_round_trip_and_only_drafts_are_editable() {
        for status in VersionStatus::ALL {
            assert_eq!(status.code().parse::<VersionStatus>(), Ok(status));
            assert_eq!(
                status.is_editable(),
                status.after(VersionAction::Edit).is_some()
            );
        }
        assert!("deleted".parse::<VersionStatus>().is_err());
    }

    #[test]
    fn the_lifecycle_allows_exactly_its_moves() {
        use VersionAction as A;
        use VersionStatus as S;
        let legal = [
            (S::Draft, A::Edit, S::Draft),
            (S::Draft, A::Submit, S::InReview),
            (S::Draft, A::Retire, S::Retired),
            (S::ChangesRequested, A::Edit, S::Draft),
            (S::ChangesRequested, A::Retire, S::Retired),
            (S::InReview, A::Approve, S::Approved),
            (S::InReview, A::RequestChanges, S::ChangesRequested),
            (S::InReview, A::Retire, S::Retired),
            (S::Approved, A::Publish, S::Published),
            (S::Approved, A::Retire, S::Retired),
            (S::Published, A::Supersede, S::Superseded),
            (S::Published, A::Retire, S::Retired),
        ];
        for status in S::ALL {
            for action in A::ALL {
                let expected = legal
                    .iter()
                    .find(|(s, a, _)| *s == status && *a == action)
                    .map(|(_, _, to)| *to);
                assert_eq!(status.after(action), expected, "{status} {action:?}");
            }
        }
        // Nothing leaves the end states; nothing published is edited.
        assert!(S::Superseded.allowed().is_empty());
        assert!(S::Retired.allowed().is_empty());
        assert_eq!(S::Published.allowed(), vec![A::Supersede, A::Retire]);
        assert_eq!(
            S::InReview.allowed(),
            vec![A::Approve, A::RequestChanges, A::Retire]
        );
    }
}
