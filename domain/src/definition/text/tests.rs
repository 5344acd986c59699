use super::*;

fn sample() -> Text {
    serde_json::from_str(
        r#"{"tg":"Маҳбус рад кард","ru":{"male":"Осуждённый отказался","female":"Осуждённая отказалась"},"en":"The prisoner refused"}"#,
    )
    .unwrap()
}

#[test]
fn a_gendered_locale_resolves_to_the_subjects_variant() {
    let t = sample();
    assert_eq!(
        t.resolve(Locale::Ru, Gender::Female),
        Some("Осуждённая отказалась")
    );
    assert_eq!(
        t.resolve(Locale::Ru, Gender::Male),
        Some("Осуждённый отказался")
    );
    assert_eq!(
        t.resolve(Locale::Tg, Gender::Female),
        Some("Маҳбус рад кард")
    );
}

#[test]
fn a_missing_variant_falls_back_to_the_other_variant_but_not_to_another_locale() {
    let t: Text = serde_json::from_str(r#"{"ru":{"male":"Осуждённый"}}"#).unwrap();
    assert_eq!(t.resolve(Locale::Ru, Gender::Female), Some("Осуждённый"));
    assert_eq!(t.resolve(Locale::En, Gender::Female), None);
    let r = t
        .resolve_with_fallback(Locale::En, Gender::Female, &[Locale::Ru])
        .unwrap();
    assert_eq!(
        (r.text, r.locale, r.exact),
        ("Осуждённый", Locale::Ru, false)
    );
}

#[test]
fn blank_wordings_count_as_missing() {
    let t: Text = serde_json::from_str(r#"{"en":"  ","ru":{"male":"a","female":""}}"#).unwrap();
    assert_eq!(t.resolve(Locale::En, Gender::Male), None);
    let missing = t.missing(
        &[Locale::En, Locale::Ru, Locale::Tg],
        &[Gender::Male, Gender::Female],
    );
    assert_eq!(
        missing,
        vec![
            MissingWording {
                locale: Locale::En,
                gender: None
            },
            MissingWording {
                locale: Locale::Ru,
                gender: Some(Gender::Female)
            },
            MissingWording {
                locale: Locale::Tg,
                gender: None
            },
        ]
    );
}

#[test]
fn a_female_only_text_needs_only_the_female_variant() {
    let t: Text = serde_json::from_str(r#"{"ru":{"female":"Осуждённая"}}"#).unwrap();
    assert!(t.missing(&[Locale::Ru], &[Gender::Female]).is_empty());
    assert_eq!(
        t.missing(&[Locale::Ru], &[Gender::Male, Gender::Female])
            .len(),
        1
    );
}

#[test]
fn texts_are_exported_in_the_canonical_locale_order() {
    let json = r#"{"ru":{"female":"ж","male":"м"},"en":"e","tg":"т"}"#;
    let t: Text = serde_json::from_str(json).unwrap();
    let canonical = r#"{"tg":"т","ru":{"male":"м","female":"ж"},"en":"e"}"#;
    assert_eq!(serde_json::to_string(&t).unwrap(), canonical);
    let again: Text = serde_json::from_str(canonical).unwrap();
    assert_eq!(again, t);
}

#[test]
fn unknown_locales_and_duplicate_locales_are_refused() {
    assert!(serde_json::from_str::<Text>(r#"{"de":"x"}"#).is_err());
    assert!(serde_json::from_str::<Text>(r#"{"en":"x","en":"y"}"#).is_err());
    assert!(serde_json::from_str::<Text>(r#"{"ru":{"man":"x"}}"#).is_err());
    assert!(serde_json::from_str::<Text>(r#""x""#).is_err());
}
