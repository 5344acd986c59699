//! The generated answer schema accepts valid answers and refuses malformed
//! ones, as checked by the `jsonschema` crate the server uses.

use super::*;
use crate::definition::answer_schema;
use serde_json::json;

fn errors(instance: &Value) -> Vec<String> {
    let def = Definition::from_json(MINIMAL).unwrap();
    let schema = answer_schema(&def);
    let validator = jsonschema::draft202012::new(&schema).expect("the answer schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| e.instance_path.to_string())
        .collect()
}

#[test]
fn valid_answers_pass_the_generated_schema() {
    let a = json!({
        "items": {
            "self_harm": { "value": 2, "evidence": "threats", "sources": ["interview"], "trend": "worsened" },
            "self_harm_plan": { "value": "daily checks" },
            "has_children": { "value": "unknown" }
        },
        "judgements": { "overall_safety": { "level": "high", "rationale": "as scored" } }
    });
    assert_eq!(errors(&a), Vec::<String>::new());
    assert_eq!(
        errors(&json!({ "items": { "self_harm": { "omitted": true, "omit_reason": "no file" } } })),
        Vec::<String>::new()
    );
}

#[test]
fn serialised_answers_pass_the_generated_schema() {
    let a: crate::definition::Answers = serde_json::from_value(json!({
        "items": { "self_harm": { "value": 1, "evidence": "e" } }
    }))
    .unwrap();
    assert_eq!(
        errors(&serde_json::to_value(&a).unwrap()),
        Vec::<String>::new()
    );
}

#[test]
fn malformed_answers_fail_the_generated_schema_at_their_paths() {
    let a = json!({
        "items": {
            "self_harm": { "value": 3, "sources": ["rumour"], "trend": "better" },
            "has_children": { "value": "maybe", "evidence": "not asked" },
            "ghost": { "value": 1 }
        },
        "judgements": { "overall_safety": { "level": "extreme" } },
        "extra": true
    });
    let mut found = errors(&a);
    found.sort();
    assert_eq!(
        found,
        [
            "",
            "/items",
            "/items/has_children",
            "/items/has_children/value",
            "/items/self_harm/sources/0",
            "/items/self_harm/trend",
            "/items/self_harm/value",
            "/judgements/overall_safety/level",
        ]
    );
}
