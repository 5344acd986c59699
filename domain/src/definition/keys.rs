//! Typed keys for everything a definition names: items, sections, scales,
//! scores, flags and judgements.
//!
//! Keys are stable across versions (answers, reviews and translations are
//! attached to them), so they are parsed once into a newtype and an item key
//! can never be passed where a scale key is meant. The grammar is deliberately
//! narrow — `^[a-z][a-z0-9_]{0,63}$` — so keys survive URLs, JSON pointers,
//! file names and expressions without escaping.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Why a string is not a valid key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("a key cannot be empty")]
    Empty,
    #[error("a key may have at most 64 characters")]
    TooLong,
    #[error("a key must start with a lower-case Latin letter (a–z)")]
    BadStart,
    #[error("a key may hold only lower-case Latin letters, digits and `_`")]
    BadCharacter,
}

/// Checks the key grammar shared by all key types.
pub fn check_key(raw: &str) -> Result<(), KeyError> {
    let mut chars = raw.chars();
    match chars.next() {
        None => return Err(KeyError::Empty),
        Some(c) if !c.is_ascii_lowercase() => return Err(KeyError::BadStart),
        Some(_) => {}
    }
    if raw.len() > 64 {
        return Err(KeyError::TooLong);
    }
    if !chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
        return Err(KeyError::BadCharacter);
    }
    Ok(())
}

macro_rules! key_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            pub fn parse(raw: &str) -> Result<$name, KeyError> {
                check_key(raw).map(|()| $name(raw.to_owned()))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = KeyError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                check_key(&value).map(|()| $name(value))
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

key_type!(
    /// The stable key of an item, e.g. `safety_self_harm`.
    ItemKey
);
key_type!(
    /// The key of a section, e.g. `safety`.
    SectionKey
);
key_type!(
    /// The key of a shared response scale, e.g. `rating_012`.
    ScaleKey
);
key_type!(
    /// The key of a named score, e.g. `safety_total`.
    ScoreKey
);
key_type!(
    /// The key of a flag, e.g. `urgent_referral`.
    FlagKey
);
key_type!(
    /// The key of a structured professional judgement, e.g. `overall_risk`.
    JudgementKey
);

/// An instrument's code, e.g. `IRNS` or `ve-spj`: 1–32 characters, Latin
/// letters, digits, `_` and `-`, starting with a letter. Kept as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "IRNS"))]
pub struct InstrumentCode(String);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "an instrument code needs 1 to 32 Latin letters, digits, `_` or `-`, starting with a letter"
)]
pub struct InstrumentCodeError;

impl InstrumentCode {
    pub fn parse(raw: &str) -> Result<InstrumentCode, InstrumentCodeError> {
        let ok = raw.len() <= 32
            && raw.starts_with(|c: char| c.is_ascii_alphabetic())
            && raw
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
        if ok {
            Ok(InstrumentCode(raw.to_owned()))
        } else {
            Err(InstrumentCodeError)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for InstrumentCode {
    type Err = InstrumentCodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        InstrumentCode::parse(s)
    }
}

impl TryFrom<String> for InstrumentCode {
    type Error = InstrumentCodeError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        InstrumentCode::parse(&value)
    }
}

impl From<InstrumentCode> for String {
    fn from(value: InstrumentCode) -> Self {
        value.0
    }
}

impl fmt::Display for InstrumentCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_accept_lower_case_snake_case_only() {
        assert!(ItemKey::parse("safety_1").is_ok());
        assert_eq!(ItemKey::parse(""), Err(KeyError::Empty));
        assert_eq!(ItemKey::parse("1abc"), Err(KeyError::BadStart));
        assert_eq!(ItemKey::parse("Safety"), Err(KeyError::BadStart));
        assert_eq!(ItemKey::parse("a-b"), Err(KeyError::BadCharacter));
        assert_eq!(ItemKey::parse("aқ"), Err(KeyError::BadCharacter));
        assert_eq!(ItemKey::parse(&"a".repeat(65)), Err(KeyError::TooLong));
        assert!(ItemKey::parse(&"a".repeat(64)).is_ok());
    }

    #[test]
    fn keys_deserialise_through_the_parser() {
        let ok: ScaleKey = serde_json::from_str("\"rating_012\"").unwrap();
        assert_eq!(ok.as_str(), "rating_012");
        assert!(serde_json::from_str::<ScaleKey>("\"Rating\"").is_err());
    }

    #[test]
    fn instrument_codes_allow_capitals_and_hyphens() {
        assert!(InstrumentCode::parse("VE-SPJ_2").is_ok());
        assert!(InstrumentCode::parse("-x").is_err());
        assert!(InstrumentCode::parse("").is_err());
        assert!(InstrumentCode::parse(&"A".repeat(33)).is_err());
    }
}
