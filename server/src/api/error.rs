//! The JSON API's error answer: `{"error", "message", "problems"}` with an
//! honest status, the message in the caller's language.
//!
//! Handlers return an [`ApiFailure`] (usually from a `ServiceError` by `?`);
//! it carries message ids, not text. The [`localize`] middleware writes the
//! body in the language `Accept-Language` asks for, so no handler needs to
//! know the language.

use app::i18n::{arg, tr, tr_args, tr_problem};
use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::Locale;
use services::ServiceError;
use services::model::{ApiError, Problem};
use std::sync::Arc;

/// A refusal, before it is put into words.
#[derive(Debug, Clone)]
pub struct ApiFailure {
    pub status: StatusCode,
    /// The machine code (`error` in the body).
    pub code: &'static str,
    /// The Fluent message that says it (`message` in the body).
    pub message_id: &'static str,
    /// Fluent arguments of the message.
    pub args: Vec<(&'static str, Arg)>,
    /// Problems whose `message` is a Fluent id (fields), or that carry
    /// their own `message_id` and `args` (definitions; see `tr_problem`).
    pub problems: Vec<(Problem, bool)>,
    /// Seconds to wait before retrying (`Retry-After`), for 429 and 503.
    pub retry_after: Option<i64>,
    /// A refused save: the version's current revision, and the definition
    /// sent, handed back intact (boxed: rare, and keeps results small).
    pub save: Option<Box<RefusedSave>>,
}

/// What a refused save answers besides the error.
#[derive(Debug, Clone, Default)]
pub struct RefusedSave {
    pub current_revision: Option<i64>,
    pub refused: Option<Arc<str>>,
}

/// A Fluent argument: numbers stay numbers, so plurals are chosen right.
#[derive(Debug, Clone)]
pub enum Arg {
    Number(i64),
    Text(String),
}

impl ApiFailure {
    pub fn new(status: StatusCode, code: &'static str, message_id: &'static str) -> Self {
        ApiFailure {
            status,
            code,
            message_id,
            args: vec![],
            problems: vec![],
            retry_after: None,
            save: None,
        }
    }

    pub fn unauthorized() -> Self {
        ApiFailure::new(StatusCode::UNAUTHORIZED, "unauthorized", "error-api-token")
    }

    pub fn not_found() -> Self {
        ApiFailure::new(StatusCode::NOT_FOUND, "not-found", "error-not-found")
    }

    pub fn malformed(detail: String) -> Self {
        let mut f = ApiFailure::new(
            StatusCode::BAD_REQUEST,
            "malformed-request",
            "error-malformed-request",
        );
        f.args.push(("detail", Arg::Text(detail)));
        f
    }

    fn retry_after(mut self, seconds: i64) -> Self {
        self.retry_after = Some(seconds);
        self
    }

    fn with_arg(mut self, name: &'static str, value: Arg) -> Self {
        self.args.push((name, value));
        self
    }
}

/// `error-open-version-exists` → `open-version-exists`.
fn code_of(message_id: &'static str) -> &'static str {
    message_id.strip_prefix("error-").unwrap_or(message_id)
}

impl From<ServiceError> for ApiFailure {
    fn from(e: ServiceError) -> Self {
        match e {
            ServiceError::NotSignedIn | ServiceError::InvalidCredentials => {
                ApiFailure::unauthorized()
            }
            ServiceError::Forbidden => {
                ApiFailure::new(StatusCode::FORBIDDEN, "forbidden", "error-forbidden")
            }
            ServiceError::NotFound => ApiFailure::not_found(),
            ServiceError::Throttled { seconds } => {
                // The API throttles only invalid bearer tokens.
                ApiFailure::new(
                    StatusCode::TOO_MANY_REQUESTS,
                    "throttled",
                    "error-api-throttled",
                )
                .with_arg("minutes", Arg::Number((seconds + 59) / 60))
                .retry_after(seconds)
            }
            ServiceError::Busy => {
                ApiFailure::new(StatusCode::SERVICE_UNAVAILABLE, "busy", "error-busy")
                    .retry_after(1)
            }
            ServiceError::Invalid { field, message_id } => {
                let mut f =
                    ApiFailure::new(StatusCode::UNPROCESSABLE_ENTITY, "invalid", message_id);
                // No field: the whole body (e.g. a list of codes).
                let path = if field.is_empty() {
                    String::new()
                } else {
                    format!("/{field}")
                };
                f.problems.push((Problem::text(path, message_id), true));
                f
            }
            ServiceError::BadRequest(message_id) => {
                ApiFailure::new(StatusCode::BAD_REQUEST, code_of(message_id), message_id)
            }
            ServiceError::InvalidDefinition(problems) => {
                let mut f = ApiFailure::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid-definition",
                    "error-invalid-definition",
                );
                f.problems = problems.into_iter().map(|p| (p, false)).collect();
                f
            }
            ServiceError::InvalidAnswers(problems) => {
                let mut f = ApiFailure::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid-answers",
                    "error-invalid-answers",
                );
                f.problems = problems.into_iter().map(|p| (p, false)).collect();
                f
            }
            ServiceError::InvalidFile(problems) => {
                let mut f = ApiFailure::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "invalid-file",
                    "error-translation-file-invalid",
                );
                f.problems = problems.into_iter().map(|p| (p, false)).collect();
                f
            }
            ServiceError::NotReady(problems) => {
                let mut f = ApiFailure::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "not-ready",
                    "error-review-not-ready",
                );
                f.problems = problems.into_iter().map(|p| (p, false)).collect();
                f
            }
            ServiceError::Conflict(message_id) => {
                ApiFailure::new(StatusCode::CONFLICT, code_of(message_id), message_id)
            }
            ServiceError::StaleRevision { current_revision } => {
                let mut f = ApiFailure::new(
                    StatusCode::CONFLICT,
                    "stale-revision",
                    "error-draft-changed",
                );
                f.save = Some(Box::new(RefusedSave {
                    current_revision: Some(current_revision),
                    refused: None,
                }));
                f
            }
            ServiceError::Internal(detail) => {
                let correlation_id = services::new_correlation_id();
                tracing::error!(%correlation_id, %detail, "internal error (API)");
                ApiFailure::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "error-internal",
                )
                .with_arg("id", Arg::Text(correlation_id))
            }
        }
    }
}

impl IntoResponse for ApiFailure {
    fn into_response(self) -> Response {
        // English until `localize` rewrites it; a body either way.
        let mut response = (self.status, axum::Json(self.body(Locale::En))).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, seconds.into());
        }
        response.extensions_mut().insert(Arc::new(self));
        response
    }
}

impl ApiFailure {
    pub fn body(&self, locale: Locale) -> ApiError {
        let args: Vec<_> = self
            .args
            .iter()
            .map(|(k, v)| {
                let value = match v {
                    Arg::Number(n) => arg(*n),
                    Arg::Text(t) => arg(t.clone()),
                };
                (*k, value)
            })
            .collect();
        ApiError {
            error: self.code.to_owned(),
            message: tr_args(locale, self.message_id, &args),
            problems: self
                .problems
                .iter()
                .map(|(p, is_message_id)| Problem {
                    message: if *is_message_id {
                        tr(locale, &p.message)
                    } else {
                        tr_problem(locale, p)
                    },
                    ..p.clone()
                })
                .collect(),
            current_revision: self.save.as_ref().and_then(|s| s.current_revision),
            refused: self
                .save
                .as_ref()
                .and_then(|s| s.refused.as_deref())
                .and_then(|raw| serde_json::value::RawValue::from_string(raw.to_owned()).ok()),
        }
    }
}

fn locale_of(headers: &HeaderMap) -> Locale {
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::negotiate)
        .unwrap_or_default()
}

/// Writes every failure's body in the caller's language.
pub async fn localize(request: Request, next: Next) -> Response {
    let locale = locale_of(request.headers());
    let response = next.run(request).await;
    match response.extensions().get::<Arc<ApiFailure>>().cloned() {
        Some(failure) if locale != Locale::En => {
            let (mut parts, _) = response.into_parts();
            parts.headers.remove(header::CONTENT_LENGTH);
            let body = axum::Json(failure.body(locale)).into_response().into_body();
            Response::from_parts(parts, body)
        }
        _ => response,
    }
}

/// The language of a request, for handlers that answer with text.
pub fn request_locale(headers: &HeaderMap) -> Locale {
    locale_of(headers)
}
