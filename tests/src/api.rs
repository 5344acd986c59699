//! Helpers for calling the public JSON API (`/api/v1`) as another system
//! would: with a bearer token and no cookies.

use crate::TestApp;
use domain::Role;
use reqwest::{Client, Method, RequestBuilder, Response};
use services::model::NewToken;
use services::{Actor, Services};

/// One API request, built step by step.
pub struct ApiCall {
    request: RequestBuilder,
}

impl ApiCall {
    pub fn token(mut self, token: &str) -> Self {
        self.request = self.request.bearer_auth(token);
        self
    }

    pub fn language(mut self, tag: &str) -> Self {
        self.request = self.request.header("accept-language", tag);
        self
    }

    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.request = self
            .request
            .header("content-type", "application/json")
            .body(body.into());
        self
    }

    /// A body that is not JSON (a file), with its content type.
    pub fn bytes(mut self, body: Vec<u8>, content_type: &str) -> Self {
        self.request = self.request.header("content-type", content_type).body(body);
        self
    }

    pub async fn send(self) -> Response {
        self.request.send().await.expect("request")
    }
}

impl TestApp {
    /// A request to the API, with no token unless one is added.
    pub fn api(&self, method: Method, path: &str) -> ApiCall {
        let client = Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        ApiCall {
            request: client.request(method, self.url(path)),
        }
    }

    /// A new account holding `roles`, and an API token of it.
    pub async fn api_user(&self, username: &str, roles: &[Role]) -> String {
        self.create_user(username, roles).await;
        token_for(&self.services, username).await
    }
}

/// Makes a token for an existing account, as `mizon admin create-token` does.
pub async fn token_for(services: &Services, username: &str) -> String {
    let owner = services.find_user(username).await.expect("user exists");
    services
        .create_token_for(
            &Actor::System("test"),
            &owner,
            NewToken {
                name: "test".into(),
                expires_days: None,
            },
        )
        .await
        .expect("token")
        .token
}

/// A sample instrument's definition as stored in `instrument-library/`.
pub fn library_definition(folder: &str) -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join(format!("../instrument-library/{folder}/definition.json")),
    )
    .expect("a library definition")
}

/// The intake screen's definition under another code: a first draft of a
/// new instrument, or (with its own code) a next version of IRNS.
pub fn intake_as(code: &str) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&library_definition("intake-screen")).unwrap();
    value["meta"]["code"] = serde_json::Value::String(code.to_owned());
    value.to_string()
}

/// Stores IRNS version 2 as `token`'s account: the library definition with
/// only the Russian female wording of the first item's label changed
/// (ending "(исправлено)") — a translation fix and nothing else.
pub async fn post_translation_fix(app: &TestApp, token: &str) -> Response {
    let mut value: serde_json::Value =
        serde_json::from_str(&library_definition("intake-screen")).unwrap();
    let label = &mut value["sections"][0]["items"][0]["label"]["ru"]["female"];
    *label = serde_json::Value::String(format!("{} (исправлено)", label.as_str().unwrap()));
    app.api(Method::POST, "/api/v1/instruments/IRNS/versions")
        .token(token)
        .body(value.to_string())
        .send()
        .await
}
