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
    pub fn parse(raw: &str) -> Result<Username, UsernameError> {
        let s = raw.trim().to_lowercase();
        let count = s.chars().count();
        if !(3..=64).contains(&count) {
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

impl DisplayName {
    /// Trims; an empty name is refused, a long one (over 120 characters) too.
    pub fn parse(raw: &str) -> Result<DisplayName, &'static str> {
        let s = raw.trim();
        match s.chars().count() {
            0 => Err("error-display-name-required"),
            1..=120 => Ok(DisplayName(s.to_owned())),
            _ => Err("error-display-name-length"),
        }
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

    /// Length is the policy (NIST SP 800-63B): at least 10 characters,
    /// any characters, no composition rules.
    pub fn parse(raw: &str) -> Result<Password, PasswordError> {
        let count = raw.chars().count();
        if count < Self::MIN_CHARS {
            Err(PasswordError::TooShort)
        } else if count > 256 {
            Err(PasswordError::TooLong)
        } else {
            Ok(Password(raw.to_owned()))
        }
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
}
