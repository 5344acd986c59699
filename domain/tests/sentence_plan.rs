//! The Sentence-Plan Needs Checklist (SPNC,
//! `instrument-library/sentence-plan/`): it scores, shows and words itself
//! as its README says — golden need totals and priorities for men and
//! women, the women-only domains, the plan that follows a need, and
//! gendered Russian wording.
//!
//! The golden scoring cases are computed by hand; each case's comment shows
//! the arithmetic, so a change in the definition or in the scoring rules that
//! moves a number shows up here as a failing assertion. Checks common to all
//! three sample instruments are in `library.rs`; shared helpers in
//! `common/mod.rs`.

mod common;

use common::{
    OMIT, answers, assert_score, assert_submittable, choice, label, load, man, omitted, raised,
    rated, result, shown, suggested, woman,
};
use domain::definition::Level::{High, Low, Moderate};
use domain::definition::{Answers, Definition, Subject, score};
use domain::{Gender, Locale};
use serde_json::{Map, Value, json};

fn plan() -> Definition {
    load("sentence-plan")
}

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
