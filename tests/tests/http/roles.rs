use app::error::AppError;
use domain::Role;
use reqwest::StatusCode;
use serde_json::json;
use tests::{TestApp, on_each_engine};

/// Every administrator action, as (server function, JSON body).
fn admin_actions() -> Vec<(&'static str, serde_json::Value)> {
    vec![
        ("list_users", json!({})),
        ("get_user", json!({"id": 1})),
        (
            "create_user",
            json!({"user": {"username": "intruder", "display_name": "X", "password": "long-enough-password",
                            "roles": ["administrator"], "preferred_locale": null}}),
        ),
        (
            "update_user",
            json!({"change": {"id": 1, "revision": 1, "display_name": "X", "roles": ["assessor"], "active": false}}),
        ),
        (
            "reset_password",
            json!({"id": 1, "temporary": "long-enough-password"}),
        ),
        ("list_audit_events", json!({"page": 1})),
    ]
}

async fn call(
    app: &TestApp,
    client: &reqwest::Client,
    function: &str,
    body: &serde_json::Value,
) -> reqwest::Response {
    // Form-encoded functions take the same fields as a form.
    if ["list_users", "get_user", "list_audit_events"].contains(&function) {
        let form: Vec<(String, String)> = body
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.to_string()))
            .collect();
        let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        app.call_form(client, function, &form).await
    } else {
        app.call_json(client, function, body).await
    }
}

#[tokio::test]
async fn every_role_but_administrator_is_refused_every_admin_action_with_403() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        for role in [
            Role::Methodologist,
            Role::Translator,
            Role::Reviewer,
            Role::Assessor,
        ] {
            let client = app.signed_in_as(&format!("user-{role}"), &[role]).await;
            for (function, body) in admin_actions() {
                let response = call(&app, &client, function, &body).await;
                assert_eq!(
                    response.status(),
                    StatusCode::FORBIDDEN,
                    "{role} calling {function}"
                );
                assert_eq!(
                    response.json::<AppError>().await.unwrap(),
                    AppError::Forbidden
                );
            }
            for page in [
                "/admin/users",
                "/admin/users/new",
                "/admin/users/1",
                "/admin/audit",
            ] {
                let response = app.get(&client, page).await;
                assert_eq!(
                    response.status(),
                    StatusCode::FORBIDDEN,
                    "{role} opening {page}"
                );
                assert!(response.text().await.unwrap().contains("Not allowed"));
            }
        }
        // Nothing was changed by any of them.
        let admin = app.signed_in_as("boss", &[Role::Administrator]).await;
        let users: Vec<app::model::UserSummary> = app
            .call_form(&admin, "list_users", &[])
            .await
            .json()
            .await
            .unwrap();
        assert!(users.iter().all(|u| u.username != "intruder"));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_visitor_is_refused_with_401_and_pages_send_them_to_sign_in() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let visitor = TestApp::client();
        for (function, body) in admin_actions() {
            let response = call(&app, &visitor, function, &body).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{function}");
        }
        for page in ["/", "/account", "/admin/users"] {
            // As a browser navigates: it accepts HTML.
            let response = visitor
                .get(app.url(page))
                .header("accept", "text/html")
                .send()
                .await
                .unwrap();
            assert!(
                response.status().is_redirection(),
                "{page}: {}",
                response.status()
            );
            assert_eq!(response.headers()["location"], "/signin");
        }
        assert_eq!(app.get(&visitor, "/signin").await.status(), StatusCode::OK);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn navigation_shows_administration_only_to_administrators() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let assessor = app.signed_in_as("assessor1", &[Role::Assessor]).await;
        let admin = app
            .signed_in_as("admin2", &[Role::Administrator, Role::Reviewer])
            .await;
        let assessor_home = app.get(&assessor, "/").await.text().await.unwrap();
        let admin_home = app.get(&admin, "/").await.text().await.unwrap();
        assert!(!assessor_home.contains("href=\"/admin/users\""));
        assert!(!assessor_home.contains("href=\"/admin/audit\""));
        assert!(admin_home.contains("href=\"/admin/users\""));
        assert!(admin_home.contains("href=\"/admin/audit\""));
        assert!(assessor_home.contains("Assessor"));
        app.stop().await;
    })
    .await;
}
