//! The instrument definition model (issue 3): the JSON document of one
//! instrument version — metadata, scales, sections, items, translatable
//! texts, conditions, scoring — and the pure rules over it.
//!
//! Why here: the same model, checks, skip logic and scoring must run on the
//! server (authoritative, at import, review and submission) and in the
//! browser (instant feedback), so it is plain Rust with no IO.
//!
//! Flow: [`Definition::from_json`] reads (structural errors, all located by
//! JSON pointer) → [`Definition::check`] finds every semantic problem at
//! once → assessors' [`Answers`] go through [`visible_items`],
//! [`validate_answers`] and [`score`]. [`answer_schema`] gives the JSON
//! Schema of one version's answers; [`diff`] what changed between two
//! versions; [`Definition::completeness`] how far each translation has
//! got. The format is described for people in
//! `instrument-library/FORMAT.md`, the condition language in
//! `instrument-library/EXPRESSIONS.md`.

pub mod answer_schema;
pub mod answers;
mod check;
pub mod completeness;
pub mod diff;
pub mod error;
pub mod expr;
pub(crate) mod index;
pub mod keys;
pub mod merge;
pub mod message;
pub mod model;
pub mod outcome;
mod parse;
pub mod scoring;
pub mod text;
pub mod translation;

pub use answer_schema::answer_schema;
pub use answers::{
    Answer, AnswerIssue, AnswerIssueKind, AnswerValue, Answers, Completeness, InformationSource,
    JudgementChoice, Subject, Trend, validate_answers, visible_items,
};
pub use check::TextRef;
pub use completeness::LocaleCompleteness;
pub use diff::{Change, ChangeClass, ChangeKind, diff};
pub use error::{DefinitionError, DefinitionErrorKind};
pub use expr::{Condition, ExprError, ExprErrorKind};
pub use keys::{
    FlagKey, InstrumentCode, ItemKey, JudgementKey, KeyError, ScaleKey, ScoreKey, SectionKey,
};
pub use message::{CONDITION_MESSAGE_ID, MessageArg, MessageArgs, all_message_ids, frame_of};
pub use model::{
    Definition, FORMAT_VERSION, Item, ItemType, Meta, OmitOption, OptionValue, Requirement, Scale,
    ScaleOption, Section,
};
pub use outcome::{FlagResult, JudgementOutcome, Outcome, ScoreResult, score};
pub use scoring::{Band, Flag, Judgement, Level, LevelOption, Score, ScoreMethod};
pub use text::{MissingWording, Resolved, Text, Wording};

impl Definition {
    /// Reads a definition. Errors are structural (not JSON, wrong types,
    /// unknown or missing fields), each with a JSON pointer; as many as can
    /// be found are returned together. Run [`Definition::check`] next.
    pub fn from_json(source: &str) -> Result<Definition, Vec<DefinitionError>> {
        parse::from_json(source)
    }

    /// Like [`Definition::from_json`], from an already parsed JSON value.
    pub fn from_value(value: serde_json::Value) -> Result<Definition, Vec<DefinitionError>> {
        parse::from_value(value)
    }

    /// The canonical export: fields in a fixed order, defaults left out,
    /// two-space indentation. `from_json(to_json_pretty(d)) == d`, and a
    /// canonical document exports to itself byte for byte.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).expect("a definition always serialises to JSON")
    }

    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("a definition always serialises to JSON")
    }
}

#[cfg(test)]
mod tests;
