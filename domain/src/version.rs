//! The lifecycle status of an instrument version.
//!
//! `Draft → InReview → (ChangesRequested → Draft) → Approved → Published →
//! Superseded | Retired`. Only a draft may be edited; a published version
//! is immutable. The moves between statuses arrive with the review workflow.

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

    /// Whether the definition may still change (only drafts).
    pub fn is_editable(self) -> bool {
        self == VersionStatus::Draft
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
            assert_eq!(status.is_editable(), status == VersionStatus::Draft);
        }
        assert!("deleted".parse::<VersionStatus>().is_err());
    }
}
