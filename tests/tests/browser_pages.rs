//! Every page in a real Chromium under the Content-Security-Policy, and
//! the account page's API tokens used as a person would.

use domain::Role;
use fantoccini::Locator;
use reqwest::{Method, StatusCode};
use std::time::Duration;
use tests::browser::Browser;
use tests::{TestApp, on_each_engine, site_is_built};

#[tokio::test]
async fn every_page_hydrates_under_the_content_security_policy_and_nothing_is_blocked() {
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let password = app.create_user("gulnora", &[Role::Administrator]).await;
        let browser = Browser::launch().await;
        let before = server::web::csp_violations();

        browser.client.goto(&app.url("/signin")).await.unwrap();
        // Hydration needs the nonce'd inline script, the module and the wasm:
        // a page that hydrates ran them all under the policy.
        browser.wait_for_hydration().await;
        browser.sign_in(&app.base, "gulnora", &password).await;
        for path in [
            "/",
            "/account",
            "/admin/users",
            "/admin/users/new",
            "/admin/users/1",
            "/admin/audit",
            "/admin/facilities",
            "/subjects",
            "/subjects/new",
            "/instruments",
            "/instruments/IRNS",
            "/instruments/IRNS?from=1&to=1",
            "/instruments/IRNS/versions/1",
            "/instruments/IRNS/versions/1/form?locale=tg&gender=female",
            "/instruments/IRNS/versions/1/translations?locale=ru",
            "/no-such-page",
        ] {
            browser.client.goto(&app.url(path)).await.unwrap();
            browser.wait_for_hydration().await;
            // The stylesheet came through: the body is set in Noto Sans, not
            // the browser's default. (A blocked font file shows up in the
            // violation count below.)
            let font: String = browser
                .client
                .execute(
                    "return document.fonts.check('16px \"Noto Sans\"') \
                     && getComputedStyle(document.body).fontFamily.includes('Noto Sans') \
                     ? 'ok' : getComputedStyle(document.body).fontFamily",
                    vec![],
                )
                .await
                .unwrap()
                .as_str()
                .unwrap_or_default()
                .to_owned();
            assert_eq!(font, "ok", "{path}");
        }
        // Reports are sent in the background: give them a moment to arrive.
        for _ in 0..20 {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(
            server::web::csp_violations(),
            before,
            "the policy blocked something (see the server log)"
        );
        browser.close().await;
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_person_makes_an_api_token_sees_it_once_uses_it_and_revokes_it() {
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let password = app.create_user("bahrom", &[Role::Reviewer]).await;
        let browser = Browser::launch().await;
        let c = &browser.client;
        browser.sign_in(&app.base, "bahrom", &password).await;
        c.goto(&app.url("/account")).await.unwrap();
        browser.wait_for_hydration().await;

        // Refused: no name. What was typed in the other field stays.
        browser.fill("#token-name", " ").await;
        browser.fill("#token-days", "30").await;
        browser.click("#tokens button[type=submit]").await;
        browser.wait_for_text("#token-name-error", "1 to 100").await;
        let days = c
            .find(Locator::Css("#token-days"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(days.as_deref(), Some("30"));

        browser.fill("#token-name", "monthly statistics").await;
        browser.click("#tokens button[type=submit]").await;
        let token = browser
            .wait_for_text("code[data-token=new]", "mizon_")
            .await;
        browser
            .wait_for_text("#tokens tbody", "monthly statistics")
            .await;
        let me = app
            .api(Method::GET, "/api/v1/me")
            .token(token.trim())
            .send()
            .await;
        assert_eq!(me.status(), StatusCode::OK);

        // Reloaded, the page lists the token but never shows it again.
        c.goto(&app.url("/account")).await.unwrap();
        browser.wait_for_hydration().await;
        let page = c.source().await.unwrap();
        assert!(!page.contains(token.trim()));
        browser.click("#tokens tbody button").await;
        browser.wait_for_text("#tokens tbody", "Revoked").await;
        let me = app
            .api(Method::GET, "/api/v1/me")
            .token(token.trim())
            .send()
            .await;
        assert_eq!(me.status(), StatusCode::UNAUTHORIZED);
        browser.close().await;
        app.stop().await;
    })
    .await;
}
