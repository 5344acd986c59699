use app::error::AppError;
use app::model::{PasswordChange, SessionUser};
use domain::Role;
use reqwest::StatusCode;
use tests::{TestApp, on_each_engine};

async fn current_user(app: &TestApp, client: &reqwest::Client) -> Option<SessionUser> {
    let response = app.current_user(client).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.expect("json")
}

/// A password change that types the new password twice, the same.
fn change(current: &str, new: &str) -> PasswordChange {
    PasswordChange {
        current: current.to_owned(),
        new: new.to_owned(),
        confirm: new.to_owned(),
    }
}

#[tokio::test]
async fn sign_in_with_the_right_password_starts_a_strict_http_only_session() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let password = app.create_user("nilufar", &[Role::Assessor]).await;
        let client = TestApp::client();
        let response = app.sign_in(&client, "Nilufar", &password).await;
        assert_eq!(response.status(), StatusCode::OK);
        let cookie = response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(cookie.starts_with("mizon_session="), "{cookie}");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
            "{cookie}"
        );
        assert!(!cookie.contains("Secure"), "plain http locally: {cookie}");
        let user = current_user(&app, &client).await.expect("signed in");
        assert_eq!(user.username.as_str(), "nilufar");
        assert!(user.roles.contains(Role::Assessor));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_failed_sign_in_does_not_say_whether_the_account_exists() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        app.create_user("rustam", &[Role::Reviewer]).await;
        let client = TestApp::client();
        let wrong_password = app.sign_in(&client, "rustam", "not-the-password").await;
        let no_such_user = app
            .sign_in(&client, "nobody-here", "not-the-password")
            .await;
        assert_eq!(wrong_password.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(no_such_user.status(), StatusCode::UNAUTHORIZED);
        let a = wrong_password.text().await.unwrap();
        let b = no_such_user.text().await.unwrap();
        assert_eq!(a, b);
        assert_eq!(
            serde_json::from_str::<AppError>(&a).unwrap(),
            AppError::InvalidCredentials
        );
        assert!(current_user(&app, &client).await.is_none());
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn repeated_failures_slow_that_source_down_even_for_the_right_password() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let password = app.create_user("farrukh", &[Role::Assessor]).await;
        let other_password = app.create_user("malika", &[Role::Assessor]).await;
        let client = TestApp::client();
        for _ in 0..4 {
            let r = app.sign_in(&client, "farrukh", "guess-guess-guess").await;
            assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        }
        // Not locked: told to wait a computed, short time (it grows with
        // each further failure; see auth_hardening.rs).
        let refused = app.sign_in(&client, "farrukh", &password).await;
        assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
        match refused.json::<AppError>().await.unwrap() {
            AppError::Throttled { seconds } => assert_eq!(seconds, 1),
            other => panic!("expected Throttled, got {other:?}"),
        }
        // A name that does not exist is throttled the same way: no hint.
        for _ in 0..4 {
            app.sign_in(&client, "ghost-account", "guess-guess-guess")
                .await;
        }
        let ghost = app
            .sign_in(&client, "ghost-account", "guess-guess-guess")
            .await;
        assert_eq!(ghost.status(), StatusCode::TOO_MANY_REQUESTS);
        // Other accounts are unaffected.
        let ok = app
            .sign_in(&TestApp::client(), "malika", &other_password)
            .await;
        assert_eq!(ok.status(), StatusCode::OK);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_session_survives_a_server_restart() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let client = app.signed_in_as("shahlo", &[Role::Methodologist]).await;
        app.stop().await;
        let restarted = TestApp::spawn(&db).await;
        let user = current_user(&restarted, &client)
            .await
            .expect("still signed in");
        assert_eq!(user.username.as_str(), "shahlo");
        restarted.stop().await;
    })
    .await;
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let password = app.create_user("jamshed", &[Role::Assessor]).await;
        let client = TestApp::client();
        let response = app.sign_in(&client, "jamshed", &password).await;
        let cookie = response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        assert_eq!(app.sign_out(&client).await.status(), StatusCode::OK);
        // Replaying the old cookie by hand must not work either.
        let replay = reqwest::Client::new()
            .post(app.url("/api/current_user"))
            .header("cookie", cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(replay.json::<Option<SessionUser>>().await.unwrap(), None);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn the_first_administrator_must_choose_a_password_before_anything_else() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let initial = app
            .admin_password
            .clone()
            .expect("first start creates admin");
        let client = TestApp::client();
        let user: SessionUser = app
            .sign_in(&client, "admin", &initial)
            .await
            .json()
            .await
            .unwrap();
        assert!(user.must_change_password);
        let refused = app.list_users(&client).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        let too_short = app
            .change_password(&client, &change(&initial, "short"))
            .await;
        assert_eq!(too_short.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            too_short.json::<AppError>().await.unwrap().field(),
            Some("new")
        );
        let new = "a long and private sentence";
        let changed = app.change_password(&client, &change(&initial, new)).await;
        assert_eq!(changed.status(), StatusCode::OK);
        assert_eq!(app.list_users(&client).await.status(), StatusCode::OK);
        // A restart does not create another administrator or print a password.
        app.stop().await;
        let again = TestApp::spawn(&db).await;
        assert!(again.admin_password.is_none());
        assert_eq!(
            again
                .sign_in(&TestApp::client(), "admin", new)
                .await
                .status(),
            StatusCode::OK
        );
        again.stop().await;
    })
    .await;
}

#[tokio::test]
async fn changing_the_password_signs_out_the_other_sessions() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let password = app.create_user("zarina", &[Role::Translator]).await;
        let (phone, desk) = (TestApp::client(), TestApp::client());
        app.sign_in(&phone, "zarina", &password).await;
        app.sign_in(&desk, "zarina", &password).await;
        let new = "another long sentence";
        let wrong = app
            .change_password(&desk, &change("wrong-one-here", new))
            .await;
        assert_eq!(
            wrong.json::<AppError>().await.unwrap(),
            AppError::invalid("current", "error-current-password-wrong")
        );
        let ok = app.change_password(&desk, &change(&password, new)).await;
        assert_eq!(ok.status(), StatusCode::OK);
        assert!(current_user(&app, &desk).await.is_some());
        assert!(current_user(&app, &phone).await.is_none());
        app.stop().await;
    })
    .await;
}
