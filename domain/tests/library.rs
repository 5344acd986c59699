//! The open sample instruments in `instrument-library/*/definition.json`:
//! they are well formed (JSON Schema, parse, `check()`), export
//! canonically, and score, show and word themselves as their READMEs say.
//!
//! The golden scoring cases are computed by hand; each case's comment shows
//! the arithmetic, so a change in a definition or in the scoring rules that
//! moves a number shows up here as a failing assertion.

use domain::definition::{
    Answers, Completeness, Definition, Level, Outcome, ScoreResult, Subject, answer_schema, score,
    validate_answers, visible_items,
};
use domain::{Gender, Locale};
use serde_json::{Map, Value, json};
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------- loading

fn library_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../instrument-library")
}

/// Every `instrument-library/*/definition.json`, sorted.
fn definition_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(library_dir())
        .expect("instrument-library exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("definition.json"))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

fn source(dir: &str) -> String {
    let path = library_dir().join(dir).join("definition.json");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn load(dir: &str) -> Definition {
    Definition::from_json(&source(dir)).unwrap_or_else(|e| panic!("{dir}: {e:#?}"))
}

fn intake() -> Definition {
    load("intake-screen")
}
fn ve() -> Definition {
    load("ve-spj")
}
fn plan() -> Definition {
    load("sentence-plan")
}

// ------------------------------------------------------ well-formedness

#[test]
fn the_three_sample_instruments_are_in_the_library() {
    let names: Vec<String> = definition_files()
        .iter()
        .map(|p| {
            p.parent()
                .and_then(|d| d.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    for dir in ["intake-screen", "ve-spj", "sentence-plan"] {
        assert!(names.iter().any(|n| n == dir), "{dir} missing in {names:?}");
    }
}

#[test]
fn every_definition_parses_and_passes_check() {
    let mut problems = Vec::new();
    for path in definition_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        match Definition::from_json(&text) {
            Err(errors) => {
                problems.extend(errors.iter().map(|e| format!("{}: {e}", path.display())))
            }
            Ok(def) => problems.extend(
                def.check()
                    .iter()
                    .map(|e| format!("{}: {e}", path.display())),
            ),
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_definition_is_valid_against_the_instrument_schema() {
    let schema_text =
        std::fs::read_to_string(library_dir().join("schema/instrument.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::draft202012::new(&schema).expect("the schema compiles");
    let mut problems = Vec::new();
    for path in definition_files() {
        let instance: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for e in validator.iter_errors(&instance) {
            problems.push(format!("{} {}: {e}", path.display(), e.instance_path));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn every_definition_round_trips_through_its_export() {
    for path in definition_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let def = Definition::from_json(&text).unwrap();
        let again = Definition::from_json(&def.to_json_pretty())
            .unwrap_or_else(|e| panic!("{}: {e:#?}", path.display()));
        assert_eq!(again, def, "{}", path.display());
        // The files are written canonically, so they export byte for byte.
        assert_eq!(def.to_json_pretty(), text.trim_end(), "{}", path.display());
    }
}

#[test]
fn every_definition_is_for_both_genders_in_three_languages() {
    for path in definition_files() {
        let def = Definition::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(
            def.meta.required_locales,
            [Locale::Tg, Locale::Ru, Locale::En]
        );
        assert_eq!(def.meta.genders, [Gender::Male, Gender::Female]);
        // Some section or item is for women only.
        assert!(
            def.items()
                .any(|(s, i)| Definition::item_applies_to(s, i) == Some(Gender::Female)),
            "{}",
            path.display()
        );
    }
}

// ------------------------------------------------------------- helpers

fn subject(gender: Gender) -> Subject {
    Subject { gender, age: None }
}
fn man() -> Subject {
    subject(Gender::Male)
}
fn woman() -> Subject {
    subject(Gender::Female)
}

/// A rating answered with evidence and one information source.
fn rated(n: i64) -> Value {
    json!({ "value": n, "evidence": "Seen in the case file and discussed at interview.", "sources": ["file_review", "interview"] })
}

/// "Omit — insufficient information", with the reason the assessor gives.
fn omitted() -> Value {
    json!({ "omitted": true, "omit_reason": "No reliable information yet." })
}

/// Builds answers from ratings, omitted items and other answers (`extra`,
/// an object of item key → answer).
fn build(ratings: &[(&str, i64)], omits: &[&str], extra: Value) -> Map<String, Value> {
    let mut items = Map::new();
    for (k, n) in ratings {
        items.insert((*k).into(), rated(*n));
    }
    for k in omits {
        items.insert((*k).into(), omitted());
    }
    if let Value::Object(m) = extra {
        items.extend(m);
    }
    items
}

/// Adds a trend to an answer already in `items`.
fn trend(items: &mut Map<String, Value>, key: &str, t: &str) {
    items[key]["trend"] = json!(t);
}

/// The answers document; `judgements` is an object of key → choice.
fn answers(def: &Definition, items: Map<String, Value>, judgements: Value) -> Answers {
    let doc = json!({ "items": items, "judgements": judgements });
    // Every golden answer set is valid against the version's answer schema.
    let schema = answer_schema(def);
    let validator = jsonschema::draft202012::new(&schema).expect("the answer schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{}: {e}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    serde_json::from_value(doc).unwrap()
}

fn choice(level: &str) -> Value {
    json!({ "level": level, "rationale": "Based on the ratings, the interview and the file." })
}
fn override_choice(level: &str) -> Value {
    json!({ "level": level, "rationale": "See the evidence recorded per item.", "override_reason": "Recent information not reflected in the ratings." })
}

/// The answers are complete enough to submit.
fn assert_submittable(def: &Definition, who: &Subject, a: &Answers) {
    let issues = validate_answers(def, who, a, Completeness::Submit);
    assert!(issues.is_empty(), "{issues:#?}");
}

fn result<'a>(o: &'a Outcome, key: &str) -> &'a ScoreResult {
    o.scores
        .iter()
        .find(|s| s.key.as_str() == key)
        .unwrap_or_else(|| panic!("no score {key}"))
}

/// Asserts a score's value, omitted count and band (a band only when complete).
fn assert_score(o: &Outcome, key: &str, value: i64, omitted: u32, band: Option<Level>) {
    let r = result(o, key);
    assert_eq!(
        (r.value, r.omitted, r.band),
        (value, omitted, band),
        "score {key}: {r:?}"
    );
    assert_eq!(r.unanswered, 0, "score {key}: {r:?}");
}

fn raised(o: &Outcome) -> Vec<&str> {
    o.flags
        .iter()
        .filter(|f| f.raised)
        .map(|f| f.key.as_str())
        .collect()
}

fn suggested(o: &Outcome, key: &str) -> Option<Level> {
    o.judgements
        .iter()
        .find(|j| j.key.as_str() == key)
        .unwrap_or_else(|| panic!("no judgement {key}"))
        .suggested
}

fn overridden(o: &Outcome, key: &str) -> bool {
    o.judgements
        .iter()
        .find(|j| j.key.as_str() == key)
        .unwrap()
        .overridden
}

fn shown(def: &Definition, who: &Subject, a: &Answers) -> Vec<String> {
    visible_items(def, who, a)
        .iter()
        .map(|k| k.to_string())
        .collect()
}

fn label(def: &Definition, key: &str, locale: Locale, gender: Gender) -> String {
    def.item(key)
        .unwrap_or_else(|| panic!("no item {key}"))
        .label
        .resolve(locale, gender)
        .unwrap_or_else(|| panic!("{key} has no {locale:?} wording"))
        .to_owned()
}

use Level::{High, Low, Moderate};

// ============================================== Intake Risk & Needs Screen

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

// ======================================== Violent Extremism SPJ guide (VESPJ)

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

const OMIT: i64 = -1;

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

// ==================================== Sentence-Plan Needs Checklist (SPNC)

const SPNC_CORE: [&str; 8] = [
    "education",
    "employment",
    "accommodation",
    "finances",
    "family",
    "substance",
    "health",
    "thinking",
];
const SPNC_FEMALE: [&str; 3] = ["trauma", "parenting", "relationships"];

/// One domain's answers: the need level (or omitted), the person's view,
/// and — when there is a need — the plan with its priority.
fn domain(items: &mut Map<String, Value>, d: &str, need: i64, priority: &str) {
    let k = |suffix: &str| format!("{d}_{suffix}");
    items.insert(
        k("need"),
        if need == OMIT { omitted() } else { rated(need) },
    );
    items.insert(k("view"), json!({ "value": "Says this matters to them." }));
    if need >= 1 {
        items.insert(k("priority"), json!({ "value": priority }));
        items.insert(
            k("objective"),
            json!({ "value": "A measurable step by the target date." }),
        );
        items.insert(
            k("intervention"),
            json!({ "value": "Weekly sessions with the named officer." }),
        );
        items.insert(
            k("responsible"),
            json!({ "value": "D. Nazarova, social worker" }),
        );
        items.insert(k("target_date"), json!({ "value": "2025-09-30" }));
    }
}

fn plan_answers(def: &Definition, domains: &[(&str, i64, &str)], judgement: Value) -> Answers {
    let mut items = Map::new();
    for (d, need, priority) in domains {
        domain(&mut items, d, *need, priority);
    }
    answers(def, items, json!({ "overall_need": judgement }))
}

#[test]
fn spnc_low_case_male() {
    let def = plan();
    // need_total = 0+1+0+1+0+0+0+1 = 3 → low (0–4); no need is 2 → significant 0;
    // plans for employment (medium), finances (low), thinking (high) → 1 high priority.
    let a = plan_answers(
        &def,
        &[
            ("education", 0, ""),
            ("employment", 1, "medium"),
            ("accommodation", 0, ""),
            ("finances", 1, "low"),
            ("family", 0, ""),
            ("substance", 0, ""),
            ("health", 0, ""),
            ("thinking", 1, "high"),
        ],
        choice("low"),
    );
    assert_submittable(&def, &man(), &a);
    let o = score(&def, &man(), &a);
    assert_score(&o, "need_total", 3, 0, Some(Low));
    assert_score(&o, "significant_needs", 0, 0, None);
    assert_score(&o, "high_priorities", 1, 0, None);
    assert_eq!(result(&o, "women_need_total").scored, 0);
    assert_eq!(raised(&o), Vec::<&str>::new());
    assert_eq!(suggested(&o, "overall_need"), Some(Low));
}

#[test]
fn spnc_high_case_male() {
    let def = plan();
    // need_total = 2+2+1+2+1+2+0+2 = 12 → high (10–16);
    // significant (= 2): education, employment, finances, substance, thinking = 5;
    // high priority for each of those 5, medium for the two 1s → 5;
    // 5 ≥ 3 significant needs → case_conference.
    let a = plan_answers(
        &def,
        &[
            ("education", 2, "high"),
            ("employment", 2, "high"),
            ("accommodation", 1, "medium"),
            ("finances", 2, "high"),
            ("family", 1, "medium"),
            ("substance", 2, "high"),
            ("health", 0, ""),
            ("thinking", 2, "high"),
        ],
        choice("high"),
    );
    assert_submittable(&def, &man(), &a);
    let o = score(&def, &man(), &a);
    assert_score(&o, "need_total", 12, 0, Some(High));
    assert_score(&o, "significant_needs", 5, 0, None);
    assert_score(&o, "high_priorities", 5, 0, None);
    assert_eq!(raised(&o), ["case_conference"]);
    assert_eq!(suggested(&o, "overall_need"), Some(High));
}

#[test]
fn spnc_female_case_with_omits_and_women_only_domains() {
    let def = plan();
    // core: 1 + (omit) + 2 + 0 + 1 + (omit) + 1 + 0 = 5, 2 omitted ≤ 2 → moderate (5–9);
    // women only: trauma 2 + parenting 1 + relationships 2 = 5;
    // significant: accommodation, trauma, relationships = 3 (2 omitted);
    // high priority: accommodation, trauma, relationships = 3;
    // 3 significant → case_conference; trauma 2 → trauma_referral.
    let a = plan_answers(
        &def,
        &[
            ("education", 1, "medium"),
            ("employment", OMIT, ""),
            ("accommodation", 2, "high"),
            ("finances", 0, ""),
            ("family", 1, "low"),
            ("substance", OMIT, ""),
            ("health", 1, "medium"),
            ("thinking", 0, ""),
            ("trauma", 2, "high"),
            ("parenting", 1, "medium"),
            ("relationships", 2, "high"),
        ],
        choice("moderate"),
    );
    assert_submittable(&def, &woman(), &a);
    let o = score(&def, &woman(), &a);
    assert_score(&o, "need_total", 5, 2, Some(Moderate));
    assert_score(&o, "women_need_total", 5, 0, None);
    assert_score(&o, "significant_needs", 3, 2, None);
    assert_score(&o, "high_priorities", 3, 0, None);
    assert_eq!(raised(&o), ["case_conference", "trauma_referral"]);
    assert_eq!(suggested(&o, "overall_need"), Some(Moderate));
    // The same answers for a man: the women-only domains do not count.
    // need_total 5 → moderate; significant only accommodation = 1; no flags.
    let o = score(&def, &man(), &a);
    assert_score(&o, "need_total", 5, 2, Some(Moderate));
    assert_score(&o, "significant_needs", 1, 2, None);
    assert_score(&o, "high_priorities", 1, 0, None);
    assert_eq!(raised(&o), Vec::<&str>::new());
}

#[test]
fn spnc_three_omitted_needs_leave_the_total_without_a_band() {
    let def = plan();
    // need_total = 0+0+0+1+1+0 = 2 with 3 omitted > 2 → incomplete → no suggestion.
    let a = plan_answers(
        &def,
        &[
            ("education", OMIT, ""),
            ("employment", OMIT, ""),
            ("accommodation", OMIT, ""),
            ("finances", 0, ""),
            ("family", 0, ""),
            ("substance", 0, ""),
            ("health", 1, "low"),
            ("thinking", 1, "medium"),
        ],
        choice("low"),
    );
    assert_submittable(&def, &man(), &a);
    let o = score(&def, &man(), &a);
    let r = result(&o, "need_total");
    assert_eq!(
        (r.value, r.omitted, r.complete, r.band),
        (2, 3, false, None)
    );
    assert_eq!(suggested(&o, "overall_need"), None);
}

#[test]
fn spnc_women_only_domains_and_plan_conditions() {
    let def = plan();
    let none = Answers::default();
    let male = shown(&def, &man(), &none);
    let female = shown(&def, &woman(), &none);
    // With no answers, each domain shows its need level and the person's view.
    assert_eq!(male.len(), SPNC_CORE.len() * 2, "{male:?}");
    assert_eq!(female.len(), (SPNC_CORE.len() + SPNC_FEMALE.len()) * 2);
    for d in SPNC_FEMALE {
        assert!(!male.contains(&format!("{d}_need")));
        assert!(female.contains(&format!("{d}_need")));
    }
    // The plan of a domain appears when its need is 1 or 2.
    let plan_of = |need: Value, who: &Subject, d: &str| {
        let mut items = Map::new();
        items.insert(format!("{d}_need"), need);
        let a = answers(&def, items, json!({}));
        let s = shown(&def, who, &a);
        [
            "priority",
            "objective",
            "intervention",
            "responsible",
            "target_date",
        ]
        .iter()
        .filter(|x| s.contains(&format!("{d}_{x}")))
        .count()
    };
    assert_eq!(plan_of(rated(0), &man(), "education"), 0);
    assert_eq!(plan_of(rated(1), &man(), "education"), 5);
    assert_eq!(plan_of(rated(2), &man(), "education"), 5);
    assert_eq!(plan_of(omitted(), &man(), "education"), 0);
    assert_eq!(plan_of(rated(2), &woman(), "trauma"), 5);
    assert_eq!(plan_of(rated(2), &man(), "trauma"), 0);
}

#[test]
fn spnc_russian_wording_agrees_with_the_subjects_gender() {
    let def = plan();
    let hint = |g: Gender| {
        def.item("education_view")
            .unwrap()
            .hint
            .as_ref()
            .unwrap()
            .resolve(Locale::Ru, g)
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        hint(Gender::Female),
        "Если осуждённая отказалась высказаться, запишите это."
    );
    assert_eq!(
        hint(Gender::Male),
        "Если осуждённый отказался высказаться, запишите это."
    );
    assert_eq!(
        label(&def, "employment_need", Locale::Ru, Gender::Female),
        "Не имела ли осуждённая постоянной работы до заключения, или не хватает ли ей навыков или профессии, чтобы найти работу после освобождения?"
    );
    assert_eq!(
        label(&def, "employment_need", Locale::Ru, Gender::Male),
        "Не имел ли осуждённый постоянной работы до заключения, или не хватает ли ему навыков или профессии, чтобы найти работу после освобождения?"
    );
    assert_eq!(
        label(&def, "trauma_view", Locale::Ru, Gender::Female),
        "Мнение самой осуждённой об этой потребности (её словами)"
    );
}
