//! Cross-module tests of the definition model: the shipped example, every
//! class of semantic error, skip logic, validation, scoring, the answer
//! schema, and property tests. Unit tests of single modules sit beside them.

mod answers;
mod check_errors;
mod example;
mod expressions;
mod props;
mod schema;

use super::Definition;
use serde_json::Value;

pub(crate) const MINIMAL: &str =
    include_str!("../../../../instrument-library/examples/minimal.json");
pub(crate) const INSTRUMENT_SCHEMA: &str =
    include_str!("../../../../instrument-library/schema/instrument.schema.json");

pub(crate) fn minimal_value() -> Value {
    serde_json::from_str(MINIMAL).unwrap()
}

/// Parses a definition that must be structurally fine.
pub(crate) fn parse(value: &Value) -> Definition {
    Definition::from_value(value.clone()).unwrap_or_else(|e| panic!("{e:#?}"))
}

/// The paths of `check()`'s errors, sorted.
pub(crate) fn error_paths(def: &Definition) -> Vec<String> {
    let mut paths: Vec<String> = def.check().into_iter().map(|e| e.path).collect();
    paths.sort();
    paths
}
