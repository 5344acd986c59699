//! The large instrument of the benchmarks (shared by `validate_and_score`
//! here and by the submission benchmark of the `tests` crate): 250 items in
//! 10 sections, every text in three languages with gendered Russian,
//! conditions on most items, a score per section, a total, flags and a
//! judgement — and a complete set of answers.
#![allow(dead_code)]

use domain::definition::Definition;
use serde_json::{Value, json};

pub const SECTIONS: usize = 10;
pub const PER_SECTION: usize = 25;

fn t(s: &str) -> Value {
    json!({ "tg": format!("{s} (тг)"), "ru": { "male": format!("{s} (м)"), "female": format!("{s} (ж)") }, "en": s })
}

/// The definition (JSON): 250 items, conditions, scores, flags, a judgement.
pub fn definition() -> Value {
    let mut sections = Vec::new();
    let mut scores = Vec::new();
    for s in 0..SECTIONS {
        let mut items = Vec::new();
        for i in 0..PER_SECTION {
            let key = format!("s{s}_i{i}");
            let mut item = match i % 5 {
                4 => json!({ "key": key, "type": "yes_no_unknown", "label": t(&key) }),
                _ => {
                    json!({ "key": key, "type": "rating", "label": t(&key), "hint": t("hint"), "scale": "rating_012",
                    "evidence": "required", "sources": "optional", "trend": "optional" })
                }
            };
            if i > 0 && i % 3 == 0 {
                item["show_if"] = json!(format!(
                    "answer(\"s{s}_i0\") >= 0 and subject.gender == \"male\" or count(items(\"s{s}_i1\", \"s{s}_i2\"), 2) > 0"
                ));
            }
            items.push(item);
        }
        sections.push(json!({ "key": format!("s{s}"), "title": t("section"), "intro": t("intro"), "items": items }));
        scores.push(json!({ "key": format!("score_s{s}"), "label": t("score"), "method": "sum", "sections": [format!("s{s}")],
            "max_omitted": 3, "bands": [
                { "level": "low", "min": 0, "max": 10, "label": t("low") },
                { "level": "moderate", "min": 11, "max": 25, "label": t("moderate") },
                { "level": "high", "min": 26, "max": 100, "label": t("high") }] }));
    }
    let all: Vec<String> = (0..SECTIONS).map(|s| format!("s{s}")).collect();
    scores.push(
        json!({ "key": "total", "label": t("total"), "method": "sum", "sections": all, "bands": [
        { "level": "low", "min": 0, "max": 100, "label": t("low") },
        { "level": "moderate", "min": 101, "max": 250, "label": t("moderate") },
        { "level": "high", "min": 251, "max": 1000, "label": t("high") }] }),
    );
    json!({
        "format": 1,
        "meta": { "code": "BENCH", "title": t("Bench"), "purpose": t("Bench"), "source_locale": "en",
            "required_locales": ["tg", "ru", "en"], "genders": ["male", "female"] },
        "scales": [{ "key": "rating_012", "options": [
            { "value": 0, "label": t("0") }, { "value": 1, "label": t("1") }, { "value": 2, "label": t("2") }],
            "omit": { "label": t("omit") } }],
        "sections": sections,
        "scores": scores,
        "flags": [
            { "key": "urgent", "label": t("urgent"), "when": "any(section(\"s0\"), 2) or band(\"total\") == \"high\"" },
            { "key": "intel", "label": t("intel"), "when": "\"intelligence\" in sources(\"s1_i0\") and score(\"score_s1\") > 5" }
        ],
        "judgements": [{ "key": "overall", "label": t("overall"), "suggested_by": "total", "levels": [
            { "level": "low", "label": t("low") }, { "level": "moderate", "label": t("moderate") }, { "level": "high", "label": t("high") }] }]
    })
}

/// A complete answers document for a man (every item shown to him).
pub fn answers_json(def: &Definition) -> Value {
    let mut items = serde_json::Map::new();
    for (n, (_, item)) in def.items().enumerate() {
        let a = match item.item_type {
            domain::definition::ItemType::YesNoUnknown => json!({ "value": "yes" }),
            _ => {
                json!({ "value": n % 3, "evidence": "seen in file", "sources": ["file_review", "interview"], "trend": "unchanged" })
            }
        };
        items.insert(item.key.to_string(), a);
    }
    json!({ "items": items,
        "judgements": { "overall": { "level": "moderate", "rationale": "r", "override_reason": "o" } } })
}
