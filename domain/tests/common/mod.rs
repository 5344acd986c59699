//! Helpers shared by the instrument-library tests (`library.rs`,
//! `intake_screen.rs`, `ve_spj.rs`, `sentence_plan.rs`): loading the
//! definitions from `instrument-library/`, building answer documents that
//! are checked against the version's answer schema, and reading scores,
//! flags, judgements, visible items and wording out of the results.
//!
//! Each test file is its own test binary and uses only a subset of these
//! helpers, so the unused ones would be reported as dead code per binary.
#![allow(dead_code)]

use domain::definition::{
    Answers, Completeness, Definition, Level, Outcome, ScoreResult, Subject, answer_schema,
    validate_answers, visible_items,
};
use domain::{Gender, Locale};
use serde_json::{Map, Value, json};
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------- loading

pub fn library_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../instrument-library")
}

/// Every `instrument-library/*/definition.json`, sorted.
pub fn definition_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(library_dir())
        .expect("instrument-library exists")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("definition.json"))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

pub fn source(dir: &str) -> String {
    let path = library_dir().join(dir).join("definition.json");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn load(dir: &str) -> Definition {
    Definition::from_json(&source(dir)).unwrap_or_else(|e| panic!("{dir}: {e:#?}"))
}

// ------------------------------------------------------------- helpers

pub fn subject(gender: Gender) -> Subject {
    Subject { gender, age: None }
}
pub fn man() -> Subject {
    subject(Gender::Male)
}
pub fn woman() -> Subject {
    subject(Gender::Female)
}

/// A rating answered with evidence and one information source.
pub fn rated(n: i64) -> Value {
    json!({ "value": n, "evidence": "Seen in the case file and discussed at interview.", "sources": ["file_review", "interview"] })
}

/// "Omit — insufficient information", with the reason the assessor gives.
pub fn omitted() -> Value {
    json!({ "omitted": true, "omit_reason": "No reliable information yet." })
}

/// Builds answers from ratings, omitted items and other answers (`extra`,
/// an object of item key → answer).
pub fn build(ratings: &[(&str, i64)], omits: &[&str], extra: Value) -> Map<String, Value> {
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
pub fn trend(items: &mut Map<String, Value>, key: &str, t: &str) {
    items[key]["trend"] = json!(t);
}

/// The answers document; `judgements` is an object of key → choice.
pub fn answers(def: &Definition, items: Map<String, Value>, judgements: Value) -> Answers {
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

pub fn choice(level: &str) -> Value {
    json!({ "level": level, "rationale": "Based on the ratings, the interview and the file." })
}
pub fn override_choice(level: &str) -> Value {
    json!({ "level": level, "rationale": "See the evidence recorded per item.", "override_reason": "Recent information not reflected in the ratings." })
}

/// The answers are complete enough to submit.
pub fn assert_submittable(def: &Definition, who: &Subject, a: &Answers) {
    let issues = validate_answers(def, who, a, Completeness::Submit);
    assert!(issues.is_empty(), "{issues:#?}");
}

pub fn result<'a>(o: &'a Outcome, key: &str) -> &'a ScoreResult {
    o.scores
        .iter()
        .find(|s| s.key.as_str() == key)
        .unwrap_or_else(|| panic!("no score {key}"))
}

/// Asserts a score's value, omitted count and band (a band only when complete).
pub fn assert_score(o: &Outcome, key: &str, value: i64, omitted: u32, band: Option<Level>) {
    let r = result(o, key);
    assert_eq!(
        (r.value, r.omitted, r.band),
        (value, omitted, band),
        "score {key}: {r:?}"
    );
    assert_eq!(r.unanswered, 0, "score {key}: {r:?}");
}

pub fn raised(o: &Outcome) -> Vec<&str> {
    o.flags
        .iter()
        .filter(|f| f.raised)
        .map(|f| f.key.as_str())
        .collect()
}

pub fn suggested(o: &Outcome, key: &str) -> Option<Level> {
    o.judgements
        .iter()
        .find(|j| j.key.as_str() == key)
        .unwrap_or_else(|| panic!("no judgement {key}"))
        .suggested
}

pub fn overridden(o: &Outcome, key: &str) -> bool {
    o.judgements
        .iter()
        .find(|j| j.key.as_str() == key)
        .unwrap()
        .overridden
}

pub fn shown(def: &Definition, who: &Subject, a: &Answers) -> Vec<String> {
    visible_items(def, who, a)
        .iter()
        .map(|k| k.to_string())
        .collect()
}

pub fn label(def: &Definition, key: &str, locale: Locale, gender: Gender) -> String {
    def.item(key)
        .unwrap_or_else(|| panic!("no item {key}"))
        .label
        .resolve(locale, gender)
        .unwrap_or_else(|| panic!("{key} has no {locale:?} wording"))
        .to_owned()
}

/// Marks a rating as omitted in the golden-case tables (`split` in
/// `ve_spj.rs`, `domain` in `sentence_plan.rs`).
pub const OMIT: i64 = -1;
