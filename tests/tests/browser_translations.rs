//! Translating in a real Chromium: a translator opens the Russian texts of
//! a draft whose first item lacks its wording for women, sees Russian
//! below 100 %, types the missing variant, saves with the keyboard
//! (Ctrl+Enter), lands on the next text with the focus in it, and watches
//! Russian reach 100 %. On the Tajik texts the letter buttons put ҳ at the
//! caret and a Russian letter typed is flagged at once.

use domain::{InstrumentCode, Role};
use fantoccini::Locator;
use fantoccini::key::Key;
use std::time::Duration;
use tests::browser::Browser;
use tests::{TestApp, on_each_engine, site_is_built};

const FIRST: &str = "sections-safety-items-self_harm-label";
const PAGE: &str = "/instruments/IRNS/versions/2/translations";

async fn attribute(browser: &Browser, css: &str, name: &str) -> String {
    browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .attr(name)
        .await
        .unwrap()
        .unwrap_or_default()
}

async fn wait_for_attribute(browser: &Browser, css: &str, name: &str, want: &str) {
    let mut last = String::new();
    for _ in 0..100 {
        if let Ok(el) = browser.client.find(Locator::Css(css)).await {
            last = el.attr(name).await.ok().flatten().unwrap_or_default();
            if last == want {
                return;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} [{name}] never became {want:?}; last {last:?}");
}

#[tokio::test]
async fn a_translator_completes_a_gendered_russian_item_and_russian_reaches_100_percent() {
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let starter = app.signed_in_as("starter", &[Role::Methodologist]).await;
        assert_eq!(
            app.start_draft(&starter, "IRNS").await.status(),
            reqwest::StatusCode::OK
        );
        let code: InstrumentCode = "IRNS".parse().unwrap();
        app.remove_stored_wording(&code, 2, "/sections/0/items/0/label/ru/female")
            .await;
        let password = app.create_user("dilnoza", &[Role::Translator]).await;
        let browser = Browser::launch().await;
        browser.sign_in(&app.base, "dilnoza", &password).await;

        browser
            .client
            .goto(&app.url(&format!("{PAGE}?locale=ru&status=missing")))
            .await
            .unwrap();
        let ru = "li[data-locale='ru']";
        let before: u32 = attribute(&browser, ru, "data-percent")
            .await
            .parse()
            .unwrap();
        assert!(before < 100, "Russian lacks one wording: {before}");
        // Only the text that needs work is listed; its women's field is open.
        let row = format!("#t-{FIRST}");
        assert_eq!(
            attribute(&browser, &row, "data-status").await,
            "draft missing"
        );
        let female = format!("#f-{FIRST}-female");
        let field = browser.client.find(Locator::Css(&female)).await.unwrap();
        field.click().await.unwrap();
        field
            .send_keys("Наносила ли осуждённая себе повреждения за последние 12 месяцев?")
            .await
            .unwrap();
        // Ctrl+Enter saves the text one is in.
        field
            .send_keys(&format!("{}{}", Key::Control, Key::Enter))
            .await
            .unwrap();
        wait_for_attribute(&browser, ru, "data-percent", "100").await;
        // Back on the page at the next text, its field focused; the
        // wording saved shows in Russian for women in the preview.
        browser
            .client
            .goto(&app.url(&format!("{PAGE}?locale=ru&section=safety&gender=female")))
            .await
            .unwrap();
        browser.screenshot("translations-ru-female").await;
        let saved = browser.text_of(&format!("{row} .tr-preview-label")).await;
        assert_eq!(
            saved,
            "Наносила ли осуждённая себе повреждения за последние 12 месяцев?"
        );
        // The preview follows what is typed for women, as one types.
        let female_field = browser.client.find(Locator::Css(&female)).await.unwrap();
        female_field.send_keys(" Сейчас?").await.unwrap();
        browser
            .wait_for_text(&format!("{row} .tr-preview-label"), "месяцев? Сейчас?")
            .await;

        // Tajik: the letter buttons appear with the script and type at the
        // caret; a Russian letter is flagged while typing.
        browser
            .client
            .goto(&app.url(&format!("{PAGE}?locale=tg&section=safety")))
            .await
            .unwrap();
        let tg_field = format!("#f-{FIRST}-one");
        let field = browser.client.find(Locator::Css(&tg_field)).await.unwrap();
        field.clear().await.unwrap();
        field.send_keys("Оё ма").await.unwrap();
        browser
            .click(&format!("#t-{FIRST} .tr-letters button[data-letter='ҳ']"))
            .await;
        let value = browser
            .client
            .find(Locator::Css(&tg_field))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap()
            .unwrap_or_default();
        assert_eq!(value, "Оё маҳ");
        let warning = format!("#t-{FIRST} .tr-tajik-warning");
        assert_eq!(
            attribute(&browser, &warning, "hidden").await,
            "true",
            "no slip yet"
        );
        browser
            .client
            .find(Locator::Css(&tg_field))
            .await
            .unwrap()
            .send_keys("кумшуда цирк")
            .await
            .unwrap();
        browser.screenshot("translations-tg-warning").await;
        let found = browser
            .wait_for_text(&format!("{warning} .tr-found"), "ц")
            .await;
        assert_eq!(found, "ц");
        browser.close().await;
        app.stop().await;
    })
    .await;
}
