//! Helpers for facilities and subjects through the JSON API, each checking
//! its answer against the OpenAPI document when asked to.

use crate::TestApp;
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};

/// A subject's creation body with sensible values; tests change one field.
pub fn subject_body(code: &str, name: &str, facility: &str) -> Value {
    json!({
        "code": code,
        "name": name,
        "gender": "female",
        "birth_date": "1990-05-01",
        "facility": facility,
        "language": "tg",
    })
}

impl TestApp {
    /// `POST /api/v1/facilities` with its name in three languages.
    pub async fn post_facility(&self, token: &str, code: &str) -> Response {
        self.api(Method::POST, "/api/v1/facilities")
            .token(token)
            .body(
                json!({
                    "code": code,
                    "name": {
                        "tg": format!("Муассисаи {code}"),
                        "ru": format!("Учреждение {code}"),
                        "en": format!("Facility {code}"),
                    },
                })
                .to_string(),
            )
            .send()
            .await
    }

    /// Creates a facility as an administrator's `token`; must succeed.
    pub async fn facility(&self, admin: &str, code: &str) {
        let response = self.post_facility(admin, code).await;
        assert_eq!(response.status(), StatusCode::CREATED, "facility {code}");
    }

    /// `PUT /api/v1/users/{username}/facilities`.
    pub async fn put_user_facilities(
        &self,
        token: &str,
        username: &str,
        codes: &[&str],
    ) -> Response {
        self.api(Method::PUT, &format!("/api/v1/users/{username}/facilities"))
            .token(token)
            .body(json!(codes).to_string())
            .send()
            .await
    }

    /// A new account holding `roles` that works at `facilities`, and its
    /// token; assigned by the administrator `admin`.
    pub async fn worker_at(
        &self,
        admin: &str,
        username: &str,
        roles: &[domain::Role],
        facilities: &[&str],
    ) -> String {
        let token = self.api_user(username, roles).await;
        let response = self.put_user_facilities(admin, username, facilities).await;
        assert_eq!(response.status(), StatusCode::OK, "assign {username}");
        token
    }

    /// `POST /api/v1/subjects`.
    pub async fn post_subject(&self, token: &str, body: &Value) -> Response {
        self.api(Method::POST, "/api/v1/subjects")
            .token(token)
            .body(body.to_string())
            .send()
            .await
    }

    /// `GET` of an API path as `token`: the status and the body as JSON.
    pub async fn get_json(&self, token: &str, path: &str) -> (StatusCode, Value) {
        let response = self.api(Method::GET, path).token(token).send().await;
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    /// A request with a JSON body as `token`: the status and the answer.
    pub async fn send_json(
        &self,
        method: Method,
        token: &str,
        path: &str,
        body: &Value,
    ) -> (StatusCode, Value) {
        let response = self
            .api(method, path)
            .token(token)
            .body(body.to_string())
            .send()
            .await;
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }
}
