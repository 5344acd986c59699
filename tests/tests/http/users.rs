use app::error::AppError;
use app::model::{NewUser, SessionUser, UserChange, UserSummary};
use domain::{Locale, Role, UserId};
use reqwest::StatusCode;
use tests::{TestApp, on_each_engine};

async fn user(app: &TestApp, admin: &reqwest::Client, id: UserId) -> UserSummary {
    app.get_user(admin, id).await.json().await.unwrap()
}

async fn current_user(app: &TestApp, client: &reqwest::Client) -> Option<SessionUser> {
    app.current_user(client).await.json().await.unwrap()
}

fn new_user(username: &str, display_name: &str, password: &str, roles: &[Role]) -> NewUser {
    NewUser {
        username: username.into(),
        display_name: display_name.into(),
        password: password.into(),
        roles: roles.to_vec(),
        preferred_locale: None,
    }
}

#[tokio::test]
async fn an_administrator_creates_an_account_who_must_then_change_the_password() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let new = NewUser {
            preferred_locale: Some(Locale::Tg),
            ..new_user(
                "Dilshod.K",
                "Дилшод Каримов",
                "temporary-password-1",
                &[Role::Assessor, Role::Reviewer],
            )
        };
        let response = app.create_user_as(&admin, &new).await;
        assert_eq!(response.status(), StatusCode::OK);
        let id: UserId = response.json().await.unwrap();
        let created = user(&app, &admin, id).await;
        assert_eq!(created.username.as_str(), "dilshod.k");
        assert_eq!(created.display_name, "Дилшод Каримов");
        assert_eq!(
            created.roles.iter().collect::<Vec<_>>(),
            vec![Role::Reviewer, Role::Assessor]
        );
        let person = TestApp::client();
        let signed_in: SessionUser = app
            .sign_in(&person, "dilshod.k", "temporary-password-1")
            .await
            .json()
            .await
            .unwrap();
        assert!(signed_in.must_change_password);
        // The same name again is refused, and says which field.
        let again = app.create_user_as(&admin, &new).await;
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            again.json::<AppError>().await.unwrap(),
            AppError::invalid("username", "error-username-taken")
        );
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
            (
                new_user("a b", "X", "long-enough-pw", &[Role::Assessor]),
                "username",
                "error-username-characters",
            ),
            (
                new_user("okname", "  ", "long-enough-pw", &[Role::Assessor]),
                "display_name",
                "error-display-name-required",
            ),
            (
                new_user("okname", "X", "short", &[Role::Assessor]),
                "password",
                "error-password-too-short",
            ),
            (
                new_user("okname", "X", "long-enough-pw", &[]),
                "roles",
                "error-roles-required",
            ),
        ];
        for (fields, field, message) in cases {
            let response = app.create_user_as(&admin, &fields).await;
            assert_eq!(
                response.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{field}"
            );
            assert_eq!(
                response.json::<AppError>().await.unwrap(),
                AppError::invalid(field, message)
            );
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
        let id = app.services.find_user("sitora").await.unwrap().id;
        let before = user(&app, &admin, id).await;
        let change = UserChange {
            id,
            revision: before.revision,
            display_name: "Ситора Раҳимова".into(),
            roles: vec![Role::Methodologist, Role::Translator],
            active: true,
        };
        assert_eq!(
            app.update_user(&admin, &change).await.status(),
            StatusCode::OK
        );
        let after = user(&app, &admin, id).await;
        assert_eq!(
            after.roles.iter().collect::<Vec<_>>(),
            vec![Role::Methodologist, Role::Translator]
        );
        assert_eq!(after.revision, before.revision + 1);
        // A second edit from the same (now stale) revision is refused: nothing is overwritten.
        let stale = app.update_user(&admin, &change).await;
        assert_eq!(stale.status(), StatusCode::CONFLICT);
        assert_eq!(
            stale.json::<AppError>().await.unwrap(),
            AppError::conflict("error-stale-revision")
        );
        // Deactivate: the open session ends, and signing in fails like a wrong password.
        let off = UserChange {
            id,
            revision: after.revision,
            display_name: "Ситора Раҳимова".into(),
            roles: vec![Role::Methodologist],
            active: false,
        };
        assert_eq!(app.update_user(&admin, &off).await.status(), StatusCode::OK);
        assert!(current_user(&app, &sitora).await.is_none());
        assert_eq!(
            app.sign_in(&TestApp::client(), "sitora", &password)
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
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
        let generated_id = UserId::from_db(1);
        let generated = user(&app, &admin, generated_id).await;
        let retire = UserChange {
            id: generated_id,
            revision: generated.revision,
            display_name: "Administrator".into(),
            roles: vec![Role::Administrator],
            active: false,
        };
        assert_eq!(
            app.update_user(&admin, &retire).await.status(),
            StatusCode::OK
        );
        let chief_id = app.services.find_user("chief").await.unwrap().id;
        let chief = user(&app, &admin, chief_id).await;
        let demote = UserChange {
            id: chief_id,
            revision: chief.revision,
            display_name: "Chief".into(),
            roles: vec![Role::Assessor],
            active: true,
        };
        let refused = app.update_user(&admin, &demote).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        assert_eq!(
            refused.json::<AppError>().await.unwrap(),
            AppError::conflict("error-last-administrator")
        );
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
        let id = app.services.find_user("behruz").await.unwrap().id;
        let reset = app.reset_password(&admin, id, "temporary-secret-9").await;
        assert_eq!(reset.status(), StatusCode::OK);
        assert!(current_user(&app, &behruz).await.is_none());
        assert_eq!(
            app.sign_in(&TestApp::client(), "behruz", &password)
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
        let again: SessionUser = app
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
