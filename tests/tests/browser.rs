//! Browser tests in a real headless Chromium (Debian's package), against
//! the release-built site in target/site (`.ci/test` builds it first).

use domain::Role;
use fantoccini::Locator;
use tests::browser::Browser;
use tests::{TestApp, on_each_engine, site_is_built};

#[tokio::test]
async fn a_user_signs_in_switches_to_tajik_and_the_page_follows() {
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let password = app.create_user("firuza", &[Role::Administrator]).await;
        let browser = Browser::launch().await;
        let c = &browser.client;

        c.goto(&app.url("/")).await.unwrap();
        // Not signed in: the server sends the browser to the sign-in page.
        assert!(c.current_url().await.unwrap().path().ends_with("/signin"));
        browser.wait_for_hydration().await;
        assert_eq!(browser.text_of("h1").await, "Sign in");

        // A refused sign-in keeps what was typed and says why, in place.
        browser.fill("#username", "firuza").await;
        browser.fill("#password", "wrong password!").await;
        browser.submit().await;
        browser.wait_for_text("[role=alert]", "incorrect").await;
        let typed = c
            .find(Locator::Css("#username"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(typed.as_deref(), Some("firuza"));

        browser.fill("#password", &password).await;
        browser.submit().await;
        browser.wait_for_text("main h1", "Welcome").await;
        browser.wait_for_hydration().await;
        assert!(browser.text_of(".user-name").await.contains("Test firuza"));

        // Switch to Tajik: a plain form post, the page comes back in Tajik.
        c.find(Locator::Css(".lang-switcher button[value=tg]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        browser.wait_for_text("main h1", "Хуш омадед").await;
        assert_eq!(
            browser.text_of(".site-nav a[href='/admin/users']").await,
            "Корбарон"
        );
        let lang = c
            .find(Locator::Css("html"))
            .await
            .unwrap()
            .attr("lang")
            .await
            .unwrap();
        assert_eq!(lang.as_deref(), Some("tg"));
        browser.screenshot("home-tg").await;

        // The choice is remembered: a fresh load of another page is Tajik too.
        c.goto(&app.url("/admin/users")).await.unwrap();
        browser.wait_for_hydration().await;
        assert_eq!(browser.text_of("main h1").await, "Корбарон");

        // A plain form: create an account through
        // the form (a server function), land on its page.
        c.find(Locator::Css("a[href='/admin/users/new']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        browser.wait_for_text("main h1", "Корбари нав").await;
        browser.fill("#username", "qodir").await;
        browser.fill("#display_name", "Қодир Ҳасанов").await;
        browser.fill("#password", "short").await;
        browser.submit().await;
        // Refused in Tajik, next to the field, and nothing typed is lost.
        browser.wait_for_text("#password-error", "10 аломат").await;
        let name = c
            .find(Locator::Css("#display_name"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(name.as_deref(), Some("Қодир Ҳасанов"));
        browser.fill("#password", "short-but-now-long").await;
        browser.submit().await;
        browser.wait_for_text("main h1", "qodir").await;
        browser.screenshot("user-created-tg").await;

        browser.close().await;
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_preview_shows_the_female_russian_wording_and_updates_live() {
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let password = app.create_user("methodist", &[Role::Methodologist]).await;
        let browser = Browser::launch().await;
        let c = &browser.client;
        browser.sign_in(&app.base, "methodist", &password).await;

        // From the library list to the Intake screen's preview.
        c.goto(&app.url("/instruments")).await.unwrap();
        browser.wait_for_hydration().await;
        c.find(Locator::Css("a[href='/instruments/IRNS/versions/1']"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        browser
            .wait_for_text("[data-item=self_harm] .item-label", "12")
            .await;

        // Instrument in Russian for a female subject; the interface stays English.
        c.find(Locator::Css("#preview-locale"))
            .await
            .unwrap()
            .select_by_value("ru")
            .await
            .unwrap();
        c.find(Locator::Css("#preview-gender"))
            .await
            .unwrap()
            .select_by_value("female")
            .await
            .unwrap();
        browser
            .wait_for_text(
                "[data-item=self_harm] .item-label",
                "Наносила ли осуждённая",
            )
            .await;
        assert_eq!(
            browser.text_of(".site-nav a[href='/instruments']").await,
            "Instruments"
        );
        let lang = c
            .find(Locator::Css("html"))
            .await
            .unwrap()
            .attr("lang")
            .await
            .unwrap();
        assert_eq!(lang.as_deref(), Some("en"));
        // The female-only section and its items are there.
        browser
            .wait_for_text(
                "[data-item=children_outside] .item-label",
                "осуждённой дети",
            )
            .await;
        assert!(
            c.find(Locator::Css("[data-section=caregiving]"))
                .await
                .is_ok()
        );

        // A condition: details of self-harm appear only once self-harm is rated.
        assert!(
            c.find(Locator::Css("[data-item=self_harm_details]"))
                .await
                .is_err()
        );
        let before = browser
            .text_of("[data-score=safety_score] .score-value")
            .await;
        click(&browser, "input[name=self_harm][value='2']").await;
        browser
            .wait_for_text("[data-item=self_harm_details] .item-label", "")
            .await;
        let after = browser
            .wait_for_text("[data-score=safety_score] .score-value", "2")
            .await;
        assert_ne!(before, after, "the safety score changes live");
        let flag = c
            .find(Locator::Css("[data-flag=urgent_referral]"))
            .await
            .unwrap();
        assert_eq!(
            flag.attr("data-raised").await.unwrap().as_deref(),
            Some("true")
        );
        browser.screenshot("preview-ru-female").await;

        // A male subject: the women-only section goes, the answers stay.
        c.find(Locator::Css("#preview-gender"))
            .await
            .unwrap()
            .select_by_value("male")
            .await
            .unwrap();
        browser
            .wait_for_text("[data-item=self_harm] .item-label", "Наносил ли осуждённый")
            .await;
        assert!(
            c.find(Locator::Css("[data-section=caregiving]"))
                .await
                .is_err()
        );
        assert!(
            c.find(Locator::Css("[data-item=self_harm_details]"))
                .await
                .is_ok()
        );

        browser.close().await;
        app.stop().await;
    })
    .await;
}

/// Clicks like a user; radio inputs styled away fall back to a DOM click.
async fn click(browser: &Browser, css: &str) {
    let element = browser
        .client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
    if element.click().await.is_err() {
        browser
            .client
            .execute(
                "document.querySelector(arguments[0]).click()",
                vec![serde_json::json!(css)],
            )
            .await
            .unwrap();
    }
}
