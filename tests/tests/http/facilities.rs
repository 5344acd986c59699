//! Facilities through the JSON API: administrators create them and say who
//! works where; everyone signed in lists them.

use domain::{AuditAction, Role};
use reqwest::{Method, StatusCode};
use serde_json::json;
use tests::{TestApp, on_each_engine};

#[tokio::test]
async fn administrators_create_facilities_and_everyone_signed_in_lists_them() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let doc = app.openapi().await;
        let admin = app.api_user("chief", &[Role::Administrator]).await;
        let assessor = app.api_user("umed", &[Role::Assessor]).await;
        let reviewer = app.api_user("reviewer", &[Role::Reviewer]).await;

        let response = app.post_facility(&admin, "fac2").await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let created: serde_json::Value = response.json().await.unwrap();
        doc.check("POST", "/api/v1/facilities", 201, &created);
        assert_eq!(created["code"], "FAC2", "codes are stored in capitals");
        assert_eq!(created["name"]["tg"], "Муассисаи fac2");
        app.facility(&admin, "FAC1").await;

        // The same code in another case is the same facility.
        let (status, body) = app
            .send_json(
                Method::POST,
                &admin,
                "/api/v1/facilities",
                &json!({"code": "Fac1", "name": {"tg": "a", "ru": "b", "en": "c"}}),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert_eq!(body["error"], "facility-code-taken");
        doc.check("POST", "/api/v1/facilities", 409, &body);

        for (body, path) in [
            (
                json!({"code": "1AB", "name": {"tg": "a", "ru": "b", "en": "c"}}),
                "/code",
            ),
            (
                json!({"code": "FAC3", "name": {"tg": "a", "en": "c"}}),
                "/name/ru",
            ),
            (
                json!({"code": "FAC3", "name": {"tg": " ", "ru": "b", "en": "c"}}),
                "/name/tg",
            ),
        ] {
            let (status, answer) = app
                .send_json(Method::POST, &admin, "/api/v1/facilities", &body)
                .await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
            assert_eq!(answer["problems"][0]["path"], path, "{answer}");
            doc.check("POST", "/api/v1/facilities", 422, &answer);
        }

        let refused = app.post_facility(&assessor, "FAC9").await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        let anonymous = app.api(Method::GET, "/api/v1/facilities").send().await;
        assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);

        let (status, list) = app.get_json(&reviewer, "/api/v1/facilities").await;
        assert_eq!(status, StatusCode::OK);
        doc.check("GET", "/api/v1/facilities", 200, &list);
        let codes: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, ["FAC1", "FAC2"]);

        let events = app.stored_events_of(AuditAction::FacilityCreated).await;
        let audited: Vec<&str> = events
            .iter()
            .map(|e| e.details["code"].as_str().unwrap())
            .collect();
        assert_eq!(audited, ["FAC2", "FAC1"]);
        assert!(events.iter().all(|e| e.actor_name == "chief"));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn administrators_assign_facilities_and_unknown_codes_or_accounts_are_refused() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let doc = app.openapi().await;
        let template = "/api/v1/users/{username}/facilities";
        let admin = app.api_user("chief", &[Role::Administrator]).await;
        let assessor = app.api_user("umed", &[Role::Assessor]).await;
        app.facility(&admin, "FAC1").await;
        app.facility(&admin, "FAC2").await;

        let response = app
            .put_user_facilities(&admin, "umed", &["fac2", "FAC1", "FAC2"])
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let now: serde_json::Value = response.json().await.unwrap();
        doc.check("PUT", template, 200, &now);
        assert_eq!(now, json!(["FAC1", "FAC2"]), "sorted, without repeats");

        let response = app
            .put_user_facilities(&admin, "umed", &["FAC1", "NOPE"])
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"], "invalid");
        assert_eq!(body["problems"][0]["path"], "", "the whole list");
        doc.check("PUT", template, 422, &body);

        let response = app.put_user_facilities(&admin, "nobody", &["FAC1"]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let response = app.put_user_facilities(&assessor, "umed", &[]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let (status, _) = app
            .send_json(
                Method::PUT,
                &admin,
                "/api/v1/users/umed/facilities",
                &json!({"facilities": ["FAC1"]}),
            )
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "the body is a bare list");

        // Refused attempts changed nothing; the one change is audited.
        let events = app
            .stored_events_of(AuditAction::UserFacilitiesChanged)
            .await;
        assert_eq!(events.len(), 1, "{events:?}");
        assert_eq!(events[0].details["before"], json!([]));
        assert_eq!(events[0].details["after"], json!(["FAC1", "FAC2"]));
        let umed = app.services.find_user("umed").await.unwrap();
        assert_eq!(events[0].target_id, Some(umed.id.to_string()));

        // An empty list takes every facility away.
        let response = app.put_user_facilities(&admin, "umed", &[]).await;
        assert_eq!(response.status(), StatusCode::OK);
        let events = app
            .stored_events_of(AuditAction::UserFacilitiesChanged)
            .await;
        assert_eq!(events[1].details["after"], json!([]));
        app.stop().await;
    })
    .await;
}
