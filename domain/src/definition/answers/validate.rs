//! Validation of one assessment's answers against its definition version.
//!
//! Two levels: a `Draft` may be incomplete but must not hold wrong data
//! (a value that is not an option, a number out of range, a malformed date,
//! a field the item does not ask for); `Submit` also needs everything the
//! instrument requires (answers, omit reasons, evidence, sources, trends,
//! judgements with rationale, override reasons). Answers to hidden items
//! are ignored. Every issue is returned, each with a JSON pointer into the
//! answers document (e.g. `/items/s1/evidence`).

use super::{Answer, AnswerValue, Answers, Subject, is_blank};
use crate::definition::expr::eval::{Env, holds};
use crate::definition::index::{Entry, Index, YES_NO_UNKNOWN, option_scalar};
use crate::definition::model::{Definition, ItemType, NOTE_MAX_CHARS, Requirement};
use crate::definition::outcome::score;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Completeness {
    /// Saving work in progress: only wrong data is an issue.
    Draft,
    /// Submitting: everything required must be there.
    Submit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerIssueKind {
    UnknownItem,
    UnknownJudgement,
    Required,
    InvalidValue,
    OutOfRange,
    InvalidDate,
    TooLong,
    OmitNotAllowed,
    OmittedWithValue,
    OmitReasonRequired,
    /// Evidence, sources or a trend given for an item that does not ask for it.
    NotAsked,
    EvidenceRequired,
    SourcesRequired,
    DuplicateSource,
    TrendRequired,
    JudgementRequired,
    LevelNotOffered,
    RationaleRequired,
    OverrideReasonRequired,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerIssue {
    /// JSON pointer into the answers document.
    pub path: String,
    pub kind: AnswerIssueKind,
    pub message: String,
}

impl fmt::Display for AnswerIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

struct Issues(Vec<AnswerIssue>);

impl Issues {
    fn push(&mut self, path: String, kind: AnswerIssueKind, message: impl Into<String>) {
        self.0.push(AnswerIssue {
            path,
            kind,
            message: message.into(),
        });
    }
    fn note(&mut self, path: String, text: &Option<String>) {
        if text
            .as_ref()
            .is_some_and(|t| t.chars().count() > NOTE_MAX_CHARS)
        {
            self.push(
                path,
                AnswerIssueKind::TooLong,
                format!("at most {NOTE_MAX_CHARS} characters"),
            );
        }
    }
}

/// Whether `s` is an ISO calendar date `yyyy-mm-dd`.
pub(crate) fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r)
            .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))?
            .parse::<u32>()
            .ok()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn check_value(entry: &Entry, value: &AnswerValue, path: String, issues: &mut Issues) {
    use AnswerIssueKind as K;
    let item = entry.item;
    let options = || {
        entry
            .scale
            .map(|s| {
                s.options
                    .iter()
                    .map(|o| option_scalar(&o.value))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    match (item.item_type, value) {
        (ItemType::Rating | ItemType::SingleChoice, v) => {
            if !v.as_scalar().is_some_and(|s| options().contains(&s)) {
                issues.push(path, K::InvalidValue, "choose one of the scale's options");
            }
        }
        (ItemType::MultipleChoice, AnswerValue::Choices(cs)) => {
            let opts = options();
            for (i, c) in cs.iter().enumerate() {
                if !opts.contains(&option_scalar(c)) || cs[..i].contains(c) {
                    issues.push(
                        format!("{path}/{i}"),
                        K::InvalidValue,
                        format!("{c} is not an option of this item, or is chosen twice"),
                    );
                }
            }
        }
        (ItemType::YesNoUnknown, AnswerValue::Text(t)) if YES_NO_UNKNOWN.contains(&t.as_str()) => {}
        (ItemType::Number, AnswerValue::Number(n)) => {
            let min = item.min.as_ref().and_then(|m| m.as_f64());
            let max = item.max.as_ref().and_then(|m| m.as_f64());
            if !n.is_finite() || min.is_some_and(|m| *n < m) || max.is_some_and(|m| *n > m) {
                let range = format!(
                    "{}–{}",
                    min.map_or("…".into(), |m| m.to_string()),
                    max.map_or("…".into(), |m| m.to_string())
                );
                issues.push(
                    path,
                    K::OutOfRange,
                    format!("{n} is outside the accepted range {range}"),
                );
            }
        }
        (ItemType::Date, AnswerValue::Text(t)) => {
            if !is_iso_date(t) {
                issues.push(
                    path,
                    K::InvalidDate,
                    "a date is written yyyy-mm-dd, e.g. 2026-03-08",
                );
            }
        }
        (ItemType::ShortText | ItemType::LongText, AnswerValue::Text(t)) => {
            let max = item.item_type.max_chars().unwrap_or(usize::MAX);
            if t.chars().count() > max {
                issues.push(path, K::TooLong, format!("at most {max} characters"));
            }
        }
        _ => issues.push(
            path,
            K::InvalidValue,
            "this kind of value does not fit the item",
        ),
    }
}

fn check_answer(entry: &Entry, answer: &Answer, required: bool, submit: bool, issues: &mut Issues) {
    use AnswerIssueKind as K;
    let item = entry.item;
    let base = format!("/items/{}", item.key);
    let has_value = answer.has_value();
    if let Some(v) = answer.value.as_ref().filter(|_| has_value) {
        check_value(entry, v, format!("{base}/value"), issues);
    }
    if answer.omitted {
        if entry.scale.and_then(|s| s.omit.as_ref()).is_none() {
            issues.push(
                format!("{base}/omitted"),
                K::OmitNotAllowed,
                "this item cannot be omitted",
            );
        } else if has_value {
            issues.push(
                format!("{base}/omitted"),
                K::OmittedWithValue,
                "an omitted item cannot also have an answer",
            );
        } else if submit && is_blank(&answer.omit_reason) {
            issues.push(
                format!("{base}/omit_reason"),
                K::OmitReasonRequired,
                "say why there is not enough information",
            );
        }
    }
    if submit && required && !has_value && !answer.omitted {
        issues.push(
            format!("{base}/value"),
            K::Required,
            "this item must be answered",
        );
    }
    issues.note(format!("{base}/omit_reason"), &answer.omit_reason);
    issues.note(format!("{base}/evidence"), &answer.evidence);
    let asked = [
        (
            "evidence",
            item.evidence,
            !is_blank(&answer.evidence),
            K::EvidenceRequired,
            "give the evidence for this answer",
        ),
        (
            "sources",
            item.sources,
            !answer.sources.is_empty(),
            K::SourcesRequired,
            "tick the information sources",
        ),
        (
            "trend",
            item.trend,
            answer.trend.is_some(),
            K::TrendRequired,
            "say how this changed since the last assessment",
        ),
    ];
    for (field, requirement, given, kind, message) in asked {
        if given && requirement == Requirement::None {
            issues.push(
                format!("{base}/{field}"),
                K::NotAsked,
                format!("this item does not ask for {field}"),
            );
        } else if submit && requirement == Requirement::Required && has_value && !given {
            issues.push(format!("{base}/{field}"), kind, message);
        }
    }
    for (i, s) in answer.sources.iter().enumerate() {
        if answer.sources[..i].contains(s) {
            issues.push(
                format!("{base}/sources/{i}"),
                K::DuplicateSource,
                format!("`{}` is ticked twice", s.code()),
            );
        }
    }
}

/// Every issue with these answers for this subject, at the given level.
pub fn validate_answers(
    def: &Definition,
    subject: &Subject,
    answers: &Answers,
    completeness: Completeness,
) -> Vec<AnswerIssue> {
    use AnswerIssueKind as K;
    let submit = completeness == Completeness::Submit;
    let index = Index::new(def);
    let visible = super::visibility::compute(&index, subject, answers);
    let mut issues = Issues(Vec::new());
    for key in answers.items.keys() {
        if index.entry(key.as_str()).is_none() {
            issues.push(
                format!("/items/{key}"),
                K::UnknownItem,
                format!("this instrument version has no item `{key}`"),
            );
        }
    }
    let env = Env {
        index: &index,
        subject,
        answers,
        visible: &visible.items,
        scores: &[],
    };
    let holds_now = |c: &Option<crate::definition::Condition>| {
        c.as_ref()
            .and_then(|c| c.ast().ok())
            .and_then(|n| holds(n, &env))
            == Some(true)
    };
    for (pos, entry) in index.items.iter().enumerate() {
        if !visible.items[pos] {
            continue;
        }
        let required = entry.item.required
            || holds_now(&entry.item.required_if)
            || holds_now(&entry.section.required_if);
        match answers.items.get(entry.item.key.as_str()) {
            Some(answer) => check_answer(entry, answer, required, submit, &mut issues),
            None if submit && required => issues.push(
                format!("/items/{}/value", entry.item.key),
                K::Required,
                "this item must be answered",
            ),
            None => {}
        }
    }
    for key in answers.judgements.keys() {
        if !def.judgements.iter().any(|j| j.key == *key) {
            issues.push(
                format!("/judgements/{key}"),
                K::UnknownJudgement,
                format!("this instrument version has no judgement `{key}`"),
            );
        }
    }
    let outcome = (submit && !def.judgements.is_empty()).then(|| score(def, subject, answers));
    for (i, j) in def.judgements.iter().enumerate() {
        let base = format!("/judgements/{}", j.key);
        let choice = answers
            .judgements
            .get(j.key.as_str())
            .cloned()
            .unwrap_or_default();
        if let Some(level) = choice.level
            && !j.levels.iter().any(|l| l.level == level)
        {
            issues.push(
                format!("{base}/level"),
                K::LevelNotOffered,
                format!("`{}` is not a level of this judgement", level.code()),
            );
        }
        issues.note(format!("{base}/rationale"), &choice.rationale);
        issues.note(format!("{base}/override_reason"), &choice.override_reason);
        let Some(outcome) = &outcome else { continue };
        if choice.level.is_none() {
            issues.push(
                format!("{base}/level"),
                K::JudgementRequired,
                "choose a level",
            );
        }
        if is_blank(&choice.rationale) {
            issues.push(
                format!("{base}/rationale"),
                K::RationaleRequired,
                "give the rationale for this judgement",
            );
        }
        if outcome.judgements[i].overridden && is_blank(&choice.override_reason) {
            issues.push(
                format!("{base}/override_reason"),
                K::OverrideReasonRequired,
                "say why the chosen level differs from the suggested one",
            );
        }
    }
    issues.0
}
