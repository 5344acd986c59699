//! The OpenAPI document, checked by an independent validator
//! (`openapi-spec-validator` from PyPI, which `.ci/test` installs) rather
//! than by the library that wrote it.

use std::process::Command;

/// The validator: `MIZON_OPENAPI_VALIDATOR` if set, else the Python module.
fn validator() -> Command {
    match std::env::var("MIZON_OPENAPI_VALIDATOR") {
        Ok(program) if !program.is_empty() => Command::new(program),
        _ => {
            let mut c = Command::new("python3");
            c.args(["-m", "openapi_spec_validator"]);
            c
        }
    }
}

#[test]
fn the_openapi_document_is_valid_openapi_3_1() {
    let document = server::api::openapi().to_pretty_json().expect("serialises");
    let value: serde_json::Value = serde_json::from_str(&document).unwrap();
    assert!(value["openapi"].as_str().unwrap().starts_with("3.1"));
    let file = std::env::temp_dir().join(format!("mizon-openapi-{}.json", std::process::id()));
    std::fs::write(&file, &document).unwrap();
    let output = validator()
        .arg(&file)
        .output()
        .expect("the validator runs: pip install openapi-spec-validator (.ci/test does)");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "the validator refused it:\n{said}");
    assert!(said.contains("OK"), "{said}");
    let _ = std::fs::remove_file(&file);
}

#[test]
fn the_validator_used_above_does_refuse_a_broken_document() {
    // Guards the test above against a validator that accepts anything.
    let file = std::env::temp_dir().join(format!("mizon-openapi-bad-{}.json", std::process::id()));
    std::fs::write(
        &file,
        r#"{"openapi": "3.1.0", "info": {"title": "x"}, "paths": {"/a": {"get": {"responses": 7}}}}"#,
    )
    .unwrap();
    let output = validator().arg(&file).output().expect("the validator runs");
    assert!(!output.status.success());
    let _ = std::fs::remove_file(&file);
}
