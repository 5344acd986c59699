//! Skip logic, answer validation and scoring on the minimal example.

use super::*;
use crate::Gender;
use crate::definition::{
    Answer, AnswerIssueKind as K, AnswerValue, Answers, Completeness, InformationSource, ItemKey,
    JudgementChoice, JudgementKey, Level, OptionValue, Subject, score, validate_answers,
    visible_items,
};

fn def() -> Definition {
    Definition::from_json(MINIMAL).unwrap()
}

fn subject(gender: Gender) -> Subject {
    Subject { gender, age: None }
}

fn set(a: &mut Answers, key: &str, answer: Answer) {
    a.items.insert(ItemKey::parse(key).unwrap(), answer);
}

fn rated(n: f64, evidence: &str) -> Answer {
    Answer {
        evidence: Some(evidence.into()),
        ..Answer::with_value(AnswerValue::Number(n))
    }
}

fn judge(a: &mut Answers, level: Level, rationale: &str, override_reason: Option<&str>) {
    a.judgements.insert(
        JudgementKey::parse("overall_safety").unwrap(),
        JudgementChoice {
            level: Some(level),
            rationale: Some(rationale.into()),
            override_reason: override_reason.map(Into::into),
        },
    );
}

fn kinds(issues: &[crate::definition::AnswerIssue]) -> Vec<(&str, K)> {
    issues.iter().map(|i| (i.path.as_str(), i.kind)).collect()
}

#[test]
fn female_only_sections_are_shown_only_to_women() {
    let none = Answers::default();
    assert_eq!(
        visible_items(&def(), &subject(Gender::Male), &none),
        [ItemKey::parse("self_harm").unwrap()]
    );
    let female: Vec<String> = visible_items(&def(), &subject(Gender::Female), &none)
        .iter()
        .map(|k| k.to_string())
        .collect();
    assert_eq!(female, ["self_harm", "has_children"]);
}

#[test]
fn a_show_if_reveals_an_item_once_its_condition_is_true() {
    let mut a = Answers::default();
    set(&mut a, "self_harm", rated(1.0, "seen"));
    let shown: Vec<String> = visible_items(&def(), &subject(Gender::Male), &a)
        .iter()
        .map(|k| k.to_string())
        .collect();
    assert_eq!(shown, ["self_harm", "self_harm_plan"]);
}

#[test]
fn a_draft_may_be_incomplete_but_a_submission_may_not() {
    let none = Answers::default();
    assert_eq!(
        validate_answers(&def(), &subject(Gender::Female), &none, Completeness::Draft),
        vec![]
    );
    let issues = validate_answers(
        &def(),
        &subject(Gender::Female),
        &none,
        Completeness::Submit,
    );
    assert_eq!(
        kinds(&issues),
        [
            ("/items/self_harm/value", K::Required),
            ("/items/has_children/value", K::Required),
            ("/judgements/overall_safety/level", K::JudgementRequired),
            ("/judgements/overall_safety/rationale", K::RationaleRequired),
        ]
    );
}

#[test]
fn wrong_data_is_an_issue_even_in_a_draft() {
    let mut a = Answers::default();
    set(
        &mut a,
        "self_harm",
        Answer {
            trend: None,
            sources: vec![InformationSource::Interview, InformationSource::Interview],
            ..rated(3.0, "x")
        },
    );
    set(
        &mut a,
        "has_children",
        Answer {
            evidence: Some("e".into()),
            ..Answer::with_value(AnswerValue::Text("maybe".into()))
        },
    );
    set(&mut a, "ghost", rated(1.0, ""));
    let issues = validate_answers(&def(), &subject(Gender::Female), &a, Completeness::Draft);
    assert_eq!(
        kinds(&issues),
        [
            ("/items/ghost", K::UnknownItem),
            ("/items/self_harm/value", K::InvalidValue),
            ("/items/self_harm/sources/1", K::DuplicateSource),
            ("/items/has_children/value", K::InvalidValue),
            ("/items/has_children/evidence", K::NotAsked),
        ]
    );
}

#[test]
fn an_omit_needs_a_reason_and_required_evidence_is_enforced_on_submit() {
    let mut a = Answers::default();
    set(
        &mut a,
        "self_harm",
        Answer {
            omitted: true,
            ..Answer::default()
        },
    );
    set(
        &mut a,
        "has_children",
        Answer::with_value(AnswerValue::Text("no".into())),
    );
    judge(&mut a, Level::Low, "calm", None);
    let issues = validate_answers(&def(), &subject(Gender::Female), &a, Completeness::Submit);
    assert_eq!(
        kinds(&issues),
        [("/items/self_harm/omit_reason", K::OmitReasonRequired)]
    );

    set(
        &mut a,
        "self_harm",
        Answer::with_value(AnswerValue::Number(0.0)),
    );
    let issues = validate_answers(&def(), &subject(Gender::Female), &a, Completeness::Submit);
    assert_eq!(
        kinds(&issues),
        [("/items/self_harm/evidence", K::EvidenceRequired)]
    );
}

#[test]
fn choosing_another_level_than_the_suggestion_needs_a_reason() {
    let mut a = Answers::default();
    set(&mut a, "self_harm", rated(2.0, "threats"));
    set(
        &mut a,
        "self_harm_plan",
        Answer::with_value(AnswerValue::Text("watch".into())),
    );
    judge(&mut a, Level::Moderate, "improving", None);
    let issues = validate_answers(&def(), &subject(Gender::Male), &a, Completeness::Submit);
    assert_eq!(
        kinds(&issues),
        [(
            "/judgements/overall_safety/override_reason",
            K::OverrideReasonRequired
        )]
    );
    judge(
        &mut a,
        Level::Moderate,
        "improving",
        Some("new support plan"),
    );
    assert_eq!(
        validate_answers(&def(), &subject(Gender::Male), &a, Completeness::Submit),
        vec![]
    );
    judge(&mut a, Level::High, "as scored", None);
    assert_eq!(
        validate_answers(&def(), &subject(Gender::Male), &a, Completeness::Submit),
        vec![]
    );
}

#[test]
fn scores_bands_flags_and_suggestions_are_computed() {
    let mut a = Answers::default();
    set(&mut a, "self_harm", rated(2.0, "threats"));
    judge(&mut a, Level::Moderate, "r", Some("o"));
    let out = score(&def(), &subject(Gender::Male), &a);
    let s = &out.scores[0];
    assert_eq!(
        (
            s.value,
            s.scored,
            s.omitted,
            s.unanswered,
            s.complete,
            s.band
        ),
        (2, 1, 0, 0, true, Some(Level::High))
    );
    assert!(out.flags[0].raised);
    let j = &out.judgements[0];
    assert_eq!(
        (j.suggested, j.chosen, j.overridden),
        (Some(Level::High), Some(Level::Moderate), true)
    );
}

#[test]
fn omitted_items_do_not_score_and_can_make_a_score_incomplete() {
    let mut a = Answers::default();
    set(
        &mut a,
        "self_harm",
        Answer {
            omitted: true,
            omit_reason: Some("no file".into()),
            ..Answer::default()
        },
    );
    let out = score(&def(), &subject(Gender::Male), &a);
    let s = &out.scores[0];
    assert_eq!(
        (s.value, s.scored, s.omitted, s.complete, s.band),
        (0, 0, 1, false, None)
    );
    assert!(!out.flags[0].raised);
    assert_eq!(out.judgements[0].suggested, None);
    // Unanswered also leaves the score incomplete.
    let out = score(&def(), &subject(Gender::Male), &Answers::default());
    assert_eq!(
        (out.scores[0].unanswered, out.scores[0].complete),
        (1, false)
    );
}

#[test]
fn without_hidden_drops_answers_the_subject_was_not_shown() {
    let mut a = Answers::default();
    set(&mut a, "self_harm", rated(0.0, "none"));
    set(
        &mut a,
        "has_children",
        Answer::with_value(AnswerValue::Text("yes".into())),
    );
    let kept = a.without_hidden(&def(), &subject(Gender::Male));
    assert_eq!(
        kept.items.keys().map(|k| k.as_str()).collect::<Vec<_>>(),
        ["self_harm"]
    );
}

#[test]
fn answers_round_trip_through_json() {
    let json = r#"{"items":{"m":{"value":["a","b"]},"s1":{"value":2,"evidence":"e","sources":["file_review","intelligence"],"trend":"worsened"},"s2":{"omitted":true,"omit_reason":"no file"}},"judgements":{"j":{"level":"high","rationale":"r","override_reason":"o"}}}"#;
    let a: Answers = serde_json::from_str(json).unwrap();
    assert_eq!(
        a.items["m"].value,
        Some(AnswerValue::Choices(vec![
            OptionValue::Text("a".into()),
            OptionValue::Text("b".into())
        ]))
    );
    let back: Answers = serde_json::from_str(&serde_json::to_string(&a).unwrap()).unwrap();
    assert_eq!(back, a);
    assert!(serde_json::from_str::<Answers>(r#"{"items":{"s1":{"valeu":2}}}"#).is_err());
}
