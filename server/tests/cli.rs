//! The `mizon` command line, run as a process: `instrument validate`,
//! `import`, `export` and `diff`.

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
    // A second import while version 1 is still a draft is refused (an
    // instrument has at most one open version); it replaces nothing.
    let second = mizon(&["instrument", "import", copy.to_str().unwrap()], Some(&b));
    assert!(!second.status.success());
    let refusal = String::from_utf8_lossy(&second.stderr);
    assert!(
        refusal.contains("already has a version that is not yet published"),
        "{refusal}"
    );
    let unchanged = mizon(&["instrument", "export", "VESPJ@1"], Some(&b));
    assert_eq!(stdout(&unchanged), stdout(&exported));
    assert!(
        !mizon(&["instrument", "export", "VESPJ@2"], Some(&b))
            .status
            .success()
    );
    let missing = mizon(&["instrument", "export", "NOPE"], Some(&b));
    assert!(!missing.status.success());
}

#[test]
fn diff_of_two_files_needs_no_database_and_prints_each_change() {
    let dir = temp_dir();
    let original = "instrument-library/intake-screen/definition.json";
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join(original)).unwrap()).unwrap();
    value["sections"][2]["items"][3]["label"]["ru"]["female"] = serde_json::json!("Новая");
    let fixed = dir.join("fixed.json");
    std::fs::write(&fixed, value.to_string()).unwrap();
    let fixed = fixed.to_str().unwrap();

    let unused = dir.join("unused.db");
    let out = mizon(&["instrument", "diff", original, fixed], Some(&unused));
    assert!(out.status.success(), "{out:?}");
    assert!(!unused.exists(), "two files open no database");
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.starts_with("translation  /sections/2/items/3/label/ru/female  item peers"),
        "{text}"
    );

    let out = mizon(&["instrument", "diff", "--json", original, fixed], None);
    assert!(out.status.success(), "{out:?}");
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["changes"][0]["class"], "translation");
    assert_eq!(json["changes"][0]["after"], "Новая");
    assert_eq!(json["changes"].as_array().unwrap().len(), 1);

    // No change is still success; an unreadable side is not.
    let same = mizon(&["instrument", "diff", original, original], None);
    assert!(
        same.status.success() && stdout(&same).is_empty(),
        "{same:?}"
    );
    let missing = mizon(&["instrument", "diff", original, "no-such.json"], None);
    assert!(!missing.status.success());
}

#[test]
fn help_documents_every_subcommand() {
    let out = mizon(&["--help"], None);
    let text = stdout(&out);
    for sub in ["serve", "migrate", "admin", "audit", "instrument"] {
        assert!(text.contains(sub), "{sub} missing from --help");
    }
    let admin = stdout(&mizon(&["admin", "--help"], None));
    for sub in ["create-user", "reset-password", "create-token"] {
        assert!(admin.contains(sub), "{sub} missing from admin --help");
    }
    let out = mizon(&["instrument", "--help"], None);
    for sub in ["validate", "import", "export", "diff"] {
        assert!(
            stdout(&out).contains(sub),
            "{sub} missing from instrument --help"
        );
    }
}

#[test]
fn create_token_prints_a_token_once_and_stores_only_its_hash() {
    let dir = temp_dir();
    let db = dir.join("tokens.db");
    let created = mizon(
        &[
            "admin",
            "create-user",
            "--username",
            "statistics",
            "--display-name",
            "Statistics export",
            "--role",
            "reviewer",
        ],
        Some(&db),
    );
    assert!(created.status.success(), "{created:?}");
    let out = mizon(
        &[
            "admin",
            "create-token",
            "--username",
            "statistics",
            "--name",
            "monthly export",
            "--expires-days",
            "30",
        ],
        Some(&db),
    );
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    // The contract: the last word of the last line is the token.
    let token = text
        .lines()
        .last()
        .and_then(|l| l.split_whitespace().last())
        .expect("a token")
        .to_owned();
    assert!(token.starts_with("mizon_") && token.len() > 40, "{text}");

    let stored: Vec<(String, String, Option<String>)> =
        tokio::runtime::Runtime::new().unwrap().block_on(async {
            use sqlx::{Connection, Row};
            sqlx::any::install_default_drivers();
            let url = format!("sqlite://{}", db.display());
            let mut conn = sqlx::AnyConnection::connect(&url).await.unwrap();
            sqlx::query("SELECT name, token_hash, expires_at FROM api_tokens")
                .fetch_all(&mut conn)
                .await
                .unwrap()
                .iter()
                .map(|r| {
                    (
                        r.get::<String, _>("name"),
                        r.get::<String, _>("token_hash"),
                        r.get::<Option<String>, _>("expires_at"),
                    )
                })
                .collect()
        });
    assert_eq!(stored.len(), 1);
    let (name, hash, expires_at) = &stored[0];
    assert_eq!(name, "monthly export");
    assert_eq!(
        hash,
        &hex::encode(sha2::Digest::finalize(
            <sha2::Sha256 as sha2::Digest>::new_with_prefix(token.as_bytes())
        ))
    );
    assert!(!hash.contains(&token[6..]));
    assert!(expires_at.is_some());

    let unknown = mizon(
        &["admin", "create-token", "--username", "nobody"],
        Some(&db),
    );
    assert!(!unknown.status.success());
}
