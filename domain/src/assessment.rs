//! An assessment: one completion of one published instrument version about
//! one subject, by one assessor.
//!
//! `Draft → Submitted → Superseded`: a draft is saved as it is filled in; a
//! submitted assessment is locked; a correction is a new assessment (an
//! amendment) that supersedes it when it is submitted, both kept.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(rename_all = "snake_case"))]
pub enum AssessmentStatus {
    Draft,
    Submitted,
    Superseded,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown assessment status `{0}`")]
pub struct UnknownAssessmentStatus(pub String);

impl AssessmentStatus {
    pub const ALL: [AssessmentStatus; 3] = [
        AssessmentStatus::Draft,
        AssessmentStatus::Submitted,
        AssessmentStatus::Superseded,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AssessmentStatus::Draft => "draft",
            AssessmentStatus::Submitted => "submitted",
            AssessmentStatus::Superseded => "superseded",
        }
    }
}

impl fmt::Display for AssessmentStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for AssessmentStatus {
    type Err = UnknownAssessmentStatus;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AssessmentStatus::ALL
            .into_iter()
            .find(|x| x.code() == s)
            .ok_or_else(|| UnknownAssessmentStatus(s.to_owned()))
    }
}

/// An assessment's id: random (a UUID), so that ids say nothing about how
/// many assessments there are and cannot be guessed.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "6f1c2a9e-0b7d-4c11-9a57-3f0e2d8b4c21"))]
pub struct AssessmentId(String);

impl AssessmentId {
    /// A 36-character UUID in lower case (what the server makes).
    pub fn parse(raw: &str) -> Result<AssessmentId, &'static str> {
        let ok = raw.len() == 36
            && raw.char_indices().all(|(i, c)| match i {
                8 | 13 | 18 | 23 => c == '-',
                _ => c.is_ascii_digit() || ('a'..='f').contains(&c),
            });
        if ok {
            Ok(AssessmentId(raw.to_owned()))
        } else {
            Err("error-assessment-id")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for AssessmentId {
    type Error = &'static str;

    fn try_from(raw: String) -> Result<Self, Self::Error> {
        AssessmentId::parse(&raw)
    }
}

impl From<AssessmentId> for String {
    fn from(id: AssessmentId) -> String {
        id.0
    }
}

impl fmt::Display for AssessmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_round_trip_through_their_codes() {
        for status in AssessmentStatus::ALL {
            assert_eq!(status.code().parse::<AssessmentStatus>(), Ok(status));
        }
        assert!("deleted".parse::<AssessmentStatus>().is_err());
    }

    #[test]
    fn ids_are_lower_case_uuids_only() {
        assert!(AssessmentId::parse("6f1c2a9e-0b7d-4c11-9a57-3f0e2d8b4c21").is_ok());
        assert!(AssessmentId::parse("6F1C2A9E-0B7D-4C11-9A57-3F0E2D8B4C21").is_err());
        assert!(AssessmentId::parse("1").is_err());
        assert!(AssessmentId::parse("../../etc/passwd-0b7d-4c11-9a57-3f0e2").is_err());
    }
}
