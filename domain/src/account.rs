//! Account values parsed at the edge: usernames, display names, passwords.
//!
//! Errors carry a message id (see `locales/*/errors.ftl`) rather than text,
//! so the interface can say what is wrong in the user's language.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A sign-in name: 3–64 characters, letters, digits, `.`, `_`, `-`; stored
/// lower-case so that `Admin` and `admin` are one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, example = "a.karimova"))]
pub struct Username(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum UsernameError {
    #[error("a username needs 3 to 64 characters")]
    Length,
    #[error("a username may hold only letters, digits, dot, underscore and hyphen")]
    Characters,
}

impl UsernameError {
    pub fn message_id(self) -> &'static str {
        match self {
            UsernameError::Length => "error-username-length",
            UsernameError::Characters => "error-username-characters",
        }
    }
}

impl Username {
    /// The most characters a username may have.
    pub const MAX_CHARS: usize = 64;

    pub fn parse(raw: &str) -> Result<Username, UsernameError> {
        let trimmed = raw.trim();
        // Refuse a long input before copying it (a megabyte typed into the
        // sign-in form costs nothing more than a short one).
        if trimmed.len() > Self::MAX_CHARS * 4 {
            return Err(UsernameError::Length);
        }
        let s = trimmed.to_lowercase();
        let count = s.chars().count();
        if !(3..=Self::MAX_CHARS).contains(&count) {
            return Err(UsernameError::Length);
        }
        if !s
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
        {
            return Err(UsernameError::Characters);
        }
        Ok(Username(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for Username {
    type Err = UsernameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Username::parse(s)
    }
}

impl TryFrom<String> for Username {
    type Error = UsernameError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Username::parse(&value)
    }
}

impl From<Username> for String {
    fn from(value: Username) -> Self {
        value.0
    }
}

impl fmt::Display for Username {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A person's name as shown in the interface and the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

/// Characters that are never part of a name but can disguise one: bidi
/// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) make
/// text display in another order than it is stored ("Trojan Source").
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

impl DisplayName {
    /// The most characters a name may have.
    pub const MAX_CHARS: usize = 100;

    /// Trims; an empty name is refused, a long one (over 100 characters)
    /// too, and one holding control characters (NUL, line breaks…) or bidi
    /// overrides.
    pub fn parse(raw: &str) -> Result<DisplayName, &'static str> {
        let s = raw.trim();
        if s.is_empty() {
            return Err("error-display-name-required");
        }
        if s.len() > Self::MAX_CHARS * 4 || s.chars().count() > Self::MAX_CHARS {
            return Err("error-display-name-too-long");
        }
        if s.chars().any(|c| c.is_control() || is_bidi_control(c)) {
            return Err("error-display-name-characters");
        }
        Ok(DisplayName(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A new password that meets the policy. Never printed: `Debug` hides it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PasswordError {
    #[error("a password needs at least 10 characters")]
    TooShort,
    #[error("a password may have at most 256 characters")]
    TooLong,
}

impl PasswordError {
    pub fn message_id(self) -> &'static str {
        match self {
            PasswordError::TooShort => "error-password-too-short",
            PasswordError::TooLong => "error-password-too-long",
        }
    }
}

impl Password {
    pub const MIN_CHARS: usize = 10;
    pub const MAX_CHARS: usize = 256;
    /// No typed password longer than this (in UTF-8) is ever hashed: a new
    /// one is refused, a typed one at sign-in is simply wrong. 256
    /// characters never exceed it.
    pub const MAX_BYTES: usize = 1024;

    /// Length is the policy (NIST SP 800-63B): at least 10 characters,
    /// any characters, no composition rules.
    pub fn parse(raw: &str) -> Result<Password, PasswordError> {
        if !Self::fits(raw) {
            return Err(PasswordError::TooLong);
        }
        let count = raw.chars().count();
        if count < Self::MIN_CHARS {
            Err(PasswordError::TooShort)
        } else if count > Self::MAX_CHARS {
            Err(PasswordError::TooLong)
        } else {
            Ok(Password(raw.to_owned()))
        }
    }

    /// Whether a typed password (at sign-in, the current one on a change)
    /// is short enough to be worth checking: longer ones are refused
    /// before hashing.
    pub fn fits(raw: &str) -> bool {
        raw.len() <= Self::MAX_BYTES
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usernames_are_folded_to_lower_case_and_checked() {
        assert_eq!(Username::parse(" Admin ").unwrap().as_str(), "admin");
        assert_eq!(Username::parse("ab"), Err(UsernameError::Length));
        assert_eq!(Username::parse("a b c"), Err(UsernameError::Characters));
        assert_eq!(Username::parse("Раҳим.к").unwrap().as_str(), "раҳим.к");
        assert_eq!(Username::parse(&"a".repeat(65)), Err(UsernameError::Length));
        assert_eq!(
            Username::parse(&"я".repeat(1_000_000)),
            Err(UsernameError::Length)
        );
        assert_eq!(
            Username::parse("correct horse battery staple"),
            Err(UsernameError::Characters)
        );
    }

    #[test]
    fn passwords_over_1024_bytes_are_refused_before_anything_else() {
        assert!(Password::parse(&"ҷ".repeat(256)).is_ok());
        assert_eq!(
            Password::parse(&"a".repeat(257)),
            Err(PasswordError::TooLong)
        );
        assert_eq!(
            Password::parse(&"a".repeat(1_000_000)),
            Err(PasswordError::TooLong)
        );
        assert!(Password::fits(&"a".repeat(1024)));
        assert!(!Password::fits(&"a".repeat(1025)));
    }

    #[test]
    fn passwords_need_ten_characters_and_never_print() {
        assert_eq!(Password::parse("short"), Err(PasswordError::TooShort));
        let p = Password::parse("ҷумла-и дароз").unwrap();
        assert_eq!(format!("{p:?}"), "Password(***)");
    }

    #[test]
    fn display_names_are_required() {
        assert!(DisplayName::parse("  ").is_err());
        assert_eq!(DisplayName::parse(" Нилуфар ").unwrap().as_str(), "Нилуфар");
    }

    #[test]
    fn display_names_are_short_and_hold_no_control_or_bidi_characters() {
        assert!(DisplayName::parse(&"ғ".repeat(100)).is_ok());
        assert_eq!(
            DisplayName::parse(&"ғ".repeat(101)),
            Err("error-display-name-too-long")
        );
        for bad in [
            "Ali\u{202E}gnp.exe",
            "a\u{2066}b",
            "nul\0here",
            "two\nlines",
        ] {
            assert_eq!(
                DisplayName::parse(bad),
                Err("error-display-name-characters"),
                "{bad:?}"
            );
        }
    }
}
