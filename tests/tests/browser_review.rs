//! Review in a real Chromium, the whole round: a methodologist submits a
//! draft from its review page; a reviewer comments on an item and sends
//! it back; the methodologist sees the comment on the editor's page and
//! on the item's form in the editor, fixes the score in the editor and
//! submits again; the reviewer sees the
//! scoring change in the diff, approves with the password and publishes;
//! the instruments list shows version 2 as the published one.

use domain::Role;
use fantoccini::Locator;
use reqwest::{Method, StatusCode};
use serde_json::json;
use std::time::Duration;
use tests::browser::Browser;
use tests::{TestApp, on_each_engine, site_is_built};

const PATIENCE: Duration = Duration::from_secs(20);
const REVIEW: &str = "/instruments/IRNS/versions/2/review";

async fn click(browser: &Browser, css: &str) {
    let element = browser
        .client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} never appeared: {e}"));
    if element.click().await.is_err() {
        browser
            .client
            .execute(
                "arguments[0].click()",
                vec![serde_json::to_value(&element).unwrap()],
            )
            .await
            .unwrap();
    }
}

/// Waits until the review page shows the version in status `want` (the
/// page reloads after a form: earlier reads may find the old page).
async fn wait_for_status(browser: &Browser, want: &str) {
    let mut last = String::new();
    for _ in 0..200 {
        if let Ok(tag) = browser
            .client
            .find(Locator::Css("span.tag[data-status]"))
            .await
            && let Ok(Some(status)) = tag.attr("data-status").await
        {
            if status == want {
                return;
            }
            last = status;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    browser.screenshot(&format!("review-never-{want}")).await;
    panic!("the version never became {want}; last {last:?}");
}

#[tokio::test]
async fn a_version_is_submitted_commented_fixed_approved_and_published_in_the_browser() {
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author_password = app.create_user("malika", &[Role::Methodologist]).await;
        let author_token = tests::api::token_for(&app.services, "malika").await;
        let reviewer_password = app.create_user("rustam", &[Role::Reviewer]).await;
        let linguist_password = app.create_user("nodira", &[Role::Reviewer]).await;
        let linguist = tests::api::token_for(&app.services, "nodira").await;

        // A draft with a scoring change, saved by the methodologist.
        let author = Browser::launch().await;
        author.sign_in(&app.base, "malika", &author_password).await;
        let starter = TestApp::client();
        app.sign_in(&starter, "malika", &author_password).await;
        assert_eq!(
            app.start_draft(&starter, "IRNS").await.status(),
            StatusCode::OK
        );
        let v2 = "/api/v1/instruments/IRNS/versions/2";
        let current: serde_json::Value = app
            .api(Method::GET, v2)
            .token(&author_token)
            .send()
            .await
            .json()
            .await
            .unwrap();
        let mut definition = current["definition"].clone();
        definition["scores"][0]["max_omitted"] = json!(3);
        let saved = app
            .api(Method::PUT, v2)
            .token(&author_token)
            .body(json!({ "revision": current["revision"], "definition": definition }).to_string())
            .send()
            .await;
        assert_eq!(saved.status(), StatusCode::OK);

        // The methodologist submits from the review page.
        author.client.goto(&app.url(REVIEW)).await.unwrap();
        click(&author, "#submit-form button[type=submit]").await;
        wait_for_status(&author, "in_review").await;

        // The reviewer finds it in the inbox, comments on an item and
        // asks for changes, signing with the password.
        let reviewer = Browser::launch().await;
        reviewer
            .sign_in(&app.base, "rustam", &reviewer_password)
            .await;
        reviewer.client.goto(&app.url("/review")).await.unwrap();
        click(&reviewer, "tr[data-code=IRNS] a.button").await;
        reviewer.wait_for_text("#changes", "max_omitted").await;
        reviewer
            .client
            .find(Locator::Css("#comment-path"))
            .await
            .unwrap()
            .select_by_value("/sections/0/items/1")
            .await
            .unwrap();
        reviewer
            .fill(
                "#comment-text",
                "Three omissions is too many for the safety score.",
            )
            .await;
        click(&reviewer, "#comment-form button[type=submit]").await;
        reviewer
            .wait_for_text("#comments", "Three omissions is too many")
            .await;
        click(&reviewer, "#decision-form input[value=request_changes]").await;
        reviewer
            .fill("#decision-reason", "See the comment on the details item.")
            .await;
        reviewer
            .fill("#decision-password", &reviewer_password)
            .await;
        click(&reviewer, "#decision-form button[type=submit]").await;
        wait_for_status(&reviewer, "changes_requested").await;

        // The methodologist sees it counted in the header and the comment
        // on the editor's page, fixes the score in the editor.
        author.client.goto(&app.url("/instruments")).await.unwrap();
        author.wait_for_text("#review-sent-back", "1").await;
        author
            .client
            .goto(&app.url("/instruments/IRNS/versions/2/edit"))
            .await
            .unwrap();
        author
            .wait_for_text(".review-comments", "Three omissions is too many")
            .await;
        author.wait_for_hydration().await;
        // …and on the item's own form in the editor.
        click(
            &author,
            ".editor-outline li[data-item=self_harm_details] button",
        )
        .await;
        author
            .wait_for_text(
                "section[data-item-form=self_harm_details] .item-comment",
                "rustam: Three omissions is too many",
            )
            .await;
        author.screenshot("review-comment-on-item").await;
        let score = Locator::XPath("//button[code='safety_score']");
        author
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(score)
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let field = "#f-scores-0-max_omitted";
        author
            .client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(field))
            .await
            .unwrap();
        author.fill(field, "2").await;
        author
            .wait_for_text("[data-save=saved]", "All changes saved")
            .await;
        let fixed: serde_json::Value = app
            .api(Method::GET, v2)
            .token(&author_token)
            .send()
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(fixed["definition"]["scores"][0]["max_omitted"], 2);
        assert_eq!(fixed["status"], "draft");
        author.client.goto(&app.url(REVIEW)).await.unwrap();
        click(&author, "#submit-form button[type=submit]").await;
        wait_for_status(&author, "in_review").await;

        // Another reviewer signs the translations off (the translation
        // workflow's part; through the API).
        for locale in ["tg", "ru"] {
            let response = app
                .api(
                    Method::POST,
                    &format!("{v2}/translations/{locale}/sign-off"),
                )
                .token(&linguist)
                .body(json!({ "password": linguist_password }).to_string())
                .send()
                .await;
            assert_eq!(response.status(), StatusCode::OK, "{locale}");
        }

        // The reviewer sees the scoring change, approves and publishes.
        reviewer.client.goto(&app.url(REVIEW)).await.unwrap();
        reviewer.wait_for_text("li.diff-scoring", "1").await;
        reviewer
            .fill("#decision-password", &reviewer_password)
            .await;
        click(&reviewer, "#decision-form button[type=submit]").await;
        wait_for_status(&reviewer, "approved").await;
        reviewer.fill("#publish-password", &reviewer_password).await;
        click(&reviewer, "#publish-form button[type=submit]").await;
        wait_for_status(&reviewer, "published").await;
        reviewer.wait_for_text("#timeline", "rustam").await;

        // What /instruments shows: version 2 published.
        reviewer
            .client
            .goto(&app.url("/instruments"))
            .await
            .unwrap();
        let published = reviewer
            .text_of("tr[data-instrument=IRNS] td:nth-child(3)")
            .await;
        assert_eq!(published.trim(), "2");
        author.close().await;
        reviewer.close().await;
        app.stop().await;
    })
    .await;
}
