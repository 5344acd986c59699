//! `mizon audit checkpoint` and `mizon audit verify --checkpoint`, run as
//! processes against a database that an attacker with database access then
//! edits: the hash chain alone cannot see events cut off the end, the
//! checkpoint kept elsewhere can. On SQLite, and on PostgreSQL when
//! `MIZON_TEST_POSTGRES_URL` is set.

use sqlx::{AnyConnection, Connection, Row};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn mizon(args: &[&str], url: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_mizon"))
        .args(args)
        .env("MIZON_DATABASE_URL", url)
        .output()
        .expect("mizon runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn temp_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("mizon-audit-{}", uuid::Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A fresh database URL per engine this run tests.
async fn databases(dir: &Path) -> Vec<String> {
    sqlx::any::install_default_drivers();
    let mut urls = vec![format!("sqlite://{}", dir.join("audit.db").display())];
    if let Ok(server) = std::env::var("MIZON_TEST_POSTGRES_URL")
        && !server.is_empty()
    {
        let name = format!("mizon_cli_{}", uuid::Uuid::new_v4().simple());
        let mut conn = AnyConnection::connect(&server).await.unwrap();
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut conn)
            .await
            .unwrap();
        let base = server.rsplit_once('/').map(|(b, _)| b).unwrap_or(&server);
        urls.push(format!("{base}/{name}"));
    }
    urls
}

/// Drops the PostgreSQL databases of a passing test.
async fn drop_databases(urls: &[String]) {
    for url in urls.iter().filter(|u| u.starts_with("postgres")) {
        let (base, name) = url.rsplit_once('/').unwrap();
        let server = std::env::var("MIZON_TEST_POSTGRES_URL").unwrap_or(format!("{base}/postgres"));
        if let Ok(mut conn) = AnyConnection::connect(&server).await {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .execute(&mut conn)
                .await;
        }
    }
}

/// Three audit events (three accounts made on the command line).
fn three_events(url: &str) {
    for name in ["alisher", "bahrom", "dilnoza"] {
        let out = mizon(
            &[
                "admin",
                "create-user",
                "--username",
                name,
                "--display-name",
                name,
                "--role",
                "assessor",
            ],
            url,
        );
        assert!(out.status.success(), "{}", text(&out));
    }
}

/// What someone with database access can do: drop the trigger that refuses
/// DELETE, remove the events from `from_seq` on, and roll the head back so
/// that new events chain on as if nothing had happened.
async fn cut_tail(url: &str, from_seq: i64) {
    let mut conn = AnyConnection::connect(url).await.unwrap();
    let drop_trigger = if url.starts_with("sqlite") {
        "DROP TRIGGER audit_events_no_delete"
    } else {
        "DROP TRIGGER audit_events_no_change ON audit_events"
    };
    sqlx::query(drop_trigger).execute(&mut conn).await.unwrap();
    sqlx::query("DELETE FROM audit_events WHERE seq >= $1")
        .bind(from_seq)
        .execute(&mut conn)
        .await
        .unwrap();
    let last = sqlx::query("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_head SET seq = $1, last_hash = $2 WHERE id = 1")
        .bind(last.get::<i64, _>("seq"))
        .bind(last.get::<String, _>("hash"))
        .execute(&mut conn)
        .await
        .unwrap();
}

fn checkpoint(url: &str, file: &Path) {
    let out = mizon(
        &["audit", "checkpoint", "--out", file.to_str().unwrap()],
        url,
    );
    assert!(out.status.success(), "{}", text(&out));
}

fn verify(url: &str, file: Option<&Path>) -> Output {
    let mut args = vec!["audit", "verify"];
    if let Some(file) = file {
        args.extend(["--checkpoint", file.to_str().unwrap()]);
    }
    mizon(&args, url)
}

#[tokio::test]
async fn a_checkpoint_reveals_events_cut_off_the_end() {
    let dir = temp_dir();
    let urls = databases(&dir).await;
    for url in &urls {
        let url = url.as_str();
        three_events(url);
        let file = dir.join("checkpoint.json");
        checkpoint(url, &file);
        let saved: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_eq!(saved["seq"], 3, "{saved}");
        let ok = verify(url, Some(&file));
        assert!(ok.status.success(), "{}", text(&ok));

        cut_tail(url, 3).await;
        let plain = verify(url, None);
        assert!(
            plain.status.success(),
            "the chain alone looks intact: {}",
            text(&plain)
        );
        let checked = verify(url, Some(&file));
        assert!(!checked.status.success());
        assert!(text(&checked).contains("cut short"), "{}", text(&checked));
    }
    drop_databases(&urls).await;
}

#[tokio::test]
async fn a_rewritten_tail_or_a_different_hash_fails_the_checkpoint() {
    let dir = temp_dir();
    let urls = databases(&dir).await;
    for url in &urls {
        let url = url.as_str();
        three_events(url);
        let file = dir.join("checkpoint.json");
        checkpoint(url, &file);

        // A checkpoint whose hash differs from the stored event's.
        let mut edited: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        edited["hash"] = serde_json::json!("0".repeat(64));
        let other = dir.join("edited.json");
        std::fs::write(&other, edited.to_string()).unwrap();
        let out = verify(url, Some(&other));
        assert!(!out.status.success());
        assert!(text(&out).contains("rewritten"), "{}", text(&out));

        // The last event removed and a different one appended in its place:
        // a valid chain again, of the same length, but not the same log.
        cut_tail(url, 3).await;
        let out = mizon(
            &[
                "admin",
                "create-user",
                "--username",
                "farrukh",
                "--display-name",
                "F",
                "--role",
                "assessor",
            ],
            url,
        );
        assert!(out.status.success(), "{}", text(&out));
        assert!(verify(url, None).status.success());
        let out = verify(url, Some(&file));
        assert!(!out.status.success());
        assert!(text(&out).contains("rewritten"), "{}", text(&out));
    }
    drop_databases(&urls).await;
}

#[test]
fn verify_refuses_a_file_that_is_not_a_checkpoint() {
    let dir = temp_dir();
    let url = format!("sqlite://{}", dir.join("a.db").display());
    three_events(&url);
    let file = dir.join("nonsense.json");
    std::fs::write(&file, "{\"hello\": 1}").unwrap();
    let out = verify(&url, Some(&file));
    assert!(!out.status.success());
    assert!(
        text(&out).contains("not a checkpoint file"),
        "{}",
        text(&out)
    );
}
