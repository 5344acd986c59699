//! API tokens: made on the account page (or the command line), used as
//! bearer tokens, listed without their secret, revoked, ended with their
//! account, and never stored in clear.

use domain::{AuditAction, Role};
use reqwest::{Method, StatusCode};
use services::model::{
    AuditPage, CreatedToken, Me, NewToken, TokenSummary, UserChange, UserSummary,
};
use sqlx::Row;
use tests::{TestApp, on_each_engine};

async fn me_status(app: &TestApp, token: &str) -> StatusCode {
    app.api(Method::GET, "/api/v1/me")
        .token(token)
        .send()
        .await
        .status()
}

#[tokio::test]
async fn a_token_made_on_the_account_page_acts_as_its_user_until_revoked() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let client = app.signed_in_as("farrukh", &[Role::Reviewer]).await;
        let response = app
            .create_token(
                &client,
                &NewToken {
                    name: "statistics export".into(),
                    expires_days: Some(30),
                },
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let created: CreatedToken = response.json().await.unwrap();
        assert!(created.token.starts_with("mizon_"));
        assert!(created.summary.expires_at.is_some());

        let me: Me = app
            .api(Method::GET, "/api/v1/me")
            .token(&created.token)
            .send()
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(me.username.as_str(), "farrukh");
        assert!(me.roles.contains(Role::Reviewer));

        let listed: Vec<TokenSummary> = app.list_tokens(&client).await.json().await.unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].name, "statistics export");
        assert!(listed[0].last_used_at.is_some(), "the use was recorded");
        let listed_text = serde_json::to_string(&listed).unwrap();
        assert!(
            !listed_text.contains(&created.token),
            "the secret is never listed"
        );

        // Somebody else cannot revoke it; its owner can, and then it fails.
        let other = app.signed_in_as("intruder", &[Role::Reviewer]).await;
        assert_eq!(
            app.revoke_token(&other, created.summary.id).await.status(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(me_status(&app, &created.token).await, StatusCode::OK);
        assert_eq!(
            app.revoke_token(&client, created.summary.id).await.status(),
            StatusCode::OK
        );
        assert_eq!(
            me_status(&app, &created.token).await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            app.revoke_token(&client, created.summary.id).await.status(),
            StatusCode::CONFLICT
        );

        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let page: AuditPage = app.list_audit_events(&admin, 1).await.json().await.unwrap();
        let actions: Vec<AuditAction> = page.events.iter().map(|e| e.action).collect();
        assert!(actions.contains(&AuditAction::TokenCreated));
        assert!(actions.contains(&AuditAction::TokenRevoked));
        let audit_text = serde_json::to_string(&page).unwrap();
        assert!(!audit_text.contains(&created.token), "no secret in the log");
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_token_stops_working_when_its_account_is_deactivated() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let token = app.api_user("dilnoza", &[Role::Assessor]).await;
        assert_eq!(me_status(&app, &token).await, StatusCode::OK);

        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let id = app.services.find_user("dilnoza").await.unwrap().id;
        let user: UserSummary = app.get_user(&admin, id).await.json().await.unwrap();
        let response = app
            .update_user(
                &admin,
                &UserChange {
                    id,
                    revision: user.revision,
                    display_name: user.display_name,
                    roles: vec![Role::Assessor],
                    active: false,
                },
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(me_status(&app, &token).await, StatusCode::UNAUTHORIZED);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn tokens_are_stored_only_as_hashes_and_expire() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let token = app.api_user("rustam", &[Role::Methodologist]).await;
        let mut conn = app.services.db.pool.acquire().await.unwrap();
        let rows = sqlx::query("SELECT name, token_hash FROM api_tokens")
            .fetch_all(&mut *conn)
            .await
            .unwrap();
        assert_eq!(rows.len(), 1);
        let stored: String = rows[0].try_get("token_hash").unwrap();
        assert_ne!(stored, token);
        assert!(!stored.contains(&token[6..]));
        assert_eq!(stored, services::auth::token_hash(&token));

        // Expired (as if its time had run out): refused.
        assert_eq!(me_status(&app, &token).await, StatusCode::OK);
        sqlx::query("UPDATE api_tokens SET expires_at = $1")
            .bind("2020-01-01T00:00:00.000000Z")
            .execute(&mut *conn)
            .await
            .unwrap();
        drop(conn);
        assert_eq!(me_status(&app, &token).await, StatusCode::UNAUTHORIZED);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_token_name_and_lifetime_are_checked_and_the_form_says_which_field() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let client = app.signed_in_as("zarina", &[Role::Translator]).await;
        for (token, field) in [
            (
                NewToken {
                    name: "  ".into(),
                    expires_days: None,
                },
                "name",
            ),
            (
                NewToken {
                    name: "export".into(),
                    expires_days: Some(0),
                },
                "expires_days",
            ),
        ] {
            let response = app.create_token(&client, &token).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let error: app::error::AppError = response.json().await.unwrap();
            assert_eq!(error.field(), Some(field));
        }
        // Without signing in there is nothing to make a token for.
        let visitor = TestApp::client();
        let response = app
            .create_token(
                &visitor,
                &NewToken {
                    name: "x".into(),
                    expires_days: None,
                },
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        app.stop().await;
    })
    .await;
}
