//! One typed helper per page action (server function), so that a test
//! reads as what a user does (`app.update_user(&client, &change)`) and a
//! renamed field breaks the build, not a test at run time.
//!
//! Each returns the raw response: tests check the status, then decode the
//! body as the action's response type (or `AppError`).

use crate::TestApp;
use domain::{InstrumentCode, TokenId, UserId};
use reqwest::{Client, Response};
use serde::Serialize;
use services::model::{NewInstrument, NewToken, NewUser, PasswordChange, UserChange};

/// A server function's single named argument.
fn one<'a, T: Serialize>(
    name: &'a str,
    value: &'a T,
) -> std::collections::BTreeMap<&'a str, &'a T> {
    std::collections::BTreeMap::from([(name, value)])
}

impl TestApp {
    /// Posts a server function's arguments as an HTML form would (nested
    /// fields as `user[roles][0]`), the one encoding the pages use.
    async fn post_args(&self, client: &Client, function: &str, args: &impl Serialize) -> Response {
        client
            .post(self.url(&format!("/api/{function}")))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(crate::form_body(args))
            .send()
            .await
            .expect("request")
    }

    /// Posts flat form fields to a server function.
    pub async fn post_form(
        &self,
        client: &Client,
        function: &str,
        form: &[(&str, &str)],
    ) -> Response {
        client
            .post(self.url(&format!("/api/{function}")))
            .form(form)
            .send()
            .await
            .expect("request")
    }

    pub async fn create_instrument(&self, client: &Client, new: &NewInstrument) -> Response {
        self.post_args(client, "create_instrument", &one("instrument", new))
            .await
    }

    pub async fn start_draft(&self, client: &Client, code: &str) -> Response {
        self.post_form(client, "start_draft", &[("code", code)])
            .await
    }

    /// The editor's autosave (a JSON call, as the island makes it).
    pub async fn save_draft(
        &self,
        client: &Client,
        code: &str,
        number: i64,
        revision: i64,
        definition: &str,
    ) -> Response {
        client
            .post(self.url("/api/save_draft"))
            .json(&serde_json::json!({
                "code": code,
                "number": number,
                "revision": revision,
                "definition": definition,
            }))
            .send()
            .await
            .expect("request")
    }

    pub async fn sign_out(&self, client: &Client) -> Response {
        self.post_form(client, "sign_out", &[]).await
    }

    pub async fn current_user(&self, client: &Client) -> Response {
        self.post_form(client, "current_user", &[]).await
    }

    pub async fn set_language(&self, client: &Client, locale: &str, remember: bool) -> Response {
        let mut form = vec![("locale", locale)];
        if remember {
            form.push(("remember", "true"));
        }
        self.post_form(client, "set_language", &form).await
    }

    pub async fn change_password(&self, client: &Client, change: &PasswordChange) -> Response {
        self.post_args(client, "change_password", change).await
    }

    pub async fn list_users(&self, client: &Client) -> Response {
        self.post_form(client, "list_users", &[]).await
    }

    pub async fn get_user(&self, client: &Client, id: UserId) -> Response {
        self.post_form(client, "get_user", &[("id", &id.to_string())])
            .await
    }

    /// An administrator creating an account through the page.
    pub async fn create_user_as(&self, client: &Client, user: &NewUser) -> Response {
        self.post_args(client, "create_user", &one("user", user))
            .await
    }

    pub async fn update_user(&self, client: &Client, change: &UserChange) -> Response {
        self.post_args(client, "update_user", &one("change", change))
            .await
    }

    pub async fn reset_password(&self, client: &Client, id: UserId, temporary: &str) -> Response {
        self.post_args(
            client,
            "reset_password",
            &std::collections::BTreeMap::from([
                ("id", id.to_string()),
                ("temporary", temporary.to_owned()),
            ]),
        )
        .await
    }

    pub async fn list_audit_events(&self, client: &Client, page: u32) -> Response {
        self.post_form(client, "list_audit_events", &[("page", &page.to_string())])
            .await
    }

    pub async fn list_instruments(&self, client: &Client) -> Response {
        self.post_form(client, "list_instruments", &[]).await
    }

    /// The instruments a search by code or title finds.
    pub async fn search_instruments(&self, client: &Client, q: &str) -> Response {
        self.post_form(client, "list_instruments", &[("q", q)])
            .await
    }

    pub async fn get_version(
        &self,
        client: &Client,
        code: &InstrumentCode,
        number: i64,
    ) -> Response {
        self.post_form(
            client,
            "get_version",
            &[("code", code.as_str()), ("number", &number.to_string())],
        )
        .await
    }

    pub async fn create_token(&self, client: &Client, token: &NewToken) -> Response {
        self.post_args(client, "create_token", &one("token", token))
            .await
    }

    pub async fn list_tokens(&self, client: &Client) -> Response {
        self.post_form(client, "list_tokens", &[]).await
    }

    pub async fn revoke_token(&self, client: &Client, id: TokenId) -> Response {
        self.post_form(client, "revoke_token", &[("id", &id.to_string())])
            .await
    }

    /// A browser posting a plain form of the page `from` to a server
    /// function: the form's fields, `Accept: text/html` and the page as
    /// referrer (where the answer sends the browser back to).
    pub async fn plain_form(
        &self,
        client: &Client,
        function: &str,
        from: &str,
        form: &[(&str, &str)],
    ) -> Response {
        client
            .post(self.url(&format!("/api/{function}")))
            .header(reqwest::header::ACCEPT, "text/html,application/xhtml+xml")
            .header(reqwest::header::REFERER, self.url(from))
            .form(form)
            .send()
            .await
            .expect("request")
    }
}
