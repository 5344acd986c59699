//! Property tests: generated definitions survive export → import exactly;
//! the version diff reports a change whenever two definitions differ;
//! parsing, type checking, evaluation, validation and scoring never panic,
//! whatever the definition, condition or answers.

use super::*;
use crate::definition::answers::visibility::compute;
use crate::definition::expr::eval::{Env, eval};
use crate::definition::expr::parser::parse as parse_expr;
use crate::definition::expr::typecheck::{Scope, check_condition};
use crate::definition::index::Index;
use crate::definition::*;
use crate::{Gender, Locale};
use proptest::option::of;
use proptest::prelude::*;

fn locale() -> impl Strategy<Value = Locale> {
    prop_oneof![Just(Locale::Tg), Just(Locale::Ru), Just(Locale::En)]
}
fn gender() -> impl Strategy<Value = Gender> {
    prop_oneof![Just(Gender::Male), Just(Gender::Female)]
}
fn wording() -> impl Strategy<Value = Wording> {
    prop_oneof![
        ".{0,12}".prop_map(Wording::Neutral),
        (of(".{0,8}"), of(".{0,8}")).prop_map(|(male, female)| Wording::Gendered { male, female }),
    ]
}
fn text() -> impl Strategy<Value = Text> {
    prop::collection::vec((locale(), wording()), 0..4).prop_map(Text::from_entries)
}
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec!["a", "b", "c", "s1", "safety", "rating_012", "total"])
            .prop_map(String::from),
        "[a-z][a-z0-9_]{0,8}",
    ]
}
fn requirement() -> impl Strategy<Value = Requirement> {
    prop_oneof![
        Just(Requirement::None),
        Just(Requirement::Optional),
        Just(Requirement::Required)
    ]
}
fn level() -> impl Strategy<Value = Level> {
    prop_oneof![Just(Level::Low), Just(Level::Moderate), Just(Level::High)]
}
fn option_value() -> impl Strategy<Value = OptionValue> {
    prop_oneof![
        (-3i64..5).prop_map(OptionValue::Integer),
        "[a-z]{1,4}".prop_map(OptionValue::Text)
    ]
}
fn number() -> impl Strategy<Value = serde_json::Number> {
    prop_oneof![
        any::<i32>().prop_map(serde_json::Number::from),
        (-4000i32..4000).prop_map(|q| serde_json::Number::from_f64(q as f64 / 4.0).unwrap()),
    ]
}

/// Conditions: mostly well-formed over the common keys, sometimes junk.
fn condition_source() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        key().prop_map(|k| format!("answer(\"{k}\")")),
        key().prop_map(|k| format!("sources(\"{k}\")")),
        key().prop_map(|k| format!("trend(\"{k}\")")),
        key().prop_map(|k| format!("score(\"{k}\")")),
        key().prop_map(|k| format!("band(\"{k}\")")),
        key().prop_map(|k| format!("count(section(\"{k}\"), 2)")),
        (key(), key()).prop_map(|(a, b)| format!("any(items(\"{a}\", \"{b}\"), \"yes\")")),
        key().prop_map(|k| format!("sum(section(\"{k}\"))")),
        key().prop_map(|k| format!("max(items(\"{k}\"))")),
        Just("subject.gender".to_owned()),
        Just("subject.age".to_owned()),
        (-5i32..5).prop_map(|n| n.to_string()),
        prop::sample::select(vec![
            "\"yes\"",
            "\"female\"",
            "\"intelligence\"",
            "\"high\"",
            "true",
            "false",
            "[1, 2]",
            "[\"a\"]"
        ])
        .prop_map(String::from),
    ];
    let expr = leaf.prop_recursive(4, 24, 2, |inner| {
        prop_oneof![
            (
                inner.clone(),
                prop::sample::select(vec!["==", "!=", "<", "<=", ">", ">=", "in", "and", "or"]),
                inner.clone()
            )
                .prop_map(|(a, op, b)| format!("{a} {op} {b}")),
            inner.clone().prop_map(|a| format!("not ({a})")),
            inner.clone().prop_map(|a| format!("{a} is answered")),
            inner.prop_map(|a| format!("({a}) is not answered")),
        ]
    });
    prop_oneof![8 => expr, 1 => ".{0,30}", 1 => "[a-z()\" ,.=<>!\\[\\]0-9-]{0,30}"]
}
fn condition() -> impl Strategy<Value = Condition> {
    condition_source().prop_map(|s| Condition::parse(&s))
}

fn item_type() -> impl Strategy<Value = ItemType> {
    prop::sample::select(ItemType::ALL.to_vec())
}

fn item() -> impl Strategy<Value = Item> {
    (
        (
            key(),
            item_type(),
            text(),
            of(text()),
            of(text()),
            of(key()),
        ),
        (
            of(number()),
            of(number()),
            any::<bool>(),
            of(condition()),
            of(condition()),
            of(gender()),
        ),
        (requirement(), requirement(), requirement()),
    )
        .prop_map(
            |(
                (k, t, label, hint, guidance, scale),
                (min, max, required, required_if, show_if, applies_to),
                (evidence, sources, trend),
            )| Item {
                key: ItemKey::parse(&k).unwrap(),
                item_type: t,
                label,
                hint,
                guidance,
                scale: scale.map(|s| ScaleKey::parse(&s).unwrap()),
                min,
                max,
                required,
                required_if,
                show_if,
                applies_to,
                evidence,
                sources,
                trend,
            },
        )
}

fn scale() -> impl Strategy<Value = Scale> {
    (
        key(),
        prop::collection::vec((option_value(), text(), of(text()), of(-3i64..4)), 0..4),
        of(text()),
    )
        .prop_map(|(k, options, omit)| Scale {
            key: ScaleKey::parse(&k).unwrap(),
            options: options
                .into_iter()
                .map(|(value, label, hint, score)| ScaleOption {
                    value,
                    label,
                    hint,
                    score,
                })
                .collect(),
            omit: omit.map(|label| OmitOption { label }),
        })
}

fn section() -> impl Strategy<Value = Section> {
    (
        key(),
        text(),
        of(text()),
        of(gender()),
        of(condition()),
        of(condition()),
        prop::collection::vec(item(), 0..5),
    )
        .prop_map(
            |(k, title, intro, applies_to, show_if, required_if, items)| Section {
                key: SectionKey::parse(&k).unwrap(),
                title,
                intro,
                applies_to,
                show_if,
                required_if,
                items,
            },
        )
}

fn score_rule() -> impl Strategy<Value = Score> {
    let method = prop_oneof![
        Just(ScoreMethod::Sum),
        Just(ScoreMethod::Count),
        Just(ScoreMethod::Max)
    ];
    let band = (level(), -2i64..6, -2i64..8, text()).prop_map(|(level, min, max, label)| Band {
        level,
        min,
        max,
        label,
    });
    (
        key(),
        text(),
        method,
        prop::collection::vec(key(), 0..3),
        prop::collection::vec(key(), 0..2),
        of(option_value()),
        of(0u32..3),
        prop::collection::vec(band, 0..4),
    )
        .prop_map(
            |(k, label, method, items, sections, value, max_omitted, bands)| Score {
                key: ScoreKey::parse(&k).unwrap(),
                label,
                method,
                items: items.iter().map(|i| ItemKey::parse(i).unwrap()).collect(),
                sections: sections
                    .iter()
                    .map(|s| SectionKey::parse(s).unwrap())
                    .collect(),
                value,
                max_omitted,
                bands,
            },
        )
}

fn definition() -> impl Strategy<Value = Definition> {
    let meta = (
        "[A-Z][A-Z0-9_-]{0,6}",
        text(),
        text(),
        locale(),
        prop::collection::vec(locale(), 0..4),
        prop::collection::vec(gender(), 0..3),
        of(any::<u32>()),
    )
        .prop_map(
            |(code, title, purpose, source_locale, required_locales, genders, days)| Meta {
                code: InstrumentCode::parse(&code).unwrap(),
                title,
                purpose,
                source_locale,
                required_locales,
                genders,
                reassessment_interval_days: days,
            },
        );
    let flag =
        (key(), text(), condition(), of(text())).prop_map(|(k, label, when, guidance)| Flag {
            key: FlagKey::parse(&k).unwrap(),
            label,
            when,
            guidance,
        });
    let judgement = (
        key(),
        text(),
        of(text()),
        of(key()),
        prop::collection::vec((level(), text()), 0..4),
    )
        .prop_map(|(k, label, guidance, by, levels)| Judgement {
            key: JudgementKey::parse(&k).unwrap(),
            label,
            guidance,
            suggested_by: by.map(|b| ScoreKey::parse(&b).unwrap()),
            levels: levels
                .into_iter()
                .map(|(level, label)| LevelOption { level, label })
                .collect(),
        });
    (
        0u32..3,
        meta,
        prop::collection::vec(scale(), 0..3),
        prop::collection::vec(section(), 0..4),
        prop::collection::vec(score_rule(), 0..3),
        prop::collection::vec(flag, 0..3),
        prop::collection::vec(judgement, 0..2),
    )
        .prop_map(
            |(format, meta, scales, sections, scores, flags, judgements)| Definition {
                format,
                meta,
                scales,
                sections,
                scores,
                flags,
                judgements,
            },
        )
}

fn answer() -> impl Strategy<Value = Answer> {
    let value = prop_oneof![
        any::<f64>().prop_map(AnswerValue::Number),
        (-3i32..5).prop_map(|n| AnswerValue::Number(n as f64)),
        prop::sample::select(vec![
            "yes",
            "no",
            "unknown",
            "2026-02-29",
            "2024-02-29",
            "",
            "a"
        ])
        .prop_map(|s| AnswerValue::Text(s.into())),
        ".{0,300}".prop_map(AnswerValue::Text),
        prop::collection::vec(option_value(), 0..4).prop_map(AnswerValue::Choices),
    ];
    let source = prop::sample::select(InformationSource::ALL.to_vec());
    let trend = prop::sample::select(Trend::ALL.to_vec());
    (
        of(value),
        any::<bool>(),
        of(".{0,10}"),
        of(".{0,10}"),
        prop::collection::vec(source, 0..3),
        of(trend),
    )
        .prop_map(
            |(value, omitted, omit_reason, evidence, sources, trend)| Answer {
                value,
                omitted,
                omit_reason,
                evidence,
                sources,
                trend,
            },
        )
}

fn answers() -> impl Strategy<Value = Answers> {
    let choice = (of(level()), of(".{0,5}"), of(".{0,5}")).prop_map(
        |(level, rationale, override_reason)| JudgementChoice {
            level,
            rationale,
            override_reason,
        },
    );
    (
        prop::collection::btree_map(key(), answer(), 0..8),
        prop::collection::btree_map(key(), choice, 0..3),
    )
        .prop_map(|(items, judgements)| Answers {
            items: items
                .into_iter()
                .map(|(k, v)| (ItemKey::parse(&k).unwrap(), v))
                .collect(),
            judgements: judgements
                .into_iter()
                .map(|(k, v)| (JudgementKey::parse(&k).unwrap(), v))
                .collect(),
        })
}

fn subject() -> impl Strategy<Value = Subject> {
    (gender(), of(0u32..100)).prop_map(|(gender, age)| Subject { gender, age })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn generated_definitions_survive_export_and_import_exactly(def in definition()) {
        let json = def.to_json_pretty();
        let back = Definition::from_json(&json).map_err(|e| TestCaseError::fail(format!("{e:?}\n{json}")))?;
        prop_assert_eq!(&back, &def);
        prop_assert_eq!(back.to_json_pretty(), json);
    }

    /// The diff misses nothing: no change reported means nothing changed.
    #[test]
    fn the_diff_is_empty_exactly_when_the_definitions_are_equal(a in definition(), b in definition()) {
        prop_assert!(diff(&a, &a.clone()).is_empty());
        prop_assert_eq!(diff(&a, &b).is_empty(), a == b, "{:#?}", diff(&a, &b));
    }

    #[test]
    fn checking_validating_and_scoring_never_panic(def in definition(), subject in subject(), answers in answers()) {
        let _ = def.check();
        let _ = visible_items(&def, &subject, &answers);
        let _ = validate_answers(&def, &subject, &answers, Completeness::Draft);
        let _ = validate_answers(&def, &subject, &answers, Completeness::Submit);
        let out = score(&def, &subject, &answers);
        prop_assert_eq!(out.scores.len(), def.scores.len());
        let _ = answer_schema(&def);
    }

    #[test]
    fn scoring_the_example_never_panics_and_stays_consistent(subject in subject(), answers in answers()) {
        let def = Definition::from_json(MINIMAL).unwrap();
        let out = score(&def, &subject, &answers);
        let s = &out.scores[0];
        prop_assert!(s.band.is_none() || s.complete);
        prop_assert_eq!(s.complete, s.unanswered == 0 && s.omitted == 0);
        let _ = validate_answers(&def, &subject, &answers, Completeness::Submit);
    }

    #[test]
    fn conditions_never_panic_in_the_parser_checker_or_evaluator(
        src in condition_source(),
        subject in subject(),
        answers in answers(),
        before in of(0usize..5),
        outcomes in any::<bool>(),
    ) {
        let def = Definition::from_json(MINIMAL).unwrap();
        let index = Index::new(&def);
        if let Ok(node) = parse_expr(&src) {
            let scope = Scope { index: &index, before, outcomes };
            let _ = check_condition(&node, &scope);
            let vis = compute(&index, &subject, &answers);
            let scores = score(&def, &subject, &answers).scores;
            let env = Env { index: &index, subject: &subject, answers: &answers, visible: &vis.items, scores: &scores };
            let _ = eval(&node, &env);
        }
    }

    #[test]
    fn arbitrary_text_never_panics_the_reader(src in ".{0,200}") {
        if let Ok(def) = Definition::from_json(&src) {
            let _ = def.check();
        }
    }
}
