use domain::Role;
use reqwest::StatusCode;
use tests::{TestApp, on_each_engine};

fn html_lang(page: &str) -> &str {
    let start = page.find("<html lang=\"").expect("an <html lang>") + 12;
    &page[start..start + 2]
}

async fn page(
    app: &TestApp,
    client: &reqwest::Client,
    path: &str,
    accept_language: Option<&str>,
) -> String {
    let mut request = client.get(app.url(path));
    if let Some(al) = accept_language {
        request = request.header("accept-language", al);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.unwrap()
}

#[tokio::test]
async fn a_visitor_gets_the_browser_language_and_english_otherwise() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let visitor = TestApp::client();
        let ru = page(&app, &visitor, "/signin", Some("ru-RU,ru;q=0.9,en;q=0.5")).await;
        assert_eq!(html_lang(&ru), "ru");
        assert!(ru.contains("Вход"));
        let tg = page(&app, &visitor, "/signin", Some("tg")).await;
        assert_eq!(html_lang(&tg), "tg");
        assert!(tg.contains("Ворид шудан"));
        let none = page(&app, &visitor, "/signin", Some("de, fr;q=0.8")).await;
        assert_eq!(html_lang(&none), "en");
        assert!(none.contains("Sign in"));
        let missing = page(&app, &visitor, "/signin", None).await;
        assert_eq!(html_lang(&missing), "en");
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn the_users_preference_beats_the_browser_and_an_explicit_choice_beats_both() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let client = app.signed_in_as("gulnora", &[Role::Assessor]).await;
        // Saving a preference (account page) also sets the explicit-choice cookie;
        // a fresh browser session has only the preference.
        let saved = app.set_language(&client, "tg", true).await;
        assert_eq!(saved.status(), StatusCode::OK);
        let password = "gulnora-password-123";
        let fresh = TestApp::client();
        app.sign_in(&fresh, "gulnora", password).await;
        let home = page(&app, &fresh, "/", Some("ru")).await;
        assert_eq!(html_lang(&home), "tg", "preference beats Accept-Language");
        assert!(home.contains("Хуш омадед"));
        // The switcher's choice (cookie only) beats the preference.
        let switched = app.set_language(&fresh, "en", false).await;
        assert_eq!(switched.status(), StatusCode::OK);
        let cookie = switched.headers()["set-cookie"].to_str().unwrap();
        assert!(cookie.starts_with("mizon_lang=en"), "{cookie}");
        let home = page(&app, &fresh, "/", Some("ru")).await;
        assert_eq!(html_lang(&home), "en");
        assert!(home.contains("Welcome"));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn an_unknown_language_is_refused() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let response = app.set_language(&TestApp::client(), "de", false).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(response.headers().get("set-cookie").is_none());
        app.stop().await;
    })
    .await;
}
