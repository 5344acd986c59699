//! Plain HTML forms (every page but an island's): a browser's post to a
//! server function comes back as a redirect to the page, which then shows
//! the outcome once: the refusal with what was typed (never a password),
//! or the success. Nothing of it travels in the URL.

use domain::Role;
use reqwest::header::{ACCEPT, CONTENT_TYPE, LOCATION, REFERER, SET_COOKIE};
use reqwest::{Client, Response, StatusCode};
use tests::{TestApp, on_each_engine};

/// Posts `body` as a browser submits a form on `page`.
async fn submit(app: &TestApp, client: &Client, page: &str, action: &str, body: &str) -> Response {
    client
        .post(app.url(action))
        .header(ACCEPT, "text/html,application/xhtml+xml")
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(REFERER, app.url(page))
        .body(body.to_owned())
        .send()
        .await
        .unwrap()
}

fn location(response: &Response) -> String {
    response.headers()[LOCATION].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_refused_form_comes_back_with_what_was_typed_once_and_nothing_in_the_url() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;

        let body = "user%5Busername%5D=kamol&user%5Bdisplay_name%5D=%D2%9A%D0%B0%D0%BC%D0%BE%D0%BB\
                    &user%5Bpassword%5D=short-pw&user%5Broles%5D%5B3%5D=reviewer";
        let refused = submit(&app, &admin, "/admin/users/new", "/api/create_user", body).await;
        assert_eq!(refused.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&refused), "/admin/users/new");
        let cookie = refused.headers()[SET_COOKIE].to_str().unwrap().to_owned();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
            "{cookie}"
        );

        let page = app
            .get(&admin, "/admin/users/new")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            page.contains("id=\"password-error\""),
            "the refusal is shown"
        );
        assert!(page.contains("value=\"kamol\""), "the username typed");
        assert!(page.contains("value=\"Қамол\""), "the name typed");
        assert!(!page.contains("short-pw"), "never the password");
        // The ticked role stays ticked, the default one is not forced back.
        let reviewer = page.split("id=\"role-reviewer\"").nth(1).unwrap();
        assert!(reviewer.split('>').next().unwrap().contains("checked"));
        let assessor = page.split("id=\"role-assessor\"").nth(1).unwrap();
        assert!(!assessor.split('>').next().unwrap().contains("checked"));

        // Shown once: the next view is a fresh form.
        let again = app
            .get(&admin, "/admin/users/new")
            .await
            .text()
            .await
            .unwrap();
        assert!(!again.contains("password-error"));
        assert!(!again.contains("kamol"));
        assert!(app.services.find_user("kamol").await.is_err());
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_successful_form_goes_where_its_action_says_and_a_new_token_is_shown_once() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;

        let body = "user%5Busername%5D=kamol&user%5Bdisplay_name%5D=Kamol\
                    &user%5Bpassword%5D=a-long-enough-password&user%5Broles%5D%5B4%5D=assessor";
        let created = submit(&app, &admin, "/admin/users/new", "/api/create_user", body).await;
        assert_eq!(created.status(), StatusCode::SEE_OTHER);
        let id = app.services.find_user("kamol").await.unwrap().id;
        assert_eq!(location(&created), format!("/admin/users/{id}"));

        let body = "token%5Bname%5D=nightly+export&token%5Bexpires_days%5D=";
        let made = submit(&app, &admin, "/account", "/api/create_token", body).await;
        assert_eq!(location(&made), "/account");
        let page = app.get(&admin, "/account").await.text().await.unwrap();
        let token = page
            .split("data-token=\"new\"")
            .nth(1)
            .and_then(|rest| rest.split_once('>'))
            .and_then(|(_, rest)| rest.split('<').next())
            .unwrap_or_else(|| panic!("no new token on the page: {page}"));
        assert!(token.starts_with("mizon_"), "{token}");
        assert!(page.contains("nightly export"), "listed");
        let again = app.get(&admin, "/account").await.text().await.unwrap();
        assert!(!again.contains(token), "shown once");
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn an_outcome_belongs_to_its_page_and_to_its_browser() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let visitor = TestApp::client();
        let refused = submit(
            &app,
            &visitor,
            "/signin",
            "/api/sign_in",
            "username=nobody&password=wrong-password",
        )
        .await;
        assert_eq!(location(&refused), "/signin");
        // Another page does not take it; another browser cannot.
        let other = TestApp::client();
        let page = app.get(&other, "/signin").await.text().await.unwrap();
        assert!(!page.contains("role=\"alert\""));
        app.get(&visitor, "/favicon.svg").await;
        let page = app.get(&visitor, "/signin").await.text().await.unwrap();
        assert!(page.contains("role=\"alert\""), "{page}");
        assert!(page.contains("value=\"nobody\""));
        assert!(!page.contains("wrong-password"));
        app.stop().await;
    })
    .await;
}
