//! Scoring and outcome rules of a definition: named scores with bands,
//! flags, and structured professional judgements.
//!
//! A computed band is only ever a *suggestion* for a judgement: the assessor
//! chooses the level, always gives a rationale, and gives a reason when the
//! choice differs from the suggestion (an override).

use super::expr::Condition;
use super::keys::{FlagKey, ItemKey, JudgementKey, ScoreKey, SectionKey};
use super::model::OptionValue;
use super::text::Text;
use serde::{Deserialize, Serialize};

/// How a score aggregates its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreMethod {
    /// Sum of the item scores.
    Sum,
    /// Number of items answered with `value`.
    Count,
    /// Highest item score.
    Max,
}

/// A named score over a list of items and/or whole sections.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub key: ScoreKey,
    pub label: Text,
    pub method: ScoreMethod,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemKey>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionKey>,
    /// For `count`: the answer value counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<OptionValue>,
    /// The score is reported incomplete (and suggests no band) when more
    /// than this many of its items are omitted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_omitted: Option<u32>,
    /// Ordered, contiguous, inclusive ranges mapping the score to a level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<Band>,
}

/// A risk or need level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Low,
    Moderate,
    High,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::Low, Level::Moderate, Level::High];

    pub fn code(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Moderate => "moderate",
            Level::High => "high",
        }
    }
}

/// `min..=max` of a score maps to `level`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub level: Level,
    pub min: i64,
    pub max: i64,
    pub label: Text,
}

/// A rule that raises an alert, e.g. urgent referral.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flag {
    pub key: FlagKey,
    pub label: Text,
    /// Raised when this evaluates to true (unknown does not raise).
    pub when: Condition,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Text>,
}

/// A level the assessor may choose in a judgement, with its wording.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelOption {
    pub level: Level,
    pub label: Text,
}

/// A structured professional judgement: a summary rating chosen by the
/// assessor with a mandatory rationale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Judgement {
    pub key: JudgementKey,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Text>,
    /// The score whose band is offered as a suggestion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_by: Option<ScoreKey>,
    pub levels: Vec<LevelOption>,
}
