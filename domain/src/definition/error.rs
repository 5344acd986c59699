//! What can be wrong with a definition, said so that a methodologist
//! understands it and located by a JSON pointer into the document.
//!
//! `kind` is for code (tests, the editor highlighting a field); `message` is
//! plain English for people; `path` is an RFC 6901 JSON pointer such as
//! `/sections/2/items/5/label/ru/female`.

use super::expr::{ExprError, ExprErrorKind};
use crate::{Gender, Locale};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DefinitionErrorKind {
    /// The text is not JSON at all.
    Syntax,
    /// JSON, but not the shape of a definition (wrong type, unknown or missing field).
    Structure,
    UnsupportedFormat,
    /// Metadata is inconsistent (no locales, source locale not required, …).
    InvalidMeta,
    /// Two things of the same kind share a key (or a list repeats a value).
    DuplicateKey,
    /// A key names a scale, item, section or score that does not exist.
    UnknownReference,
    /// A wording (locale or gender variant) is missing or blank.
    MissingWording,
    /// `applies_to` names a gender the instrument does not declare.
    GenderNotDeclared,
    /// An item's `applies_to` contradicts its section's.
    ConflictingApplicability,
    NoSections,
    EmptySection,
    /// A rating or choice item without a scale.
    MissingScale,
    /// A field that has no meaning here (a scale on a number item, …).
    UnexpectedField,
    /// A number item's `min` is above its `max`.
    InvalidRange,
    EmptyScale,
    DuplicateOptionValue,
    /// A scale mixes number and text values.
    MixedOptionValues,
    /// A rating scale, or an item used by a sum/max score, lacks scores.
    NotScorable,
    /// A score names no items, or a count lacks the value it counts.
    InvalidScoreRule,
    /// A band's `min` is above its `max`.
    InvalidBand,
    BandOverlap,
    BandGap,
    /// The bands do not cover every score the rule can produce.
    BandsIncomplete,
    /// A judgement has no levels, or its suggestion cannot be chosen.
    InvalidJudgement,
    /// A condition is wrong; the inner kind says how.
    Expression(ExprErrorKind),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefinitionError {
    pub path: String,
    pub kind: DefinitionErrorKind,
    pub message: String,
}

impl DefinitionError {
    pub fn new(
        path: impl Into<String>,
        kind: DefinitionErrorKind,
        message: impl Into<String>,
    ) -> Self {
        DefinitionError {
            path: path.into(),
            kind,
            message: message.into(),
        }
    }

    /// A condition error at `path` (the condition's field).
    pub(crate) fn expression(path: &str, e: ExprError) -> Self {
        DefinitionError::new(
            path,
            DefinitionErrorKind::Expression(e.kind),
            format!("condition {e}"),
        )
    }
}

impl fmt::Display for DefinitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "/"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)
    }
}

impl std::error::Error for DefinitionError {}

/// The English name of a locale, for messages.
pub(crate) fn language_name(locale: Locale) -> &'static str {
    match locale {
        Locale::Tg => "Tajik",
        Locale::Ru => "Russian",
        Locale::En => "English",
    }
}

pub(crate) fn gender_name(gender: Gender) -> &'static str {
    match gender {
        Gender::Male => "male",
        Gender::Female => "female",
    }
}

/// Escapes one JSON-pointer segment (RFC 6901).
pub(crate) fn escape_segment(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}
