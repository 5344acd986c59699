use app::error::AppError;
use app::model::{NewUser, UserChange, UserSummary};
use domain::{Role, UserId};
use reqwest::{Client, Response, StatusCode};
use tests::{TestApp, on_each_engine};

/// Every administrator action, each as a typed call through its helper.
#[derive(Debug, Clone, Copy)]
enum AdminAction {
    ListUsers,
    GetUser,
    CreateUser,
    UpdateUser,
    ResetPassword,
    ListAuditEvents,
}

impl AdminAction {
    const ALL: [AdminAction; 6] = [
        AdminAction::ListUsers,
        AdminAction::GetUser,
        AdminAction::CreateUser,
        AdminAction::UpdateUser,
        AdminAction::ResetPassword,
        AdminAction::ListAuditEvents,
    ];

    async fn call(self, app: &TestApp, client: &Client) -> Response {
        // The generated `admin` account.
        let first = UserId::from_db(1);
        match self {
            AdminAction::ListUsers => app.list_users(client).await,
            AdminAction::GetUser => app.get_user(client, first).await,
            AdminAction::CreateUser => {
                let intruder = NewUser {
                    username: "intruder".into(),
                    display_name: "X".into(),
                    password: "long-enough-password".into(),
                    roles: vec![Role::Administrator],
                    preferred_locale: None,
                };
                app.create_user_as(client, &intruder).await
            }
            AdminAction::UpdateUser => {
                let change = UserChange {
                    id: first,
                    revision: 1,
                    display_name: "X".into(),
                    roles: vec![Role::Assessor],
                    active: false,
                };
                app.update_user(client, &change).await
            }
            AdminAction::ResetPassword => {
                app.reset_password(client, first, "long-enough-password")
                    .await
            }
            AdminAction::ListAuditEvents => app.list_audit_events(client, 1).await,
        }
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
            for action in AdminAction::ALL {
                let response = action.call(&app, &client).await;
                assert_eq!(
                    response.status(),
                    StatusCode::FORBIDDEN,
                    "{role} calling {action:?}"
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
        let users: Vec<UserSummary> = app.list_users(&admin).await.json().await.unwrap();
        assert!(users.iter().all(|u| u.username.as_str() != "intruder"));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_visitor_is_refused_with_401_and_pages_send_them_to_sign_in() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let visitor = TestApp::client();
        for action in AdminAction::ALL {
            let response = action.call(&app, &visitor).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{action:?}");
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
