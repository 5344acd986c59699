use super::*;
use domain::definition::{FORMAT_VERSION, Meta};

fn blank() -> Definition {
    Definition {
        format: FORMAT_VERSION,
        meta: Meta {
            code: domain::definition::InstrumentCode::parse("T1").unwrap(),
            title: Text::neutral(&[Locale::Ru], "Тест"),
            purpose: Text::default(),
            source_locale: Locale::Ru,
            required_locales: vec![Locale::Ru],
            genders: vec![Gender::Male, Gender::Female],
            reassessment_interval_days: None,
        },
        scales: vec![],
        sections: vec![],
        scores: vec![],
        flags: vec![],
        judgements: vec![],
    }
}

fn keys(d: &Definition, s: usize) -> Vec<String> {
    d.sections[s]
        .items
        .iter()
        .map(|i| i.key.to_string())
        .collect()
}

#[test]
fn added_items_get_fresh_keys_and_source_language_labels() {
    let mut d = blank();
    let s = add_section(&mut d, "Раздел");
    add_item(&mut d, s, "Вопрос").unwrap();
    add_item(&mut d, s, "Вопрос").unwrap();
    assert_eq!(keys(&d, 0), ["item_1", "item_2"]);
    assert_eq!(
        d.sections[0].items[0]
            .label
            .resolve(Locale::Ru, Gender::Female),
        Some("Вопрос")
    );
    let copy = duplicate_item(&mut d, 0, 0).unwrap();
    assert_eq!(copy, 1);
    assert_eq!(keys(&d, 0), ["item_1", "item_1_1", "item_2"]);
}

#[test]
fn keyboard_steps_cross_section_edges_and_stop_at_the_ends() {
    let mut d = blank();
    add_section(&mut d, "A");
    add_section(&mut d, "B");
    add_item(&mut d, 0, "a1");
    add_item(&mut d, 1, "b1");
    assert_eq!(step_item(&mut d, 0, 0, -1), None);
    assert_eq!(step_item(&mut d, 0, 0, 1), Some((1, 0)));
    assert_eq!(keys(&d, 1), ["item_1", "item_2"]);
    assert!(d.sections[0].items.is_empty());
    assert_eq!(step_item(&mut d, 1, 1, 1), None);
    assert_eq!(step_item(&mut d, 1, 0, -1), Some((0, 0)));
    assert_eq!(move_item(&mut d, (0, 0), (1, 99)), Some((1, 1)));
}

#[test]
fn a_gendered_wording_splits_and_joins_without_touching_other_locales() {
    let text = Some(Text::from_entries(vec![
        (Locale::Ru, Wording::Neutral("Осуждённый".into())),
        (Locale::Tg, Wording::Neutral("Маҳкумшуда".into())),
    ]));
    let split = toggle_gendered(text, Locale::Ru, true);
    let (_, male, female, gendered) = wording_parts(&split, Locale::Ru);
    assert!(gendered);
    assert_eq!(
        (male.as_str(), female.as_str()),
        ("Осуждённый", "Осуждённый")
    );
    let split = with_wording(
        split,
        Locale::Ru,
        Some(Wording::Gendered {
            male: Some("Осуждённый".into()),
            female: Some("Осуждённая".into()),
        }),
    );
    let t = split.clone().unwrap();
    assert_eq!(t.resolve(Locale::Ru, Gender::Female), Some("Осуждённая"));
    assert_eq!(t.resolve(Locale::Tg, Gender::Female), Some("Маҳкумшуда"));
    let joined = toggle_gendered(split, Locale::Ru, false).unwrap();
    assert_eq!(
        joined.get(Locale::Ru),
        Some(&Wording::Neutral("Осуждённый".into()))
    );
}

#[test]
fn conditions_are_set_as_written_and_blank_removes_them() {
    let mut d = blank();
    add_section(&mut d, "A");
    add_item(&mut d, 0, "a1");
    add_item(&mut d, 0, "a2");
    let slot = ConditionSlot::ShowIf(0, 1);
    slot.set(&mut d, r#" answer("item_1") == "yes" "#);
    assert_eq!(slot.get(&d), r#"answer("item_1") == "yes""#);
    assert_eq!(slot.path(), "/sections/0/items/1/show_if");
    slot.set(&mut d, "  ");
    assert!(d.sections[0].items[1].show_if.is_none());
}

#[test]
fn an_emptied_optional_text_goes_away() {
    let mut d = blank();
    add_section(&mut d, "A");
    add_item(&mut d, 0, "a1");
    let hint = TextSlot::Hint(0, 0);
    hint.set(
        &mut d,
        with_wording(None, Locale::Ru, Some(Wording::Neutral("x".into()))),
    );
    assert!(d.sections[0].items[0].hint.is_some());
    let cleared = with_wording(hint.get(&d), Locale::Ru, None);
    hint.set(&mut d, cleared);
    assert!(d.sections[0].items[0].hint.is_none());
}

#[test]
fn the_condition_builder_writes_expressions_the_parser_reads() {
    let cases = [
        (
            Built::Answer {
                item: "pregnant".into(),
                op: "==".into(),
                value: "yes".into(),
            },
            r#"answer("pregnant") == "yes""#,
        ),
        (
            Built::Answer {
                item: "age".into(),
                op: ">=".into(),
                value: "18".into(),
            },
            r#"answer("age") >= 18"#,
        ),
        (
            Built::Answer {
                item: "age".into(),
                op: "answered".into(),
                value: String::new(),
            },
            r#"answer("age") is answered"#,
        ),
        (
            Built::Any {
                section: "safety".into(),
                value: "2".into(),
            },
            r#"any(section("safety"), 2)"#,
        ),
        (
            Built::Count {
                section: "safety".into(),
                value: "say \"no\"".into(),
                op: ">".into(),
                number: "1".into(),
            },
            r#"count(section("safety"), "say \"no\"") > 1"#,
        ),
    ];
    for (built, expected) in cases {
        let expression = built.expression().expect("complete");
        assert_eq!(expression, expected);
        assert!(Condition::parse(&expression).ast().is_ok(), "{expression}");
    }
    let incomplete = Built::Answer {
        item: "age".into(),
        op: "==".into(),
        value: " ".into(),
    };
    assert_eq!(incomplete.expression(), None);
    let bad_op = Built::Any {
        section: String::new(),
        value: "1".into(),
    };
    assert_eq!(bad_op.expression(), None);
    assert_eq!(join_condition("", "a"), "a");
    assert_eq!(join_condition(" x == 1 ", "a"), "(x == 1) and a");
}

#[test]
fn a_condition_may_name_only_earlier_items_and_finished_sections() {
    let mut d = blank();
    let a = add_section(&mut d, "A");
    add_item(&mut d, a, "1").unwrap();
    add_item(&mut d, a, "2").unwrap();
    let b = add_section(&mut d, "B");
    add_item(&mut d, b, "3").unwrap();
    let keys = |slot: ConditionSlot| -> Vec<String> {
        slot.earlier_items(&d).into_iter().map(|(_, k)| k).collect()
    };
    assert_eq!(keys(ConditionSlot::ShowIf(0, 1)), ["item_1"]);
    assert_eq!(keys(ConditionSlot::ShowIf(1, 0)), ["item_1", "item_2"]);
    assert_eq!(keys(ConditionSlot::SectionShowIf(1)), ["item_1", "item_2"]);
    assert_eq!(
        keys(ConditionSlot::FlagWhen(0)),
        ["item_1", "item_2", "item_3"]
    );
    assert_eq!(
        ConditionSlot::ShowIf(1, 0).earlier_sections(&d),
        ["section_1"]
    );
    assert!(
        ConditionSlot::SectionShowIf(0)
            .earlier_sections(&d)
            .is_empty()
    );
}

#[test]
fn bands_stay_contiguous_and_flags_keep_their_condition() {
    let mut d = blank();
    let n = add_score(&mut d, "Итог");
    assert_eq!(add_band(&mut d, n, "низкий"), Some(0));
    set_band_max(&mut d, n, 0, 3);
    add_band(&mut d, n, "средний").unwrap();
    add_band(&mut d, n, "высокий").unwrap();
    let ranges = |d: &Definition| -> Vec<(Level, i64, i64)> {
        d.scores[0]
            .bands
            .iter()
            .map(|b| (b.level, b.min, b.max))
            .collect()
    };
    assert_eq!(
        ranges(&d),
        [
            (Level::Low, 0, 3),
            (Level::Moderate, 4, 4),
            (Level::High, 5, 5)
        ]
    );
    set_band_max(&mut d, n, 1, 7);
    assert_eq!(ranges(&d)[2], (Level::High, 8, 5));

    let f = add_flag(&mut d, "Срочно");
    ConditionSlot::FlagWhen(f).set(&mut d, r#" answer("x") == 1 "#);
    assert_eq!(ConditionSlot::FlagWhen(f).get(&d), r#"answer("x") == 1"#);
    ConditionSlot::FlagWhen(f).set(&mut d, "");
    assert_eq!(d.flags.len(), 1, "a blank flag condition keeps the flag");

    let j = add_judgement(&mut d, "Риск", ["низкий", "средний", "высокий"]);
    assert_eq!(d.judgements[j].levels.len(), 3);
    assert_eq!(
        TextSlot::LevelLabel(j, 2)
            .get(&d)
            .unwrap()
            .resolve(Locale::Ru, Gender::Male),
        Some("высокий")
    );
}

#[test]
fn the_source_language_and_one_gender_always_stay() {
    let mut d = blank();
    set_required_locale(&mut d, Locale::Tg, true);
    set_required_locale(&mut d, Locale::En, true);
    assert_eq!(
        d.meta.required_locales,
        [Locale::Tg, Locale::Ru, Locale::En]
    );
    set_required_locale(&mut d, Locale::Ru, false);
    set_required_locale(&mut d, Locale::Tg, false);
    assert_eq!(d.meta.required_locales, [Locale::Ru, Locale::En]);
    set_gender(&mut d, Gender::Male, false);
    set_gender(&mut d, Gender::Female, false);
    assert_eq!(d.meta.genders, [Gender::Female]);
}

#[test]
fn option_hints_and_the_omit_wording_are_texts_of_their_own() {
    let mut d = blank();
    let k = add_scale(&mut d);
    let hint = TextSlot::OptionHint(k, 1);
    assert_eq!(hint.get(&d), None);
    hint.set(&mut d, Some(Text::neutral(&[Locale::Ru], "иногда")));
    assert_eq!(
        d.scales[k].options[1]
            .hint
            .as_ref()
            .unwrap()
            .resolve(Locale::Ru, Gender::Male),
        Some("иногда")
    );
    assert_eq!(TextSlot::OmitLabel(k).get(&d), None, "no omit option yet");
    set_omit(&mut d, k, true, "Нет сведений");
    TextSlot::OmitLabel(k).set(
        &mut d,
        Some(Text::neutral(&[Locale::Ru], "Недостаточно сведений")),
    );
    assert_eq!(
        d.scales[k]
            .omit
            .as_ref()
            .unwrap()
            .label
            .resolve(Locale::Ru, Gender::Female),
        Some("Недостаточно сведений")
    );
    assert_eq!(TextSlot::OmitLabel(k).path(), "/scales/0/omit/label");
}
