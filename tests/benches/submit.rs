//! Submitting a 250-item assessment through `POST /api/v1/assessments/{id}/submit`
//! on SQLite, over loopback: throughput and p50/p99 latency, and the ratio
//! to a bare SQLite insert of the same answers document through the same
//! connection pool in the same run (issue 11's benchmark).
//!
//! `cargo bench -p tests --bench submit` (`SUBMIT_BENCH_N` submissions,
//! default 6000; `SUBMIT_BENCH_CONCURRENCY` clients, default 32). Figures
//! are printed, never asserted: see README, Figures.
//! Under `cargo test --all-targets` it makes 20 submissions only.
//!
//! The load generator is this program (reqwest on tokio), not `oha`:
//! every submission needs its own draft (a submitted assessment is
//! locked), so each request goes to another URL. The drafts — one per
//! subject, with the complete answers saved — are made first, through the
//! API too, and are not measured.

#[path = "../../domain/benches/common/large_instrument.rs"]
mod large_instrument;

use domain::Role;
use domain::definition::Definition;
use reqwest::{Method, StatusCode};
use serde_json::json;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tests::{Engine, TestApp, TestDb};

/// The server measured here allocates as the `mizon` binary does
/// (`server/src/main.rs`), not with the C library's malloc.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Runs `work(i)` for i in 0..n on `concurrency` tasks; returns the wall
/// time and every call's latency.
async fn drive<F, Fut>(n: usize, concurrency: usize, work: F) -> (Duration, Vec<Duration>)
where
    F: Fn(usize) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let work = Arc::new(work);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..concurrency {
        let (next, work) = (next.clone(), work.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= n {
                    break;
                }
                let t = Instant::now();
                work(i).await;
                latencies.push(t.elapsed());
            }
            latencies
        }));
    }
    let mut all = Vec::with_capacity(n);
    for t in tasks {
        all.extend(t.await.expect("a load task"));
    }
    (started.elapsed(), all)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn report(what: &str, n: usize, wall: Duration, mut latencies: Vec<Duration>) -> f64 {
    latencies.sort();
    let rate = n as f64 / wall.as_secs_f64();
    println!(
        "{what}: {n} in {:.2} s = {rate:.0}/s; p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        wall.as_secs_f64(),
        percentile(&latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        latencies.last().map_or(0.0, |d| d.as_secs_f64() * 1e3),
    );
    rate
}

#[tokio::main]
async fn main() {
    // A filter that is not ours: skip.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && a != "submit")
    {
        return;
    }
    // `cargo bench` passes `--bench`; `cargo test --all-targets` does not,
    // and then a few submissions show that the benchmark still works.
    let benching = std::env::args().any(|a| a == "--bench");
    let n = if benching {
        env_number("SUBMIT_BENCH_N", 6000)
    } else {
        20
    };
    let concurrency = env_number("SUBMIT_BENCH_CONCURRENCY", 32).min(n);
    let db = TestDb::fresh(Engine::Sqlite).await;
    let app = TestApp::spawn(&db).await;

    // The 250-item instrument, published.
    let source = serde_json::to_string_pretty(&large_instrument::definition()).unwrap();
    let methodologist = app.api_user("bench-author", &[Role::Methodologist]).await;
    let response = app
        .api(Method::POST, "/api/v1/instruments/BENCH/versions")
        .token(&methodologist)
        .body(source.clone())
        .send()
        .await;
    assert_eq!(response.status(), StatusCode::CREATED, "import");
    // Publication arrives with the review workflow; here it is set directly.
    sqlx::query("UPDATE instrument_versions SET status = 'published' WHERE id = (SELECT v.id FROM instrument_versions v JOIN instruments i ON i.id = v.instrument_id WHERE i.code = 'BENCH')")
        .execute(&app.services.db.pool)
        .await
        .expect("publish");
    let def = Definition::from_json(&source).unwrap();
    let answers = large_instrument::answers_json(&def);
    let document = answers.to_string();

    let admin = app.api_user("bench-admin", &[Role::Administrator]).await;
    app.facility(&admin, "FAC1").await;
    let assessor = Arc::new(
        app.worker_at(&admin, "bench-assessor", &[Role::Assessor], &["FAC1"])
            .await,
    );

    // One draft per subject, answers saved (not measured).
    let base = Arc::new(app.base.clone());
    let client = reqwest::Client::new();
    let ids = Arc::new(std::sync::Mutex::new(vec![String::new(); n]));
    let made = Instant::now();
    {
        let (client, base, assessor, ids) =
            (client.clone(), base.clone(), assessor.clone(), ids.clone());
        let answers = Arc::new(answers.clone());
        drive(n, 8, move |i| {
            let (client, base, assessor, ids, answers) =
                (client.clone(), base.clone(), assessor.clone(), ids.clone(), answers.clone());
            async move {
                let code = format!("B{i:06}");
                let subject = json!({ "code": code, "name": format!("Subject {i}"), "gender": "male",
                    "birth_date": "1990-01-01", "facility": "FAC1", "language": "ru" });
                let r = client.post(format!("{base}/api/v1/subjects")).bearer_auth(&*assessor)
                    .body(subject.to_string()).send().await.unwrap();
                assert_eq!(r.status(), StatusCode::CREATED);
                let r = client.post(format!("{base}/api/v1/assessments")).bearer_auth(&*assessor)
                    .body(json!({ "subject": code, "instrument": "BENCH" }).to_string()).send().await.unwrap();
                assert_eq!(r.status(), StatusCode::CREATED);
                let started: serde_json::Value = r.json().await.unwrap();
                let id = started["id"].as_str().unwrap().to_owned();
                let r = client.put(format!("{base}/api/v1/assessments/{id}/answers")).bearer_auth(&*assessor)
                    .body(json!({ "revision": 1, "answers": *answers }).to_string()).send().await.unwrap();
                assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap_or_default());
                ids.lock().unwrap()[i] = id;
            }
        })
        .await;
    }
    println!(
        "setup: {n} drafts of a 250-item assessment ({} bytes of answers) in {:.1} s",
        document.len(),
        made.elapsed().as_secs_f64()
    );

    // Submissions.
    let (wall, latencies) = {
        let (client, base, assessor, ids) =
            (client.clone(), base.clone(), assessor.clone(), ids.clone());
        drive(n, concurrency, move |i| {
            let id = ids.lock().unwrap()[i].clone();
            let (client, base, assessor) = (client.clone(), base.clone(), assessor.clone());
            async move {
                let r = client
                    .post(format!("{base}/api/v1/assessments/{id}/submit"))
                    .bearer_auth(&*assessor)
                    .body(r#"{"revision": 2}"#)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), StatusCode::OK);
            }
        })
        .await
    };
    let submit_rate = report(
        &format!("POST …/submit (250 items, {concurrency} clients)"),
        n,
        wall,
        latencies,
    );

    // The bare insert of the same document, same pool, same concurrency.
    let pool = app.services.db.pool.clone();
    sqlx::query("CREATE TABLE bench_documents (id INTEGER PRIMARY KEY AUTOINCREMENT, document TEXT NOT NULL)")
        .execute(&pool)
        .await
        .unwrap();
    let document = Arc::new(document);
    let (wall, latencies) = drive(n, concurrency, move |_| {
        let (pool, document) = (pool.clone(), document.clone());
        async move {
            sqlx::query("INSERT INTO bench_documents (document) VALUES ($1)")
                .bind(document.as_str())
                .execute(&pool)
                .await
                .unwrap();
        }
    })
    .await;
    let insert_rate = report("bare INSERT of the same document", n, wall, latencies);
    println!(
        "ratio submit / bare insert: {:.2}",
        submit_rate / insert_rate
    );
    app.stop().await;
    db.drop_database().await;
}
