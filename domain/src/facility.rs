//! Facilities (prisons, colonies, pre-trial centres): the unit of
//! need-to-know. An assessor works at one or more facilities and sees the
//! subjects held there, nobody else's.
//!
//! Errors are Fluent message ids (see `locales/*/subjects.ftl`), so each
//! edge says what is wrong in its user's language.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A code that does not parse; the Fluent message that says why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("invalid code ({0})")]
pub struct InvalidCode(pub &'static str);

/// A facility's short code, e.g. `DSH-1`: 1 to 16 Latin letters, digits,
/// `-` or `_`, starting with a letter; stored in capitals, so that `dsh-1`
/// and `DSH-1` are one facility.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "DSH-1"))]
pub struct FacilityCode(String);

impl FacilityCode {
    pub const MAX_CHARS: usize = 16;

    pub fn parse(raw: &str) -> Result<FacilityCode, &'static str> {
        let s = raw.trim();
        let ok = (1..=Self::MAX_CHARS).contains(&s.len())
            && s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if ok {
            Ok(FacilityCode(s.to_ascii_uppercase()))
        } else {
            Err("error-facility-code")
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for FacilityCode {
    type Err = InvalidCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FacilityCode::parse(s).map_err(InvalidCode)
    }
}

impl TryFrom<String> for FacilityCode {
    type Error = &'static str;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        FacilityCode::parse(&value)
    }
}

impl From<FacilityCode> for String {
    fn from(value: FacilityCode) -> Self {
        value.0
    }
}

impl fmt::Display for FacilityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A facility's name in one language: 1 to 200 characters, trimmed, no
/// control characters or text-direction marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacilityName(String);

impl FacilityName {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(raw: &str) -> Result<FacilityName, &'static str> {
        let s = raw.trim();
        if s.is_empty() {
            return Err("error-facility-name-required");
        }
        if s.len() > Self::MAX_CHARS * 4
            || s.chars().count() > Self::MAX_CHARS
            || s.chars()
                .any(|c| c.is_control() || crate::account::is_bidi_control(c))
        {
            return Err("error-facility-name-invalid");
        }
        Ok(FacilityName(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facility_codes_are_short_latin_and_stored_in_capitals() {
        assert_eq!(FacilityCode::parse(" dsh-1 ").unwrap().as_str(), "DSH-1");
        assert_eq!(FacilityCode::parse("FAC_2").unwrap().as_str(), "FAC_2");
        for bad in ["", "1FAC", "-A", "ДШ1", "FAC 1", &"A".repeat(17)] {
            assert_eq!(
                FacilityCode::parse(bad),
                Err("error-facility-code"),
                "{bad:?}"
            );
        }
        let parsed: FacilityCode = serde_json::from_str("\"fac1\"").unwrap();
        assert_eq!(serde_json::to_string(&parsed).unwrap(), "\"FAC1\"");
    }

    #[test]
    fn facility_names_are_required_short_and_plain() {
        assert_eq!(
            FacilityName::parse(" Муассисаи ислоҳии №1 ")
                .unwrap()
                .as_str(),
            "Муассисаи ислоҳии №1"
        );
        assert_eq!(
            FacilityName::parse("  "),
            Err("error-facility-name-required")
        );
        assert_eq!(
            FacilityName::parse(&"ҳ".repeat(201)),
            Err("error-facility-name-invalid")
        );
        assert_eq!(
            FacilityName::parse("a\u{202E}b"),
            Err("error-facility-name-invalid")
        );
    }
}
