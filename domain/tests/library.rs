//! Checks that hold for every open sample instrument in
//! `instrument-library/*/definition.json` together: the three samples are
//! there, and each is well formed (JSON Schema, parse, `check()`), exports
//! canonically byte for byte, and is for both genders in Tajik, Russian and
//! English. A new definition dropped into the library is covered here
//! without a new test.
//!
//! Each instrument's own behaviour (golden scoring cases, what it shows and
//! how it words itself) is tested in its own file: `intake_screen.rs`,
//! `ve_spj.rs` and `sentence_plan.rs`.

mod common;

use common::{definition_files, library_dir};
use domain::definition::Definition;
use domain::{Gender, Locale};
use serde_json::Value;

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
