//! Any bytes through the definition reader and the semantic checks: neither
//! may panic, and a definition that reads must export to a document that
//! reads again. A readable definition is also run through skip logic,
//! validation and scoring with no answers, and the answer schema.

#![no_main]

use domain::Gender;
use domain::definition::{
    Answers, Completeness, Definition, Subject, answer_schema, score, validate_answers,
    visible_items,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    let Ok(def) = Definition::from_json(source) else { return };
    let _ = def.check();
    let exported = def.to_json_pretty();
    if let Err(errors) = Definition::from_json(&exported) {
        panic!("an exported definition does not read again: {errors:?}\n{exported}");
    }
    let answers = Answers::default();
    for gender in [Gender::Male, Gender::Female] {
        let subject = Subject { gender, age: Some(30) };
        let _ = visible_items(&def, &subject, &answers);
        let _ = validate_answers(&def, &subject, &answers, Completeness::Submit);
        let _ = score(&def, &subject, &answers);
    }
    let _ = answer_schema(&def);
});
