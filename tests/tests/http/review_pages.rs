//! The review pages as a browser without scripts uses them: plain forms
//! that come back to the page with the outcome, in the user's language;
//! a refused submission lists every blocker with a link to its place; a
//! refused decision keeps the reason typed; comments shown in the editor;
//! the inbox and the counts in the header.

use domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::{TestApp, on_each_engine};

const REVIEW: &str = "/instruments/IRNS/versions/2/review";
const V2: &str = "/api/v1/instruments/IRNS/versions/2";

async fn page(app: &TestApp, client: &reqwest::Client, path: &str) -> String {
    let response = app.get(client, path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// Saves IRNS 2 as `token` with `change` applied.
async fn save(app: &TestApp, token: &str, change: impl FnOnce(&mut Value)) {
    let response = app.api(Method::GET, V2).token(token).send().await;
    let current: Value = response.json().await.unwrap();
    let mut definition = current["definition"].clone();
    change(&mut definition);
    let response = app
        .api(Method::PUT, V2)
        .token(token)
        .body(json!({ "revision": current["revision"], "definition": definition }).to_string())
        .send()
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

/// Posts the comment form of IRNS 2 from its review page as `client`: a new
/// thread at `path` (empty: the version), or a reply to thread `reply_to`.
async fn comment(
    app: &TestApp,
    client: &reqwest::Client,
    path: Option<&str>,
    text: &str,
    reply_to: &str,
) -> reqwest::Response {
    let mut fields = vec![
        ("comment[code]", "IRNS"),
        ("comment[number]", "2"),
        ("comment[text]", text),
        ("comment[reply_to]", reply_to),
        ("comment[back]", REVIEW),
    ];
    if let Some(path) = path {
        fields.push(("comment[path]", path));
    }
    app.plain_form(client, "comment_on_version", REVIEW, &fields)
        .await
}

#[tokio::test]
async fn a_version_is_reviewed_from_its_page_with_plain_forms() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = app.signed_in_as("author", &[Role::Methodologist]).await;
        let author_token = tests::api::token_for(&app.services, "author").await;
        assert_eq!(app.start_draft(&author, "IRNS").await.status(), StatusCode::OK);
        // A source wording changed: its translations are out of date.
        let original: Value = serde_json::from_str(&tests::api::library_definition("intake-screen")).unwrap();
        let label = original["sections"][0]["items"][1]["label"]["en"].clone();
        save(&app, &author_token, |d| {
            d["sections"][0]["items"][1]["label"]["en"] = json!("Details, in their words");
        })
        .await;

        // Refused: every blocker listed, linked to the translation page.
        let refused = app
            .plain_form(&author, "submit_for_review", REVIEW, &[("code", "IRNS"), ("number", "2")])
            .await;
        assert_eq!(refused.status(), StatusCode::SEE_OTHER);
        let html = page(&app, &author, REVIEW).await;
        assert!(html.contains("id=\"blockers\""), "{html}");
        assert!(
            html.contains("/instruments/IRNS/versions/2/translations?status=stale&amp;focus=sections-safety-items-self_harm_details-label"),
            "{html}"
        );
        assert!(html.contains("out of date"), "{html}");

        // Put back, with a scoring change: submitted from the page.
        save(&app, &author_token, |d| {
            d["sections"][0]["items"][1]["label"]["en"] = label;
            d["scores"][0]["max_omitted"] = json!(2);
        })
        .await;
        let submitted = app
            .plain_form(&author, "submit_for_review", REVIEW, &[("code", "IRNS"), ("number", "2")])
            .await;
        assert_eq!(submitted.status(), StatusCode::SEE_OTHER);
        let html = page(&app, &author, REVIEW).await;
        assert!(!html.contains("id=\"blockers\""), "{html}");
        assert!(html.contains("data-status=\"in_review\""), "{html}");

        // A reviewer: the inbox and the header count, then the page in Russian.
        let reviewer_password = app.create_user("reviewer", &[Role::Reviewer]).await;
        let reviewer = TestApp::client();
        app.sign_in(&reviewer, "reviewer", &reviewer_password).await;
        let inbox = page(&app, &reviewer, "/review").await;
        assert!(inbox.contains("data-code=\"IRNS\" data-version=\"2\""), "{inbox}");
        assert!(inbox.contains("data-count=\"1\""), "{inbox}");
        assert!(inbox.contains("id=\"review-waiting\""), "{inbox}");
        app.set_language(&reviewer, "ru", false).await;
        let html = page(&app, &reviewer, REVIEW).await;
        assert!(html.contains("Ваше решение"), "{html}");
        assert!(html.contains("id=\"decision-form\""));
        // Scoring changes shown, first.
        assert!(html.contains("data-class=\"scoring\" data-count=\"1\""), "{html}");

        // A comment on an item.
        let commented = comment(
            &app,
            &reviewer,
            Some("/sections/0/items/1"),
            "Почему два пропуска?",
            "",
        )
        .await;
        assert_eq!(commented.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            commented.headers()["location"].to_str().unwrap(),
            format!("{REVIEW}#comments")
        );
        // A reply refused (too long) comes back in its thread's reply
        // form, said in Russian; the new-thread form stays empty.
        let html = page(&app, &reviewer, REVIEW).await;
        let thread = html
            .split("id=\"comment-")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the thread's id")
            .to_owned();
        let long = format!("Ответ. {}", "а".repeat(4000));
        let refused = comment(&app, &reviewer, None, &long, &thread).await;
        assert_eq!(refused.status(), StatusCode::SEE_OTHER);
        let html = page(&app, &reviewer, REVIEW).await;
        let reply_form = html
            .split(&format!("id=\"reply-{thread}\""))
            .nth(1)
            .expect("the thread's reply form");
        assert!(
            reply_form.split("</textarea>").next().unwrap().contains(&long),
            "the reply typed is kept in its form: {html}"
        );
        assert!(html.contains("не более 4000 знаков"), "{html}");
        let new_thread = html.split("id=\"comment-text\"").nth(1).unwrap();
        assert!(
            !new_thread.split("</textarea>").next().unwrap().contains("Ответ."),
            "{html}"
        );

        // A wrong password: refused in Russian, the reason kept.
        let wrong = app
            .plain_form(
                &reviewer,
                "decide_on_version",
                REVIEW,
                &[
                    ("decision[code]", "IRNS"),
                    ("decision[number]", "2"),
                    ("decision[decision]", "request_changes"),
                    ("decision[reason]", "Оставьте один пропуск."),
                    ("decision[password]", "not-it"),
                ],
            )
            .await;
        assert_eq!(wrong.status(), StatusCode::SEE_OTHER);
        let html = page(&app, &reviewer, REVIEW).await;
        assert!(html.contains("Оставьте один пропуск."), "{html}");
        assert!(html.contains("value=\"request_changes\" checked"), "{html}");
        assert!(html.contains("role=\"alert\""), "{html}");
        let sent = app
            .plain_form(
                &reviewer,
                "decide_on_version",
                REVIEW,
                &[
                    ("decision[code]", "IRNS"),
                    ("decision[number]", "2"),
                    ("decision[decision]", "request_changes"),
                    ("decision[reason]", "Оставьте один пропуск."),
                    ("decision[password]", &reviewer_password),
                ],
            )
            .await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        let html = page(&app, &reviewer, REVIEW).await;
        assert!(html.contains("data-status=\"changes_requested\""), "{html}");

        // The author: the count in the header, the comment in the editor.
        let home = page(&app, &author, "/instruments").await;
        assert!(home.contains("id=\"review-sent-back\""), "{home}");
        let editor = page(&app, &author, "/instruments/IRNS/versions/2/edit").await;
        assert!(editor.contains("Почему два пропуска?"), "{editor}");
        assert!(editor.contains("data-target=\"self_harm_details\""), "{editor}");
        // The timeline says who did what.
        let html = page(&app, &author, REVIEW).await;
        assert!(html.contains("id=\"timeline\""));
        assert!(html.contains("data-kind=\"transition\""));
        assert!(html.contains("Оставьте один пропуск."));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn an_administrator_sets_the_approvals_needed_on_the_inbox_page() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let html = page(&app, &admin, "/review").await;
        assert!(html.contains("id=\"approvals-required\""), "{html}");
        let refused = app
            .plain_form(
                &admin,
                "change_review_settings",
                "/review",
                &[("approvals_required", "9")],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::SEE_OTHER);
        let html = page(&app, &admin, "/review").await;
        assert!(html.contains("between 1 and 5"), "{html}");
        assert!(
            html.contains("value=\"9\""),
            "the typed value is kept: {html}"
        );
        let saved = app
            .plain_form(
                &admin,
                "change_review_settings",
                "/review",
                &[("approvals_required", "2")],
            )
            .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let html = page(&app, &admin, "/review").await;
        assert!(html.contains("value=\"2\""), "{html}");
        // A reviewer sees the inbox but not the setting.
        let reviewer = app.signed_in_as("rev", &[Role::Reviewer]).await;
        let html = page(&app, &reviewer, "/review").await;
        assert!(!html.contains("id=\"approvals-required\""), "{html}");
        app.stop().await;
    })
    .await;
}
