//! The Violent Extremism SPJ guide (VESPJ, `instrument-library/ve-spj/`):
//! it scores, shows and words itself as its README says — golden scoring
//! cases with trends, omits, overrides and countersignature, the
//! women-only context domain and gendered Russian wording.
//!
//! The golden scoring cases are computed by hand; each case's comment shows
//! the arithmetic, so a change in the definition or in the scoring rules that
//! moves a number shows up here as a failing assertion. Checks common to all
//! three sample instruments are in `library.rs`; shared helpers in
//! `common/mod.rs`.

mod common;

use common::{
    OMIT, answers, assert_score, assert_submittable, build, choice, label, load, man, overridden,
    override_choice, raised, result, shown, suggested, trend, woman,
};
use domain::definition::Level::{High, Low, Moderate};
use domain::definition::{Answers, Completeness, Definition, score, validate_answers};
use domain::{Gender, Locale};
use serde_json::{Value, json};

fn ve() -> Definition {
    load("ve-spj")
}

/// Ratings for every domain except the women-only one.
fn ve_ratings(
    ideology: [i64; 4],
    network: [i64; 3],
    intent: [i64; 4],
    drivers: [i64; 4],
    conduct: [i64; 4],
    protective: [i64; 4],
) -> Vec<(&'static str, i64)> {
    let keys: [&[&str]; 6] = [
        &[
            "ideology_violence",
            "ideology_enemies",
            "ideology_authority",
            "ideology_material",
        ],
        &["network_contacts", "network_role", "network_family"],
        &[
            "intent_stated",
            "past_violence",
            "capability_skills",
            "capability_access",
        ],
        &[
            "driver_grievance",
            "driver_identity",
            "driver_belonging",
            "driver_significance",
        ],
        &[
            "custody_recruiting",
            "custody_defiance",
            "custody_covert_contact",
            "custody_violence_threats",
        ],
        &[
            "protective_family",
            "protective_participation",
            "protective_distancing",
            "protective_future",
        ],
    ];
    let values: [&[i64]; 6] = [
        &ideology,
        &network,
        &intent,
        &drivers,
        &conduct,
        &protective,
    ];
    keys.iter()
        .zip(values)
        .flat_map(|(ks, vs)| ks.iter().copied().zip(vs.iter().copied()))
        .collect()
}

fn countersigned() -> Value {
    json!({
        "countersign_name": { "value": "R. Karimov, senior psychologist" },
        "countersign_date": { "value": "2025-03-14" }
    })
}

/// Ratings without the ones marked `OMIT`, and the omitted keys.
fn split(ratings: Vec<(&'static str, i64)>) -> (Vec<(&'static str, i64)>, Vec<&'static str>) {
    let omits = ratings
        .iter()
        .filter(|(_, v)| *v == OMIT)
        .map(|(k, _)| *k)
        .collect();
    let kept = ratings.into_iter().filter(|(_, v)| *v != OMIT).collect();
    (kept, omits)
}

#[test]
fn vespj_low_case_male() {
    let def = ve();
    // ideology 0+0+0+0 = 0; intent 0+0+0+0 = 0 → violent_action 0 → low (0–5).
    // network 1+0+1 = 2; conduct 0 → influence 2 → low (0–4).
    // drivers 1+0+1+0 = 2 (no bands). protective 2+2+1+2 = 7 → high (6–8):
    // engagement potential suggested high. Trends improved/unchanged → no flag.
    let (r, o) = split(ve_ratings(
        [0, 0, 0, 0],
        [1, 0, 1],
        [0, 0, 0, 0],
        [1, 0, 1, 0],
        [0, 0, 0, 0],
        [2, 2, 1, 2],
    ));
    let mut items = build(&r, &o, countersigned());
    trend(&mut items, "intent_stated", "unchanged");
    trend(&mut items, "network_contacts", "improved");
    let a = answers(
        &def,
        items,
        json!({
            "violent_action": choice("low"),
            "influence_in_custody": choice("low"),
            "engagement_potential": choice("high")
        }),
    );
    assert_submittable(&def, &man(), &a);
    let out = score(&def, &man(), &a);
    assert_score(&out, "ideology_score", 0, 0, None);
    assert_score(&out, "network_score", 2, 0, None);
    assert_score(&out, "intent_capability_score", 0, 0, None);
    assert_score(&out, "drivers_score", 2, 0, None);
    assert_score(&out, "conduct_score", 0, 0, None);
    assert_score(&out, "violent_action_score", 0, 0, Some(Low));
    assert_score(&out, "influence_score", 2, 0, Some(Low));
    assert_score(&out, "protective_score", 7, 0, Some(High));
    assert_eq!(result(&out, "women_context_score").scored, 0);
    assert_eq!(raised(&out), Vec::<&str>::new());
    assert_eq!(suggested(&out, "violent_action"), Some(Low));
    assert_eq!(suggested(&out, "influence_in_custody"), Some(Low));
    assert_eq!(suggested(&out, "engagement_potential"), Some(High));
}

#[test]
fn vespj_high_case_male_with_override() {
    let def = ve();
    // ideology 2+2+1+2 = 7; intent 2+2+1+2 = 7 → violent_action 14 → high (11–16).
    // network 2+2+1 = 5; conduct 2+1+2+0 = 5 → influence 10 → high (10–14).
    // drivers 2+2+1+2 = 7. protective 0+1+0+0 = 1 → low (0–2).
    // intent 2 and access 2 → intent_with_capability; intent trend worsened →
    // worsening. Engagement chosen moderate against the suggested low → override.
    let (r, o) = split(ve_ratings(
        [2, 2, 1, 2],
        [2, 2, 1],
        [2, 2, 1, 2],
        [2, 2, 1, 2],
        [2, 1, 2, 0],
        [0, 1, 0, 0],
    ));
    let mut items = build(&r, &o, countersigned());
    trend(&mut items, "intent_stated", "worsened");
    let a = answers(
        &def,
        items,
        json!({
            "violent_action": choice("high"),
            "influence_in_custody": choice("high"),
            "engagement_potential": override_choice("moderate")
        }),
    );
    assert_submittable(&def, &man(), &a);
    let out = score(&def, &man(), &a);
    assert_score(&out, "ideology_score", 7, 0, None);
    assert_score(&out, "network_score", 5, 0, None);
    assert_score(&out, "intent_capability_score", 7, 0, None);
    assert_score(&out, "drivers_score", 7, 0, None);
    assert_score(&out, "conduct_score", 5, 0, None);
    assert_score(&out, "violent_action_score", 14, 0, Some(High));
    assert_score(&out, "influence_score", 10, 0, Some(High));
    assert_score(&out, "protective_score", 1, 0, Some(Low));
    assert_eq!(raised(&out), ["intent_with_capability", "worsening"]);
    assert_eq!(suggested(&out, "violent_action"), Some(High));
    assert_eq!(suggested(&out, "influence_in_custody"), Some(High));
    assert_eq!(suggested(&out, "engagement_potential"), Some(Low));
    assert!(!overridden(&out, "violent_action"));
    assert!(overridden(&out, "engagement_potential"));
}

#[test]
fn vespj_female_case_with_omits_and_coercion() {
    let def = ve();
    // ideology 1+(omit)+0+1 = 2; intent 1+0+0+(omit) = 1 →
    //   violent_action 3 with 2 omitted ≤ 2 → low (0–5).
    // network 1+0+2 = 3; conduct 0+1+0+0 = 1 → influence 4 → low (0–4, upper edge).
    // women's context (women only, not in the risk scores): 2+1+(omit) = 3.
    // drivers 2+1+2+1 = 6. protective 1+2+1+(omit) = 4, 1 omitted ≤ 1 → moderate (3–5).
    // intent 1 → no intent_with_capability; network trend worsened → worsening;
    // coerced_involvement 2 ≥ 1 → coercion_concern.
    let (r, o) = split(ve_ratings(
        [1, OMIT, 0, 1],
        [1, 0, 2],
        [1, 0, 0, OMIT],
        [2, 1, 2, 1],
        [0, 1, 0, 0],
        [1, 2, 1, OMIT],
    ));
    let mut ratings = vec![("coerced_involvement", 2), ("family_dependence", 1)];
    ratings.extend(r);
    let mut omits = o;
    omits.push("children_exposure");
    let mut items = build(&ratings, &omits, countersigned());
    trend(&mut items, "network_contacts", "worsened");
    trend(&mut items, "intent_stated", "unchanged");
    let a = answers(
        &def,
        items,
        json!({
            "violent_action": choice("low"),
            "influence_in_custody": override_choice("moderate"),
            "engagement_potential": choice("moderate")
        }),
    );
    assert_submittable(&def, &woman(), &a);
    let out = score(&def, &woman(), &a);
    assert_score(&out, "ideology_score", 2, 1, None);
    assert_score(&out, "intent_capability_score", 1, 1, None);
    assert_score(&out, "women_context_score", 3, 1, None);
    assert_score(&out, "violent_action_score", 3, 2, Some(Low));
    assert_score(&out, "influence_score", 4, 0, Some(Low));
    assert_score(&out, "drivers_score", 6, 0, None);
    assert_score(&out, "protective_score", 4, 1, Some(Moderate));
    assert_eq!(raised(&out), ["worsening", "coercion_concern"]);
    assert_eq!(suggested(&out, "violent_action"), Some(Low));
    assert_eq!(suggested(&out, "influence_in_custody"), Some(Low));
    assert_eq!(suggested(&out, "engagement_potential"), Some(Moderate));
    assert!(overridden(&out, "influence_in_custody"));
}

#[test]
fn vespj_three_omits_in_a_judgement_score_suggest_nothing() {
    let def = ve();
    // violent_action: ideology (omit)+(omit)+(omit)+1, intent 0+0+0+0 → 1 with
    // 3 omitted > 2 → incomplete → no band, no suggestion for that judgement.
    let (r, o) = split(ve_ratings(
        [OMIT, OMIT, OMIT, 1],
        [0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [1, 1, 1, 1],
    ));
    let a = answers(&def, build(&r, &o, countersigned()), json!({}));
    let out = score(&def, &man(), &a);
    let va = result(&out, "violent_action_score");
    assert_eq!(
        (va.value, va.omitted, va.complete, va.band),
        (1, 3, false, None)
    );
    assert_eq!(suggested(&out, "violent_action"), None);
    assert_eq!(suggested(&out, "influence_in_custody"), Some(Low));
    assert_eq!(suggested(&out, "engagement_potential"), Some(Moderate));
    // Without judgements and countersignature the assessment cannot be submitted.
    let issues = validate_answers(&def, &man(), &Answers::default(), Completeness::Submit);
    let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
    for p in [
        "/items/countersign_name/value",
        "/items/countersign_date/value",
        "/judgements/violent_action/rationale",
        "/judgements/engagement_potential/level",
    ] {
        assert!(paths.contains(&p), "{p} not in {paths:?}");
    }
    assert!(!paths.contains(&"/items/countersign_comment/value"));
}

#[test]
fn vespj_women_context_is_shown_to_women_only() {
    let def = ve();
    let none = Answers::default();
    let male = shown(&def, &man(), &none);
    let female = shown(&def, &woman(), &none);
    for key in [
        "coerced_involvement",
        "family_dependence",
        "children_exposure",
    ] {
        assert!(!male.contains(&key.to_string()), "{key} shown to a man");
        assert!(
            female.contains(&key.to_string()),
            "{key} not shown to a woman"
        );
    }
    assert_eq!(female.len(), male.len() + 3);
}

#[test]
fn vespj_russian_wording_agrees_with_the_subjects_gender() {
    let def = ve();
    assert_eq!(
        label(&def, "ideology_violence", Locale::Ru, Gender::Female),
        "Высказывала ли осуждённая за последние 12 месяцев поддержку применения насилия ради политических, религиозных или социальных целей?"
    );
    assert_eq!(
        label(&def, "ideology_violence", Locale::Ru, Gender::Male),
        "Высказывал ли осуждённый за последние 12 месяцев поддержку применения насилия ради политических, религиозных или социальных целей?"
    );
    // A women-only item has only the female Russian wording.
    assert_eq!(
        label(&def, "coerced_involvement", Locale::Ru, Gender::Female),
        "Оказывали ли на осуждённую давление, угрожали ли ей или принуждали ли её муж, родственники или родственники мужа вступить в такую группу, поддерживать её или оставаться в ней?"
    );
}
