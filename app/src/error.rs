//! The error every server function returns, shared by server and browser.
//!
//! It carries a message id (and arguments) rather than text, so the browser
//! shows it in the user's language. Internal failures carry only a
//! correlation id: details stay in the server log.

use serde::{Deserialize, Serialize};
use server_fn_error::*;

mod server_fn_error {
    pub use leptos::server_fn::codec::JsonEncoding;
    pub use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not signed in")]
    NotSignedIn,
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// Wrong username or password; deliberately says no more than that.
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Too many recent failed password checks: retry after `seconds`.
    #[error("too many failed password checks; retry in {seconds} s")]
    Throttled { seconds: i64 },
    /// Too many password checks at once; retry in a moment.
    #[error("busy")]
    Busy,
    /// A field's value was refused; the form keeps what the user typed.
    #[error("invalid {field}: {message_id}")]
    Invalid { field: String, message_id: String },
    /// Someone else changed the record first, or a rule forbids the change.
    #[error("conflict: {message_id}")]
    Conflict { message_id: String },
    /// A definition failed its checks: every problem with its JSON path.
    #[error("the definition has {} problem(s)", problems.len())]
    InvalidDefinition {
        problems: Vec<crate::model::Problem>,
    },
    /// Answers failed their checks: every problem with its JSON path
    /// (`/items/KEY/…`), in the user's language.
    #[error("the answers have {} problem(s)", problems.len())]
    InvalidAnswers {
        problems: Vec<crate::model::Problem>,
    },
    /// An uploaded file did not parse: every problem with its place. Only
    /// plain pages get it (a translation upload), never an island, so the
    /// browser's bundles are built without it.
    #[cfg(feature = "ssr")]
    #[error("the file has {} problem(s)", problems.len())]
    InvalidFile {
        problems: Vec<crate::model::Problem>,
    },
    /// A version is not ready for review or approval: every blocker with
    /// its place. Plain pages only, like `InvalidFile`.
    #[cfg(feature = "ssr")]
    #[error("not ready: {} blocker(s)", problems.len())]
    NotReady {
        problems: Vec<crate::model::Problem>,
    },
    #[error("internal error, correlation id {correlation_id}")]
    Internal { correlation_id: String },
    /// The request did not reach the server or its answer was unreadable.
    #[error("request failed: {0}")]
    Request(String),
    /// The server could not read the request (a missing or mistyped
    /// field): the client's mistake, answered 400 without the details.
    #[error("malformed request")]
    Malformed,
}

impl AppError {
    /// The problems of a refused upload (each with its line or row) or of
    /// a version not ready for review (each with its path).
    pub fn file_problems(&self) -> Vec<crate::model::Problem> {
        match self {
            #[cfg(feature = "ssr")]
            AppError::InvalidFile { problems } | AppError::NotReady { problems } => {
                problems.clone()
            }
            _ => vec![],
        }
    }

    pub fn invalid(field: &str, message_id: &str) -> Self {
        AppError::Invalid {
            field: field.to_owned(),
            message_id: message_id.to_owned(),
        }
    }

    pub fn conflict(message_id: &str) -> Self {
        AppError::Conflict {
            message_id: message_id.to_owned(),
        }
    }

    /// The Fluent message id that explains this error to a user.
    pub fn message_id(&self) -> &str {
        match self {
            AppError::NotSignedIn => "error-not-signed-in",
            AppError::Forbidden => "error-forbidden",
            AppError::NotFound => "error-not-found",
            AppError::InvalidCredentials => "error-invalid-credentials",
            AppError::Throttled { seconds } if *seconds < 120 => "error-throttled-seconds",
            AppError::Throttled { .. } => "error-throttled-minutes",
            AppError::Busy => "error-busy",
            AppError::InvalidDefinition { .. } => "error-invalid-definition",
            AppError::InvalidAnswers { .. } => "error-invalid-answers",
            #[cfg(feature = "ssr")]
            AppError::InvalidFile { .. } => "error-translation-file-invalid",
            #[cfg(feature = "ssr")]
            AppError::NotReady { .. } => "error-review-not-ready",
            AppError::Invalid { message_id, .. } | AppError::Conflict { message_id } => message_id,
            AppError::Internal { .. } => "error-internal",
            AppError::Request(_) => "error-request",
            AppError::Malformed => "error-malformed",
        }
    }

    /// The HTTP status a server function answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotSignedIn | AppError::InvalidCredentials => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Conflict { .. } => 409,
            AppError::Invalid { .. }
            | AppError::InvalidDefinition { .. }
            | AppError::InvalidAnswers { .. } => 422,
            #[cfg(feature = "ssr")]
            AppError::InvalidFile { .. } | AppError::NotReady { .. } => 422,
            AppError::Throttled { .. } => 429,
            AppError::Malformed => 400,
            AppError::Busy => 503,
            AppError::Internal { .. } | AppError::Request(_) => 500,
        }
    }

    /// Seconds a client should wait before trying again (`Retry-After`).
    pub fn retry_after(&self) -> Option<i64> {
        match self {
            AppError::Throttled { seconds } => Some(*seconds),
            AppError::Busy => Some(1),
            _ => None,
        }
    }

    /// The field an `Invalid` error is about, for showing it next to the input.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        // On the server, a request whose arguments do not decode is the
        // caller's mistake; its details (serde's message) stay in the log.
        #[cfg(feature = "ssr")]
        if matches!(
            value,
            ServerFnErrorErr::Args(_)
                | ServerFnErrorErr::MissingArg(_)
                | ServerFnErrorErr::Deserialization(_)
        ) {
            tracing::debug!(error = %value, "refused an unreadable server-function request");
            return AppError::Malformed;
        }
        AppError::Request(value.to_string())
    }
}

/// A service's refusal as the pages' error. Internal failures are logged
/// here with a correlation id; only the id reaches the browser.
#[cfg(feature = "ssr")]
impl From<services::ServiceError> for AppError {
    fn from(e: services::ServiceError) -> Self {
        use services::ServiceError as E;
        match e {
            E::NotSignedIn => AppError::NotSignedIn,
            E::Forbidden => AppError::Forbidden,
            E::NotFound => AppError::NotFound,
            E::InvalidCredentials => AppError::InvalidCredentials,
            E::Throttled { seconds } => AppError::Throttled { seconds },
            E::Busy => AppError::Busy,
            E::Invalid { field, message_id } => AppError::invalid(field, message_id),
            E::BadRequest(message_id) | E::Conflict(message_id) => AppError::conflict(message_id),
            E::StaleRevision { .. } => AppError::conflict("error-draft-changed"),
            E::InvalidDefinition(problems) => AppError::InvalidDefinition { problems },
            E::InvalidAnswers(problems) => AppError::InvalidAnswers { problems },
            E::InvalidFile(problems) => AppError::InvalidFile { problems },
            E::NotReady(problems) => AppError::NotReady { problems },
            E::Internal(detail) => {
                let correlation_id = services::new_correlation_id();
                tracing::error!(%correlation_id, %detail, "internal error");
                AppError::Internal { correlation_id }
            }
        }
    }
}
