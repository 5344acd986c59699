//! A lookup table over one definition: items in document order, keys to
//! positions, sections to item ranges, scales by key.
//!
//! Checking, visibility, validation and scoring all need "where is item x
//! and what are its values"; building this once per call keeps those
//! lookups cheap. Duplicate keys (reported by `check`) resolve to the first.

use super::expr::{Scalar, Type};
use super::model::{Definition, Item, ItemType, OptionValue, Scale, Section};
use std::collections::HashMap;
use std::ops::Range;

pub(crate) struct Entry<'d> {
    pub section: &'d Section,
    pub section_index: usize,
    pub item_index: usize,
    pub item: &'d Item,
    /// The item's scale, when it names one that exists.
    pub scale: Option<&'d Scale>,
}

pub(crate) struct Index<'d> {
    pub def: &'d Definition,
    pub items: Vec<Entry<'d>>,
    pub by_key: HashMap<&'d str, usize>,
    /// Section key → (section index, positions of its items).
    pub sections: HashMap<&'d str, (usize, Range<usize>)>,
    pub scales: HashMap<&'d str, &'d Scale>,
}

/// What one item contributes to a score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemScore {
    Scored(i64),
    /// Omitted with "insufficient information", or answered "unknown".
    Omitted,
    Unanswered,
    /// The item type or its options carry no score.
    NotScorable,
}

pub(crate) const YES_NO_UNKNOWN: [&str; 3] = ["yes", "no", "unknown"];

impl<'d> Index<'d> {
    pub fn new(def: &'d Definition) -> Index<'d> {
        let mut scales = HashMap::new();
        for s in &def.scales {
            scales.entry(s.key.as_str()).or_insert(s);
        }
        let mut items = Vec::new();
        let mut by_key = HashMap::new();
        let mut sections = HashMap::new();
        for (si, section) in def.sections.iter().enumerate() {
            let start = items.len();
            for (ii, item) in section.items.iter().enumerate() {
                by_key.entry(item.key.as_str()).or_insert(items.len());
                let scale = item
                    .scale
                    .as_ref()
                    .and_then(|k| scales.get(k.as_str()).copied());
                items.push(Entry {
                    section,
                    section_index: si,
                    item_index: ii,
                    item,
                    scale,
                });
            }
            sections
                .entry(section.key.as_str())
                .or_insert((si, start..items.len()));
        }
        Index {
            def,
            items,
            by_key,
            sections,
            scales,
        }
    }

    pub fn entry(&self, key: &str) -> Option<(usize, &Entry<'d>)> {
        self.by_key.get(key).map(|&p| (p, &self.items[p]))
    }
}

impl Entry<'_> {
    /// Whether the scale's values are numbers (true for ratings and for
    /// choice scales whose first option is a number).
    fn numeric_scale(&self) -> bool {
        self.item.item_type == ItemType::Rating
            || self
                .scale
                .and_then(|s| s.options.first())
                .is_some_and(|o| matches!(o.value, OptionValue::Integer(_)))
    }

    /// The type of `answer("key")` for this item.
    pub fn answer_type(&self) -> Type {
        match self.item.item_type {
            ItemType::Rating | ItemType::Number => Type::Number,
            ItemType::SingleChoice if self.numeric_scale() => Type::Number,
            ItemType::MultipleChoice if self.numeric_scale() => Type::NumberSet,
            ItemType::MultipleChoice => Type::TextSet,
            _ => Type::Text,
        }
    }

    /// The values an answer may take, when they are a fixed list.
    pub fn domain(&self) -> Option<Vec<Scalar>> {
        match self.item.item_type {
            ItemType::YesNoUnknown => Some(
                YES_NO_UNKNOWN
                    .iter()
                    .map(|s| Scalar::Text((*s).to_owned()))
                    .collect(),
            ),
            t if t.uses_scale() => self
                .scale
                .map(|s| s.options.iter().map(|o| option_scalar(&o.value)).collect()),
            _ => None,
        }
    }

    /// Whether this item can contribute to `sum`/`max` scores.
    pub fn is_scorable(&self) -> bool {
        match self.item.item_type {
            ItemType::YesNoUnknown => true,
            t if t.uses_scale() => self
                .scale
                .is_some_and(|s| s.options.iter().all(|o| o.effective_score().is_some())),
            _ => false,
        }
    }

    /// Lowest and highest score one answer can give (0..=1 for yes/no).
    pub fn score_range(&self) -> Option<(i64, i64)> {
        if self.item.item_type == ItemType::YesNoUnknown {
            return Some((0, 1));
        }
        let scores = self
            .scale?
            .options
            .iter()
            .filter_map(|o| o.effective_score());
        let (lo, hi) = scores.fold((i64::MAX, i64::MIN), |(lo, hi), s| (lo.min(s), hi.max(s)));
        if lo > hi {
            return None;
        }
        if self.item.item_type == ItemType::MultipleChoice {
            let all = self
                .scale?
                .options
                .iter()
                .filter_map(|o| o.effective_score());
            let (neg, pos) = all.fold((0i64, 0i64), |(n, p), s| {
                if s < 0 {
                    (n.saturating_add(s), p)
                } else {
                    (n, p.saturating_add(s))
                }
            });
            return Some((neg, pos));
        }
        Some((lo, hi))
    }

    /// What an answer contributes to a score.
    pub fn score_of(&self, answer: Option<&crate::definition::answers::Answer>) -> ItemScore {
        use crate::definition::answers::AnswerValue;
        let Some(answer) = answer else {
            return ItemScore::Unanswered;
        };
        if answer.omitted {
            return ItemScore::Omitted;
        }
        let find = |v: &Scalar| {
            self.scale
                .and_then(|s| s.options.iter().find(|o| option_scalar(&o.value) == *v))
        };
        match (self.item.item_type, &answer.value) {
            (_, None) => ItemScore::Unanswered,
            (ItemType::YesNoUnknown, Some(AnswerValue::Text(t))) => match t.as_str() {
                "yes" => ItemScore::Scored(1),
                "no" => ItemScore::Scored(0),
                "unknown" => ItemScore::Omitted,
                _ => ItemScore::Unanswered,
            },
            (ItemType::Rating | ItemType::SingleChoice, Some(v)) => match v.as_scalar() {
                Some(s) => match find(&s) {
                    Some(o) => o
                        .effective_score()
                        .map_or(ItemScore::NotScorable, ItemScore::Scored),
                    None => ItemScore::Unanswered,
                },
                None => ItemScore::Unanswered,
            },
            (ItemType::MultipleChoice, Some(AnswerValue::Choices(cs))) => {
                let mut total = 0i64;
                for c in cs {
                    match find(&option_scalar(c)).map(|o| o.effective_score()) {
                        Some(Some(s)) => total = total.saturating_add(s),
                        Some(None) => return ItemScore::NotScorable,
                        None => return ItemScore::Unanswered,
                    }
                }
                ItemScore::Scored(total)
            }
            (ItemType::MultipleChoice, Some(_)) => ItemScore::Unanswered,
            _ => ItemScore::NotScorable,
        }
    }
}

pub(crate) fn option_scalar(v: &OptionValue) -> Scalar {
    match v {
        OptionValue::Integer(i) => Scalar::Num(*i as f64),
        OptionValue::Text(s) => Scalar::Text(s.clone()),
    }
}
