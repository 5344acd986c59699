use app::model::NewUser;
use domain::Role;
use reqwest::StatusCode;
use tests::{TestApp, on_each_engine};

#[tokio::test]
async fn a_sign_in_posted_from_another_site_is_refused() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let password = app.create_user("anvar", &[Role::Assessor]).await;
        let form = [("username", "anvar"), ("password", password.as_str())];
        for (header, value) in [
            ("origin", "https://evil.example"),
            ("sec-fetch-site", "cross-site"),
            ("origin", "null"),
        ] {
            let response = TestApp::client()
                .post(app.url("/api/sign_in"))
                .header(header, value)
                .header("accept-language", "ru")
                .form(&form)
                .send()
                .await
                .unwrap();
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{header}: {value}"
            );
            assert!(response.headers().get("set-cookie").is_none());
            assert!(response.text().await.unwrap().contains("другого сайта"));
        }
        let same_origin = TestApp::client()
            .post(app.url("/api/sign_in"))
            .header("origin", app.base.clone())
            .header("sec-fetch-site", "same-origin")
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(same_origin.status(), StatusCode::OK);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_cross_site_admin_action_with_a_valid_session_is_refused() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        // Sent by hand: the typed helper cannot add the browser's header.
        let planted = NewUser {
            username: "planted".into(),
            display_name: "P".into(),
            password: "long-enough-pw".into(),
            roles: vec![Role::Administrator],
            preferred_locale: None,
        };
        let forged = admin
            .post(app.url("/api/create_user"))
            .header("sec-fetch-site", "cross-site")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(tests::form_body(&std::collections::BTreeMap::from([(
                "user", &planted,
            )])))
            .send()
            .await
            .unwrap();
        assert_eq!(forged.status(), StatusCode::FORBIDDEN);
        assert!(app.services.find_user("planted").await.is_err());
        app.stop().await;
    })
    .await;
}
