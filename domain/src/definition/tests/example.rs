use super::*;
use crate::definition::DefinitionErrorKind as K;
use serde_json::json;

fn schema_errors(instance: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(INSTRUMENT_SCHEMA).unwrap();
    let validator = jsonschema::draft202012::new(&schema).expect("the schema compiles");
    let mut paths: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| e.instance_path.to_string())
        .collect();
    paths.sort();
    paths
}

#[test]
fn the_minimal_example_is_valid_against_the_instrument_schema() {
    assert_eq!(schema_errors(&minimal_value()), Vec::<String>::new());
}

#[test]
fn the_minimal_example_passes_every_semantic_check() {
    let def = Definition::from_json(MINIMAL).unwrap();
    assert_eq!(def.check(), vec![]);
}

#[test]
fn the_minimal_example_exports_byte_for_byte_as_imported() {
    let def = Definition::from_json(MINIMAL).unwrap();
    assert_eq!(def.to_json_pretty(), MINIMAL.trim_end());
    assert_eq!(Definition::from_json(&def.to_json_pretty()).unwrap(), def);
}

fn broken() -> Value {
    let mut v = minimal_value();
    v["meta"]["required_locales"] = json!(["tg", "ru", "en", "xx"]);
    v["sections"][0]["items"][0]["type"] = json!("scale");
    v["sections"][0]["items"][1]["lable"] = json!("x");
    v
}

#[test]
fn a_broken_copy_fails_the_schema_at_the_expected_paths() {
    let errors = schema_errors(&broken());
    for path in [
        "/meta/required_locales/3",
        "/sections/0/items/0/type",
        "/sections/0/items/1",
    ] {
        assert!(errors.iter().any(|e| e == path), "{path} not in {errors:?}");
    }
}

#[test]
fn a_broken_copy_fails_parsing_at_the_same_paths() {
    let errors = Definition::from_value(broken()).unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    // serde names the unknown field itself; the schema names its object.
    assert_eq!(
        paths,
        [
            "/meta/required_locales/3",
            "/sections/0/items/0/type",
            "/sections/0/items/1/lable"
        ]
    );
    assert!(errors.iter().all(|e| e.kind == K::Structure));
}

#[test]
fn a_semantically_broken_copy_reports_every_problem_with_its_path() {
    let mut v = minimal_value();
    // Forward reference from the first item to the second.
    v["sections"][0]["items"][0]["show_if"] = json!("answer(\"self_harm_plan\") is answered");
    // Missing Russian female wording of a label.
    v["sections"][0]["items"][0]["label"]["ru"] =
        json!({ "male": "Осуждённый может причинить себе вред" });
    // A score over an item that does not exist, with a gap in its bands.
    v["scores"][0]["items"] = json!(["nothing_here"]);
    v["scores"][0]["bands"][1]["min"] = json!(2);
    v["scores"][0]["bands"][1]["max"] = json!(2);
    v["scores"][0]["bands"][2]["min"] = json!(3);
    v["scores"][0]["bands"][2]["max"] = json!(4);
    let def = parse(&v);
    let errors = def.check();
    let found: Vec<(&str, K)> = errors.iter().map(|e| (e.path.as_str(), e.kind)).collect();
    let expected = [
        (
            "/sections/0/items/0/show_if",
            K::Expression(crate::definition::ExprErrorKind::ForwardReference),
        ),
        ("/sections/0/items/0/label/ru/female", K::MissingWording),
        ("/scores/0/items/0", K::UnknownReference),
        ("/scores/0/bands/1/min", K::BandGap),
    ];
    for e in expected {
        assert!(found.contains(&e), "{e:?} not in {found:#?}");
    }
    assert_eq!(errors.len(), expected.len(), "{errors:#?}");
    let label = errors.iter().find(|e| e.kind == K::MissingWording).unwrap();
    assert_eq!(
        label.to_string(),
        "/sections/0/items/0/label/ru/female: missing Russian female wording"
    );
}
