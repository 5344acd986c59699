//! The `mizon` command line, run as a process: `instrument validate`,
//! `import` and `export`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn mizon(args: &[&str], database: Option<&Path>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_mizon"));
    command.args(args).current_dir(repo());
    if let Some(db) = database {
        command.env("MIZON_DATABASE_URL", format!("sqlite://{}", db.display()));
    }
    command.output().expect("mizon runs")
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mizon-cli-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn validate_accepts_every_library_file() {
    let out = mizon(
        &[
            "instrument",
            "validate",
            "instrument-library/intake-screen/definition.json",
            "instrument-library/ve-spj/definition.json",
            "instrument-library/sentence-plan/definition.json",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(stdout(&out).matches(": ok (").count(), 3);
}

#[test]
fn validate_prints_every_problem_with_its_path_and_fails() {
    let dir = temp_dir();
    let source =
        std::fs::read_to_string(repo().join("instrument-library/intake-screen/definition.json"))
            .unwrap();
    let mut value: serde_json::Value = serde_json::from_str(&source).unwrap();
    // Two semantic problems in different places: both must be reported.
    value["sections"][0]["items"][0]["label"]["ru"] =
        serde_json::json!({ "male": "Только мужская формулировка" });
    value["sections"][1]["items"][0]["label"]["tg"] = serde_json::json!("");
    let broken = dir.join("broken.json");
    std::fs::write(&broken, value.to_string()).unwrap();
    let out = mizon(&["instrument", "validate", broken.to_str().unwrap()], None);
    assert!(!out.status.success());
    let text = stdout(&out);
    assert!(
        text.contains("/sections/0/items/0/label/ru/female"),
        "{text}"
    );
    assert!(text.contains("/sections/1/items/0/label/tg"), "{text}");
}

#[test]
fn export_returns_exactly_what_import_took_across_databases() {
    let dir = temp_dir();
    let (a, b) = (dir.join("a.db"), dir.join("b.db"));
    let file = "instrument-library/ve-spj/definition.json";
    let imported = mizon(&["instrument", "import", file], Some(&a));
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    assert!(stdout(&imported).contains("VESPJ as version 1 (draft)"));
    let exported = mizon(&["instrument", "export", "VESPJ@1"], Some(&a));
    assert!(exported.status.success());
    let original = std::fs::read_to_string(repo().join(file)).unwrap();
    assert_eq!(
        stdout(&exported),
        original,
        "the library file is canonical: export equals it"
    );
    let copy = dir.join("copy.json");
    std::fs::write(&copy, stdout(&exported)).unwrap();
    assert!(
        mizon(&["instrument", "import", copy.to_str().unwrap()], Some(&b))
            .status
            .success()
    );
    let again = mizon(&["instrument", "export", "VESPJ"], Some(&b));
    assert_eq!(stdout(&again), stdout(&exported));
    // A second import is the next version, not a replacement.
    let second = mizon(&["instrument", "import", copy.to_str().unwrap()], Some(&b));
    assert!(stdout(&second).contains("as version 2 (draft)"));
    let missing = mizon(&["instrument", "export", "NOPE"], Some(&b));
    assert!(!missing.status.success());
}

#[test]
fn help_documents_every_subcommand() {
    let out = mizon(&["--help"], None);
    let text = stdout(&out);
    for sub in ["serve", "migrate", "admin", "audit", "instrument"] {
        assert!(text.contains(sub), "{sub} missing from --help");
    }
    let out = mizon(&["instrument", "--help"], None);
    for sub in ["validate", "import", "export"] {
        assert!(
            stdout(&out).contains(sub),
            "{sub} missing from instrument --help"
        );
    }
}
