//! What can be wrong with a definition, said so that a methodologist
//! understands it and located by a JSON pointer into the document.
//!
//! `kind` is for code (tests, the editor highlighting a field); `message` is
//! plain English for the command line and logs; `message_id` and `args` say
//! the same in any interface language (see [`super::message`]); `path` is
//! an RFC 6901 JSON pointer such as `/sections/2/items/5/label/ru/female`.

use super::expr::{ExprError, ExprErrorKind};
use super::message::{MessageArg, MessageArgs};
use crate::{Gender, Locale};
use std::fmt;

/// What kind of problem. A new kind needs its message ids in
/// `message.rs` (`message_ids`, and `ALL_BUT_EXPRESSION`) and its messages
/// in every `locales/*/definition-check.ftl`.
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
    /// In English.
    pub message: String,
    /// The Fluent message (`locales/*/definition-check.ftl`), one of
    /// `kind.message_ids()`; for a condition, the condition problem's own.
    pub message_id: &'static str,
    /// The message's named arguments; for a condition, also `at`.
    pub args: MessageArgs,
}

impl DefinitionError {
    /// An error with its message id; add the message's arguments with
    /// [`DefinitionError::arg`].
    pub fn new(
        path: impl Into<String>,
        kind: DefinitionErrorKind,
        message_id: &'static str,
        message: impl Into<String>,
    ) -> Self {
        debug_assert!(
            kind.message_ids().contains(&message_id),
            "{message_id} is not listed for {kind:?}"
        );
        DefinitionError {
            path: path.into(),
            kind,
            message: message.into(),
            message_id,
            args: Vec::new(),
        }
    }

    /// Adds a named argument of the message.
    pub fn arg(mut self, name: &'static str, value: impl Into<MessageArg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// A condition error at `path` (the condition's field). Its message is
    /// said inside [`super::CONDITION_MESSAGE_ID`], which adds the position `at`.
    pub(crate) fn expression(path: &str, e: ExprError) -> Self {
        let message = format!("condition {e}");
        let mut args = e.args;
        args.push(("at", e.at.into()));
        DefinitionError {
            path: path.to_owned(),
            kind: DefinitionErrorKind::Expression(e.kind),
            message,
            message_id: e.message_id,
            args,
        }
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
