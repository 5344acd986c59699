//! What a plain form post leaves for the page it returns to.
//!
//! Pages are rendered on the server and ship no code to the browser (only
//! islands do), so every form is a plain HTML form posting to its server
//! function. The server's `forms` middleware answers such a post with a
//! redirect back to the page (or where the action sends it) and keeps, for
//! that one next view, the action's outcome: the refusal with everything
//! the user typed (passwords excepted), or the success and its result.
//! Nothing of it travels in the URL. The page reads it here.

use crate::error::AppError;
use serde::{Deserialize, Serialize};

/// The outcome of one plain form post, for the next view of its page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormFlash {
    /// The server function's path, e.g. `/api/sign_in`.
    pub action: String,
    /// Why the action was refused, if it was.
    pub error: Option<AppError>,
    /// What the form sent, as name/value pairs (never a password).
    pub fields: Vec<(String, String)>,
    /// The action's answer (JSON) when it succeeded.
    pub result: Option<String>,
}

/// One form's state on this page view: empty unless this form was just
/// posted.
#[derive(Clone, Debug, Default)]
pub struct FormState {
    flash: Option<FormFlash>,
}

impl FormState {
    /// The state of the form that posts to `action` (a server function's
    /// path: `SignIn::PATH`).
    pub fn of(action: &str) -> FormState {
        FormState {
            flash: current_flash().filter(|f| f.action == action),
        }
    }

    /// The refusal of the last post, if any.
    pub fn error(&self) -> Option<AppError> {
        self.flash.as_ref().and_then(|f| f.error.clone())
    }

    /// The message id of the refusal about `field`, for a field's error.
    pub fn field_error(&self, field: &str) -> Option<String> {
        self.error()
            .filter(|e| e.field() == Some(field))
            .map(|e| e.message_id().to_owned())
    }

    /// A refusal that is not about one field, for the form's message.
    pub fn general_error(&self) -> Option<AppError> {
        self.error().filter(|e| e.field().is_none())
    }

    /// Whether the last post succeeded.
    pub fn succeeded(&self) -> bool {
        self.flash.as_ref().is_some_and(|f| f.error.is_none())
    }

    /// What the user typed into `name` before a refusal (after a success
    /// the form starts empty again).
    pub fn value(&self, name: &str) -> Option<String> {
        self.flash
            .as_ref()
            .filter(|f| f.error.is_some())
            .and_then(|f| f.fields.iter().find(|(n, _)| n == name))
            .map(|(_, v)| v.clone())
    }

    /// What the last post sent in `name`, refused or not (a search box
    /// shows its words again beside what they found).
    pub fn sent_value(&self, name: &str) -> Option<String> {
        self.flash
            .as_ref()
            .and_then(|f| f.fields.iter().find(|(n, _)| n == name))
            .map(|(_, v)| v.clone())
    }

    /// Whether the last post sent `name` (a checkbox, a hidden field) with
    /// `value`; `None` when this form was not just posted.
    pub fn sent(&self, name: &str, value: &str) -> Option<bool> {
        self.flash
            .as_ref()
            .map(|f| f.fields.iter().any(|(n, v)| n == name && v == value))
    }

    /// The successful action's answer.
    pub fn result<T: serde::de::DeserializeOwned>(&self) -> Option<T> {
        self.flash
            .as_ref()
            .filter(|f| f.error.is_none())
            .and_then(|f| f.result.as_deref())
            .and_then(|json| serde_json::from_str(json).ok())
    }
}

#[cfg(feature = "ssr")]
fn current_flash() -> Option<FormFlash> {
    leptos::prelude::use_context::<http::request::Parts>()?
        .extensions
        .get::<FormFlash>()
        .cloned()
}

#[cfg(not(feature = "ssr"))]
fn current_flash() -> Option<FormFlash> {
    None
}
