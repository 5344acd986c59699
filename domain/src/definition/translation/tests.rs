use super::*;
use crate::definition::tests::{minimal_value, parse};
use serde_json::json;

#[test]
fn ids_use_keys_and_survive_reordering() {
    let v = minimal_value();
    let def = parse(&v);
    let texts = def.translatable_texts();
    let ids: Vec<&str> = texts.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids[0], "meta-title");
    let label = texts
        .iter()
        .find(|t| t.path == "/sections/0/items/0/label")
        .unwrap();
    let key = def.sections[0].items[0].key.as_str();
    let section = def.sections[0].key.as_str();
    assert_eq!(label.id, format!("sections-{section}-items-{key}-label"));
    // Every id is distinct and a Fluent identifier.
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
    for id in &ids {
        assert!(id.chars().next().unwrap().is_ascii_alphabetic(), "{id}");
        assert!(
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{id}"
        );
    }
    // Swap the two items of the first section: the label keeps its id.
    let mut swapped = v.clone();
    let items = swapped["sections"][0]["items"].as_array_mut().unwrap();
    items.swap(0, 1);
    let def2 = parse(&swapped);
    let moved = def2
        .translatable_texts()
        .into_iter()
        .find(|t| t.path == "/sections/0/items/1/label")
        .unwrap();
    assert_eq!(moved.id, label.id);
}

#[test]
fn every_visited_text_is_reachable_by_its_path() {
    let mut def = parse(&minimal_value());
    let paths: Vec<String> = def
        .translatable_texts()
        .into_iter()
        .map(|t| t.path)
        .collect();
    assert!(paths.len() > 10);
    for p in &paths {
        assert!(def.text_at(p).is_some(), "{p}");
        assert!(def.text_at_mut(p).is_some(), "{p}");
    }
    assert!(def.text_at("/sections/0/items/99/label").is_none());
    assert!(def.text_at("/sections/0/key").is_none());
}

#[test]
fn units_follow_the_wording_shape_and_the_source_when_missing() {
    let mut v = minimal_value();
    v["sections"][0]["items"][0]["label"]["ru"] = json!({ "male": "Он" });
    v["sections"][0]["items"][0]["label"]["en"] = json!("  ");
    let def = parse(&v);
    let source = def.meta.source_locale;
    let texts = def.translatable_texts();
    let label = texts
        .iter()
        .find(|t| t.path == "/sections/0/items/0/label")
        .unwrap();
    let ru = label.units(Locale::Ru, source);
    assert_eq!(
        ru,
        [
            Unit {
                variant: Variant::Male,
                wording: Some("Он"),
                weight: 1
            },
            Unit {
                variant: Variant::Female,
                wording: None,
                weight: 1
            }
        ]
    );
    let en = label.units(Locale::En, source);
    assert_eq!(en.len(), 1);
    assert_eq!(en[0].wording, None);
    assert_eq!(en[0].weight, 2);
}

#[test]
fn tajik_help_flags_russian_letters_and_latin_look_alikes() {
    assert!(tajik_warnings("Маълумот дар бораи маҳкумшуда").is_empty());
    assert!(tajik_warnings("Санъат ва ҷамъият").is_empty());
    assert!(tajik_warnings("Маъюб ва маъюс").is_empty());
    assert_eq!(
        tajik_warnings("Цирк"),
        [TajikWarning::RussianLetter {
            letter: 'Ц', at: 0
        }]
    );
    assert_eq!(
        tajik_warnings("объект"),
        [TajikWarning::RussianLetter {
            letter: 'ъ', at: 2
        }]
    );
    // A Latin "a" in «мaҳкум».
    assert_eq!(
        tajik_warnings("Ин мaҳкум"),
        [TajikWarning::LatinInCyrillic {
            letter: 'a',
            at: 4,
            word: "мaҳкум".into()
        }]
    );
    // A Latin word on its own is not a slip.
    assert!(tajik_warnings("RNA ва SPJ").is_empty());
}

#[test]
fn identical_russian_variants_are_noticed() {
    let same = Wording::Gendered {
        male: Some("Осуждённый".into()),
        female: Some(" Осуждённый ".into()),
    };
    assert!(identical_variants(&same));
    let differ = Wording::Gendered {
        male: Some("Осуждённый".into()),
        female: Some("Осуждённая".into()),
    };
    assert!(!identical_variants(&differ));
    assert!(!identical_variants(&Wording::Neutral("x".into())));
}
