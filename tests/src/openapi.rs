//! Answers of the JSON API checked against the OpenAPI document the server
//! serves: the response schema documented for that route and status, with
//! every `$ref` resolved in the document and `format`s (dates) checked. A
//! field renamed in code but not in the document, or an undocumented
//! status, fails here.

use crate::TestApp;
use reqwest::Method;
use serde_json::{Value, json};

/// The served document.
pub struct OpenApiDoc(Value);

impl TestApp {
    pub async fn openapi(&self) -> OpenApiDoc {
        let response = self.api(Method::GET, "/api/v1/openapi.json").send().await;
        OpenApiDoc(response.json().await.expect("the document is JSON"))
    }
}

impl OpenApiDoc {
    pub fn document(&self) -> &Value {
        &self.0
    }

    /// Panics unless the route `template` (as the document writes it)
    /// documents `status` for `method` and `body` matches its schema.
    pub fn check(&self, method: &str, template: &str, status: u16, body: &Value) {
        let operation = &self.0["paths"][template][method.to_lowercase()];
        assert!(
            operation.is_object(),
            "{method} {template} is not in the document"
        );
        let response = &operation["responses"][status.to_string()];
        assert!(
            response.is_object(),
            "{method} {template} does not document status {status}"
        );
        let schema = &response["content"]["application/json"]["schema"];
        assert!(
            schema.is_object(),
            "{method} {template} {status} documents no JSON body"
        );
        // The response schema as the root, the document's components beside
        // it, so that `#/components/schemas/…` resolves.
        let mut root = schema.clone();
        root["components"] = self.0["components"].clone();
        let validator = jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&root)
            .unwrap_or_else(|e| panic!("{method} {template} {status}: bad schema: {e}"));
        let errors: Vec<String> = validator
            .iter_errors(body)
            .map(|e| format!("{} at {}", e, e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{method} {template} {status}: the answer does not match the document:\n{}\n{}",
            errors.join("\n"),
            json!(body)
        );
    }
}
