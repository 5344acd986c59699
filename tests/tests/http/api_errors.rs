//! The API's error answers: the status says what kind of refusal it is,
//! the body is `{"error", "message", "problems"}`, and `Accept-Language`
//! picks the message's language (checked here in English and Russian).

use domain::Role;
use reqwest::{Method, StatusCode};
use services::model::ApiError;
use tests::api::{ApiCall, library_definition};
use tests::{TestApp, on_each_engine};

/// Sends the call in English and in Russian; checks the status and code in
/// both, that the messages differ and that the Russian one is in Cyrillic.
async fn refused(
    make: impl Fn(&str) -> ApiCall,
    status: StatusCode,
    code: &str,
) -> (ApiError, ApiError) {
    let mut bodies = Vec::new();
    for language in ["en", "ru"] {
        let response = make(language).send().await;
        assert_eq!(response.status(), status, "{code} in {language}");
        let body: ApiError = response.json().await.expect("an error body");
        assert_eq!(body.error, code, "{language}: {body:?}");
        assert!(!body.message.is_empty());
        bodies.push(body);
    }
    let ru = bodies.pop().unwrap();
    let en = bodies.pop().unwrap();
    assert_ne!(
        en.message, ru.message,
        "{code}: one message for both languages"
    );
    assert!(
        ru.message
            .chars()
            .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
        "{code}: {}",
        ru.message
    );
    (en, ru)
}

#[tokio::test]
async fn each_kind_of_refusal_has_its_status_code_and_a_message_in_the_callers_language() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = app.api_user("author", &[Role::Methodologist]).await;
        let assessor = app.api_user("assessor", &[Role::Assessor]).await;
        let intake = library_definition("intake-screen");

        // 400: not JSON at all.
        refused(
            |l| {
                app.api(Method::POST, "/api/v1/instruments/IRNS/versions")
                    .token(&author)
                    .language(l)
                    .body("{ not json")
            },
            StatusCode::BAD_REQUEST,
            "malformed-request",
        )
        .await;
        // 400: the body names another instrument than the path.
        refused(
            |l| {
                app.api(Method::POST, "/api/v1/instruments/SPNC/versions")
                    .token(&author)
                    .language(l)
                    .body(intake.clone())
            },
            StatusCode::BAD_REQUEST,
            "code-mismatch",
        )
        .await;
        // 401: no token, and a token that is not one.
        refused(
            |l| app.api(Method::GET, "/api/v1/instruments").language(l),
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        )
        .await;
        refused(
            |l| {
                app.api(Method::GET, "/api/v1/me")
                    .token("mizon_0000")
                    .language(l)
            },
            StatusCode::UNAUTHORIZED,
            "unauthorized",
        )
        .await;
        // 403: an assessor may not import.
        refused(
            |l| {
                app.api(Method::POST, "/api/v1/instruments/IRNS/versions")
                    .token(&assessor)
                    .language(l)
                    .body(intake.clone())
            },
            StatusCode::FORBIDDEN,
            "forbidden",
        )
        .await;
        // 404: no such instrument; no such version.
        for path in [
            "/api/v1/instruments/NOPE/versions",
            "/api/v1/instruments/IRNS/versions/7",
            "/api/v1/instruments/IRNS/versions/x",
        ] {
            refused(
                |l| app.api(Method::GET, path).token(&assessor).language(l),
                StatusCode::NOT_FOUND,
                "not-found",
            )
            .await;
        }
        // 201, then 409: an instrument has one open draft at a time.
        let first = app
            .api(Method::POST, "/api/v1/instruments/IRNS/versions")
            .token(&author)
            .body(intake.clone())
            .send()
            .await;
        assert_eq!(first.status(), StatusCode::CREATED);
        refused(
            |l| {
                app.api(Method::POST, "/api/v1/instruments/IRNS/versions")
                    .token(&author)
                    .language(l)
                    .body(intake.clone())
            },
            StatusCode::CONFLICT,
            "open-version-exists",
        )
        .await;
        // 422: every problem of an invalid definition, each with its path.
        let mut broken: serde_json::Value =
            serde_json::from_str(&library_definition("ve-spj")).unwrap();
        broken["meta"]["title"] = serde_json::json!(42);
        broken["sections"][0]["items"][0]["key"] = serde_json::json!("Not A Key!");
        let broken = broken.to_string();
        let (en, _) = refused(
            |l| {
                app.api(Method::POST, "/api/v1/instruments/VESPJ/versions")
                    .token(&author)
                    .language(l)
                    .body(broken.clone())
            },
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid-definition",
        )
        .await;
        let paths: Vec<&str> = en.problems.iter().map(|p| p.path.as_str()).collect();
        assert!(paths.len() >= 2, "{paths:?}");
        assert!(
            paths.iter().any(|p| p.starts_with("/meta/title")),
            "{paths:?}"
        );
        assert!(
            paths
                .iter()
                .any(|p| p.starts_with("/sections/0/items/0/key")),
            "{paths:?}"
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn an_address_sending_many_invalid_tokens_is_slowed_down_but_valid_tokens_still_work() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let valid = app.api_user("statistics", &[Role::Reviewer]).await;
        let bad = format!("mizon_{}", "f".repeat(64));
        for _ in 0..services::tokens::MAX_BAD_TOKENS_PER_ADDRESS {
            let status = app
                .api(Method::GET, "/api/v1/me")
                .token(&bad)
                .send()
                .await
                .status();
            assert_eq!(status, StatusCode::UNAUTHORIZED);
        }
        let (en, ru) = refused(
            |l| app.api(Method::GET, "/api/v1/me").token(&bad).language(l),
            StatusCode::TOO_MANY_REQUESTS,
            "throttled",
        )
        .await;
        assert!(en.message.contains("15"), "{}", en.message);
        assert!(ru.message.contains("15"), "{}", ru.message);
        let ok = app
            .api(Method::GET, "/api/v1/me")
            .token(&valid)
            .send()
            .await;
        assert_eq!(ok.status(), StatusCode::OK);
        app.stop().await;
    })
    .await;
}
