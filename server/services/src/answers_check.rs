//! Checking an assessment's answers before they are stored or submitted:
//! the version's answers JSON Schema (shapes and value lists, with the
//! `jsonschema` crate), then the domain's rules (required items, omit
//! reasons, judgements), then the scores, bands and flags — always
//! computed here, never taken from the browser.
//!
//! Answers to items the subject is not shown (by gender or by a condition)
//! are dropped first, whatever the client sent: they are neither checked
//! nor stored. A malformed answer to such an item is dropped with it.

pub use crate::model::Problem;
use domain::definition::{
    AnswerIssue, AnswerIssueKind, Answers, Completeness, Definition, Outcome, Subject,
    answer_schema, score, validate_answers, visible_items,
};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// A version's compiled answers schema. Compiling costs far more than
/// validating, so the caller keeps one per version.
pub struct AnswersValidator(jsonschema::Validator);

impl AnswersValidator {
    pub fn new(definition: &Definition) -> Self {
        let schema = answer_schema(definition);
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(&schema)
            .expect("the generated answers schema compiles");
        AnswersValidator(validator)
    }
}

impl std::fmt::Debug for AnswersValidator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("AnswersValidator")
    }
}

/// Answers that passed, without what the subject is not shown, and what
/// they score.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedAnswers {
    pub answers: Answers,
    /// The answers document as sent, without the answers to hidden items:
    /// what is stored.
    pub document: Value,
    pub outcome: Outcome,
}

/// The key of the item (or judgement) an answers path is under:
/// `/items/risk_1/value` → `("items", "risk_1")`.
fn entry_of(path: &str) -> Option<(&str, &str)> {
    let mut parts = path.split('/').skip(1);
    let group = parts.next()?;
    let key = parts.next()?;
    matches!(group, "items" | "judgements").then_some((group, key))
}

/// Checks `raw` (an answers document) for this subject. `Draft` refuses
/// only wrong data (work in progress); `Submit` also what is missing.
pub fn check_answers(
    definition: &Definition,
    validator: &AnswersValidator,
    subject: &Subject,
    raw: &Value,
    completeness: Completeness,
) -> Result<CheckedAnswers, Vec<Problem>> {
    // Shapes first; an answer whose shape is wrong is set aside so that
    // the rest can be read and the visibility of items computed.
    let mut shape_problems: BTreeMap<(String, String), Vec<Problem>> = BTreeMap::new();
    let mut problems = Vec::new();
    for error in validator.0.iter_errors(raw) {
        let path = error.instance_path.to_string();
        let mut problem = Problem::text(path.clone(), error.to_string());
        problem.message_id = "answer-invalid-shape".to_owned();
        match entry_of(&path) {
            Some((group, key)) => shape_problems
                .entry((group.to_owned(), key.to_owned()))
                .or_default()
                .push(problem),
            None => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        problems.extend(shape_problems.into_values().flatten());
        return Err(problems);
    }
    let mut readable = raw.clone();
    for (group, key) in shape_problems.keys() {
        if let Some(entries) = readable.get_mut(group).and_then(Value::as_object_mut) {
            entries.remove(key);
        }
    }
    let answers: Answers = serde_json::from_value(readable).map_err(|e| {
        let mut problem = Problem::text("", e.to_string());
        problem.message_id = "answer-invalid-shape".to_owned();
        vec![problem]
    })?;
    let shown: HashSet<String> = visible_items(definition, subject, &answers)
        .into_iter()
        .map(|k| k.to_string())
        .collect();
    for ((group, key), found) in shape_problems {
        // A malformed answer to a hidden item goes with the item.
        if group == "judgements" || shown.contains(&key) {
            problems.extend(found);
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let answers = answers.without_hidden(definition, subject);
    let issues = validate_answers(definition, subject, &answers, completeness);
    if !issues.is_empty() {
        return Err(issues.into_iter().map(problem_of).collect());
    }
    let outcome = score(definition, subject, &answers);
    // What is stored is what was sent (a rating of 1 stays 1, not 1.0),
    // without the answers to hidden items.
    let mut document = raw.clone();
    if let Some(items) = document.get_mut("items").and_then(Value::as_object_mut) {
        items.retain(|key, _| shown.contains(key));
    }
    Ok(CheckedAnswers {
        answers,
        document,
        outcome,
    })
}

/// An issue as a problem: its English text, and the Fluent message that
/// says it in the caller's language.
fn problem_of(issue: AnswerIssue) -> Problem {
    use AnswerIssueKind as K;
    let id = match issue.kind {
        K::UnknownItem => "answer-unknown-item",
        K::UnknownJudgement => "answer-unknown-judgement",
        K::Required => "answer-required",
        K::InvalidValue => "answer-invalid-value",
        K::OutOfRange => "answer-out-of-range",
        K::InvalidDate => "answer-invalid-date",
        K::TooLong => "answer-too-long",
        K::OmitNotAllowed => "answer-omit-not-allowed",
        K::OmittedWithValue => "answer-omitted-with-value",
        K::OmitReasonRequired => "answer-omit-reason-required",
        K::NotAsked => "answer-not-asked",
        K::EvidenceRequired => "answer-evidence-required",
        K::SourcesRequired => "answer-sources-required",
        K::DuplicateSource => "answer-duplicate-source",
        K::TrendRequired => "answer-trend-required",
        K::JudgementRequired => "answer-judgement-required",
        K::LevelNotOffered => "answer-level-not-offered",
        K::RationaleRequired => "answer-rationale-required",
        K::OverrideReasonRequired => "answer-override-reason-required",
    };
    let mut problem = Problem::text(issue.path, issue.message);
    problem.message_id = id.to_owned();
    problem
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::SAMPLE_INSTRUMENTS;
    use domain::Gender;
    use serde_json::json;

    fn intake() -> Definition {
        let (_, source) = SAMPLE_INSTRUMENTS
            .iter()
            .find(|(path, _)| path.contains("intake"))
            .expect("the intake screen is a sample");
        Definition::from_json(source).expect("the sample parses")
    }

    fn subject(gender: Gender) -> Subject {
        Subject { gender, age: None }
    }

    #[test]
    fn an_empty_draft_passes_and_scores_nothing_yet() {
        let def = intake();
        let v = AnswersValidator::new(&def);
        let checked = check_answers(
            &def,
            &v,
            &subject(Gender::Female),
            &json!({}),
            Completeness::Draft,
        )
        .expect("an empty draft is fine");
        assert!(checked.answers.items.is_empty());
        assert!(checked.outcome.scores.iter().all(|s| s.band.is_none()));
    }

    #[test]
    fn an_empty_submission_lists_every_required_item() {
        let def = intake();
        let v = AnswersValidator::new(&def);
        let problems = check_answers(
            &def,
            &v,
            &subject(Gender::Male),
            &json!({}),
            Completeness::Submit,
        )
        .unwrap_err();
        assert!(problems.len() > 1, "{problems:?}");
        assert!(
            problems
                .iter()
                .all(|p| p.path.starts_with("/items/") || p.path.starts_with("/judgements/"))
        );
        assert!(problems.iter().any(|p| p.message_id == "answer-required"));
    }

    #[test]
    fn a_wrong_shape_is_refused_with_its_path() {
        let def = intake();
        let v = AnswersValidator::new(&def);
        let key = def.sections[0].items[0].key.to_string();
        let raw = json!({ "items": { key.clone(): { "value": { "not": "a value" } } } });
        let problems =
            check_answers(&def, &v, &subject(Gender::Male), &raw, Completeness::Draft).unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.path.starts_with(&format!("/items/{key}"))
                    && p.message_id == "answer-invalid-shape"),
            "{problems:?}"
        );
        let problems = check_answers(
            &def,
            &v,
            &subject(Gender::Male),
            &json!({ "answers": {} }),
            Completeness::Draft,
        )
        .unwrap_err();
        assert_eq!(problems[0].path, "", "{problems:?}");
    }

    #[test]
    fn answers_to_items_of_the_other_gender_are_dropped() {
        let def = intake();
        let v = AnswersValidator::new(&def);
        let Some(female_only) = def
            .sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
            .find(|(s, i)| Definition::item_applies_to(s, i) == Some(Gender::Female))
            .map(|(_, i)| i)
        else {
            panic!("the intake screen has a female-only item");
        };
        let key = female_only.key.to_string();
        // Even a malformed one: it is not checked, only dropped.
        let raw = json!({ "items": { key.clone(): { "value": 12345, "evidence": 7 } } });
        let checked = check_answers(&def, &v, &subject(Gender::Male), &raw, Completeness::Draft)
            .expect("the answer is dropped, not refused");
        assert!(!checked.answers.items.keys().any(|k| k.as_str() == key));
        assert_eq!(checked.document["items"].get(&key), None);
        // For a woman it is hers to answer, and the wrong shape is refused.
        assert!(
            check_answers(
                &def,
                &v,
                &subject(Gender::Female),
                &raw,
                Completeness::Draft
            )
            .is_err()
        );
    }
}
