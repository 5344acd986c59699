//! Evaluation with three-valued logic.
//!
//! Every value may be *unknown*: an unanswered, omitted or hidden item, a
//! subject attribute not recorded, a score not yet computed. Comparisons and
//! `in` with an unknown side are unknown; `and`/`or`/`not` follow Kleene's
//! rules (`false and unknown` is false, `true or unknown` is true); `is
//! answered` is never unknown; the counting functions count what is known.
//! A condition holds only when it is *true*. Evaluation is total: type
//! mismatches (possible only in unchecked definitions) also give unknown.

use super::Scalar;
use super::ast::{CmpOp, ItemList, Kind, Node, SubjectAttr};
use crate::Gender;
use crate::definition::answers::{Answer, AnswerValue, Answers, Subject};
use crate::definition::index::{Entry, Index, ItemScore, option_scalar};
use crate::definition::outcome::ScoreResult;

pub(crate) struct Env<'a> {
    pub index: &'a Index<'a>,
    pub subject: &'a Subject,
    pub answers: &'a Answers,
    /// By item position; positions beyond the end are not (yet) visible.
    pub visible: &'a [bool],
    pub scores: &'a [ScoreResult],
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Unknown,
    Bool(bool),
    Num(f64),
    Text(String),
    Set(Vec<Scalar>),
}

impl Env<'_> {
    /// The entry and answer of a visible item.
    fn answered(&self, key: &str) -> Option<(&Entry<'_>, &Answer)> {
        let (pos, entry) = self.index.entry(key)?;
        if !self.visible.get(pos).copied().unwrap_or(false) {
            return None;
        }
        Some((entry, self.answers.items.get(key)?))
    }

    fn list(&self, list: &ItemList) -> Vec<(&Entry<'_>, &Answer)> {
        match list {
            ItemList::Section(s) => match self.index.sections.get(s.as_str()) {
                Some((_, range)) => range
                    .clone()
                    .filter_map(|p| self.answered(self.index.items[p].item.key.as_str()))
                    .collect(),
                None => Vec::new(),
            },
            ItemList::Items(keys) => keys.iter().filter_map(|k| self.answered(k)).collect(),
        }
    }
}

/// Whether a condition holds: `Some(true)`, `Some(false)` or unknown.
pub(crate) fn holds(node: &Node, env: &Env) -> Option<bool> {
    match eval(node, env) {
        Value::Bool(b) => Some(b),
        _ => None,
    }
}

fn answer_value(answer: &Answer) -> Value {
    if answer.omitted || !answer.has_value() {
        return Value::Unknown;
    }
    match &answer.value {
        Some(AnswerValue::Number(n)) => Value::Num(*n),
        Some(AnswerValue::Text(s)) => Value::Text(s.clone()),
        Some(AnswerValue::Choices(cs)) => Value::Set(cs.iter().map(option_scalar).collect()),
        None => Value::Unknown,
    }
}

fn scalar(v: Value) -> Option<Scalar> {
    match v {
        Value::Num(n) => Some(Scalar::Num(n)),
        Value::Text(s) => Some(Scalar::Text(s)),
        _ => None,
    }
}

fn matches(answer: &Answer, wanted: &Scalar) -> bool {
    match answer_value(answer) {
        Value::Set(set) => set.contains(wanted),
        v => scalar(v).as_ref() == Some(wanted),
    }
}

pub(crate) fn eval(node: &Node, env: &Env) -> Value {
    match &node.kind {
        Kind::Number(n) => Value::Num(*n),
        Kind::Str(s) => Value::Text(s.clone()),
        Kind::Bool(b) => Value::Bool(*b),
        Kind::List(elems) => {
            let items: Option<Vec<Scalar>> = elems.iter().map(|e| scalar(eval(e, env))).collect();
            items.map_or(Value::Unknown, Value::Set)
        }
        Kind::Subject(SubjectAttr::Gender) => Value::Text(
            match env.subject.gender {
                Gender::Male => "male",
                Gender::Female => "female",
            }
            .to_owned(),
        ),
        Kind::Subject(SubjectAttr::Age) => env
            .subject
            .age
            .map_or(Value::Unknown, |a| Value::Num(a as f64)),
        Kind::Answer(k) => env
            .answered(k)
            .map_or(Value::Unknown, |(_, a)| answer_value(a)),
        Kind::Sources(k) => env.answered(k).map_or(Value::Unknown, |(_, a)| {
            Value::Set(
                a.sources
                    .iter()
                    .map(|s| Scalar::Text(s.code().to_owned()))
                    .collect(),
            )
        }),
        Kind::Trend(k) => env
            .answered(k)
            .and_then(|(_, a)| a.trend)
            .map_or(Value::Unknown, |t| Value::Text(t.code().to_owned())),
        Kind::Score(k) => env
            .scores
            .iter()
            .find(|s| s.key.as_str() == k)
            .map_or(Value::Unknown, |s| Value::Num(s.value as f64)),
        Kind::Band(k) => env
            .scores
            .iter()
            .find(|s| s.key.as_str() == k)
            .and_then(|s| s.band)
            .map_or(Value::Unknown, |b| Value::Text(b.code().to_owned())),
        Kind::Count(list, v) | Kind::Any(list, v) => {
            let Some(wanted) = scalar(eval(v, env)) else {
                return Value::Unknown;
            };
            let n = env
                .list(list)
                .into_iter()
                .filter(|(_, a)| matches(a, &wanted))
                .count();
            if matches!(node.kind, Kind::Count(..)) {
                Value::Num(n as f64)
            } else {
                Value::Bool(n > 0)
            }
        }
        Kind::Sum(list) | Kind::Max(list) => {
            let scores =
                env.list(list)
                    .into_iter()
                    .filter_map(|(e, a)| match e.score_of(Some(a)) {
                        ItemScore::Scored(s) => Some(s),
                        _ => None,
                    });
            if matches!(node.kind, Kind::Sum(_)) {
                Value::Num(scores.fold(0i64, i64::saturating_add) as f64)
            } else {
                scores
                    .max()
                    .map_or(Value::Unknown, |m| Value::Num(m as f64))
            }
        }
        Kind::Not(inner) => match eval(inner, env) {
            Value::Bool(b) => Value::Bool(!b),
            _ => Value::Unknown,
        },
        Kind::And(a, b) => match (holds(a, env), holds(b, env)) {
            (Some(false), _) | (_, Some(false)) => Value::Bool(false),
            (Some(true), Some(true)) => Value::Bool(true),
            _ => Value::Unknown,
        },
        Kind::Or(a, b) => match (holds(a, env), holds(b, env)) {
            (Some(true), _) | (_, Some(true)) => Value::Bool(true),
            (Some(false), Some(false)) => Value::Bool(false),
            _ => Value::Unknown,
        },
        Kind::Cmp(op, a, b) => compare(*op, eval(a, env), eval(b, env)),
        Kind::In(a, b) => match (scalar(eval(a, env)), eval(b, env)) {
            (Some(x), Value::Set(set)) => Value::Bool(set.contains(&x)),
            _ => Value::Unknown,
        },
        Kind::IsAnswered { value, negated } => {
            let known = !matches!(eval(value, env), Value::Unknown);
            Value::Bool(known != *negated)
        }
    }
}

fn compare(op: CmpOp, a: Value, b: Value) -> Value {
    use std::cmp::Ordering;
    let ord: Option<Ordering> = match (&a, &b) {
        (Value::Num(x), Value::Num(y)) => x.partial_cmp(y),
        (Value::Text(x), Value::Text(y)) => Some(x.cmp(y)),
        (Value::Bool(x), Value::Bool(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => Some(x.cmp(y)),
        _ => None,
    };
    let Some(ord) = ord else {
        return Value::Unknown;
    };
    Value::Bool(match op {
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::Ne => ord != Ordering::Equal,
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::Le => ord != Ordering::Greater,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::Ge => ord != Ordering::Less,
    })
}
