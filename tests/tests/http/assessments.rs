//! Assessments through the JSON API: start, fill, submit and correct the
//! Intake screen (IRNS) as an assessor, with the outcome the server
//! computes equal to the library's golden cases; and every refusal — a
//! subject of another facility (nothing disclosed), an instrument without
//! a published version, wrong answers with their paths, an override
//! without a reason, a stale revision, a locked assessment.

use domain::{AuditAction, Role};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::assessment_helpers::{choice, high_male_case, low_male_case, rated};
use tests::openapi::OpenApiDoc;
use tests::subject_helpers::subject_body;
use tests::{TestApp, on_each_engine};

/// An administrator, facilities FAC1 and FAC2, the assessor `umed` at FAC1
/// and `zarina` at FAC2, and subjects: `M1` (a man, Russian) and `F1` (a
/// woman, Tajik) at FAC1. Returns (admin, umed, zarina).
async fn floor(app: &TestApp) -> (String, String, String) {
    let admin = app.api_user("chief", &[Role::Administrator]).await;
    app.facility(&admin, "FAC1").await;
    app.facility(&admin, "FAC2").await;
    let umed = app
        .worker_at(&admin, "umed", &[Role::Assessor], &["FAC1"])
        .await;
    let zarina = app
        .worker_at(&admin, "zarina", &[Role::Assessor], &["FAC2"])
        .await;
    let mut man = subject_body("M1", "Каримов Давлат", "FAC1");
    man["gender"] = json!("male");
    man["language"] = json!("ru");
    for body in [man, subject_body("F1", "Ҷалбшавӣ Нигина", "FAC1")] {
        let response = app.post_subject(&umed, &body).await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    (admin, umed, zarina)
}

async fn start(app: &TestApp, token: &str, subject: &str) -> (StatusCode, Value) {
    app.send_json(
        Method::POST,
        token,
        "/api/v1/assessments",
        &json!({ "subject": subject, "instrument": "IRNS" }),
    )
    .await
}

async fn save(
    app: &TestApp,
    token: &str,
    id: &str,
    revision: i64,
    answers: &Value,
) -> (StatusCode, Value) {
    app.send_json(
        Method::PUT,
        token,
        &format!("/api/v1/assessments/{id}/answers"),
        &json!({ "revision": revision, "answers": answers }),
    )
    .await
}

async fn submit(app: &TestApp, token: &str, id: &str, revision: i64) -> (StatusCode, Value) {
    app.send_json(
        Method::POST,
        token,
        &format!("/api/v1/assessments/{id}/submit"),
        &json!({ "revision": revision }),
    )
    .await
}

/// Starts, saves `answers` and submits as `token`; returns (id, the answer to the submission).
async fn complete(
    app: &TestApp,
    doc: &OpenApiDoc,
    token: &str,
    subject: &str,
    answers: &Value,
) -> (String, Value) {
    let (status, started) = start(app, token, subject).await;
    assert_eq!(status, StatusCode::CREATED, "{started}");
    doc.check("POST", "/api/v1/assessments", 201, &started);
    let id = started["id"].as_str().unwrap().to_owned();
    let (status, saved) = save(app, token, &id, 1, answers).await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    doc.check("PUT", "/api/v1/assessments/{id}/answers", 200, &saved);
    let (status, submitted) = submit(app, token, &id, saved["revision"].as_i64().unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{submitted}");
    doc.check("POST", "/api/v1/assessments/{id}/submit", 200, &submitted);
    (id, submitted)
}

fn score(outcome: &Value, key: &str) -> (i64, Value, i64) {
    let s = &outcome["scores"][key];
    (
        s["value"].as_i64().unwrap(),
        s["band"].clone(),
        s["omitted"].as_i64().unwrap(),
    )
}

#[tokio::test]
async fn submitted_intake_screens_score_as_the_librarys_golden_cases() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let doc = app.openapi().await;
        let (_admin, umed, _zarina) = floor(&app).await;

        let (status, started) = start(&app, &umed, "m1").await;
        assert_eq!(status, StatusCode::CREATED, "{started}");
        assert_eq!(started["version"], 1);
        assert_eq!(started["revision"], 1);
        assert_eq!(started["status"], "draft");
        let id = started["id"].as_str().unwrap().to_owned();
        assert_eq!(id.len(), 36, "a UUID");

        let (status, saved) = save(&app, &umed, &id, 1, &low_male_case()).await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        assert_eq!(saved["revision"], 2);
        // The outcome as the assessor goes, computed by the server.
        assert_eq!(score(&saved["outcome"], "total"), (3, json!("low"), 0));

        let (status, submitted) = submit(&app, &umed, &id, 2).await;
        assert_eq!(status, StatusCode::OK, "{submitted}");
        assert_eq!(submitted["status"], "submitted");
        let outcome = &submitted["outcome"];
        assert_eq!(score(outcome, "safety_score"), (0, json!("low"), 0));
        assert_eq!(score(outcome, "custody_score"), (1, json!("low"), 0));
        assert_eq!(score(outcome, "needs_score"), (2, json!("low"), 0));
        assert_eq!(score(outcome, "responsivity_score"), (1, json!("low"), 0));
        assert_eq!(score(outcome, "total"), (3, json!("low"), 0));
        assert_eq!(outcome["flags"], json!([]));

        // Read back, by a user of the facility, with the version's hash.
        let (status, read) = app
            .get_json(&umed, &format!("/api/v1/assessments/{id}"))
            .await;
        assert_eq!(status, StatusCode::OK, "{read}");
        doc.check("GET", "/api/v1/assessments/{id}", 200, &read);
        assert_eq!(read["subject"], "M1");
        assert_eq!(read["instrument"], "IRNS");
        assert_eq!(read["locale"], "ru", "the subject's preferred language");
        assert_eq!(read["gender"], "male");
        assert_eq!(read["status"], "submitted");
        assert_eq!(read["assessor"], "umed");
        assert_eq!(read["definition_hash"].as_str().unwrap().len(), 64);
        assert_eq!(read["answers"]["items"]["custody_violence"]["value"], 1);
        assert_eq!(read["outcome"], *outcome);

        // The high case raises the urgent referral (a new subject: one
        // draft per subject and version at a time).
        let mut other = subject_body("M2", "Саидов Фарид", "FAC1");
        other["gender"] = json!("male");
        assert_eq!(
            app.post_subject(&umed, &other).await.status(),
            StatusCode::CREATED
        );
        let (_, submitted) = complete(&app, &doc, &umed, "M2", &high_male_case()).await;
        let outcome = &submitted["outcome"];
        assert_eq!(score(outcome, "safety_score"), (3, json!("high"), 0));
        assert_eq!(score(outcome, "custody_score"), (3, json!("moderate"), 0));
        assert_eq!(score(outcome, "needs_score"), (8, json!("high"), 0));
        assert_eq!(score(outcome, "total"), (14, json!("high"), 0));
        assert_eq!(
            outcome["flags"],
            json!(["urgent_referral", "full_assessment"])
        );

        // Every step is in the audit log, and no answer text is.
        for action in [
            AuditAction::AssessmentStarted,
            AuditAction::AssessmentSaved,
            AuditAction::AssessmentSubmitted,
            AuditAction::AssessmentRead,
        ] {
            let events = app.stored_events_of(action).await;
            assert!(!events.is_empty(), "{action:?}");
        }
        let submitted_events = app.stored_events_of(AuditAction::AssessmentSubmitted).await;
        assert_eq!(submitted_events[0].target_id.as_deref(), Some(id.as_str()));
        assert_eq!(
            submitted_events[0].details["outcome"]["bands"]["total"],
            "low"
        );
        let all = format!("{:?}", app.stored_audit_events().await);
        assert!(
            !all.contains("Seen in the case file"),
            "answers stay out of the log"
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn answers_to_hidden_items_are_dropped_whatever_the_client_sent() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let (_admin, umed, _zarina) = floor(&app).await;
        let (_, started) = start(&app, &umed, "M1").await;
        let id = started["id"].as_str().unwrap().to_owned();
        let mut answers = low_male_case();
        // A women-only item, and a follow-up whose condition does not hold
        // (self_harm is 0) — even with a malformed value.
        answers["items"]["children_outside"] = json!({ "value": "yes" });
        answers["items"]["self_harm_details"] = json!({ "value": 42 });
        let (status, saved) = save(&app, &umed, &id, 1, &answers).await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        let (_, read) = app
            .get_json(&umed, &format!("/api/v1/assessments/{id}"))
            .await;
        let items = read["answers"]["items"].as_object().unwrap();
        assert!(!items.contains_key("children_outside"));
        assert!(!items.contains_key("self_harm_details"));
        assert!(items.contains_key("self_harm"));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn wrong_answers_are_refused_with_their_paths_in_the_callers_language() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let doc = app.openapi().await;
        let (_admin, umed, _zarina) = floor(&app).await;
        let (_, started) = start(&app, &umed, "M1").await;
        let id = started["id"].as_str().unwrap().to_owned();

        // A value the scale does not offer, and an unknown item.
        let mut answers = low_male_case();
        answers["items"]["peers"]["value"] = json!(7);
        answers["items"]["no_such_item"] = json!({ "value": 1 });
        let response = app
            .api(Method::PUT, &format!("/api/v1/assessments/{id}/answers"))
            .token(&umed)
            .language("ru")
            .body(json!({ "revision": 1, "answers": answers }).to_string())
            .send()
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = response.json().await.unwrap();
        doc.check("PUT", "/api/v1/assessments/{id}/answers", 422, &body);
        assert_eq!(body["error"], "invalid-answers");
        assert!(
            body["message"].as_str().unwrap().contains("ошибки"),
            "{body}"
        );
        let paths: Vec<&str> = body["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["path"].as_str().unwrap())
            .collect();
        assert!(
            paths.iter().any(|p| p.starts_with("/items/peers")),
            "{paths:?}"
        );
        assert!(paths.contains(&"/items"), "the unknown item: {paths:?}");

        // Nothing was stored: the revision is still 1.
        let (_, read) = app
            .get_json(&umed, &format!("/api/v1/assessments/{id}"))
            .await;
        assert_eq!(read["revision"], 1);

        // An incomplete submission lists every missing answer.
        let mut partial = low_male_case();
        partial["items"].as_object_mut().unwrap().remove("peers");
        let (status, saved) = save(&app, &umed, &id, 1, &partial).await;
        assert_eq!(status, StatusCode::OK, "a draft may be incomplete: {saved}");
        let (status, refused) = submit(&app, &umed, &id, 2).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        doc.check("POST", "/api/v1/assessments/{id}/submit", 422, &refused);
        assert_eq!(
            refused["problems"][0]["path"], "/items/peers/value",
            "{refused}"
        );
        assert_eq!(refused["problems"][0]["message_id"], "answer-required");

        // Complete, but a level other than the suggested one (low) without
        // a reason: the judgement must say why.
        let mut overridden = low_male_case();
        overridden["judgements"]["screening_priority"] = choice("high");
        let (status, _) = save(&app, &umed, &id, 2, &overridden).await;
        assert_eq!(status, StatusCode::OK);
        let (status, refused) = submit(&app, &umed, &id, 3).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{refused}");
        let problem = &refused["problems"][0];
        assert_eq!(
            problem["message_id"], "answer-override-reason-required",
            "{refused}"
        );
        assert!(
            problem["path"]
                .as_str()
                .unwrap()
                .starts_with("/judgements/screening_priority"),
            "{refused}"
        );
        // Still a draft, still revision 3.
        let (_, read) = app
            .get_json(&umed, &format!("/api/v1/assessments/{id}"))
            .await;
        assert_eq!(
            (read["status"].clone(), read["revision"].clone()),
            (json!("draft"), json!(3))
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn another_facilitys_subject_and_assessment_are_not_found_and_roles_are_checked() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let (admin, umed, zarina) = floor(&app).await;
        let (_, started) = start(&app, &umed, "F1").await;
        let id = started["id"].as_str().unwrap().to_owned();

        // Zarina works at FAC2: the subject is as unknown as a made-up code.
        let (status, theirs) = start(&app, &zarina, "F1").await;
        let (status2, nobodys) = start(&app, &zarina, "NOBODY").await;
        assert_eq!(
            (status, status2),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                StatusCode::UNPROCESSABLE_ENTITY
            )
        );
        assert_eq!(theirs, nobodys, "nothing disclosed");
        // The assessment too: 404, the same as an id nobody has.
        let path = format!("/api/v1/assessments/{id}");
        let (status, theirs) = app.get_json(&zarina, &path).await;
        let (status2, nobodys) = app
            .get_json(
                &zarina,
                "/api/v1/assessments/00000000-0000-4000-8000-000000000000",
            )
            .await;
        assert_eq!(
            (status, status2),
            (StatusCode::NOT_FOUND, StatusCode::NOT_FOUND)
        );
        assert_eq!(theirs, nobodys);
        let (status, _) = save(&app, &zarina, &id, 1, &json!({})).await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = submit(&app, &zarina, &id, 1).await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        // A methodologist does not assess; an administrator reads, but
        // only the assessor who started it changes it.
        let methodologist = app.api_user("author", &[Role::Methodologist]).await;
        let (status, _) = start(&app, &methodologist, "F1").await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let (status, _) = app.get_json(&admin, &path).await;
        assert_eq!(status, StatusCode::OK);
        let (status, _) = save(&app, &admin, &id, 1, &json!({})).await;
        assert_eq!(status, StatusCode::FORBIDDEN);
        let colleague = app
            .worker_at(&admin, "nodira", &[Role::Assessor], &["FAC1"])
            .await;
        let (status, _) = app.get_json(&colleague, &path).await;
        assert_eq!(
            status,
            StatusCode::OK,
            "a colleague of the facility reads it"
        );
        let (status, _) = save(&app, &colleague, &id, 1, &json!({})).await;
        assert_eq!(status, StatusCode::FORBIDDEN);

        // An instrument without a published version (a draft only).
        let (status, _) = app
            .send_json(
                Method::POST,
                &app.api_user("author2", &[Role::Methodologist]).await,
                "/api/v1/instruments/NEWI/versions",
                &serde_json::from_str::<Value>(&tests::api::intake_as("NEWI")).unwrap(),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED);
        let (status, body) = app
            .send_json(
                Method::POST,
                &umed,
                "/api/v1/assessments",
                &json!({ "subject": "F1", "instrument": "NEWI" }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["problems"][0]["path"], "/instrument");

        // A second draft of the same instrument for the same subject.
        let (status, _) = start(&app, &umed, "F1").await;
        assert_eq!(status, StatusCode::CONFLICT);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_stale_revision_and_a_locked_assessment_are_refused_and_a_correction_supersedes() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let doc = app.openapi().await;
        let (_admin, umed, _zarina) = floor(&app).await;
        let (_, started) = start(&app, &umed, "M1").await;
        let id = started["id"].as_str().unwrap().to_owned();
        let (status, _) = save(
            &app,
            &umed,
            &id,
            1,
            &json!({ "items": { "peers": rated(1) } }),
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        // Another tab still at revision 1.
        let (status, stale) = save(
            &app,
            &umed,
            &id,
            1,
            &json!({ "items": { "peers": rated(2) } }),
        )
        .await;
        assert_eq!(status, StatusCode::CONFLICT, "{stale}");
        doc.check("PUT", "/api/v1/assessments/{id}/answers", 409, &stale);
        // The language of the items is fixed once something is answered.
        let (status, _) = app
            .send_json(
                Method::PUT,
                &umed,
                &format!("/api/v1/assessments/{id}/answers"),
                &json!({ "revision": 2, "answers": {}, "locale": "tg" }),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT);

        let (status, saved) = save(&app, &umed, &id, 2, &low_male_case()).await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        let (status, _) = submit(&app, &umed, &id, 3).await;
        assert_eq!(status, StatusCode::OK);
        // Locked.
        let (status, locked) = save(&app, &umed, &id, 4, &low_male_case()).await;
        assert_eq!(status, StatusCode::CONFLICT, "{locked}");
        let (status, _) = submit(&app, &umed, &id, 4).await;
        assert_eq!(status, StatusCode::CONFLICT);

        // A correction needs a reason; it starts with the answers.
        let amend = format!("/api/v1/assessments/{id}/amend");
        let (status, _) = app
            .send_json(Method::POST, &umed, &amend, &json!({ "reason": " " }))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, amendment) = app
            .send_json(
                Method::POST,
                &umed,
                &amend,
                &json!({ "reason": "Peers rated on the wrong file." }),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{amendment}");
        doc.check("POST", "/api/v1/assessments/{id}/amend", 201, &amendment);
        let (status, _) = app
            .send_json(Method::POST, &umed, &amend, &json!({ "reason": "Again" }))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "one correction at a time");
        let new_id = amendment["id"].as_str().unwrap().to_owned();
        let (_, draft) = app
            .get_json(&umed, &format!("/api/v1/assessments/{new_id}"))
            .await;
        assert_eq!(draft["amends"], json!(id));
        assert_eq!(draft["amendment_reason"], "Peers rated on the wrong file.");
        assert_eq!(draft["answers"]["items"]["custody_violence"]["value"], 1);
        let mut corrected = low_male_case();
        corrected["items"]["peers"] = rated(2);
        let (_, saved) = save(&app, &umed, &new_id, 1, &corrected).await;
        let (status, submitted) =
            submit(&app, &umed, &new_id, saved["revision"].as_i64().unwrap()).await;
        assert_eq!(status, StatusCode::OK, "{submitted}");
        assert_eq!(score(&submitted["outcome"], "needs_score").0, 4);
        // Both kept; the original is superseded.
        let (_, original) = app
            .get_json(&umed, &format!("/api/v1/assessments/{id}"))
            .await;
        assert_eq!(original["status"], "superseded");
        assert_eq!(score(&original["outcome"], "needs_score").0, 2);
        let amended = app.stored_events_of(AuditAction::AssessmentAmended).await;
        assert_eq!(
            amended[0].details["reason"],
            "Peers rated on the wrong file."
        );
        app.stop().await;
    })
    .await;
}
