//! Subjects through the JSON API: who records and sees them (an assessor:
//! only their facilities' subjects; anyone else's is "not found"), the
//! forgiving search, changes, transfers, and the audit events of each.

use domain::{AuditAction, Role};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::openapi::OpenApiDoc;
use tests::subject_helpers::subject_body;
use tests::{TestApp, on_each_engine};

/// An administrator, facilities FAC1 and FAC2, and an assessor at each:
/// `umed` at FAC1, `zarina` at FAC2. Returns (admin, umed, zarina).
async fn two_facilities(app: &TestApp) -> (String, String, String) {
    let admin = app.api_user("chief", &[Role::Administrator]).await;
    app.facility(&admin, "FAC1").await;
    app.facility(&admin, "FAC2").await;
    let umed = app
        .worker_at(&admin, "umed", &[Role::Assessor], &["FAC1"])
        .await;
    let zarina = app
        .worker_at(&admin, "zarina", &[Role::Assessor], &["FAC2"])
        .await;
    (admin, umed, zarina)
}

/// Records a subject; must succeed. Returns the answer.
async fn subject(app: &TestApp, token: &str, code: &str, name: &str, facility: &str) -> Value {
    let response = app
        .post_subject(token, &subject_body(code, name, facility))
        .await;
    assert_eq!(response.status(), StatusCode::CREATED, "subject {code}");
    response.json().await.unwrap()
}

/// The codes a search as `token` finds (and the answer matches the document).
async fn found(app: &TestApp, doc: &OpenApiDoc, token: &str, q: &str) -> Vec<String> {
    let path = format!("/api/v1/subjects?q={}", urlencode(q));
    let (status, body) = app.get_json(token, &path).await;
    assert_eq!(status, StatusCode::OK, "{q}: {body}");
    doc.check("GET", "/api/v1/subjects", 200, &body);
    body.as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap().to_owned())
        .collect()
}

fn urlencode(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn an_assessor_records_a_subject_at_their_facility_and_a_methodologist_may_not() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let doc = app.openapi().await;
        let (_admin, umed, zarina) = two_facilities(&app).await;
        let methodologist = app.api_user("author", &[Role::Methodologist]).await;

        let body = subject_body("s-2026-0001", "Ҷалбшавӣ Нигина", "fac1");
        let response = app.post_subject(&umed, &body).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let created: Value = response.json().await.unwrap();
        doc.check("POST", "/api/v1/subjects", 201, &created);
        assert_eq!(created["code"], "S-2026-0001");
        assert_eq!(created["name"], "Ҷалбшавӣ Нигина");
        assert_eq!(created["facility"], "FAC1");
        assert_eq!(created["gender"], "female");
        assert_eq!(created["birth_date"], "1990-05-01");
        assert_eq!(created["language"], "tg");
        assert_eq!(created["status"], "in_custody");
        assert_eq!(created["status_date"], Value::Null);
        assert_eq!(created["revision"], 1);

        let refused = app.post_subject(&methodologist, &body).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        let refused: Value = refused.json().await.unwrap();
        doc.check("POST", "/api/v1/subjects", 403, &refused);

        // The same code in another case is taken.
        let again = subject_body("S-2026-0001", "Другой Человек", "FAC1");
        let response = app.post_subject(&umed, &again).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let conflict: Value = response.json().await.unwrap();
        assert_eq!(conflict["error"], "subject-code-taken");
        doc.check("POST", "/api/v1/subjects", 409, &conflict);

        // Only at one's own facility, and only at one that exists.
        for (facility, message) in [
            (
                "FAC1",
                "You can record subjects only at a facility you work at.",
            ),
            ("FAC7", "There is no facility with this code."),
        ] {
            let response = app
                .post_subject(&zarina, &subject_body("S-2", "Ном", facility))
                .await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let body: Value = response.json().await.unwrap();
            assert_eq!(body["problems"][0]["path"], "/facility");
            assert_eq!(body["problems"][0]["message"], message);
        }

        // The change is audited by code; the name is nowhere in the log.
        let events = app.stored_events_of(AuditAction::SubjectCreated).await;
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].actor_name, "umed");
        assert_eq!(events[0].details["code"], "S-2026-0001");
        assert_eq!(events[0].details["facility"], "FAC1");
        let log = app.stored_audit_events().await;
        assert!(
            log.iter()
                .all(|e| !e.details.to_string().contains("Нигина")),
            "a name in the audit log"
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn invalid_subject_fields_are_refused_with_their_paths_in_the_callers_language() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let doc = app.openapi().await;
        let (_admin, umed, _) = two_facilities(&app).await;
        let cases: Vec<(&str, Value)> = vec![
            ("/code", json!("С-1")), // a Cyrillic С
            ("/code", json!("")),
            ("/name", json!("   ")),
            ("/gender", json!("m")),
            ("/birth_date", json!("2023-02-29")),
            ("/birth_date", json!("01.05.1990")),
            ("/birth_date", json!("2999-01-01")),
            ("/facility", json!("")),
            ("/language", json!("de")),
        ];
        for (path, value) in cases {
            let mut body = subject_body("S-1", "Ном Насаб", "FAC1");
            body[&path[1..]] = value.clone();
            let response = app
                .api(Method::POST, "/api/v1/subjects")
                .token(&umed)
                .language("ru")
                .body(body.to_string())
                .send()
                .await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{path} = {value}"
            );
            let answer: Value = response.json().await.unwrap();
            doc.check("POST", "/api/v1/subjects", 422, &answer);
            assert_eq!(answer["error"], "invalid");
            assert_eq!(answer["problems"][0]["path"], path, "{value}: {answer}");
            let message = answer["problems"][0]["message"].as_str().unwrap();
            assert!(
                message.chars().any(|c| ('а'..='я').contains(&c)),
                "said in Russian: {message}"
            );
        }
        // A missing field is named like a wrong one.
        let mut body = subject_body("S-1", "Ном Насаб", "FAC1");
        body.as_object_mut().unwrap().remove("gender");
        let (status, answer) = app
            .send_json(Method::POST, &umed, "/api/v1/subjects", &body)
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(answer["problems"][0]["path"], "/gender");
        // Nothing was recorded.
        let doc_search = found(&app, &doc, &umed, "").await;
        assert!(doc_search.is_empty(), "{doc_search:?}");
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_subject_of_another_facility_is_not_found_and_not_searchable() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let doc = app.openapi().await;
        let (admin, umed, zarina) = two_facilities(&app).await;
        subject(&app, &umed, "S-1", "Раҳимов Ҷамшед", "FAC1").await;
        subject(&app, &zarina, "S-2", "Раҳимова Зебо", "FAC2").await;

        let (status, seen) = app.get_json(&umed, "/api/v1/subjects/s-1").await;
        assert_eq!(status, StatusCode::OK);
        doc.check("GET", "/api/v1/subjects/{code}", 200, &seen);
        assert_eq!(seen["name"], "Раҳимов Ҷамшед");

        // Zarina learns nothing about S-1: the answer is the one for a code
        // nobody has, byte for byte.
        let other = app
            .api(Method::GET, "/api/v1/subjects/S-1")
            .token(&zarina)
            .send()
            .await;
        let nobody = app
            .api(Method::GET, "/api/v1/subjects/S-404")
            .token(&zarina)
            .send()
            .await;
        assert_eq!(other.status(), StatusCode::NOT_FOUND);
        assert_eq!(nobody.status(), StatusCode::NOT_FOUND);
        let (other, nobody) = (other.text().await.unwrap(), nobody.text().await.unwrap());
        assert_eq!(other, nobody);
        doc.check(
            "GET",
            "/api/v1/subjects/{code}",
            404,
            &serde_json::from_str(&other).unwrap(),
        );
        // Nor by changing or moving it.
        let (status, _) = app
            .send_json(
                Method::POST,
                &zarina,
                "/api/v1/subjects/S-1/transfer",
                &json!({"revision": 1, "facility": "FAC2", "date": "2025-01-10"}),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, _) = app
            .send_json(
                Method::PUT,
                &zarina,
                "/api/v1/subjects/S-1",
                &json!({"revision": 1}),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);

        assert_eq!(found(&app, &doc, &zarina, "").await, ["S-2"]);
        assert!(found(&app, &doc, &zarina, "S-1").await.is_empty());
        assert_eq!(found(&app, &doc, &zarina, "рахимов").await, ["S-2"]);
        assert_eq!(found(&app, &doc, &umed, "рахимов").await, ["S-1"]);
        // Administrators see every facility's subjects, with names.
        assert_eq!(found(&app, &doc, &admin, "рахимов").await, ["S-1", "S-2"]);
        let (status, by_admin) = app.get_json(&admin, "/api/v1/subjects/S-2").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(by_admin["name"], "Раҳимова Зебо");

        // Reads are audited, refused ones not as reads.
        let reads = app.stored_events_of(AuditAction::SubjectRead).await;
        let who: Vec<(&str, &str)> = reads
            .iter()
            .map(|e| (e.actor_name.as_str(), e.details["code"].as_str().unwrap()))
            .collect();
        assert_eq!(who, [("umed", "S-1"), ("chief", "S-2")]);
        assert!(reads.iter().all(|e| e.target_id.is_some()));
        let searches = app.stored_events_of(AuditAction::SubjectsSearched).await;
        let by_zarina: Vec<&Value> = searches
            .iter()
            .filter(|e| e.actor_name == "zarina")
            .map(|e| &e.details["codes"])
            .collect();
        assert_eq!(by_zarina, [&json!(["S-2"]), &json!([]), &json!(["S-2"])]);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_search_typed_with_russian_letters_finds_tajik_names() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let doc = app.openapi().await;
        let (_admin, umed, _) = two_facilities(&app).await;
        subject(&app, &umed, "S-001", "Ҷалбшавӣ Қодир", "FAC1").await;
        subject(&app, &umed, "S-002", "Ёров Ғайрат Ӯлмасович", "FAC1").await;
        subject(&app, &umed, "S-003", "Иванов Пётр", "FAC1").await;
        subject(&app, &umed, "X_100", "Ҳасанова Мадина", "FAC1").await;

        for (q, expected) in [
            ("Чалбшави", vec!["S-001"]),
            ("чалбшави кодир", vec!["S-001"]),
            ("ЕРОВ гайрат", vec!["S-002"]),
            ("улмасович", vec!["S-002"]),
            ("петр", vec!["S-003"]),
            ("пётр", vec!["S-003"]),
            ("хасанова", vec!["X_100"]),
            ("s-00", vec!["S-001", "S-002", "S-003"]),
            // Words may match the code and the name.
            ("s-00 иванов", vec!["S-003"]),
            ("", vec!["S-001", "S-002", "S-003", "X_100"]),
        ] {
            assert_eq!(found(&app, &doc, &umed, q).await, expected, "{q:?}");
        }
        // й is not и; LIKE's wildcards are plain characters here.
        for q in ["чалбшавй", "%", "S_00", "иванов кодир"] {
            assert!(found(&app, &doc, &umed, q).await.is_empty(), "{q:?}");
        }
        let long = "а".repeat(101);
        let (status, body) = app
            .get_json(&umed, &format!("/api/v1/subjects?q={}", urlencode(&long)))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["problems"][0]["path"], "/q");
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_transfer_moves_the_subject_to_the_assessors_of_the_new_facility() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let doc = app.openapi().await;
        let template = "/api/v1/subjects/{code}/transfer";
        let (_admin, umed, zarina) = two_facilities(&app).await;
        subject(&app, &umed, "S-1", "Саидов Фирӯз", "FAC1").await;

        for (body, path) in [
            (
                json!({"revision": 1, "facility": "FAC1", "date": "2025-01-10"}),
                "/facility",
            ),
            (
                json!({"revision": 1, "facility": "FAC9", "date": "2025-01-10"}),
                "/facility",
            ),
            (
                json!({"revision": 1, "facility": "FAC2", "date": "1980-01-10"}),
                "/date",
            ),
            (
                json!({"revision": 1, "facility": "FAC2", "date": "2999-01-10"}),
                "/date",
            ),
        ] {
            let (status, answer) = app
                .send_json(Method::POST, &umed, "/api/v1/subjects/S-1/transfer", &body)
                .await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            assert_eq!(answer["problems"][0]["path"], path, "{body}: {answer}");
            doc.check("POST", template, 422, &answer);
        }

        let (status, moved) = app
            .send_json(
                Method::POST,
                &umed,
                "/api/v1/subjects/S-1/transfer",
                &json!({"revision": 1, "facility": "fac2", "date": "2025-01-10"}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{moved}");
        doc.check("POST", template, 200, &moved);
        assert_eq!(moved["facility"], "FAC2");
        assert_eq!(moved["status"], "transferred");
        assert_eq!(moved["status_date"], "2025-01-10");
        assert_eq!(moved["revision"], 2);
        assert_eq!(moved["name"], Value::Null, "umed does not work at FAC2");

        // Umed no longer reaches the subject; Zarina does, with the name.
        let (status, _) = app.get_json(&umed, "/api/v1/subjects/S-1").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(found(&app, &doc, &umed, "").await.is_empty());
        let (status, seen) = app.get_json(&zarina, "/api/v1/subjects/S-1").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(seen["name"], "Саидов Фирӯз");
        assert_eq!(seen["facility"], "FAC2");
        assert_eq!(found(&app, &doc, &zarina, "фируз").await, ["S-1"]);

        // A transfer from a stale revision is refused.
        let (status, stale) = app
            .send_json(
                Method::POST,
                &zarina,
                "/api/v1/subjects/S-1/transfer",
                &json!({"revision": 1, "facility": "FAC1", "date": "2025-02-01"}),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(stale["error"], "subject-changed");
        doc.check("POST", template, 409, &stale);

        let events = app.stored_events_of(AuditAction::SubjectTransferred).await;
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].actor_name, "umed");
        assert_eq!(
            (
                &events[0].details["from"],
                &events[0].details["to"],
                &events[0].details["date"]
            ),
            (&json!("FAC1"), &json!("FAC2"), &json!("2025-01-10"))
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_record_is_changed_from_its_revision_and_the_change_is_audited_without_the_name() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let doc = app.openapi().await;
        let template = "/api/v1/subjects/{code}";
        let (_admin, umed, _) = two_facilities(&app).await;
        subject(&app, &umed, "S-1", "Каримов Алӣ", "FAC1").await;
        let change = |revision: i64, status: &str, date: Option<&str>| {
            json!({
                "revision": revision,
                "name": "Каримов Алишер",
                "gender": "male",
                "birth_date": "1990-05-01",
                "language": "ru",
                "status": status,
                "status_date": date,
            })
        };

        for (body, path) in [
            (change(1, "released", None), "/status_date"),
            (change(1, "released", Some("1980-01-01")), "/status_date"),
            (change(1, "transferred", Some("2025-01-01")), "/status"),
            (change(1, "escaped", None), "/status"),
        ] {
            let (status, answer) = app
                .send_json(Method::PUT, &umed, "/api/v1/subjects/S-1", &body)
                .await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            assert_eq!(answer["problems"][0]["path"], path, "{body}: {answer}");
            doc.check("PUT", template, 422, &answer);
        }

        let (status, changed) = app
            .send_json(
                Method::PUT,
                &umed,
                "/api/v1/subjects/S-1",
                &change(1, "released", Some("2025-03-01")),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{changed}");
        doc.check("PUT", template, 200, &changed);
        assert_eq!(changed["name"], "Каримов Алишер");
        assert_eq!(changed["gender"], "male");
        assert_eq!(changed["language"], "ru");
        assert_eq!(changed["status"], "released");
        assert_eq!(changed["status_date"], "2025-03-01");
        assert_eq!(changed["revision"], 2);

        let (status, stale) = app
            .send_json(
                Method::PUT,
                &umed,
                "/api/v1/subjects/S-1",
                &change(1, "in_custody", None),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(stale["error"], "subject-changed");
        doc.check("PUT", template, 409, &stale);
        let (status, back) = app
            .send_json(
                Method::PUT,
                &umed,
                "/api/v1/subjects/S-1",
                &change(2, "in_custody", Some("2025-03-01")),
            )
            .await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(back["status_date"], Value::Null, "in custody has no date");

        let events = app.stored_events_of(AuditAction::SubjectUpdated).await;
        assert_eq!(events.len(), 2);
        let first = &events[0].details["changed"];
        assert_eq!(first["name"], "changed");
        assert_eq!(
            first["gender"],
            json!({"before": "female", "after": "male"})
        );
        assert_eq!(
            first["status"],
            json!({"before": "in_custody", "after": "released"})
        );
        assert_eq!(
            first.get("birth_date"),
            None,
            "unchanged fields are left out"
        );
        let log = app.stored_audit_events().await;
        assert!(
            log.iter()
                .all(|e| !e.details.to_string().contains("Алишер")),
            "a name in the audit log"
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn the_openapi_check_refuses_answers_that_differ_from_the_document() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let doc = app.openapi().await;
        let (_admin, umed, _) = two_facilities(&app).await;
        let good = subject(&app, &umed, "S-1", "Ном Насаб", "FAC1").await;
        doc.check("POST", "/api/v1/subjects", 201, &good);
        let mut no_facility = good.clone();
        no_facility.as_object_mut().unwrap().remove("facility");
        let mut bad_date = good.clone();
        bad_date["birth_date"] = json!("01.05.1990");
        let mut bad_status = good.clone();
        bad_status["status"] = json!("escaped");
        for (what, body, status) in [
            ("a missing field", no_facility, 201),
            ("a date not in date format", bad_date, 201),
            ("a status outside the enum", bad_status, 201),
            ("an undocumented status", good.clone(), 418),
        ] {
            let refused = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                doc.check("POST", "/api/v1/subjects", status, &body)
            }));
            assert!(refused.is_err(), "the check let {what} through");
        }
        app.stop().await;
    })
    .await;
}
