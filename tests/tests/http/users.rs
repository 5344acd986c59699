use app::error::AppError;
use app::model::UserSummary;
use domain::Role;
use reqwest::StatusCode;
use serde_json::json;
use tests::{TestApp, on_each_engine};

async fn user(app: &TestApp, admin: &reqwest::Client, id: i64) -> UserSummary {
    app.call_form(admin, "get_user", &[("id", &id.to_string())])
        .await
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn an_administrator_creates_an_account_who_must_then_change_the_password() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let new = json!({"user": {"username": "Dilshod.K", "display_name": "Дилшод Каримов", "password": "temporary-password-1",
                                   "roles": ["assessor", "reviewer"], "preferred_locale": "tg"}});
        let response = app.call_json(&admin, "create_user", &new).await;
        assert_eq!(response.status(), StatusCode::OK);
        let id: i64 = response.json().await.unwrap();
        let created = user(&app, &admin, id).await;
        assert_eq!(created.username, "dilshod.k");
        assert_eq!(created.display_name, "Дилшод Каримов");
        assert_eq!(created.roles.iter().collect::<Vec<_>>(), vec![Role::Reviewer, Role::Assessor]);
        let person = TestApp::client();
        let signed_in: app::model::SessionUser =
            app.sign_in(&person, "dilshod.k", "temporary-password-1").await.json().await.unwrap();
        assert!(signed_in.must_change_password);
        // The same name again is refused, and says which field.
        let again = app.call_json(&admin, "create_user", &new).await;
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(again.json::<AppError>().await.unwrap(), AppError::invalid("username", "error-username-taken"));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn invalid_accounts_are_refused_field_by_field() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let cases = [
            (json!({"username": "a b", "display_name": "X", "password": "long-enough-pw", "roles": ["assessor"]}), "username", "error-username-characters"),
            (json!({"username": "okname", "display_name": "  ", "password": "long-enough-pw", "roles": ["assessor"]}), "display_name", "error-display-name-required"),
            (json!({"username": "okname", "display_name": "X", "password": "short", "roles": ["assessor"]}), "password", "error-password-too-short"),
            (json!({"username": "okname", "display_name": "X", "password": "long-enough-pw", "roles": []}), "roles", "error-roles-required"),
        ];
        for (mut fields, field, message) in cases {
            fields["preferred_locale"] = serde_json::Value::Null;
            let response = app.call_json(&admin, "create_user", &json!({"user": fields})).await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field}");
            assert_eq!(response.json::<AppError>().await.unwrap(), AppError::invalid(field, message));
        }
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn roles_change_and_a_deactivated_account_is_signed_out_and_kept_out() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let password = app.create_user("sitora", &[Role::Assessor]).await;
        let sitora = TestApp::client();
        app.sign_in(&sitora, "sitora", &password).await;
        let id = app.services.find_user_id("sitora").await.unwrap().0;
        let before = user(&app, &admin, id).await;
        let change = json!({"change": {"id": id, "revision": before.revision, "display_name": "Ситора Раҳимова",
                                       "roles": ["methodologist", "translator"], "active": true}});
        assert_eq!(app.call_json(&admin, "update_user", &change).await.status(), StatusCode::OK);
        let after = user(&app, &admin, id).await;
        assert_eq!(after.roles.iter().collect::<Vec<_>>(), vec![Role::Methodologist, Role::Translator]);
        assert_eq!(after.revision, before.revision + 1);
        // A second edit from the same (now stale) revision is refused: nothing is overwritten.
        let stale = app.call_json(&admin, "update_user", &change).await;
        assert_eq!(stale.status(), StatusCode::CONFLICT);
        assert_eq!(stale.json::<AppError>().await.unwrap(), AppError::conflict("error-stale-revision"));
        // Deactivate: the open session ends, and signing in fails like a wrong password.
        let off = json!({"change": {"id": id, "revision": after.revision, "display_name": "Ситора Раҳимова",
                                    "roles": ["methodologist"], "active": false}});
        assert_eq!(app.call_json(&admin, "update_user", &off).await.status(), StatusCode::OK);
        let current: Option<app::model::SessionUser> = app.call_form(&sitora, "current_user", &[]).await.json().await.unwrap();
        assert!(current.is_none());
        assert_eq!(app.sign_in(&TestApp::client(), "sitora", &password).await.status(), StatusCode::UNAUTHORIZED);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn the_last_active_administrator_cannot_be_removed() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        // Retire the generated `admin` so that `chief` is the only administrator.
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let generated = user(&app, &admin, 1).await;
        let retire = json!({"change": {"id": 1, "revision": generated.revision, "display_name": "Administrator",
                                       "roles": ["administrator"], "active": false}});
        assert_eq!(app.call_json(&admin, "update_user", &retire).await.status(), StatusCode::OK);
        let chief_id = app.services.find_user_id("chief").await.unwrap().0;
        let chief = user(&app, &admin, chief_id).await;
        let demote = json!({"change": {"id": chief_id, "revision": chief.revision, "display_name": "Chief",
                                       "roles": ["assessor"], "active": true}});
        let refused = app.call_json(&admin, "update_user", &demote).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        assert_eq!(refused.json::<AppError>().await.unwrap(), AppError::conflict("error-last-administrator"));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_password_reset_ends_sessions_and_requires_a_new_password() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let password = app.create_user("behruz", &[Role::Reviewer]).await;
        let behruz = TestApp::client();
        app.sign_in(&behruz, "behruz", &password).await;
        let id = app.services.find_user_id("behruz").await.unwrap().0;
        let reset = app
            .call_json(
                &admin,
                "reset_password",
                &json!({"id": id, "temporary": "temporary-secret-9"}),
            )
            .await;
        assert_eq!(reset.status(), StatusCode::OK);
        let current: Option<app::model::SessionUser> = app
            .call_form(&behruz, "current_user", &[])
            .await
            .json()
            .await
            .unwrap();
        assert!(current.is_none());
        assert_eq!(
            app.sign_in(&TestApp::client(), "behruz", &password)
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
        let again: app::model::SessionUser = app
            .sign_in(&behruz, "behruz", "temporary-secret-9")
            .await
            .json()
            .await
            .unwrap();
        assert!(again.must_change_password);
        app.stop().await;
    })
    .await;
}
