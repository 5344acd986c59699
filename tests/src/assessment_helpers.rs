//! Answers documents for assessments of the Intake screen (IRNS), from
//! the library's golden cases (domain/tests/intake_screen.rs).

use serde_json::{Map, Value, json};

/// A rating answered with evidence and sources (as the Intake screen asks).
pub fn rated(n: i64) -> Value {
    json!({ "value": n, "evidence": "Seen in the case file and at interview.", "sources": ["file_review", "interview"] })
}

pub fn choice(level: &str) -> Value {
    json!({ "level": level, "rationale": "Based on the ratings, the interview and the file." })
}

/// The library's "low, male" golden case (domain/tests/intake_screen.rs).
pub fn low_male_case() -> Value {
    let ratings = [
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
    ];
    let items: Map<String, Value> = ratings
        .iter()
        .map(|(k, n)| ((*k).to_owned(), rated(*n)))
        .collect();
    json!({ "items": items, "judgements": { "screening_priority": choice("low") } })
}

/// The library's "high, male" golden case: urgent referral raised.
pub fn high_male_case() -> Value {
    let ratings = [
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
    ];
    let mut items: Map<String, Value> = ratings
        .iter()
        .map(|(k, n)| ((*k).to_owned(), rated(*n)))
        .collect();
    items.insert(
        "self_harm_details".into(),
        json!({ "value": "Cut his arm two days before admission; on constant observation." }),
    );
    json!({ "items": items, "judgements": { "screening_priority": choice("high") } })
}

/// "Omit — insufficient information", with the reason the assessor gives.
pub fn omitted() -> Value {
    json!({ "omitted": true, "omit_reason": "No reliable information yet." })
}

/// The library's "female, with omits and caregiving" golden case: four
/// items omitted, children outside (yes), the level chosen (high) above
/// the suggested one (moderate), with a reason. Total 8, moderate; the
/// childcare referral raised.
pub fn female_case() -> Value {
    let ratings = [
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
    ];
    let mut items: Map<String, Value> = ratings
        .iter()
        .map(|(k, n)| ((*k).to_owned(), rated(*n)))
        .collect();
    for key in [
        "harm_to_others",
        "substance_use",
        "disability",
        "mental_health",
    ] {
        items.insert(key.into(), omitted());
    }
    items.insert(
        "self_harm_details".into(),
        json!({ "value": "Overdose three years ago; no current thoughts or plan." }),
    );
    items.insert(
        "children_outside".into(),
        json!({ "value": "yes", "sources": ["interview"] }),
    );
    items.insert("pregnancy_postnatal".into(), json!({ "value": "no" }));
    json!({
        "items": items,
        "judgements": { "screening_priority": {
            "level": "high",
            "rationale": "See the evidence recorded per item.",
            "override_reason": "Recent information not reflected in the ratings.",
        } },
    })
}
