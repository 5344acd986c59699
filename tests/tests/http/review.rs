//! Review, approval and publication through the public API: the whole state
//! machine (every illegal move refused with a message that names the
//! status), submission blockers, four eyes (author, translator), signatures
//! with the password again, a settings-driven second approval, publication
//! superseding the previous version while a started assessment stays on
//! its version, retirement, comments and the timeline.

use domain::{AuditAction, Role};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use services::model::{Timeline, VersionView};
use tests::subject_helpers::subject_body;
use tests::{TestApp, on_each_engine};

const V2: &str = "/api/v1/instruments/IRNS/versions/2";

/// Who works on IRNS version 2 (a draft copied from the published 1).
struct Crew {
    author: String,
    reviewer: String,
    reviewer_password: String,
    second: String,
    second_password: String,
    admin: String,
    admin_password: String,
}

async fn crew(app: &TestApp) -> Crew {
    let client = app.signed_in_as("author", &[Role::Methodologist]).await;
    let author = tests::api::token_for(&app.services, "author").await;
    assert_eq!(
        app.start_draft(&client, "IRNS").await.status(),
        StatusCode::OK
    );
    let reviewer_password = app.create_user("reviewer", &[Role::Reviewer]).await;
    let reviewer = tests::api::token_for(&app.services, "reviewer").await;
    let second_password = app.create_user("second", &[Role::Reviewer]).await;
    let second = tests::api::token_for(&app.services, "second").await;
    let admin_password = app.create_user("chief", &[Role::Administrator]).await;
    let admin = tests::api::token_for(&app.services, "chief").await;
    Crew {
        author,
        reviewer,
        reviewer_password,
        second,
        second_password,
        admin,
        admin_password,
    }
}

async fn call(
    app: &TestApp,
    method: Method,
    token: &str,
    path: &str,
    body: Value,
) -> (StatusCode, Value) {
    let mut request = app.api(method, path).token(token);
    if !body.is_null() {
        request = request.body(body.to_string());
    }
    let response = request.send().await;
    let status = response.status();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

async fn version(app: &TestApp, token: &str, path: &str) -> VersionView {
    let response = app.api(Method::GET, path).token(token).send().await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Saves version 2 with `change` applied to its definition.
async fn save(app: &TestApp, token: &str, change: impl FnOnce(&mut Value)) -> (StatusCode, Value) {
    let current = version(app, token, V2).await;
    let mut definition: Value = serde_json::from_str(current.definition.get()).unwrap();
    change(&mut definition);
    call(
        app,
        Method::PUT,
        token,
        V2,
        json!({ "revision": current.revision, "definition": definition }),
    )
    .await
}

/// A scoring change: one more omitted answer allowed in the safety score.
fn more_omissions(definition: &mut Value) {
    definition["scores"][0]["max_omitted"] = json!(2);
}

async fn submit(app: &TestApp, token: &str) -> (StatusCode, Value) {
    call(
        app,
        Method::POST,
        token,
        &format!("{V2}/submit"),
        Value::Null,
    )
    .await
}

async fn decide(
    app: &TestApp,
    token: &str,
    decision: &str,
    reason: &str,
    password: &str,
) -> (StatusCode, Value) {
    call(
        app,
        Method::POST,
        token,
        &format!("{V2}/decision"),
        json!({ "decision": decision, "reason": reason, "password": password }),
    )
    .await
}

async fn publish(app: &TestApp, token: &str, password: &str) -> (StatusCode, Value) {
    call(
        app,
        Method::POST,
        token,
        &format!("{V2}/publish"),
        json!({ "password": password }),
    )
    .await
}

async fn sign_off_all(app: &TestApp, token: &str, password: &str) {
    for locale in ["tg", "ru"] {
        let (status, body) = call(
            app,
            Method::POST,
            token,
            &format!("{V2}/translations/{locale}/sign-off"),
            json!({ "password": password }),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "sign off {locale}: {body}");
    }
}

async fn timeline(app: &TestApp, token: &str) -> Timeline {
    let response = app
        .api(Method::GET, &format!("{V2}/timeline"))
        .token(token)
        .send()
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Asserts a refusal: its status and its machine code.
fn refused(answer: (StatusCode, Value), status: StatusCode, code: &str) {
    assert_eq!(answer.0, status, "{}", answer.1);
    assert_eq!(answer.1["error"], code, "{}", answer.1);
}

#[tokio::test]
async fn a_version_goes_through_review_to_publication_and_every_illegal_move_is_refused() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let c = crew(&app).await;
        assert_eq!(save(&app, &c.author, more_omissions).await.0, StatusCode::OK);

        // A draft is neither decided on nor published; the message names
        // the status and what it allows.
        refused(
            decide(&app, &c.reviewer, "approve", "", &c.reviewer_password).await,
            StatusCode::CONFLICT,
            "version-draft",
        );
        let (status, body) = publish(&app, &c.reviewer, &c.reviewer_password).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(body["message"].as_str().unwrap().contains("draft"), "{body}");
        // Only its authors' roles submit.
        refused(submit(&app, &c.reviewer).await, StatusCode::FORBIDDEN, "forbidden");

        let (status, body) = submit(&app, &c.author).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["status"], "in_review");
        // Submitted: read-only, and not submitted twice.
        refused(submit(&app, &c.author).await, StatusCode::CONFLICT, "version-in-review");
        let (status, body) = save(&app, &c.author, |d| {
            d["scores"][0]["max_omitted"] = json!(3);
        })
        .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(body["error"], "version-in-review");
        refused(
            publish(&app, &c.reviewer, &c.reviewer_password).await,
            StatusCode::CONFLICT,
            "version-in-review",
        );

        // The inbox lists it with its scoring change; the header counts it.
        let (status, inbox) = call(&app, Method::GET, &c.reviewer, "/api/v1/review", Value::Null).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(inbox[0]["code"], "IRNS");
        assert_eq!(inbox[0]["submitted_by"], "author");
        assert_eq!(inbox[0]["published_version"], 1);
        assert_eq!(inbox[0]["changes"]["scoring"], 1, "{inbox}");
        assert_eq!(inbox[0]["may_decide"], true);
        let (_, counts) = call(&app, Method::GET, &c.reviewer, "/api/v1/review/counts", Value::Null).await;
        assert_eq!(counts["waiting_for_me"], 1);

        // A reviewer comments on an item; a bad place is refused.
        let (status, comment) = call(
            &app,
            Method::POST,
            &c.reviewer,
            &format!("{V2}/comments"),
            json!({ "path": "/sections/0/items/1", "text": "Why allow two omissions?", "reply_to": null }),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{comment}");
        assert_eq!(comment["target"], "self_harm_details");
        assert_eq!(comment["resolved"], false);
        let (status, _) = call(
            &app,
            Method::POST,
            &c.reviewer,
            &format!("{V2}/comments"),
            json!({ "path": "/sections/99", "text": "Nowhere" }),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

        // Approval: the password again, then every locale signed off.
        refused(
            decide(&app, &c.reviewer, "approve", "", "not-the-password").await,
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        );
        let (status, body) = decide(&app, &c.reviewer, "approve", "", &c.reviewer_password).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let paths: Vec<&str> = body["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["path"].as_str().unwrap())
            .collect();
        assert_eq!(paths, ["/translations/tg", "/translations/ru"]);

        // Changes requested: a reason is required; then back to the author.
        refused(
            decide(&app, &c.reviewer, "request_changes", " ", &c.reviewer_password).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        );
        let (status, body) = decide(
            &app,
            &c.reviewer,
            "request_changes",
            "Keep one omission.",
            &c.reviewer_password,
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["status"], "changes_requested");
        let (_, counts) = call(&app, Method::GET, &c.author, "/api/v1/review/counts", Value::Null).await;
        assert_eq!(counts["changes_requested"], 1);
        // Sent back: it goes to review again only after a change is saved.
        refused(
            submit(&app, &c.author).await,
            StatusCode::CONFLICT,
            "version-changes-requested",
        );
        refused(
            decide(&app, &c.reviewer, "approve", "", &c.reviewer_password).await,
            StatusCode::CONFLICT,
            "version-changes-requested",
        );

        // The author fixes it (a draft again) and resubmits.
        assert_eq!(
            save(&app, &c.author, |d| {
                d["scores"][0]["max_omitted"] = json!(1);
                d["scores"][0]["bands"][1]["max"] = json!(1);
                d["scores"][0]["bands"][2]["min"] = json!(2);
            })
            .await
            .0,
            StatusCode::OK
        );
        assert_eq!(version(&app, &c.author, V2).await.status.code(), "draft");
        assert_eq!(submit(&app, &c.author).await.0, StatusCode::OK);

        sign_off_all(&app, &c.second, &c.second_password).await;
        let (status, body) = decide(&app, &c.reviewer, "approve", "Bands fine.", &c.reviewer_password).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["status"], "approved");
        assert_eq!(body["approvals"], 1);
        refused(
            decide(&app, &c.second, "approve", "", &c.second_password).await,
            StatusCode::CONFLICT,
            "version-approved",
        );
        refused(save(&app, &c.author, more_omissions).await, StatusCode::CONFLICT, "version-approved");

        // Publication: not by a methodologist; with the password.
        refused(publish(&app, &c.author, "author-password-123").await, StatusCode::FORBIDDEN, "forbidden");
        refused(
            publish(&app, &c.admin, "wrong").await,
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        );
        let (status, body) = publish(&app, &c.admin, &c.admin_password).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["status"], "published");
        let v1 = version(&app, &c.author, "/api/v1/instruments/IRNS/versions/1").await;
        assert_eq!(v1.status.code(), "superseded");
        let (_, list) = call(&app, Method::GET, &c.reviewer, "/api/v1/instruments", Value::Null).await;
        let irns = list.as_array().unwrap().iter().find(|i| i["code"] == "IRNS").unwrap();
        assert_eq!(irns["published_version"], 2);
        // Published: never edited, never published again.
        refused(save(&app, &c.author, more_omissions).await, StatusCode::CONFLICT, "version-published");
        refused(
            publish(&app, &c.admin, &c.admin_password).await,
            StatusCode::CONFLICT,
            "version-published",
        );
        refused(submit(&app, &c.author).await, StatusCode::CONFLICT, "version-published");

        // The timeline: every move, with who and why; signatures bound to
        // the exact definition published.
        let published = version(&app, &c.author, V2).await;
        let t = timeline(&app, &c.author).await;
        let moves: Vec<String> = t
            .transitions
            .iter()
            .map(|m| format!("{}>{} {}", m.from, m.to, m.by.clone().unwrap_or_default()))
            .collect();
        assert_eq!(
            moves,
            [
                "draft>in_review author",
                "in_review>changes_requested reviewer",
                "changes_requested>draft author",
                "draft>in_review author",
                "in_review>approved reviewer",
                "approved>published chief",
            ]
        );
        assert_eq!(t.transitions[1].reason.as_deref(), Some("Keep one omission."));
        let signatures: Vec<(&str, &str)> = t
            .signatures
            .iter()
            .map(|s| (s.meaning.as_str(), s.signer.as_str()))
            .collect();
        assert_eq!(signatures, [("approved", "reviewer"), ("published", "chief")]);
        for s in &t.signatures {
            assert_eq!(s.definition_sha256, published.definition_hash);
            assert!(s.matches_definition);
        }
        assert_eq!(t.comments.len(), 1);
        assert_eq!(t.sign_offs.len(), 2);

        // Every transition, comment and signature is in the audit log.
        for (action, n) in [
            (AuditAction::VersionSubmitted, 2),
            (AuditAction::VersionChangesRequested, 1),
            (AuditAction::VersionReopened, 1),
            (AuditAction::VersionApproved, 1),
            (AuditAction::VersionPublished, 1),
            (AuditAction::CommentAdded, 1),
        ] {
            assert_eq!(app.stored_events_of(action).await.len(), n, "{action:?}");
        }
        assert_eq!(app.services.verify_audit_chain().await.unwrap(), None);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn nobody_decides_on_a_version_they_wrote_or_translated() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let c = crew(&app).await;
        // A methodologist who also reviews edits the draft…
        let writer_password = app
            .create_user("writer", &[Role::Methodologist, Role::Reviewer])
            .await;
        let writer = tests::api::token_for(&app.services, "writer").await;
        assert_eq!(save(&app, &writer, more_omissions).await.0, StatusCode::OK);
        // …and a translator who also reviews changes a Russian wording.
        let linguist_password = app
            .create_user("linguist", &[Role::Translator, Role::Reviewer])
            .await;
        let linguist = tests::api::token_for(&app.services, "linguist").await;
        let response = app
            .api(Method::GET, &format!("{V2}/translations/ru.ftl"))
            .token(&linguist)
            .send()
            .await;
        let ftl = response.text().await.unwrap();
        let id = "sections-safety-items-self_harm_details-label";
        let edited: String = ftl
            .lines()
            .map(|l| {
                if l.starts_with(&format!("{id} =")) {
                    format!("{id} = Подробности")
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
            + "\n";
        let response = app
            .api(Method::PUT, &format!("{V2}/translations/ru.ftl"))
            .token(&linguist)
            .bytes(edited.into_bytes(), "application/octet-stream")
            .send()
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(submit(&app, &c.author).await.0, StatusCode::OK);
        sign_off_all(&app, &c.second, &c.second_password).await;

        for (token, password) in [(&writer, &writer_password), (&linguist, &linguist_password)] {
            refused(
                decide(&app, token, "approve", "", password).await,
                StatusCode::FORBIDDEN,
                "forbidden",
            );
            refused(
                decide(&app, token, "request_changes", "No.", password).await,
                StatusCode::FORBIDDEN,
                "forbidden",
            );
        }
        // Neither sees it waiting for them; the other reviewer does.
        let (_, inbox) = call(&app, Method::GET, &writer, "/api/v1/review", Value::Null).await;
        assert_eq!(inbox[0]["may_decide"], false);
        let (_, counts) = call(
            &app,
            Method::GET,
            &linguist,
            "/api/v1/review/counts",
            Value::Null,
        )
        .await;
        assert_eq!(counts["waiting_for_me"], 0);
        let (status, body) = decide(&app, &c.reviewer, "approve", "", &c.reviewer_password).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let _ = c.admin;
        let _ = c.admin_password;
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn two_approvals_when_the_settings_ask_for_two() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let c = crew(&app).await;
        let (status, _) = call(
            &app,
            Method::PUT,
            &c.author,
            "/api/v1/settings",
            json!({ "approvals_required": 2 }),
        )
        .await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = call(
            &app,
            Method::PUT,
            &c.admin,
            "/api/v1/settings",
            json!({ "approvals_required": 0 }),
        )
        .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, body) = call(
            &app,
            Method::PUT,
            &c.admin,
            "/api/v1/settings",
            json!({ "approvals_required": 2 }),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(
            app.stored_events_of(AuditAction::SettingChanged)
                .await
                .len(),
            1
        );

        assert_eq!(
            save(&app, &c.author, more_omissions).await.0,
            StatusCode::OK
        );
        assert_eq!(submit(&app, &c.author).await.0, StatusCode::OK);
        let third_password = app.create_user("third", &[Role::Reviewer]).await;
        let third = tests::api::token_for(&app.services, "third").await;
        sign_off_all(&app, &third, &third_password).await;

        let (status, body) = decide(&app, &c.reviewer, "approve", "", &c.reviewer_password).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["status"], "in_review");
        assert_eq!(body["approvals"], 1);
        assert_eq!(body["approvals_required"], 2);
        refused(
            decide(&app, &c.reviewer, "approve", "", &c.reviewer_password).await,
            StatusCode::CONFLICT,
            "review-already-approved",
        );
        // Not yet approved: not published.
        refused(
            publish(&app, &c.admin, &c.admin_password).await,
            StatusCode::CONFLICT,
            "version-in-review",
        );
        let (status, body) = decide(&app, &c.second, "approve", "", &c.second_password).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["status"], "approved");
        assert_eq!(body["approvals"], 2);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_submission_lists_every_blocker_in_the_callers_language() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let c = crew(&app).await;
        // A source wording changed: its Tajik and Russian wordings (both
        // variants where gendered) are out of date.
        assert_eq!(
            save(&app, &c.author, |d| {
                d["sections"][0]["items"][1]["label"]["en"] =
                    json!("Details, in the person's words");
            })
            .await
            .0,
            StatusCode::OK
        );
        let response = app
            .api(Method::POST, &format!("{V2}/submit"))
            .token(&c.author)
            .language("ru")
            .send()
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"], "not-ready");
        let problems = body["problems"].as_array().unwrap();
        assert!(!problems.is_empty());
        for p in problems {
            assert_eq!(p["path"], "/sections/0/items/1/label", "{p}");
            let message = p["message"].as_str().unwrap();
            assert!(message.contains("устарело"), "{message}");
        }
        let messages: Vec<&str> = problems
            .iter()
            .map(|p| p["message"].as_str().unwrap())
            .collect();
        assert!(
            messages.iter().any(|m| m.contains("таджикский")),
            "{messages:?}"
        );
        assert!(
            messages.iter().any(|m| m.contains("русский")),
            "{messages:?}"
        );
        // Nothing moved.
        assert_eq!(version(&app, &c.author, V2).await.status.code(), "draft");
        assert_eq!(
            app.stored_events_of(AuditAction::VersionSubmitted)
                .await
                .len(),
            0
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn publication_supersedes_while_started_assessments_stay_on_their_version_and_retirement_ends_it()
 {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let c = crew(&app).await;
        app.facility(&c.admin, "FAC1").await;
        let assessor = app
            .worker_at(&c.admin, "umed", &[Role::Assessor], &["FAC1"])
            .await;
        let response = app
            .post_subject(&assessor, &subject_body("F1", "Ҷалбшавӣ Нигина", "FAC1"))
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let start = json!({ "subject": "F1", "instrument": "IRNS", "locale": "tg" });
        let (status, first) = app
            .send_json(Method::POST, &assessor, "/api/v1/assessments", &start)
            .await;
        assert_eq!(status, StatusCode::CREATED, "{first}");
        assert_eq!(first["version"], 1);

        assert_eq!(
            save(&app, &c.author, more_omissions).await.0,
            StatusCode::OK
        );
        assert_eq!(submit(&app, &c.author).await.0, StatusCode::OK);
        sign_off_all(&app, &c.second, &c.second_password).await;
        assert_eq!(
            decide(&app, &c.reviewer, "approve", "", &c.reviewer_password)
                .await
                .0,
            StatusCode::OK
        );
        assert_eq!(
            publish(&app, &c.reviewer, &c.reviewer_password).await.0,
            StatusCode::OK
        );

        // The assessment started with version 1 stays on it; a new one
        // (another instrument's draft would not mix) uses version 2.
        let id = first["id"].as_str().unwrap();
        let (status, pinned) = app
            .get_json(&assessor, &format!("/api/v1/assessments/{id}"))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(pinned["version"], 1);
        let (status, _) = app
            .send_json(Method::POST, &assessor, "/api/v1/assessments", &start)
            .await;
        // One draft per subject and version: F1's is on version 1, so a
        // start now is a new draft on version 2.
        assert_eq!(status, StatusCode::CREATED);

        // The superseded version 1 takes no move at all.
        let v1 = "/api/v1/instruments/IRNS/versions/1";
        refused(
            call(
                &app,
                Method::POST,
                &c.author,
                &format!("{v1}/submit"),
                Value::Null,
            )
            .await,
            StatusCode::CONFLICT,
            "version-superseded",
        );
        refused(
            call(
                &app,
                Method::POST,
                &c.admin,
                &format!("{v1}/publish"),
                json!({ "password": c.admin_password }),
            )
            .await,
            StatusCode::CONFLICT,
            "version-superseded",
        );

        // Retirement: a reason and the password; then no new assessments
        // and no new drafts.
        let retire =
            |password: &str, reason: &str| json!({ "password": password, "reason": reason });
        let path = "/api/v1/instruments/IRNS/retire";
        refused(
            call(
                &app,
                Method::POST,
                &c.author,
                path,
                retire("author-password-123", "Old"),
            )
            .await,
            StatusCode::FORBIDDEN,
            "forbidden",
        );
        refused(
            call(
                &app,
                Method::POST,
                &c.admin,
                path,
                retire(&c.admin_password, "  "),
            )
            .await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
        );
        refused(
            call(
                &app,
                Method::POST,
                &c.admin,
                path,
                retire("wrong", "Replaced by IRNS-2"),
            )
            .await,
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        );
        let (status, body) = call(
            &app,
            Method::POST,
            &c.admin,
            path,
            retire(&c.admin_password, "Replaced by IRNS-2"),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["status"], "retired");
        refused(
            call(
                &app,
                Method::POST,
                &c.admin,
                path,
                retire(&c.admin_password, "Again"),
            )
            .await,
            StatusCode::CONFLICT,
            "instrument-retired",
        );
        let (status, _) = app
            .send_json(
                Method::POST,
                &assessor,
                "/api/v1/assessments",
                &json!({ "subject": "F1", "instrument": "IRNS", "locale": "ru" }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        // History kept: the assessment is still there, on its version.
        let (status, pinned) = app
            .get_json(&assessor, &format!("/api/v1/assessments/{id}"))
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(pinned["version"], 1);
        let t = timeline(&app, &c.admin).await;
        assert_eq!(t.status.code(), "retired");
        assert_eq!(t.retired.unwrap().reason, "Replaced by IRNS-2");
        assert!(t.signatures.iter().any(|s| s.meaning == "retired"));
        assert_eq!(
            app.stored_events_of(AuditAction::InstrumentRetired)
                .await
                .len(),
            1
        );
        // A retired version takes no move either; no new draft is started.
        refused(
            decide(&app, &c.reviewer, "approve", "", &c.reviewer_password).await,
            StatusCode::CONFLICT,
            "version-retired",
        );
        refused(
            publish(&app, &c.admin, &c.admin_password).await,
            StatusCode::CONFLICT,
            "version-retired",
        );
        refused(
            save(&app, &c.author, more_omissions).await,
            StatusCode::CONFLICT,
            "version-retired",
        );
        let client = app.signed_in_as("late", &[Role::Methodologist]).await;
        assert_eq!(
            app.start_draft(&client, "IRNS").await.status(),
            StatusCode::CONFLICT
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn comments_thread_resolve_and_reopen() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let c = crew(&app).await;
        let comments = format!("{V2}/comments");
        let (status, first) = call(
            &app,
            Method::POST,
            &c.reviewer,
            &comments,
            json!({ "path": "/sections/1", "text": "Custody first?" }),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED);
        assert_eq!(first["target"], "custody");
        let (status, reply) = call(
            &app,
            Method::POST,
            &c.author,
            &comments,
            json!({ "text": "Kept as the source.", "reply_to": first["id"] }),
        )
        .await;
        assert_eq!(status, StatusCode::CREATED, "{reply}");
        assert_eq!(reply["reply_to"], first["id"]);
        assert_eq!(reply["path"], "/sections/1");
        // An empty comment, a reply to nothing, an assessor: refused.
        assert_eq!(
            call(
                &app,
                Method::POST,
                &c.author,
                &comments,
                json!({ "text": " " })
            )
            .await
            .0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        assert_eq!(
            call(
                &app,
                Method::POST,
                &c.author,
                &comments,
                json!({ "text": "x", "reply_to": 999 })
            )
            .await
            .0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        let assessor = app.api_user("umed", &[Role::Assessor]).await;
        assert_eq!(
            call(
                &app,
                Method::POST,
                &assessor,
                &comments,
                json!({ "text": "x" })
            )
            .await
            .0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            call(
                &app,
                Method::GET,
                &assessor,
                &format!("{V2}/timeline"),
                Value::Null
            )
            .await
            .0,
            StatusCode::FORBIDDEN
        );

        // Resolving a reply resolves its thread; reopening opens it.
        let (status, resolved) = call(
            &app,
            Method::PUT,
            &c.reviewer,
            &format!("{comments}/{}", reply["id"]),
            json!({ "resolved": true }),
        )
        .await;
        assert_eq!(status, StatusCode::OK, "{resolved}");
        assert_eq!(resolved["resolved"], true);
        assert_eq!(resolved["resolved_by"], "reviewer");
        // Resolving it again changes nothing (no new resolver, no event).
        let (status, again) = call(
            &app,
            Method::PUT,
            &c.author,
            &format!("{comments}/{}", first["id"]),
            json!({ "resolved": true }),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(again["resolved_by"], "reviewer");
        let (_, all) = call(&app, Method::GET, &c.author, &comments, Value::Null).await;
        assert!(
            all.as_array()
                .unwrap()
                .iter()
                .all(|c| c["resolved"] == true)
        );
        // A submission lists only open threads.
        assert_eq!(
            save(&app, &c.author, more_omissions).await.0,
            StatusCode::OK
        );
        let (_, open) = call(
            &app,
            Method::PUT,
            &c.author,
            &format!("{comments}/{}", first["id"]),
            json!({ "resolved": false }),
        )
        .await;
        assert_eq!(open["resolved"], false);
        let (status, submitted) = submit(&app, &c.author).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(submitted["open_comments"].as_array().unwrap().len(), 1);
        assert_eq!(submitted["open_comments"][0]["id"], first["id"]);
        assert_eq!(
            app.stored_events_of(AuditAction::CommentResolved)
                .await
                .len(),
            1
        );
        // A thread follows its section when the draft is edited: sent back,
        // the sections swapped, it is still on `custody`, now the first.
        let reviewer_password = c.reviewer_password.clone();
        assert_eq!(
            decide(
                &app,
                &c.reviewer,
                "request_changes",
                "Reorder.",
                &reviewer_password
            )
            .await
            .0,
            StatusCode::OK
        );
        save(&app, &c.author, |d| {
            let sections = d["sections"].as_array_mut().unwrap();
            sections.swap(0, 1);
        })
        .await;
        let (_, all) = call(&app, Method::GET, &c.author, &comments, Value::Null).await;
        let moved = all
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == first["id"])
            .unwrap();
        assert_eq!(moved["target"], "custody");
        assert_eq!(moved["path"], "/sections/0");
        assert_eq!(
            app.stored_events_of(AuditAction::CommentReopened)
                .await
                .len(),
            1
        );
        app.stop().await;
    })
    .await;
}
