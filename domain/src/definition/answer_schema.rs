//! The JSON Schema (2020-12) of the answers to one definition version.
//!
//! The server validates submitted answers with it (using the `jsonschema`
//! crate) before they reach `validate_answers`, and it documents the shape
//! of an assessment for integrators. It states shapes and value lists only;
//! rules that depend on other answers (required, visibility, omit reasons,
//! override reasons) are `validate_answers`' job.

use super::answers::{InformationSource, Trend};
use super::index::{Index, YES_NO_UNKNOWN};
use super::model::{Definition, ItemType, NOTE_MAX_CHARS};
use serde_json::{Map, Value, json};

fn note() -> Value {
    json!({ "type": "string", "maxLength": NOTE_MAX_CHARS })
}

fn value_schema(index: &Index, pos: usize) -> Value {
    let entry = &index.items[pos];
    let item = entry.item;
    let options: Vec<Value> = entry
        .scale
        .map(|s| s.options.iter().map(|o| json!(o.value)).collect())
        .unwrap_or_default();
    match item.item_type {
        ItemType::Rating | ItemType::SingleChoice => json!({ "enum": options }),
        ItemType::MultipleChoice => {
            json!({ "type": "array", "items": { "enum": options }, "uniqueItems": true })
        }
        ItemType::YesNoUnknown => json!({ "enum": YES_NO_UNKNOWN }),
        ItemType::Number => {
            let mut s = Map::new();
            s.insert("type".into(), json!("number"));
            if let Some(min) = &item.min {
                s.insert("minimum".into(), Value::Number(min.clone()));
            }
            if let Some(max) = &item.max {
                s.insert("maximum".into(), Value::Number(max.clone()));
            }
            Value::Object(s)
        }
        ItemType::Date => json!({ "type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$" }),
        ItemType::ShortText | ItemType::LongText => {
            json!({ "type": "string", "maxLength": item.item_type.max_chars() })
        }
    }
}

/// The schema of `Answers` (as serialised) for this definition.
pub fn answer_schema(def: &Definition) -> Value {
    let index = Index::new(def);
    let mut items = Map::new();
    for (pos, entry) in index.items.iter().enumerate() {
        let item = entry.item;
        let mut props = Map::new();
        props.insert("value".into(), value_schema(&index, pos));
        if entry.scale.and_then(|s| s.omit.as_ref()).is_some() {
            props.insert("omitted".into(), json!({ "type": "boolean" }));
            props.insert("omit_reason".into(), note());
        }
        if item.evidence.is_asked() {
            props.insert("evidence".into(), note());
        }
        if item.sources.is_asked() {
            let codes: Vec<&str> = InformationSource::ALL.iter().map(|s| s.code()).collect();
            props.insert(
                "sources".into(),
                json!({ "type": "array", "items": { "enum": codes }, "uniqueItems": true }),
            );
        }
        if item.trend.is_asked() {
            let codes: Vec<&str> = Trend::ALL.iter().map(|t| t.code()).collect();
            props.insert("trend".into(), json!({ "enum": codes }));
        }
        items.entry(item.key.to_string()).or_insert(json!({
            "type": "object",
            "properties": props,
            "additionalProperties": false
        }));
    }
    let mut judgements = Map::new();
    for j in &def.judgements {
        let levels: Vec<&str> = j.levels.iter().map(|l| l.level.code()).collect();
        judgements.entry(j.key.to_string()).or_insert(json!({
            "type": "object",
            "properties": {
                "level": { "enum": levels },
                "rationale": note(),
                "override_reason": note()
            },
            "additionalProperties": false
        }));
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("Answers to {}", def.meta.code),
        "type": "object",
        "properties": {
            "items": { "type": "object", "properties": items, "additionalProperties": false },
            "judgements": { "type": "object", "properties": judgements, "additionalProperties": false }
        },
        "additionalProperties": false
    })
}
