//! Scoring: named scores with their bands, flags, and the suggestions
//! offered to structured professional judgements.
//!
//! Only items shown to the subject take part. An omitted item ("omit —
//! insufficient information", or "unknown" on a yes/no/unknown item) adds
//! nothing and is counted in `omitted`; an item not yet answered is counted
//! in `unanswered`. A score is `complete` when nothing is unanswered and no
//! more than the definition's `max_omitted` items are omitted; only a
//! complete score gets a band, and only a band suggests a judgement level.

use super::answers::visibility::compute as compute_visibility;
use super::answers::{Answers, Subject};
use super::check::{counts_in, score_entries};
use super::expr::eval::{Env, holds};
use super::index::{Index, ItemScore, option_scalar};
use super::keys::{FlagKey, JudgementKey, ScoreKey};
use super::model::Definition;
use super::scoring::{Level, Score, ScoreMethod};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreResult {
    pub key: ScoreKey,
    pub value: i64,
    /// Items that contributed (for a count: items answered with any value).
    pub scored: u32,
    pub omitted: u32,
    pub unanswered: u32,
    pub complete: bool,
    /// The band's level, for complete scores with bands.
    pub band: Option<Level>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlagResult {
    pub key: FlagKey,
    pub raised: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct JudgementOutcome {
    pub key: JudgementKey,
    /// The band of the judgement's `suggested_by` score, if complete.
    pub suggested: Option<Level>,
    pub chosen: Option<Level>,
    /// A level was chosen that differs from the suggestion.
    pub overridden: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub scores: Vec<ScoreResult>,
    pub flags: Vec<FlagResult>,
    pub judgements: Vec<JudgementOutcome>,
}

fn compute_score(index: &Index, visible: &[bool], answers: &Answers, score: &Score) -> ScoreResult {
    let (mut value, mut scored, mut omitted, mut unanswered) = (0i64, 0u32, 0u32, 0u32);
    let mut max: Option<i64> = None;
    let wanted = score.value.as_ref().map(option_scalar);
    for entry in score_entries(index, score, None) {
        let shown = index
            .entry(entry.item.key.as_str())
            .is_some_and(|(p, _)| visible.get(p) == Some(&true));
        if !shown || !counts_in(score, entry) {
            continue;
        }
        let answer = answers.items.get(entry.item.key.as_str());
        match entry.score_of(answer) {
            ItemScore::Omitted => omitted += 1,
            ItemScore::Unanswered => unanswered += 1,
            ItemScore::NotScorable if score.method != ScoreMethod::Count => {}
            outcome => {
                scored += 1;
                match score.method {
                    ScoreMethod::Count => {
                        let a = answer.and_then(|a| a.value.as_ref());
                        let hit = match (a, &wanted) {
                            (Some(super::answers::AnswerValue::Choices(cs)), Some(w)) => {
                                cs.iter().any(|c| option_scalar(c) == *w)
                            }
                            (Some(v), Some(w)) => v.as_scalar().as_ref() == Some(w),
                            _ => false,
                        };
                        value += hit as i64;
                    }
                    ScoreMethod::Sum | ScoreMethod::Max => {
                        if let ItemScore::Scored(s) = outcome {
                            value = value.saturating_add(s);
                            max = Some(max.map_or(s, |m| m.max(s)));
                        }
                    }
                }
            }
        }
    }
    if score.method == ScoreMethod::Max {
        value = max.unwrap_or(0);
    }
    let complete = unanswered == 0 && score.max_omitted.is_none_or(|m| omitted <= m);
    let band = complete
        .then(|| {
            score
                .bands
                .iter()
                .find(|b| b.min <= value && value <= b.max)
                .map(|b| b.level)
        })
        .flatten();
    ScoreResult {
        key: score.key.clone(),
        value,
        scored,
        omitted,
        unanswered,
        complete,
        band,
    }
}

/// Scores, flags and judgement suggestions for one assessment. Total: any
/// answers (even invalid ones, which simply do not score) give an outcome.
pub fn score(def: &Definition, subject: &Subject, answers: &Answers) -> Outcome {
    let index = Index::new(def);
    let visible = compute_visibility(&index, subject, answers);
    let scores: Vec<ScoreResult> = def
        .scores
        .iter()
        .map(|s| compute_score(&index, &visible.items, answers, s))
        .collect();
    let env = Env {
        index: &index,
        subject,
        answers,
        visible: &visible.items,
        scores: &scores,
    };
    let flags = def
        .flags
        .iter()
        .map(|f| FlagResult {
            key: f.key.clone(),
            raised: f.when.ast().ok().and_then(|n| holds(n, &env)) == Some(true),
        })
        .collect();
    let judgements = def
        .judgements
        .iter()
        .map(|j| {
            let suggested = j
                .suggested_by
                .as_ref()
                .and_then(|k| scores.iter().find(|s| s.key == *k))
                .and_then(|s| s.band);
            let chosen = answers.judgements.get(j.key.as_str()).and_then(|c| c.level);
            let overridden = matches!((chosen, suggested), (Some(c), Some(s)) if c != s);
            JudgementOutcome {
                key: j.key.clone(),
                suggested,
                chosen,
                overridden,
            }
        })
        .collect();
    Outcome {
        scores,
        flags,
        judgements,
    }
}
