//! One assessment's answers and the subject they are about, and the rules
//! that run on them: which items are shown, whether the answers are valid
//! for a draft or a submission, and (in `outcome`) what they score.
//!
//! The same functions run in the browser (instant feedback) and on the
//! server (authoritative), so they are pure and total: any answers, however
//! malformed, give a result rather than a panic.
//!
//! Answers to items that are hidden (by a condition or by the subject's
//! gender) are *ignored*: they do not count for conditions, validation or
//! scoring. `Answers::without_hidden` drops them before storing.

mod validate;
pub(crate) mod visibility;

pub use validate::{AnswerIssue, AnswerIssueKind, Completeness, validate_answers};
pub use visibility::{Visibility, visibility, visible_items};

use super::expr::Scalar;
use super::keys::{ItemKey, JudgementKey};
use super::model::OptionValue;
use super::scoring::Level;
use crate::Gender;
use serde::de::{self, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// The attributes of the assessed person that conditions may use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    pub gender: Gender,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
}

/// Where the information behind an answer comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InformationSource {
    FileReview,
    Interview,
    Observation,
    ThirdParty,
    Intelligence,
}

impl InformationSource {
    pub const ALL: [InformationSource; 5] = [
        InformationSource::FileReview,
        InformationSource::Interview,
        InformationSource::Observation,
        InformationSource::ThirdParty,
        InformationSource::Intelligence,
    ];

    pub fn code(self) -> &'static str {
        match self {
            InformationSource::FileReview => "file_review",
            InformationSource::Interview => "interview",
            InformationSource::Observation => "observation",
            InformationSource::ThirdParty => "third_party",
            InformationSource::Intelligence => "intelligence",
        }
    }
}

/// Change since the previous assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Improved,
    Unchanged,
    Worsened,
}

impl Trend {
    pub const ALL: [Trend; 3] = [Trend::Improved, Trend::Unchanged, Trend::Worsened];

    pub fn code(self) -> &'static str {
        match self {
            Trend::Improved => "improved",
            Trend::Unchanged => "unchanged",
            Trend::Worsened => "worsened",
        }
    }
}

/// The value of an answer: a number (ratings, numeric options, numbers), a
/// text (string options, yes/no/unknown, dates, free text) or a list of
/// option values (multiple choice).
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerValue {
    Number(f64),
    Text(String),
    Choices(Vec<OptionValue>),
}

/// A whole number is written as one (`2`, not `2.0`), so answers read back
/// as they were entered and match option values in stored documents.
impl Serialize for AnswerValue {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            AnswerValue::Number(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
                serializer.serialize_i64(*n as i64)
            }
            AnswerValue::Number(n) => serializer.serialize_f64(*n),
            AnswerValue::Text(s) => serializer.serialize_str(s),
            AnswerValue::Choices(c) => c.serialize(serializer),
        }
    }
}

impl AnswerValue {
    /// The value as a single scalar (not for lists).
    pub fn as_scalar(&self) -> Option<Scalar> {
        match self {
            AnswerValue::Number(n) => Some(Scalar::Num(*n)),
            AnswerValue::Text(s) => Some(Scalar::Text(s.clone())),
            AnswerValue::Choices(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for AnswerValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = AnswerValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number, a string or a list of option values")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<AnswerValue, E> {
                Ok(AnswerValue::Text(v.to_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<AnswerValue, A::Error> {
                let mut out = Vec::new();
                while let Some(v) = seq.next_element()? {
                    out.push(v);
                }
                Ok(AnswerValue::Choices(out))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// The answer to one item with its companion fields.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<AnswerValue>,
    /// "Omit — insufficient information" (only on scales that offer it).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub omitted: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub omit_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<InformationSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend: Option<Trend>,
}

impl Answer {
    pub fn with_value(value: AnswerValue) -> Answer {
        Answer {
            value: Some(value),
            ..Answer::default()
        }
    }

    /// Whether a value was given (a blank text or empty list is no value).
    pub fn has_value(&self) -> bool {
        match &self.value {
            None => false,
            Some(AnswerValue::Text(s)) => !s.trim().is_empty(),
            Some(AnswerValue::Choices(c)) => !c.is_empty(),
            Some(AnswerValue::Number(_)) => true,
        }
    }
}

/// The assessor's choice in one structured professional judgement.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JudgementChoice {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<String>,
    /// Required when `level` differs from the computed suggestion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub override_reason: Option<String>,
}

/// Everything entered in one assessment.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    #[serde(default)]
    pub items: BTreeMap<ItemKey, Answer>,
    #[serde(default)]
    pub judgements: BTreeMap<JudgementKey, JudgementChoice>,
}

impl Answers {
    /// A copy without answers to items that are not shown to this subject.
    pub fn without_hidden(&self, def: &super::Definition, subject: &Subject) -> Answers {
        let shown: std::collections::HashSet<ItemKey> =
            visible_items(def, subject, self).into_iter().collect();
        Answers {
            items: self
                .items
                .iter()
                .filter(|(k, _)| shown.contains(*k))
                .map(|(k, a)| (k.clone(), a.clone()))
                .collect(),
            judgements: self.judgements.clone(),
        }
    }
}

pub(crate) fn is_blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

#[cfg(test)]
mod value_json_tests {
    use super::AnswerValue;

    #[test]
    fn whole_numbers_are_written_as_whole_numbers() {
        let json = |v: AnswerValue| serde_json::to_string(&v).unwrap();
        assert_eq!(json(AnswerValue::Number(2.0)), "2");
        assert_eq!(json(AnswerValue::Number(-3.0)), "-3");
        assert_eq!(json(AnswerValue::Number(2.5)), "2.5");
        assert_eq!(json(AnswerValue::Text("yes".into())), "\"yes\"");
        let back: AnswerValue = serde_json::from_str("2").unwrap();
        assert_eq!(back, AnswerValue::Number(2.0));
    }
}
