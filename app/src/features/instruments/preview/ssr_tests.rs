//! Server-side rendering of the preview with the intake screen: what the
//! first HTML holds for a male and a female subject in each language.

use super::InstrumentPreview;
use crate::i18n::provide_i18n;
use domain::definition::Definition;
use domain::{Gender, Locale};
use leptos::prelude::*;

fn intake() -> Definition {
    Definition::from_json(include_str!(
        "../../../../../instrument-library/intake-screen/definition.json"
    ))
    .expect("the intake screen parses")
}

/// Renders the preview to HTML with the interface in `interface`.
fn render(interface: Locale, make: impl FnOnce(Definition) -> AnyView) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_i18n(interface);
        make(intake()).to_html()
    })
}

#[test]
fn a_male_subject_in_english_sees_no_female_only_section() {
    let html = render(Locale::En, |definition| {
        view! { <InstrumentPreview definition /> }.into_any()
    });
    assert!(html.contains(r#"data-section="safety""#), "{html}");
    assert!(html.contains(r#"data-section="responsivity""#));
    assert!(!html.contains(r#"data-section="caregiving""#));
    assert!(!html.contains(r#"data-item="children_outside""#));
    // The instrument locale follows the interface: English wording.
    assert!(html.contains("Has the person harmed themselves, attempted suicide"));
    assert!(html.contains("No concern"));
    assert!(html.contains("Preview — nothing is saved"));
    // Hooks of the browser test.
    assert!(html.contains(r#"id="preview-locale""#));
    assert!(html.contains(r#"id="preview-gender""#));
    assert!(html.contains(r#"class="item-label""#));
    assert!(html.contains(r#"name="self_harm" value="2""#));
    assert!(html.contains(r#"name="self_harm" value="omit""#));
    assert!(html.contains(r#"data-score="safety_score""#));
    assert!(html.contains(r#"class="score-value""#));
    assert!(html.contains(r#"data-flag="urgent_referral""#));
    assert!(html.contains(r#"data-raised="false""#));
    assert!(!html.contains(r#"data-raised="true""#));
    // Hidden until self_harm is rated 1 or 2.
    assert!(html.contains(r#"data-item="self_harm""#));
    assert!(!html.contains(r#"data-item="self_harm_details""#));
    // No answers: nothing complete, so no band yet.
    assert!(!html.contains("data-band="));
    assert!(html.contains("Incomplete: no band yet"));
    // The women-only score has nothing to count for a man.
    assert!(html.contains("No items shown"));
}

#[test]
fn a_female_subject_in_russian_sees_the_female_wording_and_section() {
    let html = render(Locale::En, |definition| {
        view! {
            <InstrumentPreview
                definition
                initial_locale=Locale::Ru
                initial_gender=Gender::Female
            />
        }
        .into_any()
    });
    assert!(html.contains(r#"data-section="caregiving""#), "{html}");
    assert!(html.contains(r#"data-item="children_outside""#));
    assert!(html.contains("Есть ли у осуждённой дети младше 18 лет"));
    assert!(html.contains("Наносила ли осуждённая себе повреждения"));
    assert!(!html.contains("Наносил ли осуждённый себе повреждения"));
    assert!(html.contains("Нет оснований для беспокойства"));
    assert!(html.contains(r#"name="children_outside" value="unknown""#));
    assert!(html.contains("Неизвестно"));
    // The interface stays English.
    assert!(html.contains("Instrument language"));
}

#[test]
fn a_tajik_interface_opens_the_instrument_in_tajik() {
    let html = render(Locale::Tg, |definition| {
        view! { <InstrumentPreview definition /> }.into_any()
    });
    assert!(html.contains(r#"<h1 lang="tg">"#), "{html}");
    assert!(html.contains("Муайянкунии ибтидоии хатар ва эҳтиёҷот"));
    assert!(html.contains("Забони асбоб"));
    assert!(!html.contains(r#"data-section="caregiving""#));
}
