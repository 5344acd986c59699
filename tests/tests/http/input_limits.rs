//! Every input has a length limit checked before it is stored or hashed,
//! so nobody can flood the audit log or the database through a form, and
//! what the audit log keeps of a sign-in attempt is only a valid username —
//! never a password typed into the wrong field.

use app::error::AppError;
use app::model::NewUser;
use domain::Role;
use reqwest::StatusCode;
use tests::{TestApp, on_each_engine};

#[tokio::test]
async fn a_passphrase_typed_as_the_username_never_reaches_the_audit_log() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let client = TestApp::client();
        let r = app
            .sign_in(&client, "correct horse battery staple", "anything at all")
            .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let rows = app.audit_rows().await;
        assert!(rows.iter().any(|r| r.starts_with("auth.sign_in_failed ")));
        assert!(
            rows.iter().all(|r| !r.contains("horse")),
            "the passphrase was logged: {rows:?}"
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn over_a_megabyte_typed_into_the_sign_in_form_stores_a_few_bytes() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let password = app.create_user("rustam", &[Role::Reviewer]).await;
        let huge = "x".repeat(600 * 1024);
        let client = TestApp::client();
        let r = app.sign_in(&client, &huge, &huge).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        // A password over 1,024 bytes is wrong without being hashed.
        let r = app.sign_in(&client, "rustam", &huge).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let longest_row = app.audit_rows().await.iter().map(String::len).max();
        assert!(longest_row.unwrap() < 400, "{longest_row:?}");
        assert!(app.longest_throttle_key().await < 100);
        let ok = app.sign_in(&TestApp::client(), "rustam", &password).await;
        assert_eq!(ok.status(), StatusCode::OK);
        app.stop().await;
    })
    .await;
}

fn person(display_name: &str, password: &str) -> NewUser {
    NewUser {
        username: "gulnora".into(),
        display_name: display_name.into(),
        password: password.into(),
        roles: vec![Role::Assessor],
        preferred_locale: None,
    }
}

#[tokio::test]
async fn names_and_passwords_over_their_limits_are_refused_before_storing() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let refused = [
            (
                person(&"н".repeat(101), "a good long password"),
                "display_name",
                "error-display-name-too-long",
            ),
            (
                person("Gulnora\u{202E}vokiraK", "a good long password"),
                "display_name",
                "error-display-name-characters",
            ),
            (
                person("Gulnora\u{0}", "a good long password"),
                "display_name",
                "error-display-name-characters",
            ),
            (
                person("Gulnora", &"p".repeat(1025)),
                "password",
                "error-password-too-long",
            ),
        ];
        for (new, field, message_id) in refused {
            let r = app.create_user_as(&admin, &new).await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
            assert_eq!(
                r.json::<AppError>().await.unwrap(),
                AppError::invalid(field, message_id)
            );
        }
        let fine = app
            .create_user_as(&admin, &person(&"н".repeat(100), "a good long password"))
            .await;
        assert_eq!(fine.status(), StatusCode::OK);
        app.stop().await;
    })
    .await;
}
