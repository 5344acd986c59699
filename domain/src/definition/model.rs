//! The shape of a definition document: metadata, scales, sections and items.
//!
//! These types mirror the JSON one to one (field order = export order), so
//! that `to_json_pretty(from_json(x))` reproduces a canonically written `x`.
//! They hold what was written, not what is right: cross-references,
//! completeness of translations and expression types are checked separately
//! by `Definition::check`, which reports every problem at once.

use super::expr::Condition;
use super::keys::{InstrumentCode, ItemKey, ScaleKey, SectionKey};
use super::scoring::{Flag, Judgement, Score};
use super::text::Text;
use crate::{Gender, Locale};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// The format generation this code reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// One instrument version: the JSON document authored by methodologists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Definition {
    /// Always 1 for now; a later format will come with a migration.
    pub format: u32,
    pub meta: Meta,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scales: Vec<Scale>,
    pub sections: Vec<Section>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<Score>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flags: Vec<Flag>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub judgements: Vec<Judgement>,
}

/// Who the instrument is, in which languages and for whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub code: InstrumentCode,
    pub title: Text,
    pub purpose: Text,
    /// The locale the methodologists write in; translations follow it.
    pub source_locale: Locale,
    /// Every text needs a wording in each of these before review.
    pub required_locales: Vec<Locale>,
    /// The subject genders this instrument is used for; gendered wordings
    /// need a variant for each (unless the text is for one gender only).
    pub genders: Vec<Gender>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reassessment_interval_days: Option<u32>,
}

/// An ordered group of items with a title and optional introduction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub key: SectionKey,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intro: Option<Text>,
    /// Only for subjects of this gender; its items inherit it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<Gender>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    /// When true, every shown item of the section must be answered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_if: Option<Condition>,
    #[serde(default)]
    pub items: Vec<Item>,
}

/// What kind of answer an item takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemType {
    /// A rating on a scale with whole-number scores (e.g. 0/1/2).
    Rating,
    SingleChoice,
    MultipleChoice,
    /// `"yes"`, `"no"` or `"unknown"`; yes scores 1, no 0, unknown is omitted.
    YesNoUnknown,
    Number,
    /// An ISO date, `yyyy-mm-dd`.
    Date,
    ShortText,
    LongText,
}

impl ItemType {
    pub const ALL: [ItemType; 8] = [
        ItemType::Rating,
        ItemType::SingleChoice,
        ItemType::MultipleChoice,
        ItemType::YesNoUnknown,
        ItemType::Number,
        ItemType::Date,
        ItemType::ShortText,
        ItemType::LongText,
    ];

    /// Whether the item's options come from a scale.
    pub fn uses_scale(self) -> bool {
        matches!(
            self,
            ItemType::Rating | ItemType::SingleChoice | ItemType::MultipleChoice
        )
    }

    /// The longest accepted text answer, in characters.
    pub fn max_chars(self) -> Option<usize> {
        match self {
            ItemType::ShortText => Some(SHORT_TEXT_MAX_CHARS),
            ItemType::LongText => Some(LONG_TEXT_MAX_CHARS),
            _ => None,
        }
    }
}

pub const SHORT_TEXT_MAX_CHARS: usize = 200;
pub const LONG_TEXT_MAX_CHARS: usize = 10_000;
/// The longest evidence, rationale or reason text, in characters.
pub const NOTE_MAX_CHARS: usize = 10_000;

/// Whether an item asks for a companion field (evidence, sources, trend).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    #[default]
    None,
    Optional,
    Required,
}

impl Requirement {
    pub fn is_none(&self) -> bool {
        *self == Requirement::None
    }
    pub fn is_asked(self) -> bool {
        self != Requirement::None
    }
}

fn yes() -> bool {
    true
}
fn is_true(b: &bool) -> bool {
    *b
}

/// One question or indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub key: ItemKey,
    #[serde(rename = "type")]
    pub item_type: ItemType,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// Longer notes for the assessor (scoring guidance).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Text>,
    /// For rating, single and multiple choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleKey>,
    /// For number items: the smallest accepted value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<serde_json::Number>,
    /// For number items: the largest accepted value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<serde_json::Number>,
    /// Must be answered (or omitted with a reason) before submitting.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub required: bool,
    /// For `required: false` items: required when this holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required_if: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_if: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<Gender>,
    /// Evidence / rationale text for the answer.
    #[serde(default, skip_serializing_if = "Requirement::is_none")]
    pub evidence: Requirement,
    /// Which information sources the answer rests on.
    #[serde(default, skip_serializing_if = "Requirement::is_none")]
    pub sources: Requirement,
    /// Trend since the last assessment.
    #[serde(default, skip_serializing_if = "Requirement::is_none")]
    pub trend: Requirement,
}

/// Shared response options, e.g. 0/1/2 plus "omit: insufficient information".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub key: ScaleKey,
    pub options: Vec<ScaleOption>,
    /// When present, an item on this scale may be omitted (with a reason).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub omit: Option<OmitOption>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleOption {
    pub value: OptionValue,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    /// The option's score; defaults to the value when it is a number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<i64>,
}

impl ScaleOption {
    /// The score this option contributes, if any.
    pub fn effective_score(&self) -> Option<i64> {
        self.score.or(match self.value {
            OptionValue::Integer(i) => Some(i),
            OptionValue::Text(_) => None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OmitOption {
    pub label: Text,
}

/// A scale option's stored value: a whole number or a string code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(untagged)]
pub enum OptionValue {
    Integer(i64),
    Text(String),
}

impl fmt::Display for OptionValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OptionValue::Integer(i) => i.fmt(f),
            OptionValue::Text(s) => write!(f, "\"{s}\""),
        }
    }
}

impl<'de> Deserialize<'de> for OptionValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = OptionValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an option value: a whole number or a string")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<OptionValue, E> {
                Ok(OptionValue::Integer(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<OptionValue, E> {
                i64::try_from(v)
                    .map(OptionValue::Integer)
                    .map_err(|_| E::custom("option value is too large"))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OptionValue, E> {
                Ok(OptionValue::Text(v.to_owned()))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl Definition {
    /// All items in document order with their section.
    pub fn items(&self) -> impl Iterator<Item = (&Section, &Item)> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }

    pub fn item(&self, key: &str) -> Option<&Item> {
        self.items().map(|(_, i)| i).find(|i| i.key.as_str() == key)
    }

    pub fn scale(&self, key: &str) -> Option<&Scale> {
        self.scales.iter().find(|s| s.key.as_str() == key)
    }

    /// The gender an item is limited to, from itself or its section.
    pub fn item_applies_to(section: &Section, item: &Item) -> Option<Gender> {
        item.applies_to.or(section.applies_to)
    }
}
