//! The version diff on hand-made version pairs: each starts from a library
//! instrument and changes one thing in its JSON, so every expected path is
//! a path of the real format. Reviewers rely on the classes ("a translation
//! fix changed no scoring"), so most tests assert the whole list.

mod common;

use common::{definition_files, load};
use domain::definition::{Change, ChangeClass, ChangeKind, Definition, diff};
use proptest::prelude::*;
use serde_json::{Value, json};

/// `intake-screen` (source locale en) and a copy changed by `edit`.
fn pair(edit: impl FnOnce(&mut Value)) -> (Definition, Definition) {
    let before = load("intake-screen");
    let mut value = before.to_value();
    edit(&mut value);
    let after = Definition::from_value(value).unwrap_or_else(|e| panic!("{e:#?}"));
    (before, after)
}

/// The diff of a pair, after checking that every path points at the
/// reported value (into the after document, or the before one for removals).
fn changes(before: &Definition, after: &Definition) -> Vec<Change> {
    let (b, a) = (before.to_value(), after.to_value());
    let changes = diff(before, after);
    for c in &changes {
        if c.summary.contains(" moved ") {
            let from = c.before.as_ref().and_then(Value::as_str).unwrap();
            assert_eq!(
                b.pointer(from).unwrap()["key"],
                a.pointer(&c.path).unwrap()["key"]
            );
        } else if let Some(value) = &c.after {
            assert_eq!(a.pointer(&c.path), Some(value), "{c:?}");
        } else {
            assert_eq!(b.pointer(&c.path), c.before.as_ref(), "{c:?}");
        }
    }
    changes
}

fn classes(changes: &[Change]) -> Vec<(ChangeClass, &str)> {
    changes.iter().map(|c| (c.class, c.path.as_str())).collect()
}

#[test]
fn identical_definitions_have_no_changes() {
    let (before, after) = pair(|_| {});
    assert_eq!(changes(&before, &after), vec![]);
}

#[test]
fn every_library_instrument_diffed_against_itself_has_no_changes() {
    for file in definition_files() {
        let source = std::fs::read_to_string(&file).unwrap();
        let (a, b) = (
            Definition::from_json(&source),
            Definition::from_json(&source),
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(diff(&a, &b), vec![], "{}", file.display());
    }
}

#[test]
fn only_the_russian_female_wording_of_one_label_is_exactly_one_translation_change() {
    let (before, after) = pair(|v| {
        v["sections"][2]["items"][3]["label"]["ru"]["female"] = json!("Исправленная формулировка");
    });
    let found = changes(&before, &after);
    assert_eq!(
        classes(&found),
        vec![(
            ChangeClass::Translation,
            "/sections/2/items/3/label/ru/female"
        )]
    );
    assert_eq!(found[0].after, Some(json!("Исправленная формулировка")));
    assert!(
        found[0]
            .before
            .as_ref()
            .unwrap()
            .as_str()
            .unwrap()
            .contains("осуждённая")
    );
    assert_eq!(found[0].summary, "item peers: label (ru, female) changed");
    assert_eq!(found[0].kind, ChangeKind::Changed);
}

#[test]
fn a_source_locale_text_change_is_wording() {
    let (before, after) = pair(|v| {
        v["sections"][1]["title"]["en"] = json!("Custody and escape");
    });
    assert_eq!(
        classes(&changes(&before, &after)),
        vec![(ChangeClass::Wording, "/sections/1/title/en")]
    );
}

#[test]
fn splitting_a_tajik_wording_by_gender_is_translation() {
    let (before, after) = pair(|v| {
        v["sections"][0]["items"][0]["hint"] = json!({ "tg": { "male": "м", "female": "ж" } });
    });
    let found = changes(&before, &after);
    assert!(
        found.iter().all(|c| c.class == ChangeClass::Translation),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|c| c.path.starts_with("/sections/0/items/0/hint/tg"))
    );
}

#[test]
fn an_item_moved_to_another_section_is_one_structural_move() {
    let (before, after) = pair(|v| {
        let sections = v["sections"].as_array_mut().unwrap();
        let item = sections[2]["items"].as_array_mut().unwrap().remove(3);
        sections[1]["items"].as_array_mut().unwrap().push(item);
    });
    let found = changes(&before, &after);
    assert_eq!(
        classes(&found),
        vec![(ChangeClass::Structural, "/sections/1/items/3")]
    );
    assert_eq!(
        found[0].summary,
        "item peers moved from section needs to custody"
    );
    assert_eq!(found[0].before, Some(json!("/sections/2/items/3")));
    assert_eq!(found[0].kind, ChangeKind::Moved);
}

#[test]
fn swapping_two_items_is_one_move_within_the_section() {
    let (before, after) = pair(|v| {
        v["sections"][2]["items"].as_array_mut().unwrap().swap(0, 1);
    });
    let found = changes(&before, &after);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].class, ChangeClass::Structural);
    assert!(
        found[0].summary.contains("moved within section needs"),
        "{found:#?}"
    );
}

#[test]
fn items_added_removed_and_retyped_are_structural() {
    let (before, after) = pair(|v| {
        let items = v["sections"][3]["items"].as_array_mut().unwrap();
        let mut added = items[0].clone();
        added["key"] = json!("numeracy");
        items.push(added);
        items.remove(1);
        v["sections"][0]["items"][1]["type"] = json!("short_text");
    });
    let found = changes(&before, &after);
    assert!(
        found.iter().all(|c| c.class == ChangeClass::Structural),
        "{found:#?}"
    );
    let summaries: Vec<&str> = found.iter().map(|c| c.summary.as_str()).collect();
    assert_eq!(
        summaries,
        vec![
            "item self_harm_details: type changed from long_text to short_text",
            "item numeracy added to section responsivity",
            "item language removed from section responsivity",
        ]
    );
    let kinds: Vec<ChangeKind> = found.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [ChangeKind::Changed, ChangeKind::Added, ChangeKind::Removed]
    );
    // A removal points into the before document.
    assert_eq!(found[2].path, "/sections/3/items/1");
    assert_eq!(found[2].after, None);
}

#[test]
fn a_changed_option_score_is_scoring_only() {
    let (before, after) = pair(|v| {
        v["scales"][0]["options"][2]["score"] = json!(3);
    });
    let found = changes(&before, &after);
    assert_eq!(
        classes(&found),
        vec![(ChangeClass::Scoring, "/scales/0/options/2/score")]
    );
    assert_eq!(
        found[0].summary,
        "scale rating_012 option 2: score changed from none to 3"
    );
}

#[test]
fn bands_and_flag_conditions_are_scoring() {
    let (before, after) = pair(|v| {
        let band = &mut v["scores"][0]["bands"][0];
        band["max"] = json!(band["max"].as_i64().unwrap() + 1);
        v["flags"][0]["when"] = json!("self_harm == 2");
    });
    let found = changes(&before, &after);
    assert_eq!(
        classes(&found),
        vec![
            (ChangeClass::Scoring, "/scores/0/bands/0/max"),
            (ChangeClass::Scoring, "/flags/0/when"),
        ]
    );
}

#[test]
fn a_condition_change_on_an_item_is_structural() {
    let (before, after) = pair(|v| {
        v["sections"][0]["items"][1]["show_if"] = json!("self_harm == 2");
    });
    assert_eq!(
        classes(&changes(&before, &after)),
        vec![(ChangeClass::Structural, "/sections/0/items/1/show_if")]
    );
}

#[test]
fn the_order_of_changes_follows_the_document() {
    let (before, after) = pair(|v| {
        v["flags"][0]["label"]["ru"] = json!("Срочно");
        v["sections"][0]["items"][0]["label"]["en"] = json!("Self-harm?");
        v["meta"]["title"]["tg"] = json!("Нав");
    });
    let paths: Vec<String> = changes(&before, &after)
        .into_iter()
        .map(|c| c.path)
        .collect();
    assert_eq!(
        paths,
        vec![
            "/meta/title/tg",
            "/sections/0/items/0/label/en",
            "/flags/0/label/ru"
        ]
    );
}

#[test]
fn classes_serialise_as_lower_case_names() {
    let (before, after) = pair(|v| {
        v["sections"][2]["items"][3]["label"]["ru"]["female"] = json!("Новая");
    });
    let json = serde_json::to_value(changes(&before, &after)).unwrap();
    assert_eq!(json[0]["class"], "translation");
    assert_eq!(json[0]["path"], "/sections/2/items/3/label/ru/female");
    let names: Vec<&str> = ChangeClass::ALL.iter().map(|c| c.as_str()).collect();
    assert_eq!(names, ["structural", "scoring", "wording", "translation"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Whichever gendered Russian label is reworded, and however, only that
    /// one variant is reported, as a translation.
    #[test]
    fn any_single_russian_female_rewording_is_one_translation_change(
        pick in 0usize..100,
        wording in "[а-яё ]{1,40}",
    ) {
        let before = load("intake-screen");
        let value = before.to_value();
        let gendered = female_russian_labels(&value);
        let pointer = &gendered[pick % gendered.len()];
        let mut edited = value.clone();
        let old = edited.pointer(pointer).cloned();
        *edited.pointer_mut(pointer).unwrap() = json!(wording);
        let after = Definition::from_value(edited).unwrap();
        let found = diff(&before, &after);
        if old == Some(json!(wording)) {
            prop_assert!(found.is_empty());
        } else {
            prop_assert_eq!(classes(&found), vec![(ChangeClass::Translation, pointer.as_str())]);
        }
    }
}

/// Pointers to every item label with a Russian female variant.
fn female_russian_labels(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for (s, section) in value["sections"].as_array().unwrap().iter().enumerate() {
        for (i, item) in section["items"].as_array().unwrap().iter().enumerate() {
            if item["label"]["ru"]["female"].is_string() {
                out.push(format!("/sections/{s}/items/{i}/label/ru/female"));
            }
        }
    }
    out
}
