//! The side-by-side translation page as a browser without scripts uses it:
//! the texts of a locale with their status, saving one text by its plain
//! form (the page comes back at the next text, the wording saved), a
//! refused save that keeps what was typed, the files down and up by the
//! page's links and upload form, and a reviewer's sign-off form.

use domain::Role;
use reqwest::header::{ACCEPT, LOCATION, REFERER};
use reqwest::{Client, StatusCode};
use tests::TestApp;
use tests::on_each_engine;

const PAGE: &str = "/instruments/IRNS/versions/2/translations";
const SECOND_LABEL: &str = "sections-safety-items-self_harm_details-label";

async fn page(app: &TestApp, client: &Client, path: &str) -> String {
    let response = app.get(client, path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// The value of the hidden `source_hash` field in the form of text `id`.
fn source_hash_of(html: &str, id: &str) -> String {
    let row = html
        .split(&format!("id=\"t-{id}\""))
        .nth(1)
        .expect("the row");
    let after = row
        .split("name=\"edit[source_hash]\" value=\"")
        .nth(1)
        .expect("the hash field");
    after.split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn a_translator_saves_one_text_from_the_page_and_comes_back_at_the_next() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let starter = app.signed_in_as("starter", &[Role::Methodologist]).await;
        assert_eq!(app.start_draft(&starter, "IRNS").await.status(), StatusCode::OK);
        let client = app.signed_in_as("translator", &[Role::Translator]).await;

        let html = page(&app, &client, &format!("{PAGE}?locale=ru")).await;
        assert!(html.contains(&format!("id=\"t-{SECOND_LABEL}\"")), "every text is a row");
        assert!(html.contains("data-locale=\"ru\""), "the progress of Russian");
        assert!(html.contains("/translate.js?v="), "the page's small script");
        assert!(
            !html.contains("_bg.wasm") && !html.contains("type=\"module\""),
            "no wasm bundle on this page"
        );
        // The files, for the translator's session.
        let ftl = app.get(&client, "/instruments/IRNS/versions/2/translations/ru.ftl").await;
        assert_eq!(ftl.status(), StatusCode::OK);
        assert!(ftl.text().await.unwrap().contains(SECOND_LABEL));

        let hash = source_hash_of(&html, SECOND_LABEL);
        let from = format!("{PAGE}?locale=ru&status=draft");
        let saved = app.plain_form(&client,
            "save_translation",
            &from,
            &[
                ("edit[code]", "IRNS"),
                ("edit[number]", "2"),
                ("edit[locale]", "ru"),
                ("edit[id]", SECOND_LABEL),
                ("edit[source_hash]", &hash),
                ("edit[one]", "Подробности (с страницы)"),
                ("edit[back]", &from),
                ("edit[next]", "sections-safety-items-harm_to_others-label"),
            ],
        )
        .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let location = saved.headers()[LOCATION].to_str().unwrap().to_owned();
        assert_eq!(
            location,
            format!("{PAGE}?locale=ru&status=draft&focus=sections-safety-items-harm_to_others-label#t-sections-safety-items-harm_to_others-label")
        );
        let back = page(&app, &client, location.split('#').next().unwrap()).await;
        assert!(back.contains("Подробности (с страницы)"), "the saved wording is shown");
        assert!(back.contains("autofocus"), "the next text has the focus");

        // A save against an old source is refused, and what was typed stays.
        let refused = app.plain_form(&client,
            "save_translation",
            &from,
            &[
                ("edit[code]", "IRNS"),
                ("edit[number]", "2"),
                ("edit[locale]", "ru"),
                ("edit[id]", SECOND_LABEL),
                ("edit[source_hash]", "0000000000000000"),
                ("edit[one]", "Мой новый текст, не потерять"),
                ("edit[back]", &from),
            ],
        )
        .await;
        assert_eq!(refused.status(), StatusCode::SEE_OTHER);
        let again = page(&app, &client, &from).await;
        assert!(again.contains("Мой новый текст, не потерять"), "kept");
        // Two translators on one text: a save over a wording that changed
        // since the form was shown is refused, and what was typed stays.
        let stale_form = html.split(&format!("id=\"t-{SECOND_LABEL}\"")).nth(1).unwrap();
        let was = stale_form
            .split("name=\"edit[was]\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        let over = app.plain_form(&client,
            "save_translation",
            &from,
            &[
                ("edit[code]", "IRNS"),
                ("edit[number]", "2"),
                ("edit[locale]", "ru"),
                ("edit[id]", SECOND_LABEL),
                ("edit[source_hash]", &hash),
                ("edit[was]", &was),
                ("edit[one]", "Второй переводчик, по старой странице"),
                ("edit[back]", &from),
            ],
        )
        .await;
        assert_eq!(over.status(), StatusCode::SEE_OTHER);
        let after_over = page(&app, &client, &from).await;
        assert!(after_over.contains("Второй переводчик, по старой странице"), "kept");
        assert!(after_over.contains("Подробности (с страницы)"), "theirs is not overwritten");
        assert!(again.contains("role=\"alert\"") || again.contains("class=\"message error\""));

        // An upload by the page's form: a file that cannot be read changes
        // nothing and says where.
        let form = reqwest::multipart::Form::new()
            .text("code", "IRNS")
            .text("number", "2")
            .text("locale", "ru")
            .part(
                "file",
                reqwest::multipart::Part::text("это не { Fluent\n").file_name("ru.ftl"),
            );
        let upload = client
            .post(app.url("/api/upload_translations"))
            .header(ACCEPT, "text/html")
            .header(REFERER, app.url(PAGE))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(upload.status(), StatusCode::SEE_OTHER);
        let after = page(&app, &client, PAGE).await;
        assert!(after.contains("<ul class=\"problems\">"), "the problems are listed");
        assert!(after.contains("Line 1: not valid Fluent"), "in words: {after}");
    })
    .await;
}

#[tokio::test]
async fn a_reviewer_signs_a_locale_off_from_the_page_and_a_translator_cannot() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let starter = app.signed_in_as("starter", &[Role::Methodologist]).await;
        assert_eq!(app.start_draft(&starter, "IRNS").await.status(), StatusCode::OK);
        let translator = app.signed_in_as("translator", &[Role::Translator]).await;
        let html = page(&app, &translator, PAGE).await;
        assert!(!html.contains("name=\"password\""), "no sign-off form for a translator");

        let password = app.create_user("reviewer", &[Role::Reviewer]).await;
        let reviewer = TestApp::client();
        app.sign_in(&reviewer, "reviewer", &password).await;
        let html = page(&app, &reviewer, PAGE).await;
        assert!(html.contains("id=\"sign-off-password-tg\""));
        assert!(!html.contains("<textarea"), "a reviewer reads, does not write");
        let signed = app.plain_form(&reviewer,
            "sign_off_locale",
            PAGE,
            &[("code", "IRNS"), ("number", "2"), ("locale", "tg"), ("password", &password)],
        )
        .await;
        assert_eq!(signed.status(), StatusCode::SEE_OTHER);
        let html = page(&app, &reviewer, PAGE).await;
        assert!(html.contains("data-locale=\"tg\" data-percent=\"100\" data-approved=\"100\" data-signed-off=\"true\""), "{html}");
    })
    .await;
}
