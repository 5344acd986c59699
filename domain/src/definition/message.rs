//! Check messages as data, so that every interface language can say them.
//!
//! A [`DefinitionError`](super::DefinitionError) keeps its English `message`
//! for the command line and logs, and also a stable message id with named
//! arguments. The app and the JSON API put the id into words with Fluent
//! (`locales/{en,ru,tg}/definition-check.ftl`); the domain itself stays free
//! of Fluent and runs unchanged in the browser.
//!
//! Ids are grouped by kind: [`DefinitionErrorKind::message_ids`] and
//! [`ExprErrorKind::message_ids`] are exhaustive matches, so a new kind does
//! not compile until it has its ids, and [`all_message_ids`] lists them for
//! the test that every locale has every message. Constructors check (in
//! debug builds) that the id they are given belongs to their kind.
//!
//! Arguments are language-neutral: keys, numbers, positions, and terms —
//! the id of another message that names a language, a gender, a value type
//! or a kind of key (`check-term-locale-ru`), put into words first.
//! (Fluent selectors over such codes would trip the plural checks of
//! `app/tests/locales.rs`, and Russian needs its own word forms anyway.)

use super::error::{DefinitionErrorKind, gender_name};
use super::expr::{ExprErrorKind, Type};
use crate::{Gender, Locale};
use serde::{Deserialize, Serialize};

/// One named argument of a check message. Numbers stay numbers, so that a
/// message can choose the plural form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MessageArg {
    Number(i64),
    Text(String),
    /// A word said by another message (`check-term-…`): a language,
    /// gender, value type or kind of key, put into words first.
    Term {
        term: String,
    },
}

impl From<i64> for MessageArg {
    fn from(n: i64) -> Self {
        MessageArg::Number(n)
    }
}

impl From<usize> for MessageArg {
    fn from(n: usize) -> Self {
        MessageArg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for MessageArg {
    fn from(n: u32) -> Self {
        MessageArg::Number(n.into())
    }
}

impl From<String> for MessageArg {
    fn from(s: String) -> Self {
        MessageArg::Text(s)
    }
}

impl From<&str> for MessageArg {
    fn from(s: &str) -> Self {
        MessageArg::Text(s.to_owned())
    }
}

impl std::fmt::Display for MessageArg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MessageArg::Number(n) => n.fmt(f),
            MessageArg::Text(s) => f.write_str(s),
            MessageArg::Term { term } => f.write_str(term),
        }
    }
}

/// Named arguments, in the order they were given.
pub type MessageArgs = Vec<(&'static str, MessageArg)>;

/// The message that wraps every condition problem: it says where in the
/// condition (`$at`, 0 for the whole condition) and then `$problem`, the
/// problem's own message.
pub const CONDITION_MESSAGE_ID: &str = "check-condition";

/// The message that frames `message_id`, if any: [`CONDITION_MESSAGE_ID`]
/// for a condition problem (`expr-…`), whose `$problem` is the message itself.
pub fn frame_of(message_id: &str) -> Option<&'static str> {
    message_id
        .starts_with("expr-")
        .then_some(CONDITION_MESSAGE_ID)
}

fn term(id: String) -> MessageArg {
    MessageArg::Term { term: id }
}

/// A language's name, e.g. `check-term-locale-ru`.
pub(crate) fn locale_term(l: Locale) -> MessageArg {
    term(format!("check-term-locale-{}", l.code()))
}

/// A gender's name, e.g. `check-term-gender-female`.
pub(crate) fn gender_term(g: Gender) -> MessageArg {
    term(format!("check-term-gender-{}", gender_name(g)))
}

/// A condition type's name, e.g. `check-term-type-number-set`.
pub(crate) fn type_term(t: Type) -> MessageArg {
    let code = match t {
        Type::Bool => "bool",
        Type::Number => "number",
        Type::Text => "text",
        Type::NumberSet => "number-set",
        Type::TextSet => "text-set",
    };
    term(format!("check-term-type-{code}"))
}

/// The words for the end of a condition (what a parser found instead of
/// what it expected).
pub(crate) fn end_term() -> MessageArg {
    term("check-term-end".to_owned())
}

/// Kinds of keyed things, as in `check-term-thing-scale`.
pub(crate) const THINGS: [&str; 6] = ["scale", "section", "item", "score", "flag", "judgement"];

/// The name of a kind of keyed thing (one of [`THINGS`]).
pub(crate) fn thing_term(thing: &str) -> MessageArg {
    debug_assert!(THINGS.contains(&thing), "{thing}");
    term(format!("check-term-thing-{thing}"))
}

fn term_ids() -> Vec<String> {
    let types = [
        Type::Bool,
        Type::Number,
        Type::Text,
        Type::NumberSet,
        Type::TextSet,
    ];
    Locale::ALL
        .map(locale_term)
        .into_iter()
        .chain([Gender::Male, Gender::Female].map(gender_term))
        .chain(types.map(type_term))
        .chain(THINGS.map(thing_term))
        .chain([end_term()])
        .map(|t| t.to_string())
        .collect()
}

impl DefinitionErrorKind {
    /// Every kind but [`DefinitionErrorKind::Expression`], whose kinds are
    /// [`ExprErrorKind::ALL`].
    pub const ALL_BUT_EXPRESSION: [DefinitionErrorKind; 24] = {
        use DefinitionErrorKind as K;
        [
            K::Syntax,
            K::Structure,
            K::UnsupportedFormat,
            K::InvalidMeta,
            K::DuplicateKey,
            K::UnknownReference,
            K::MissingWording,
            K::GenderNotDeclared,
            K::ConflictingApplicability,
            K::NoSections,
            K::EmptySection,
            K::MissingScale,
            K::UnexpectedField,
            K::InvalidRange,
            K::EmptyScale,
            K::DuplicateOptionValue,
            K::MixedOptionValues,
            K::NotScorable,
            K::InvalidScoreRule,
            K::InvalidBand,
            K::BandOverlap,
            K::BandGap,
            K::BandsIncomplete,
            K::InvalidJudgement,
        ]
    };

    /// The message ids an error of this kind may carry.
    pub fn message_ids(self) -> &'static [&'static str] {
        use DefinitionErrorKind as K;
        match self {
            K::Syntax => &["check-syntax"],
            K::Structure => &[
                "check-structure",
                "check-structure-not-object",
                "check-structure-unknown-field",
                "check-structure-missing-field",
                "check-structure-unknown-variant",
            ],
            K::UnsupportedFormat => &["check-unsupported-format"],
            K::InvalidMeta => &[
                "check-meta-no-locales",
                "check-meta-source-not-required",
                "check-meta-no-genders",
            ],
            K::DuplicateKey => &[
                "check-duplicate-locale",
                "check-duplicate-gender",
                "check-duplicate-key",
                "check-duplicate-level",
            ],
            K::UnknownReference => &[
                "check-unknown-scale",
                "check-unknown-item",
                "check-unknown-section",
                "check-unknown-score",
            ],
            K::MissingWording => &["check-missing-wording", "check-missing-gender-wording"],
            K::GenderNotDeclared => &[
                "check-section-gender-not-declared",
                "check-item-gender-not-declared",
            ],
            K::ConflictingApplicability => &["check-conflicting-applicability"],
            K::NoSections => &["check-no-sections"],
            K::EmptySection => &["check-empty-section"],
            K::MissingScale => &["check-missing-scale"],
            K::UnexpectedField => &[
                "check-unexpected-scale",
                "check-unexpected-min-max",
                "check-unexpected-required-if",
                "check-unexpected-value",
            ],
            K::InvalidRange => &["check-invalid-range"],
            K::EmptyScale => &["check-empty-scale"],
            K::DuplicateOptionValue => &["check-duplicate-option-value"],
            K::MixedOptionValues => &["check-mixed-option-values"],
            K::NotScorable => &["check-rating-scale-not-scorable", "check-item-not-scorable"],
            K::InvalidScoreRule => &[
                "check-score-no-items",
                "check-count-no-value",
                "check-count-value-impossible",
            ],
            K::InvalidBand => &["check-band-reversed"],
            K::BandOverlap => &["check-band-overlap"],
            K::BandGap => &["check-band-gap"],
            K::BandsIncomplete => &["check-bands-incomplete"],
            K::InvalidJudgement => &[
                "check-judgement-no-levels",
                "check-judgement-score-no-bands",
                "check-judgement-level-not-offered",
            ],
            K::Expression(e) => e.message_ids(),
        }
    }
}

impl ExprErrorKind {
    pub const ALL: [ExprErrorKind; 9] = {
        use ExprErrorKind as K;
        [
            K::Syntax,
            K::UnknownItem,
            K::UnknownSection,
            K::UnknownScore,
            K::ForwardReference,
            K::Type,
            K::NotAllowedHere,
            K::NotAsked,
            K::UnknownValue,
        ]
    };

    /// The message ids a condition error of this kind may carry.
    pub fn message_ids(self) -> &'static [&'static str] {
        use ExprErrorKind as K;
        match self {
            K::Syntax => &[
                "expr-too-long",
                "expr-too-deep",
                "expr-expected",
                "expr-expected-end",
                "expr-expected-value",
                "expr-expected-answered",
                "expr-chained-comparison",
                "expr-minus-without-number",
                "expr-subject-attribute",
                "expr-list-outside-function",
                "expr-unknown-word",
                "expr-key-in-quotes",
                "expr-item-list-expected",
                "expr-single-equals",
                "expr-unclosed-string",
                "expr-bad-escape",
                "expr-bad-number",
                "expr-unexpected-character",
            ],
            K::UnknownItem => &["expr-unknown-item"],
            K::UnknownSection => &["expr-unknown-section"],
            K::UnknownScore => &["expr-unknown-score"],
            K::ForwardReference => &["expr-forward-item", "expr-forward-section"],
            K::Type => &[
                "expr-not-bool",
                "expr-empty-list",
                "expr-list-not-literal",
                "expr-list-mixed",
                "expr-needs-type",
                "expr-count-value-type",
                "expr-count-item-type",
                "expr-count-no-item",
                "expr-item-not-scorable",
                "expr-section-not-scorable",
                "expr-compare-mixed",
                "expr-compare-sets",
                "expr-in-mismatch",
            ],
            K::NotAllowedHere => &["expr-outcome-not-allowed"],
            K::NotAsked => &["expr-sources-not-asked", "expr-trend-not-asked"],
            K::UnknownValue => &["expr-unknown-value"],
        }
    }
}

/// Every message id a check can produce — [`CONDITION_MESSAGE_ID`] and the
/// `check-term-…` words included: each must exist in every locale.
pub fn all_message_ids() -> Vec<String> {
    let kinds = DefinitionErrorKind::ALL_BUT_EXPRESSION
        .into_iter()
        .chain(ExprErrorKind::ALL.map(DefinitionErrorKind::Expression));
    let mut ids: Vec<String> = kinds
        .flat_map(|k| k.message_ids())
        .map(|id| (*id).to_owned())
        .collect();
    ids.push(CONDITION_MESSAGE_ID.to_owned());
    ids.extend(term_ids());
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_ids_are_unique_and_named_for_their_file() {
        let ids = all_message_ids();
        let mut seen = std::collections::HashSet::new();
        for id in &ids {
            assert!(seen.insert(id), "{id} is listed twice");
            assert!(id.starts_with("check-") || id.starts_with("expr-"), "{id}");
            assert!(!id.starts_with("expr-") || frame_of(id).is_some(), "{id}");
        }
    }

    #[test]
    fn numbers_stay_numbers_in_json() {
        let args = vec![
            MessageArg::from(3usize),
            MessageArg::from("a"),
            gender_term(Gender::Female),
        ];
        let json = r#"[3,"a",{"term":"check-term-gender-female"}]"#;
        assert_eq!(serde_json::to_string(&args).unwrap(), json);
        let back: Vec<MessageArg> = serde_json::from_str(json).unwrap();
        assert_eq!(back, args);
    }
}
