//! Unit tests of the preview's pure state rules, on the intake screen.

use super::*;
use domain::definition::{AnswerIssueKind, visible_items};

fn intake() -> Definition {
    Definition::from_json(include_str!(
        "../../../../../instrument-library/intake-screen/definition.json"
    ))
    .expect("the intake screen parses")
}

fn male() -> Subject {
    Subject {
        gender: Gender::Male,
        age: None,
    }
}

#[test]
fn the_instrument_locale_follows_the_interface_when_the_definition_has_it() {
    let mut meta = intake().meta;
    assert_eq!(initial_locale(&meta, None, Locale::Ru), Locale::Ru);
    assert_eq!(
        initial_locale(&meta, Some(Locale::Tg), Locale::Ru),
        Locale::Tg
    );
    meta.required_locales = vec![Locale::En, Locale::Tg];
    assert_eq!(initial_locale(&meta, None, Locale::Ru), Locale::En);
    assert_eq!(offered_locales(&meta), vec![Locale::Tg, Locale::En]);
    meta.source_locale = Locale::Tg;
    assert_eq!(
        initial_locale(&meta, Some(Locale::Ru), Locale::Ru),
        Locale::Tg
    );
}

#[test]
fn the_subject_is_male_unless_asked_otherwise_or_the_instrument_is_for_women() {
    let mut meta = intake().meta;
    assert_eq!(initial_gender(&meta, None), Gender::Male);
    assert_eq!(initial_gender(&meta, Some(Gender::Female)), Gender::Female);
    meta.genders = vec![Gender::Female];
    assert_eq!(initial_gender(&meta, None), Gender::Female);
    assert_eq!(initial_gender(&meta, Some(Gender::Male)), Gender::Female);
    assert_eq!(offered_genders(&meta), vec![Gender::Female]);
    for g in [Gender::Male, Gender::Female] {
        assert_eq!(parse_gender(gender_code(g)), Some(g));
    }
}

#[test]
fn choosing_an_option_ends_an_omission_and_omitting_clears_the_value() {
    let def = intake();
    let mut answers = Answers::default();
    apply_item_change(&mut answers, &def, "self_harm", ItemChange::Omit);
    apply_item_change(
        &mut answers,
        &def,
        "self_harm",
        ItemChange::OmitReason("no file".into()),
    );
    let a = &answers.items["self_harm"];
    assert!(a.omitted && a.value.is_none());
    assert_eq!(a.omit_reason.as_deref(), Some("no file"));

    let two = option_answer(&OptionValue::Integer(2));
    assert_eq!(two, AnswerValue::Number(2.0));
    apply_item_change(
        &mut answers,
        &def,
        "self_harm",
        ItemChange::Choose(two.clone()),
    );
    let a = &answers.items["self_harm"];
    assert!(!a.omitted && a.omit_reason.is_none());
    assert!(is_chosen(Some(a), &two));
    assert!(!is_chosen(Some(a), &AnswerValue::Number(1.0)));
}

#[test]
fn an_emptied_answer_disappears_and_unknown_items_are_ignored() {
    let def = intake();
    let mut answers = Answers::default();
    apply_item_change(
        &mut answers,
        &def,
        "self_harm_details",
        ItemChange::Entered("said so".into()),
    );
    assert_eq!(
        answers.items["self_harm_details"].value,
        Some(AnswerValue::Text("said so".into()))
    );
    apply_item_change(
        &mut answers,
        &def,
        "self_harm_details",
        ItemChange::Entered("  ".into()),
    );
    assert!(answers.items.is_empty());
    apply_item_change(&mut answers, &def, "no_such_item", ItemChange::Omit);
    assert!(answers.items.is_empty());
}

#[test]
fn sources_are_kept_once_each_in_a_stable_order() {
    let def = intake();
    let mut answers = Answers::default();
    for (source, on) in [
        (InformationSource::Observation, true),
        (InformationSource::FileReview, true),
        (InformationSource::Observation, true),
        (InformationSource::Interview, true),
        (InformationSource::FileReview, false),
    ] {
        apply_item_change(
            &mut answers,
            &def,
            "self_harm",
            ItemChange::Source(source, on),
        );
    }
    assert_eq!(
        answers.items["self_harm"].sources,
        vec![InformationSource::Interview, InformationSource::Observation]
    );
}

#[test]
fn multiple_choices_follow_the_scale_order() {
    let mut def = intake();
    let item = def
        .sections
        .iter_mut()
        .flat_map(|s| s.items.iter_mut())
        .find(|i| i.key.as_str() == "peers")
        .unwrap();
    item.item_type = ItemType::MultipleChoice;
    let mut answers = Answers::default();
    for (v, on) in [(2, true), (0, true), (1, true), (0, false)] {
        let change = ItemChange::Toggle(OptionValue::Integer(v), on);
        apply_item_change(&mut answers, &def, "peers", change);
    }
    assert_eq!(
        answers.items["peers"].value,
        Some(AnswerValue::Choices(vec![
            OptionValue::Integer(1),
            OptionValue::Integer(2)
        ]))
    );
    assert!(is_chosen(
        answers.items.get("peers"),
        &AnswerValue::Number(2.0)
    ));
    for v in [1, 2] {
        let change = ItemChange::Toggle(OptionValue::Integer(v), false);
        apply_item_change(&mut answers, &def, "peers", change);
    }
    assert!(answers.items.is_empty());
}

#[test]
fn numbers_that_do_not_parse_are_no_answer() {
    let mut def = intake();
    let item = def
        .sections
        .iter_mut()
        .flat_map(|s| s.items.iter_mut())
        .find(|i| i.key.as_str() == "self_harm_details")
        .unwrap();
    item.item_type = ItemType::Number;
    let mut answers = Answers::default();
    let key = "self_harm_details";
    apply_item_change(&mut answers, &def, key, ItemChange::Entered("12.5".into()));
    assert_eq!(answers.items[key].value, Some(AnswerValue::Number(12.5)));
    apply_item_change(&mut answers, &def, key, ItemChange::Entered("".into()));
    assert!(answers.items.is_empty());
}

#[test]
fn answers_change_visibility_scores_and_flags() {
    let def = intake();
    let mut answers = Answers::default();
    let shown = |a: &Answers| visible_items(&def, &male(), a);
    assert!(
        !shown(&answers)
            .iter()
            .any(|k| k.as_str() == "self_harm_details")
    );
    let two = ItemChange::Choose(AnswerValue::Number(2.0));
    apply_item_change(&mut answers, &def, "self_harm", two);
    assert!(
        shown(&answers)
            .iter()
            .any(|k| k.as_str() == "self_harm_details")
    );
    let outcome = score(&def, &male(), &answers);
    let safety = outcome
        .scores
        .iter()
        .find(|s| s.key.as_str() == "safety_score")
        .unwrap();
    assert_eq!(safety.value, 2);
    let urgent = outcome
        .flags
        .iter()
        .find(|f| f.key.as_str() == "urgent_referral")
        .unwrap();
    assert!(urgent.raised);
}

#[test]
fn judgement_changes_set_the_level_and_notes() {
    let key = JudgementKey::parse("screening_priority").unwrap();
    let mut answers = Answers::default();
    apply_judgement_change(&mut answers, &key, JudgementChange::Level(Level::High));
    apply_judgement_change(
        &mut answers,
        &key,
        JudgementChange::Rationale("because".into()),
    );
    apply_judgement_change(
        &mut answers,
        &key,
        JudgementChange::OverrideReason(" ".into()),
    );
    let choice = &answers.judgements["screening_priority"];
    assert_eq!(choice.level, Some(Level::High));
    assert_eq!(choice.rationale.as_deref(), Some("because"));
    assert_eq!(choice.override_reason, None);
}

#[test]
fn pending_counts_each_item_once() {
    let issue = |path: &str| AnswerIssue {
        path: path.to_owned(),
        kind: AnswerIssueKind::Required,
        message: String::new(),
    };
    let issues = [
        issue("/items/a/value"),
        issue("/items/a/evidence"),
        issue("/items/b/value"),
        issue("/judgements/j/level"),
        issue("/judgements/j/rationale"),
    ];
    assert_eq!(pending_count(&issues), 3);
    assert_eq!(pending_count(&[]), 0);
}

#[test]
fn pending_falls_as_the_intake_screen_is_answered() {
    let def = intake();
    let before = pending_count(&validate_answers(
        &def,
        &male(),
        &Answers::default(),
        Completeness::Submit,
    ));
    let mut answers = Answers::default();
    apply_item_change(
        &mut answers,
        &def,
        "literacy",
        ItemChange::Choose(AnswerValue::Number(0.0)),
    );
    let after = pending_count(&validate_answers(
        &def,
        &male(),
        &answers,
        Completeness::Submit,
    ));
    assert_eq!(after + 1, before);
}

#[test]
fn unfinished_translations_fall_back_to_the_source_locale() {
    let text = Text::neutral(&[Locale::En], "Only English");
    assert_eq!(
        resolve(&text, Locale::Tg, Gender::Male, Locale::En),
        "Only English"
    );
    let def = intake();
    assert_eq!(
        resolve(&def.meta.title, Locale::Ru, Gender::Female, Locale::En),
        "Первичный скрининг рисков и потребностей"
    );
}

#[test]
fn the_state_recomputes_visibility_outcome_and_pending_and_keeps_answers_across_genders() {
    Owner::new().with(|| {
        let state = PreviewState::new(intake(), Locale::En, Gender::Male);
        let position = |key: &str| {
            state
                .definition
                .with_value(|d| d.items().position(|(_, i)| i.key.as_str() == key).unwrap())
        };
        let (details, children) = (position("self_harm_details"), position("children_outside"));
        assert!(!state.visibility.get().items[details]);
        assert!(!state.visibility.get().items[children]);
        assert!(!state.outcome.get().flags[0].raised);
        let before = state.pending.get();

        state.update_item("self_harm", ItemChange::Choose(AnswerValue::Number(2.0)));
        assert!(state.visibility.get().items[details]);
        assert!(state.outcome.get().flags[0].raised);
        assert_eq!(state.outcome.get().scores[0].value, 2);
        assert_ne!(state.pending.get(), before);

        state.gender.set(Gender::Female);
        assert!(state.visibility.get().items[children]);
        assert!(state.answers.get().items.contains_key("self_harm"));
        state.locale.set(Locale::Ru);
        assert_eq!(
            state.words(&state.definition.with_value(|d| d.meta.title.clone())),
            "Первичный скрининг рисков и потребностей"
        );
        assert!(state.outcome.get().flags[0].raised);
    });
}
