//! The Intake Risk & Needs Screen (IRNS, `instrument-library/intake-screen/`):
//! it scores, shows and words itself as its README says — golden scoring
//! cases for men and women, the urgent-referral rule, the women-only
//! caregiving section, the self-harm follow-up and gendered Russian wording.
//!
//! The golden scoring cases are computed by hand; each case's comment shows
//! the arithmetic, so a change in the definition or in the scoring rules that
//! moves a number shows up here as a failing assertion. Checks common to all
//! three sample instruments are in `library.rs`; shared helpers in
//! `common/mod.rs`.

mod common;

use common::{
    answers, assert_score, assert_submittable, build, choice, label, load, man, omitted,
    overridden, override_choice, raised, rated, result, shown, suggested, woman,
};
use domain::definition::Level::{High, Low, Moderate};
use domain::definition::{Answers, Completeness, Definition, score, validate_answers};
use domain::{Gender, Locale};
use serde_json::{Value, json};

fn intake() -> Definition {
    load("intake-screen")
}

const IRNS_FEMALE_ONLY: [&str; 4] = [
    "children_outside",
    "children_care",
    "child_contact",
    "pregnancy_postnatal",
];

#[test]
fn irns_low_case_male() {
    let def = intake();
    // safety 0+0+0 = 0 → low; custody 0+1+0 = 1 → low (0–1);
    // needs 1+1+0+0+0 = 2 → low (0–3); responsivity 0+1+0+0 = 1 → low (0–1);
    // total = safety + custody + needs = 0+1+2 = 3 → low (0–6).
    // No safety item is 2 → no urgent referral. Caregiving is hidden for a man.
    let items = build(
        &[
            ("self_harm", 0),
            ("harm_to_others", 0),
            ("urgent_health", 0),
            ("escape_risk", 0),
            ("custody_violence", 1),
            ("exploitation", 0),
            ("substance_use", 1),
            ("employment_education", 1),
            ("accommodation", 0),
            ("peers", 0),
            ("attitudes", 0),
            ("literacy", 0),
            ("language", 1),
            ("disability", 0),
            ("mental_health", 0),
        ],
        &[],
        json!({}),
    );
    let a = answers(&def, items, json!({ "screening_priority": choice("low") }));
    assert_submittable(&def, &man(), &a);
    let o = score(&def, &man(), &a);
    assert_score(&o, "safety_score", 0, 0, Some(Low));
    assert_score(&o, "custody_score", 1, 0, Some(Low));
    assert_score(&o, "needs_score", 2, 0, Some(Low));
    assert_score(&o, "responsivity_score", 1, 0, Some(Low));
    assert_score(&o, "total", 3, 0, Some(Low));
    assert_eq!(result(&o, "caregiving_score").scored, 0);
    assert_eq!(raised(&o), Vec::<&str>::new());
    assert_eq!(suggested(&o, "screening_priority"), Some(Low));
    assert!(!overridden(&o, "screening_priority"));
}

#[test]
fn irns_high_case_male_raises_urgent_referral() {
    let def = intake();
    // safety 2+1+0 = 3 → high (3–6); custody 1+2+0 = 3 → moderate (2–3);
    // needs 2+2+1+2+1 = 8 → high (7–10); responsivity 2+0+0+1 = 3 → moderate (2–4);
    // total = 3+3+8 = 14 → high (14–22).
    // self_harm = 2 → urgent_referral; total high → full_assessment.
    let items = build(
        &[
            ("self_harm", 2),
            ("harm_to_others", 1),
            ("urgent_health", 0),
            ("escape_risk", 1),
            ("custody_violence", 2),
            ("exploitation", 0),
            ("substance_use", 2),
            ("employment_education", 2),
            ("accommodation", 1),
            ("peers", 2),
            ("attitudes", 1),
            ("literacy", 2),
            ("language", 0),
            ("disability", 0),
            ("mental_health", 1),
        ],
        &[],
        json!({ "self_harm_details": { "value": "Cut his arm two days before admission; says he will do it again. On constant observation." } }),
    );
    let a = answers(&def, items, json!({ "screening_priority": choice("high") }));
    assert_submittable(&def, &man(), &a);
    let o = score(&def, &man(), &a);
    assert_score(&o, "safety_score", 3, 0, Some(High));
    assert_score(&o, "custody_score", 3, 0, Some(Moderate));
    assert_score(&o, "needs_score", 8, 0, Some(High));
    assert_score(&o, "responsivity_score", 3, 0, Some(Moderate));
    assert_score(&o, "total", 14, 0, Some(High));
    assert_eq!(raised(&o), ["urgent_referral", "full_assessment"]);
    assert_eq!(suggested(&o, "screening_priority"), Some(High));
}

#[test]
fn irns_female_case_with_omits_and_caregiving() {
    let def = intake();
    // safety 1 + (omitted) + 1 = 2, 1 omitted ≤ 1 → moderate (1–2);
    // custody 0+0+2 = 2 → moderate; needs (omitted)+1+2+0+1 = 4, 1 omitted → moderate (4–6);
    // responsivity 1+0 + 2 omitted > max 1 → incomplete, no band;
    // total = 2+2+4 = 8 with 2 omitted ≤ 2 → moderate (7–13).
    // caregiving (women only): yes 1 + care 2 + contact 1 + pregnancy no 0 = 4.
    // No safety 2 → no urgent referral; children_care = 2 → childcare_referral.
    let items = build(
        &[
            ("self_harm", 1),
            ("urgent_health", 1),
            ("escape_risk", 0),
            ("custody_violence", 0),
            ("exploitation", 2),
            ("employment_education", 1),
            ("accommodation", 2),
            ("peers", 0),
            ("attitudes", 1),
            ("literacy", 1),
            ("language", 0),
            ("children_care", 2),
            ("child_contact", 1),
        ],
        &[
            "harm_to_others",
            "substance_use",
            "disability",
            "mental_health",
        ],
        json!({
            "self_harm_details": { "value": "Overdose three years ago; no current thoughts or plan." },
            "children_outside": { "value": "yes", "sources": ["interview"] },
            "pregnancy_postnatal": { "value": "no" }
        }),
    );
    let a = answers(
        &def,
        items,
        json!({ "screening_priority": override_choice("high") }),
    );
    assert_submittable(&def, &woman(), &a);
    let o = score(&def, &woman(), &a);
    assert_score(&o, "safety_score", 2, 1, Some(Moderate));
    assert_score(&o, "custody_score", 2, 0, Some(Moderate));
    assert_score(&o, "needs_score", 4, 1, Some(Moderate));
    let r = result(&o, "responsivity_score");
    assert_eq!(
        (r.value, r.omitted, r.complete, r.band),
        (1, 2, false, None)
    );
    assert_score(&o, "total", 8, 2, Some(Moderate));
    assert_score(&o, "caregiving_score", 4, 0, None);
    assert_eq!(raised(&o), ["childcare_referral"]);
    assert_eq!(suggested(&o, "screening_priority"), Some(Moderate));
    assert!(overridden(&o, "screening_priority"));
}

#[test]
fn irns_female_case_with_too_many_omits_suggests_nothing() {
    let def = intake();
    // safety 0+0+2 = 2 → moderate; custody (omitted)+0+1 = 1 → low;
    // needs (omitted)+(omitted)+1+1+0 = 2 with 2 omitted > 1 → incomplete;
    // responsivity 0 → low; total 2+1+2 = 5 with 3 omitted > 2 → incomplete,
    // so no band and no suggestion. caregiving: children "unknown" counts as
    // omitted and hides the two follow-ups; pregnancy yes = 1.
    // urgent_health = 2 → urgent_referral; pregnancy → childcare_referral;
    // band(total) and band(needs_score) are unknown → no full_assessment.
    let items = build(
        &[
            ("self_harm", 0),
            ("harm_to_others", 0),
            ("urgent_health", 2),
            ("custody_violence", 0),
            ("exploitation", 1),
            ("accommodation", 1),
            ("peers", 1),
            ("attitudes", 0),
            ("literacy", 0),
            ("language", 0),
            ("disability", 0),
            ("mental_health", 0),
        ],
        &["escape_risk", "substance_use", "employment_education"],
        json!({
            "children_outside": { "value": "unknown" },
            "pregnancy_postnatal": { "value": "yes" }
        }),
    );
    let a = answers(
        &def,
        items,
        json!({ "screening_priority": choice("moderate") }),
    );
    assert_submittable(&def, &woman(), &a);
    let o = score(&def, &woman(), &a);
    assert_score(&o, "safety_score", 2, 0, Some(Moderate));
    assert_score(&o, "custody_score", 1, 1, Some(Low));
    let needs = result(&o, "needs_score");
    assert_eq!((needs.value, needs.complete, needs.band), (2, false, None));
    let total = result(&o, "total");
    assert_eq!(
        (total.value, total.omitted, total.complete, total.band),
        (5, 3, false, None)
    );
    assert_score(&o, "caregiving_score", 1, 1, None);
    assert_eq!(raised(&o), ["urgent_referral", "childcare_referral"]);
    assert_eq!(suggested(&o, "screening_priority"), None);
    assert!(!overridden(&o, "screening_priority"));
}

#[test]
fn irns_urgent_referral_needs_a_2_in_immediate_safety() {
    let def = intake();
    let base = |self_harm: i64, health: i64| {
        let items = build(
            &[
                ("self_harm", self_harm),
                ("harm_to_others", 1),
                ("urgent_health", health),
                // A 2 outside the safety section does not raise it.
                ("custody_violence", 2),
                ("substance_use", 2),
            ],
            &[],
            json!({}),
        );
        let a = answers(&def, items, json!({}));
        score(&def, &man(), &a)
            .flags
            .iter()
            .any(|f| f.key.as_str() == "urgent_referral" && f.raised)
    };
    assert!(!base(1, 1));
    assert!(base(2, 0));
    assert!(base(0, 2));
}

#[test]
fn irns_caregiving_is_shown_to_women_only() {
    let def = intake();
    let none = Answers::default();
    let male = shown(&def, &man(), &none);
    let female = shown(&def, &woman(), &none);
    for key in IRNS_FEMALE_ONLY {
        assert!(!male.contains(&key.to_string()), "{key} shown to a man");
    }
    assert!(female.contains(&"children_outside".to_string()));
    assert!(female.contains(&"pregnancy_postnatal".to_string()));
    assert_eq!(female.len(), male.len() + 2, "{female:?}");
    // Children's care and contact follow a "yes" to children outside.
    let yes = answers(
        &def,
        build(&[], &[], json!({ "children_outside": { "value": "yes" } })),
        json!({}),
    );
    let with_children = shown(&def, &woman(), &yes);
    assert!(with_children.contains(&"children_care".to_string()));
    assert!(with_children.contains(&"child_contact".to_string()));
    let no = answers(
        &def,
        build(&[], &[], json!({ "children_outside": { "value": "no" } })),
        json!({}),
    );
    assert!(!shown(&def, &woman(), &no).contains(&"children_care".to_string()));
}

#[test]
fn irns_self_harm_details_appear_only_when_self_harm_is_at_least_1() {
    let def = intake();
    let details_shown = |answer: Value| {
        let a = answers(
            &def,
            build(&[], &[], json!({ "self_harm": answer })),
            json!({}),
        );
        shown(&def, &man(), &a).contains(&"self_harm_details".to_string())
    };
    assert!(!shown(&def, &man(), &Answers::default()).contains(&"self_harm_details".to_string()));
    assert!(!details_shown(rated(0)));
    assert!(details_shown(rated(1)));
    assert!(details_shown(rated(2)));
    // Omitted is unknown, and an unknown condition does not show the item.
    assert!(!details_shown(omitted()));
    // Hidden details are not required on submission.
    let items = build(
        &[
            ("self_harm", 0),
            ("harm_to_others", 0),
            ("urgent_health", 0),
            ("escape_risk", 0),
            ("custody_violence", 0),
            ("exploitation", 0),
            ("substance_use", 0),
            ("employment_education", 0),
            ("accommodation", 0),
            ("peers", 0),
            ("attitudes", 0),
            ("literacy", 0),
            ("language", 0),
            ("disability", 0),
            ("mental_health", 0),
        ],
        &[],
        json!({}),
    );
    let a = answers(
        &def,
        items.clone(),
        json!({ "screening_priority": choice("low") }),
    );
    assert_submittable(&def, &man(), &a);
    // …but shown details are.
    let mut items = items;
    items.insert("self_harm".into(), rated(1));
    let a = answers(&def, items, json!({ "screening_priority": choice("low") }));
    let issues = validate_answers(&def, &man(), &a, Completeness::Submit);
    let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["/items/self_harm_details/value"]);
}

#[test]
fn irns_russian_wording_agrees_with_the_subjects_gender() {
    let def = intake();
    assert_eq!(
        label(&def, "self_harm", Locale::Ru, Gender::Female),
        "Наносила ли осуждённая себе повреждения, пыталась ли покончить с собой или говорила ли о желании умереть за последние 12 месяцев — или говорит об этом сейчас?"
    );
    assert_eq!(
        label(&def, "self_harm", Locale::Ru, Gender::Male),
        "Наносил ли осуждённый себе повреждения, пытался ли покончить с собой или говорил ли о желании умереть за последние 12 месяцев — или говорит об этом сейчас?"
    );
    // Tajik and English are neutral: the same for both.
    for locale in [Locale::Tg, Locale::En] {
        assert_eq!(
            label(&def, "self_harm", locale, Gender::Female),
            label(&def, "self_harm", locale, Gender::Male)
        );
    }
    assert!(label(&def, "self_harm", Locale::Tg, Gender::Male).starts_with("Оё маҳкумшуда"));
}
