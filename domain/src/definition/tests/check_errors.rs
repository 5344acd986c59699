//! Every class of semantic error, each at its JSON path, all reported by
//! one call to `check()`.

use super::*;
use crate::definition::DefinitionErrorKind as K;
use crate::definition::ExprErrorKind as E;
use serde_json::json;

fn t(s: &str) -> Value {
    json!({ "tg": s, "ru": s, "en": s })
}

fn item(key: &str, extra: Value) -> Value {
    let mut v = json!({ "key": key, "type": "rating", "label": t(key), "scale": "rating_012" });
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    v
}

fn everything_wrong() -> Value {
    let mut v = minimal_value();
    v["format"] = json!(2);
    v["meta"]["required_locales"] = json!(["tg", "ru"]);
    v["meta"]["genders"] = json!(["male", "male"]);
    let scales = v["scales"].as_array_mut().unwrap();
    scales.push(json!({ "key": "rating_012", "options": [] }));
    scales.push(json!({ "key": "mixed", "options": [
        { "value": 1, "label": t("a") }, { "value": "a", "label": t("b") }, { "value": 1, "label": t("c") }
    ]}));
    v["sections"][0]["items"][1]["label"] = json!({ "ru": "План", "en": "Plan" });
    let items = v["sections"][0]["items"].as_array_mut().unwrap();
    items.push(item("self_harm", json!({})));
    items.push(item("n", json!({ "type": "number", "min": 5, "max": 1 })));
    items.push(json!({ "key": "c", "type": "single_choice", "label": t("c") }));
    items.push(item("d", json!({ "scale": "nope" })));
    items.push(json!({ "key": "e", "type": "short_text", "label": t("e"), "required_if": "true" }));
    items.push(item(
        "f",
        json!({ "show_if": "answer(\"self_harm\") == 5" }),
    ));
    items.push(item(
        "g",
        json!({ "show_if": "answer(\"zzz\") == 1 or trend(\"n\") == \"improved\"" }),
    ));
    items.push(item(
        "h",
        json!({ "show_if": "score(\"safety_total\") > 1" }),
    ));
    items.push(item("i", json!({ "show_if": "answer(\"self_harm\") ==" })));
    items.push(item("j", json!({ "show_if": "answer(\"k\") == 1" })));
    items.push(item(
        "k",
        json!({ "show_if": "answer(\"self_harm\") == \"2\"" }),
    ));
    v["sections"][1]["items"][0]["applies_to"] = json!("male");
    v["sections"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "key": "empty", "title": t("E"), "items": [] }));
    let scores = v["scores"].as_array_mut().unwrap();
    scores.push(json!({ "key": "safety_total", "label": t("x"), "method": "count", "sections": ["safety"] }));
    scores.push(
        json!({ "key": "s2", "label": t("x"), "method": "sum", "items": ["self_harm_plan"] }),
    );
    scores.push(json!({ "key": "s3", "label": t("x"), "method": "sum" }));
    scores.push(json!({ "key": "s4", "label": t("x"), "method": "sum", "items": ["self_harm"], "value": 1 }));
    scores.push(
        json!({ "key": "s5", "label": t("x"), "method": "sum", "items": ["self_harm"], "bands": [
            { "level": "low", "min": 0, "max": 1, "label": t("l") },
            { "level": "moderate", "min": 1, "max": 1, "label": t("m") },
            { "level": "high", "min": 3, "max": 2, "label": t("h") }
        ]}),
    );
    scores.push(
        json!({ "key": "s6", "label": t("x"), "method": "sum", "items": ["self_harm"], "bands": [
            { "level": "low", "min": 0, "max": 1, "label": t("l") }
        ]}),
    );
    scores.push(json!({ "key": "s7", "label": t("x"), "method": "count", "items": ["self_harm"], "value": 7 }));
    scores.push(json!({ "key": "s8", "label": t("x"), "method": "max", "sections": ["nowhere"] }));
    let flags = v["flags"].as_array_mut().unwrap();
    flags.push(json!({ "key": "urgent_referral", "label": t("u"), "when": "band(\"safety_total\") == \"severe\"" }));
    flags.push(json!({ "key": "f3", "label": t("u"), "when": "answer(\"self_harm\")" }));
    let judgements = v["judgements"].as_array_mut().unwrap();
    judgements.push(json!({ "key": "j2", "label": t("j"), "suggested_by": "nope", "levels": [] }));
    judgements.push(
        json!({ "key": "j3", "label": t("j"), "suggested_by": "s2", "levels": [
            { "level": "low", "label": t("l") }, { "level": "low", "label": t("l") }
        ]}),
    );
    judgements.push(
        json!({ "key": "j4", "label": t("j"), "suggested_by": "safety_total", "levels": [
            { "level": "low", "label": t("l") }
        ]}),
    );
    v
}

#[test]
fn every_class_of_semantic_error_is_reported_at_once_with_its_path() {
    let def = parse(&everything_wrong());
    let mut found: Vec<(String, K)> = def.check().into_iter().map(|e| (e.path, e.kind)).collect();
    let mut expected: Vec<(String, K)> = [
        ("/format", K::UnsupportedFormat),
        ("/meta/source_locale", K::InvalidMeta),
        ("/meta/genders/1", K::DuplicateKey),
        ("/scales/1/key", K::DuplicateKey),
        ("/scales/1/options", K::EmptyScale),
        ("/scales/2/options/1/value", K::MixedOptionValues),
        ("/scales/2/options/2/value", K::DuplicateOptionValue),
        ("/sections/0/items/1/label/tg", K::MissingWording),
        ("/sections/0/items/2/key", K::DuplicateKey),
        ("/sections/0/items/3/scale", K::UnexpectedField),
        ("/sections/0/items/3/max", K::InvalidRange),
        ("/sections/0/items/4", K::MissingScale),
        ("/sections/0/items/5/scale", K::UnknownReference),
        ("/sections/0/items/6/required_if", K::UnexpectedField),
        (
            "/sections/0/items/7/show_if",
            K::Expression(E::UnknownValue),
        ),
        ("/sections/0/items/8/show_if", K::Expression(E::UnknownItem)),
        ("/sections/0/items/8/show_if", K::Expression(E::NotAsked)),
        (
            "/sections/0/items/9/show_if",
            K::Expression(E::NotAllowedHere),
        ),
        ("/sections/0/items/10/show_if", K::Expression(E::Syntax)),
        (
            "/sections/0/items/11/show_if",
            K::Expression(E::ForwardReference),
        ),
        ("/sections/0/items/12/show_if", K::Expression(E::Type)),
        ("/sections/1/applies_to", K::GenderNotDeclared),
        (
            "/sections/1/items/0/applies_to",
            K::ConflictingApplicability,
        ),
        ("/sections/1/items/0/label/ru/male", K::MissingWording),
        ("/sections/2/items", K::EmptySection),
        // The extra rating items widen the safety section's possible range.
        ("/scores/0/bands", K::BandsIncomplete),
        ("/scores/1/key", K::DuplicateKey),
        ("/scores/1", K::InvalidScoreRule),
        ("/scores/2/items/0", K::NotScorable),
        ("/scores/3", K::InvalidScoreRule),
        ("/scores/4/value", K::UnexpectedField),
        ("/scores/5/bands/1/min", K::BandOverlap),
        ("/scores/5/bands/2/max", K::InvalidBand),
        ("/scores/5/bands/2/min", K::BandGap),
        ("/scores/6/bands", K::BandsIncomplete),
        ("/scores/7/value", K::InvalidScoreRule),
        ("/scores/8/sections/0", K::UnknownReference),
        ("/flags/1/key", K::DuplicateKey),
        ("/flags/1/when", K::Expression(E::UnknownValue)),
        ("/flags/2/when", K::Expression(E::Type)),
        ("/judgements/1/levels", K::InvalidJudgement),
        ("/judgements/1/suggested_by", K::UnknownReference),
        ("/judgements/2/levels/1/level", K::DuplicateKey),
        ("/judgements/2/suggested_by", K::InvalidJudgement),
        ("/judgements/3/suggested_by", K::InvalidJudgement),
        ("/judgements/3/suggested_by", K::InvalidJudgement),
    ]
    .into_iter()
    .map(|(p, k)| (p.to_owned(), k))
    .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(found, expected);
}

#[test]
fn messages_are_plain_and_name_the_problem() {
    let def = parse(&everything_wrong());
    let errors = def.check();
    let message = |path: &str| {
        errors
            .iter()
            .find(|e| e.path == path)
            .unwrap()
            .message
            .clone()
    };
    assert_eq!(
        message("/scores/5/bands/2/min"),
        "scores 2 to 2 have no band"
    );
    assert!(message("/sections/0/items/2/key").contains("already used at /sections/0/items/0"));
    assert!(
        message("/sections/0/items/7/show_if")
            .contains("5 is not a possible value here; possible values: 0, 1, 2")
    );
    assert!(message("/sections/0/items/11/show_if").contains("only use earlier answers"));
    assert!(message("/sections/0/items/10/show_if").starts_with("condition at character"));
    assert!(message("/scores/6/bands").contains("range from 0 to 2"));
}

#[test]
fn an_instrument_without_sections_is_refused() {
    let mut v = minimal_value();
    v["sections"] = json!([]);
    v["scores"] = json!([]);
    v["flags"] = json!([]);
    v["judgements"] = json!([]);
    let def = parse(&v);
    assert_eq!(error_paths(&def), ["/sections"]);
    assert_eq!(def.check()[0].kind, K::NoSections);
}

#[test]
fn a_section_condition_may_not_use_its_own_items() {
    let mut v = minimal_value();
    v["sections"][0]["show_if"] = json!("answer(\"self_harm\") == 1");
    v["sections"][1]["show_if"] =
        json!("answer(\"self_harm\") == 1 and count(section(\"caregiving\"), \"yes\") > 0");
    let errors = parse(&v).check();
    let found: Vec<(&str, K)> = errors.iter().map(|e| (e.path.as_str(), e.kind)).collect();
    assert_eq!(
        found,
        [
            ("/sections/0/show_if", K::Expression(E::ForwardReference)),
            ("/sections/1/show_if", K::Expression(E::ForwardReference)),
        ]
    );
}

#[test]
fn a_female_only_item_needs_only_female_wordings_in_gendered_locales() {
    let def = Definition::from_json(MINIMAL).unwrap();
    // has_children's Russian label has only the female variant: accepted.
    assert!(def.check().is_empty());
    let mut v = minimal_value();
    v["sections"][1]["applies_to"] = Value::Null;
    let mut v2 = v.clone();
    v2["sections"][1]
        .as_object_mut()
        .unwrap()
        .remove("applies_to");
    assert_eq!(
        error_paths(&parse(&v2)),
        ["/sections/1/items/0/label/ru/male"]
    );
}
