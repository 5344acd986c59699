//! Facilities and subjects in a real Chromium, as people use them: an
//! administrator adds a facility and assigns an assessor to it; the
//! assessor, with the interface in Russian, records a woman with a Tajik
//! name, finds her by typing the name with Russian letters (the keyboard
//! only: Enter submits the search), and opens her page, on a phone too.

use domain::Role;
use fantoccini::Locator;
use tests::browser::Browser;
use tests::{TestApp, on_each_engine, site_is_built};

const ENTER: &str = "\u{e007}";

#[tokio::test]
async fn an_assessor_records_a_woman_and_finds_her_by_her_name_typed_in_russian_letters() {
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin_password = app.create_user("gulnora", &[Role::Administrator]).await;
        let password = app.create_user("umed", &[Role::Assessor]).await;

        // The administrator adds a facility…
        let browser = Browser::launch().await;
        let c = &browser.client;
        browser.sign_in(&app.base, "gulnora", &admin_password).await;
        browser.click("nav a[href='/admin/facilities']").await;
        browser.wait_for_text("main h1", "Facilities").await;
        browser.fill("#facility-code", "FAC1").await;
        browser
            .fill("#facility-name-tg", "Муассисаи ислоҳии №1")
            .await;
        browser
            .fill("#facility-name-ru", "Исправительное учреждение №1")
            .await;
        browser
            .fill("#facility-name-en", "Correctional facility No. 1")
            .await;
        browser.submit().await;
        browser
            .wait_for_text("#facilities", "Correctional facility No. 1")
            .await;
        // …and says that umed works there.
        let umed = app.services.find_user("umed").await.unwrap();
        c.goto(&app.url(&format!("/admin/users/{}", umed.id)))
            .await
            .unwrap();
        browser.click("#facility-FAC1").await;
        browser.click("#user-facilities button[type=submit]").await;
        browser
            .wait_for_text("#user-facilities [role=status]", "Saved")
            .await;
        let checked = c
            .find(Locator::Css("#facility-FAC1"))
            .await
            .unwrap()
            .prop("checked")
            .await
            .unwrap();
        assert_eq!(checked.as_deref(), Some("true"));
        browser.close().await;

        // The assessor, in Russian.
        let browser = Browser::launch().await;
        let c = &browser.client;
        browser.sign_in(&app.base, "umed", &password).await;
        browser.click(".lang-switcher button[value=ru]").await;
        browser
            .wait_for_text("nav a[href='/subjects']", "Осуждённые")
            .await;
        browser.click("nav a[href='/subjects']").await;
        browser.wait_for_text("main h1", "Осуждённые").await;
        browser.click("a[href='/subjects/new']").await;
        browser
            .wait_for_text("label[for=subject-name]", "Полное имя")
            .await;
        browser.fill("#subject-code", "S-2026-0001").await;
        browser.fill("#subject-name", "Ҷалбшавӣ Нигина").await;
        c.find(Locator::Css("#subject-gender"))
            .await
            .unwrap()
            .select_by_value("female")
            .await
            .unwrap();
        // Chromium's date input takes the digits in the order its locale shows.
        c.execute(
            "document.querySelector('#subject-birth-date').value = '1990-05-01';",
            vec![],
        )
        .await
        .unwrap();
        c.find(Locator::Css("#subject-language"))
            .await
            .unwrap()
            .select_by_value("tg")
            .await
            .unwrap();
        browser.submit().await;
        browser.wait_for_text("main h1", "S-2026-0001").await;
        assert!(
            c.current_url()
                .await
                .unwrap()
                .path()
                .ends_with("/subjects/S-2026-0001")
        );
        browser
            .wait_for_text("#subject-record", "Ҷалбшавӣ Нигина")
            .await;
        browser.wait_for_text("#subject-record", "Женский").await;

        // Found by her name typed with Russian letters, with the keyboard.
        c.goto(&app.url("/subjects")).await.unwrap();
        let search = c.find(Locator::Css("#q")).await.unwrap();
        search.send_keys("чалбшави нигина").await.unwrap();
        search.send_keys(ENTER).await.unwrap();
        browser.wait_for_text("#subjects", "Ҷалбшавӣ Нигина").await;
        let url = c.current_url().await.unwrap();
        assert_eq!(
            (url.path(), url.query()),
            ("/subjects", None),
            "no name in the URL"
        );

        // Her page, on a phone: nothing wider than the screen.
        c.set_window_size(390, 844).await.unwrap();
        browser
            .click("#subjects a[href='/subjects/S-2026-0001']")
            .await;
        browser
            .wait_for_text("#subject-record", "Ҷалбшавӣ Нигина")
            .await;
        browser
            .wait_for_text("#subject-assessments", "Оценок пока нет")
            .await;
        let fits = c
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(fits, serde_json::Value::Bool(true), "the page fits a phone");
        browser.screenshot("subject-page-phone").await;
        browser.close().await;
        app.stop().await;
    })
    .await;
}
