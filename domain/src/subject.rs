//! Subjects: the prisoners assessed, known to most of the system only by a
//! pseudonymous code. Their full name is personal data: it is shown only to
//! those with a need to know (see [`SubjectAccess`]) and never leaves the
//! subjects table — not in URLs, logs or the audit log.
//!
//! Errors are Fluent message ids (see `locales/*/subjects.ftl`).

use crate::date::Day;
use crate::facility::InvalidCode;
use crate::{Role, Roles, search};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A subject's pseudonymous code, e.g. `S-2026-0001`: 1 to 32 Latin
/// letters, digits, `-` or `_`, starting with a letter or digit; stored in
/// capitals. It is the only thing about a subject that goes in a URL.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "S-2026-0001"))]
pub struct SubjectCode(String);

impl SubjectCode {
    pub const MAX_CHARS: usize = 32;

    pub fn parse(raw: &str) -> Result<SubjectCode, &'static str> {
        let s = raw.trim();
        let ok = (1..=Self::MAX_CHARS).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_alphanumeric())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if ok {
            Ok(SubjectCode(s.to_ascii_uppercase()))
        } else {
            Err("error-subject-code")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for SubjectCode {
    type Err = InvalidCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SubjectCode::parse(s).map_err(InvalidCode)
    }
}

impl TryFrom<String> for SubjectCode {
    type Error = &'static str;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        SubjectCode::parse(&value)
    }
}

impl From<SubjectCode> for String {
    fn from(value: SubjectCode) -> Self {
        value.0
    }
}

impl fmt::Display for SubjectCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A subject's full name as the facility records it: 1 to 200 characters,
/// trimmed, no control characters or text-direction marks. `Debug` hides
/// it, so that a stray `{:?}` in a log line cannot print it.
#[derive(Clone, PartialEq, Eq)]
pub struct SubjectName(String);

impl SubjectName {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(raw: &str) -> Result<SubjectName, &'static str> {
        let s = raw.trim();
        if s.is_empty() {
            return Err("error-subject-name-required");
        }
        if s.len() > Self::MAX_CHARS * 4
            || s.chars().count() > Self::MAX_CHARS
            || s.chars()
                .any(|c| c.is_control() || crate::account::is_bidi_control(c))
        {
            return Err("error-subject-name-invalid");
        }
        Ok(SubjectName(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// What a search compares with: the name folded (lower case, Tajik
    /// letters and ё as their Russian look-alikes; see [`search::fold`]),
    /// so that «Чалбшави» typed on a Russian keyboard finds «Ҷалбшавӣ».
    pub fn search_key(&self) -> String {
        search::fold(&self.0)
    }
}

impl fmt::Debug for SubjectName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SubjectName(***)")
    }
}

/// Where a subject is, as of their status date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(rename_all = "snake_case"))]
pub enum SubjectStatus {
    InCustody,
    Released,
    /// Moved to another facility (the subject's facility is the new one).
    Transferred,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown subject status `{0}`")]
pub struct UnknownStatus(pub String);

impl SubjectStatus {
    pub const ALL: [SubjectStatus; 3] = [
        SubjectStatus::InCustody,
        SubjectStatus::Released,
        SubjectStatus::Transferred,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SubjectStatus::InCustody => "in_custody",
            SubjectStatus::Released => "released",
            SubjectStatus::Transferred => "transferred",
        }
    }

    /// Whether the status means nothing without the day it happened.
    pub fn needs_date(self) -> bool {
        self != SubjectStatus::InCustody
    }
}

impl fmt::Display for SubjectStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for SubjectStatus {
    type Err = UnknownStatus;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SubjectStatus::ALL
            .into_iter()
            .find(|v| v.code() == s.trim())
            .ok_or_else(|| UnknownStatus(s.to_owned()))
    }
}

/// A date of birth: a real day from 1900 on, not after today.
pub fn parse_birth_date(raw: &str, today: Day) -> Result<Day, &'static str> {
    let day = Day::parse(raw.trim()).map_err(|_| "error-date-invalid")?;
    if day > today {
        return Err("error-date-in-future");
    }
    Ok(day)
}

/// The day of a release or transfer: a real day, not before the subject
/// was born and not after today.
pub fn parse_status_date(raw: &str, born: Day, today: Day) -> Result<Day, &'static str> {
    let day = Day::parse(raw.trim()).map_err(|_| "error-date-invalid")?;
    if day > today {
        return Err("error-date-in-future");
    }
    if day < born {
        return Err("error-date-before-birth");
    }
    Ok(day)
}

/// How much of a subject a user may see.
///
/// The rule (issue 11): an assessor sees only subjects of the facilities
/// they work at — anyone else's is, to them, a subject that does not exist
/// — and sees their full name. Administrators see every subject with the
/// full name: they manage facilities and correct records across them, and
/// every read they make is in the audit log like anyone's. Other roles
/// (methodologists, translators, reviewers) do not work with subjects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectAccess {
    /// Not even that the subject exists.
    None,
    /// The whole record, full name included.
    Named,
}

impl SubjectAccess {
    /// The access of a user holding `roles` to a subject held at a facility
    /// the user works at (`at_facility`) or not.
    pub fn of(roles: &Roles, at_facility: bool) -> SubjectAccess {
        if roles.contains(Role::Administrator) || (roles.contains(Role::Assessor) && at_facility) {
            SubjectAccess::Named
        } else {
            SubjectAccess::None
        }
    }

    /// Whether the user sees every facility's subjects (no facility filter).
    pub fn sees_all_facilities(roles: &Roles) -> bool {
        roles.contains(Role::Administrator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subject_codes_are_latin_and_stored_in_capitals() {
        assert_eq!(
            SubjectCode::parse(" s-2026-0001 ").unwrap().as_str(),
            "S-2026-0001"
        );
        assert!(SubjectCode::parse("0042").is_ok());
        for bad in ["", "-1", "С-1", "a b", "a/b", &"1".repeat(33)] {
            assert_eq!(
                SubjectCode::parse(bad),
                Err("error-subject-code"),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn a_name_is_required_plain_and_never_printed_by_debug() {
        let name = SubjectName::parse("  Ҷалбшавӣ Қодир ").unwrap();
        assert_eq!(name.as_str(), "Ҷалбшавӣ Қодир");
        assert_eq!(format!("{name:?}"), "SubjectName(***)");
        assert_eq!(SubjectName::parse(""), Err("error-subject-name-required"));
        assert_eq!(
            SubjectName::parse("a\nb"),
            Err("error-subject-name-invalid")
        );
        assert_eq!(
            SubjectName::parse(&"ӯ".repeat(201)),
            Err("error-subject-name-invalid")
        );
    }

    #[test]
    fn the_search_key_folds_tajik_letters_like_the_instrument_search() {
        let name = SubjectName::parse("Ҷалбшавӣ Ҳасан Ғоибов").unwrap();
        assert_eq!(name.search_key(), "чалбшави хасан гоибов");
        assert!(name.search_key().contains(&search::fold("ЧАЛБШАВИ")));
    }

    #[test]
    fn statuses_round_trip_and_only_custody_needs_no_date() {
        for s in SubjectStatus::ALL {
            assert_eq!(s.code().parse::<SubjectStatus>(), Ok(s));
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.code())
            );
            assert_eq!(s.needs_date(), s != SubjectStatus::InCustody);
        }
        assert!("escaped".parse::<SubjectStatus>().is_err());
    }

    #[test]
    fn dates_are_real_past_and_not_before_birth() {
        let today = Day::parse("2026-12-03").unwrap();
        let born = parse_birth_date("1990-05-01", today).unwrap();
        assert_eq!(
            parse_birth_date("2026-12-04", today),
            Err("error-date-in-future")
        );
        assert_eq!(
            parse_birth_date("01.05.1990", today),
            Err("error-date-invalid")
        );
        assert!(parse_status_date("2026-12-03", born, today).is_ok());
        assert_eq!(
            parse_status_date("1990-04-30", born, today),
            Err("error-date-before-birth")
        );
    }

    #[test]
    fn assessors_see_their_facilities_administrators_all_others_none() {
        let assessor = Roles::new([Role::Assessor]);
        let admin = Roles::new([Role::Administrator]);
        let reviewer = Roles::new([Role::Reviewer]);
        assert_eq!(SubjectAccess::of(&assessor, true), SubjectAccess::Named);
        assert_eq!(SubjectAccess::of(&assessor, false), SubjectAccess::None);
        assert_eq!(SubjectAccess::of(&admin, false), SubjectAccess::Named);
        assert_eq!(SubjectAccess::of(&reviewer, true), SubjectAccess::None);
        assert!(SubjectAccess::sees_all_facilities(&admin));
        assert!(!SubjectAccess::sees_all_facilities(&assessor));
    }
}
