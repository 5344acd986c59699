//! The condition language used by `show_if`, `required_if` and flags.
//!
//! Small and safe on purpose: literals, item references, subject
//! attributes, comparison, `and`/`or`/`not`, `in`, `is answered` and a few
//! counting functions — no arithmetic, no loops, no user functions. Conditions
//! are parsed when a definition is read, type-checked by `Definition::check`
//! (which knows the items, their order and their scales), and evaluated with
//! three-valued logic so that a missing answer never panics and never
//! silently counts as "no". The full description for methodologists is in
//! `instrument-library/EXPRESSIONS.md`.

pub mod ast;
pub(crate) mod eval;
pub mod parser;
pub(crate) mod token;
pub(crate) mod typecheck;

use super::message::{MessageArg, MessageArgs};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The longest accepted condition, in characters.
pub const MAX_SOURCE_CHARS: usize = 4000;
/// The deepest accepted nesting of brackets, `not` and function calls.
pub const MAX_DEPTH: usize = 32;

/// The type of a condition sub-expression, fixed at definition time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Type {
    Bool,
    Number,
    /// Strings, option codes and ISO dates (which compare in date order).
    Text,
    NumberSet,
    TextSet,
}

impl Type {
    pub fn name(self) -> &'static str {
        match self {
            Type::Bool => "true/false",
            Type::Number => "a number",
            Type::Text => "a text",
            Type::NumberSet => "a set of numbers",
            Type::TextSet => "a set of texts",
        }
    }

    pub(crate) fn set_of(self) -> Option<Type> {
        match self {
            Type::Number => Some(Type::NumberSet),
            Type::Text => Some(Type::TextSet),
            _ => None,
        }
    }
}

/// A number or text value, as stored in answers and literals.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar {
    Num(f64),
    Text(String),
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scalar::Num(n) => n.fmt(f),
            Scalar::Text(s) => write!(f, "\"{s}\""),
        }
    }
}

/// What is wrong with a condition. A new kind needs its message ids in
/// `definition/message.rs` (`message_ids`, `ALL`) and its messages in every
/// `locales/*/definition-check.ftl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExprErrorKind {
    /// It cannot be read (also: too long, too deeply nested).
    Syntax,
    UnknownItem,
    UnknownSection,
    UnknownScore,
    /// It uses an answer that is not given before the place it is used.
    ForwardReference,
    /// Types do not fit, e.g. a number compared with a text.
    Type,
    /// A function that is not allowed here (scores in item conditions).
    NotAllowedHere,
    /// `sources()`/`trend()` of an item that does not ask for them.
    NotAsked,
    /// A literal that is not one of the possible values.
    UnknownValue,
}

/// A problem in a condition, at a 1-based character position (0: the whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    pub at: usize,
    pub kind: ExprErrorKind,
    /// In English.
    pub message: String,
    /// The Fluent message, one of `kind.message_ids()` (see
    /// [`crate::definition::message`]).
    pub message_id: &'static str,
    pub args: MessageArgs,
}

impl ExprError {
    pub(crate) fn syntax(at: usize, message_id: &'static str, message: &str) -> ExprError {
        ExprError::new(at, ExprErrorKind::Syntax, message_id, message.to_owned())
    }

    pub(crate) fn new(
        at: usize,
        kind: ExprErrorKind,
        message_id: &'static str,
        message: String,
    ) -> ExprError {
        debug_assert!(
            kind.message_ids().contains(&message_id),
            "{message_id} is not listed for {kind:?}"
        );
        ExprError {
            at,
            kind,
            message,
            message_id,
            args: Vec::new(),
        }
    }

    /// Adds a named argument of the message.
    pub(crate) fn arg(mut self, name: &'static str, value: impl Into<MessageArg>) -> ExprError {
        self.args.push((name, value.into()));
        self
    }
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at == 0 {
            f.write_str(&self.message)
        } else {
            write!(f, "at character {}: {}", self.at, self.message)
        }
    }
}

/// A condition as written, with its syntax tree (or why it has none).
///
/// Reading a definition never fails because of a bad condition: the error is
/// kept and reported by `check()` together with every other problem, and an
/// unreadable condition evaluates to "unknown".
#[derive(Debug, Clone)]
pub struct Condition {
    source: String,
    parsed: Result<ast::Node, ExprError>,
}

impl Condition {
    pub fn parse(source: &str) -> Condition {
        Condition {
            source: source.to_owned(),
            parsed: parser::parse(source),
        }
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn ast(&self) -> Result<&ast::Node, &ExprError> {
        self.parsed.as_ref()
    }
}

impl PartialEq for Condition {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
    }
}

impl Serialize for Condition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.source)
    }
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = String::deserialize(deserializer)?;
        Ok(Condition::parse(&source))
    }
}
