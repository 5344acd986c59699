//! The sign-in throttle cannot be aimed at someone else: a guesser is
//! slowed (more with each failure) from their own address only, an address
//! shared by many people is never locked out by one of them, and the
//! current password on a password change shares the same throttle. A new
//! sign-in replaces the browser's previous session.

use app::error::AppError;
use app::model::{PasswordChange, SessionUser};
use domain::Role;
use reqwest::{Response, StatusCode};
use tests::{TestApp, on_each_engine};

/// The wait a refused attempt announces, checked against `Retry-After`.
async fn throttled_for(response: Response) -> i64 {
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let header: i64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    match response.json::<AppError>().await.unwrap() {
        AppError::Throttled { seconds } => {
            assert_eq!(seconds, header);
            seconds
        }
        other => panic!("expected Throttled, got {other:?}"),
    }
}

const GUESSER: &str = "203.0.113.66";
const OWNER: &str = "198.51.100.7";

#[tokio::test]
async fn a_guesser_waits_longer_after_each_failure_while_the_owner_elsewhere_signs_in() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn_behind_proxy(&db).await;
        let password = app.create_user("farrukh", &[Role::Assessor]).await;
        let guesser = TestApp::client();
        // A few mistakes cost nothing…
        for _ in 0..4 {
            let r = app
                .sign_in_from(&guesser, GUESSER, "farrukh", "guess-guess-guess")
                .await;
            assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        }
        // …then each failure makes the next attempt from there wait, and
        // the wait doubles; the right password is refused there meanwhile.
        let mut waits = vec![];
        for _ in 0..3 {
            let refused = app
                .sign_in_from(&guesser, GUESSER, "farrukh", &password)
                .await;
            waits.push(throttled_for(refused).await);
            app.age_password_failures(waits.last().unwrap().unsigned_abs() + 1)
                .await;
            let r = app
                .sign_in_from(&guesser, GUESSER, "farrukh", "guess-guess-guess")
                .await;
            assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        }
        assert_eq!(waits, [1, 2, 4]);
        let refused = app
            .sign_in_from(&guesser, GUESSER, "farrukh", "guess-guess-guess")
            .await;
        assert_eq!(throttled_for(refused).await, 8);
        // The owner, elsewhere, is not held up by any of it…
        let owner = TestApp::client();
        let ok = app.sign_in_from(&owner, OWNER, "farrukh", &password).await;
        assert_eq!(ok.status(), StatusCode::OK);
        // …and signing in does not release the guesser.
        let still = app
            .sign_in_from(&guesser, GUESSER, "farrukh", "guess-guess-guess")
            .await;
        assert!(throttled_for(still).await >= 7);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn fifty_failures_from_one_address_do_not_lock_out_the_others_behind_it() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn_behind_proxy(&db).await;
        let password = app.create_user("malika", &[Role::Assessor]).await;
        let nat = "192.0.2.10";
        // One person behind a prison's NAT tries fifty names.
        let guesser = TestApp::client();
        for i in 0..50 {
            let name = format!("someone-{i:02}");
            let r = app
                .sign_in_from(&guesser, nat, &name, "guess-guess-guess")
                .await;
            assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{name}");
        }
        let colleague = TestApp::client();
        let ok = app.sign_in_from(&colleague, nat, "malika", &password).await;
        assert_eq!(ok.status(), StatusCode::OK);
        // Past that the address is slowed, never for more than a minute.
        let r = app
            .sign_in_from(&guesser, nat, "someone-50", "guess-guess-guess")
            .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let slowed = app
            .sign_in_from(&TestApp::client(), nat, "malika", &password)
            .await;
        assert!((1..=60).contains(&throttled_for(slowed).await));
        app.age_password_failures(61).await;
        let later = app
            .sign_in_from(&TestApp::client(), nat, "malika", &password)
            .await;
        assert_eq!(later.status(), StatusCode::OK);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn guessing_the_current_password_shares_the_sign_in_throttle_and_is_audited() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn_behind_proxy(&db).await;
        let password = app.create_user("zarina", &[Role::Translator]).await;
        let stolen = TestApp::client();
        let r = app
            .sign_in_from(&stolen, GUESSER, "zarina", &password)
            .await;
        assert_eq!(r.status(), StatusCode::OK);
        let guess = |current: &str| PasswordChange {
            current: current.to_owned(),
            new: "a brand new sentence".to_owned(),
            confirm: "a brand new sentence".to_owned(),
        };
        for i in 0..4 {
            let wrong = app
                .change_password_from(&stolen, GUESSER, &guess(&format!("guess number {i}")))
                .await;
            assert_eq!(
                wrong.json::<AppError>().await.unwrap(),
                AppError::invalid("current", "error-current-password-wrong")
            );
        }
        let refused = app
            .change_password_from(&stolen, GUESSER, &guess(&password))
            .await;
        assert_eq!(throttled_for(refused).await, 1);
        // One throttle: signing in to that account from there waits too.
        let again = app
            .sign_in_from(&TestApp::client(), GUESSER, "zarina", &password)
            .await;
        assert_eq!(throttled_for(again).await, 1);
        let rows = app.audit_rows().await;
        let count = |action: &str| rows.iter().filter(|r| r.starts_with(action)).count();
        assert_eq!(count("auth.password_check_failed "), 4);
        assert_eq!(count("auth.password_check_throttled "), 1);
        assert_eq!(count("auth.sign_in_throttled "), 1);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn signing_in_again_ends_the_browsers_previous_session() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let password = app.create_user("jamshed", &[Role::Assessor]).await;
        let browser = TestApp::client();
        let session_cookie = |r: &Response| {
            r.headers()["set-cookie"]
                .to_str()
                .unwrap()
                .split(';')
                .next()
                .unwrap()
                .to_owned()
        };
        let first = app.sign_in(&browser, "jamshed", &password).await;
        let old = session_cookie(&first);
        let second = app.sign_in(&browser, "jamshed", &password).await;
        assert_eq!(second.status(), StatusCode::OK);
        assert_ne!(session_cookie(&second), old);
        let replay = reqwest::Client::new()
            .post(app.url("/api/current_user"))
            .header("cookie", old)
            .send()
            .await
            .unwrap();
        assert_eq!(replay.json::<Option<SessionUser>>().await.unwrap(), None);
        let current: Option<SessionUser> = app.current_user(&browser).await.json().await.unwrap();
        assert_eq!(
            current.map(|u| u.username.to_string()),
            Some("jamshed".into())
        );
        app.stop().await;
    })
    .await;
}
