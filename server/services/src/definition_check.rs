//! Checking a definition document before it enters the library, in three
//! passes that each report *every* problem with its JSON path: JSON syntax,
//! the JSON Schema (`instrument-library/schema`), then the domain model's
//! parse and semantic checks (references, expressions, translations).

use crate::library::INSTRUMENT_SCHEMA;
pub use crate::model::Problem;
use domain::definition::Definition;
use serde_json::Value;

/// The compiled JSON Schema. Made per check and dropped after it, not kept
/// for the process's life: compiled, it holds tens of megabytes (every
/// `$ref` is expanded), and definitions are checked rarely (on import).
fn validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(INSTRUMENT_SCHEMA).expect("the bundled schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the bundled schema compiles")
}

/// Returns the definition, or every problem found.
pub fn check_definition(source: &str) -> Result<Definition, Vec<Problem>> {
    check(source, true)
}

/// Like [`check_definition`] without the JSON Schema pass, for the sample
/// definitions compiled into the binary (the test suite checks them
/// against the schema). Compiling a 2020-12 schema makes `jsonschema` build
/// its meta-schema validator, which it keeps for the rest of the process
/// (about 100 MB): a server that never imports never pays for it.
pub fn check_bundled_definition(source: &str) -> Result<Definition, Vec<Problem>> {
    check(source, false)
}

/// A draft being written: refused (every problem) only when it is not a
/// definition in the format at all (JSON, the JSON Schema, the model's
/// parse); otherwise the definition with every semantic problem, which a
/// draft may have while it is written (an untranslated text, a band not
/// yet drawn) and which block its submission for review.
pub fn check_draft(source: &str) -> Result<(Definition, Vec<Problem>), Vec<Problem>> {
    let definition = parse(source, true)?;
    let problems = definition.check().into_iter().map(Problem::from).collect();
    Ok((definition, problems))
}

fn check(source: &str, with_schema: bool) -> Result<Definition, Vec<Problem>> {
    let definition = parse(source, with_schema)?;
    let semantic: Vec<Problem> = definition.check().into_iter().map(Problem::from).collect();
    if semantic.is_empty() {
        Ok(definition)
    } else {
        Err(semantic)
    }
}

fn parse(source: &str, with_schema: bool) -> Result<Definition, Vec<Problem>> {
    let value: Value = serde_json::from_str(source).map_err(|e| {
        let message = format!(
            "not valid JSON (line {}, column {}): {e}",
            e.line(),
            e.column()
        );
        let mut problem = Problem::text("", message);
        problem.message_id = "check-syntax".to_owned();
        problem.args.insert("line".to_owned(), e.line().into());
        problem.args.insert("column".to_owned(), e.column().into());
        vec![problem]
    })?;
    if with_schema {
        let schema_problems: Vec<Problem> = validator()
            .iter_errors(&value)
            // jsonschema says these in English only.
            .map(|e| Problem::text(e.instance_path.to_string(), e.to_string()))
            .collect();
        if !schema_problems.is_empty() {
            return Err(schema_problems);
        }
    }
    Definition::from_value(value)
        .map_err(|errors| errors.into_iter().map(Problem::from).collect::<Vec<_>>())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::SAMPLE_INSTRUMENTS;

    #[test]
    fn every_sample_instrument_passes_all_three_passes() {
        for (path, source) in SAMPLE_INSTRUMENTS {
            if let Err(problems) = check_definition(source) {
                panic!("{path}: {problems:?}");
            }
            // So loading them unchecked by the schema at start-up is safe.
            assert!(check_bundled_definition(source).is_ok(), "{path}");
        }
    }

    #[test]
    fn broken_json_is_reported_with_its_position() {
        let problems = check_definition("{\n  \"format\": 1,\n").unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("line 3"), "{problems:?}");
        assert_eq!(problems[0].message_id, "check-syntax");
        assert_eq!(problems[0].args["line"], 3usize.into());
    }

    #[test]
    fn schema_problems_are_all_reported_with_paths() {
        let mut value: Value = serde_json::from_str(SAMPLE_INSTRUMENTS[0].1).unwrap();
        value["meta"]["code"] = Value::from("bad code!");
        value["sections"][0]["items"][0]["type"] = Value::from("essay");
        let problems = check_definition(&value.to_string()).unwrap_err();
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert!(paths.contains(&"/meta/code"), "{paths:?}");
        assert!(
            paths.iter().any(|p| p.starts_with("/sections/0/items/0")),
            "{paths:?}"
        );
    }

    #[test]
    fn semantic_problems_come_after_the_schema_passes() {
        let mut value: Value = serde_json::from_str(SAMPLE_INSTRUMENTS[0].1).unwrap();
        let label = &mut value["sections"][0]["items"][0]["label"];
        label["ru"] = serde_json::json!({ "male": "Только мужская формулировка" });
        let problems = check_definition(&value.to_string()).unwrap_err();
        let problem = problems
            .iter()
            .find(|p| p.path == "/sections/0/items/0/label/ru/female")
            .unwrap_or_else(|| panic!("{problems:?}"));
        assert_eq!(problem.message_id, "check-missing-gender-wording");
        assert_eq!(
            problem.args["gender"],
            domain::definition::MessageArg::Term {
                term: "check-term-gender-female".into()
            }
        );
    }
}
