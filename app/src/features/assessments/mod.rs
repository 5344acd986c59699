//! Assessments in the browser: start one from a subject's page, fill it in
//! (the fill island: conditions, progress and outcome live, autosave with
//! the browser's storage as a buffer), submit it, read it.
//!
//! Each server function calls the same service as the public API's
//! handler (`/api/v1/assessments…`); these are internal to the pages.

mod amend_form;
mod assessment_page;
pub mod fill;
mod locale_form;
mod read_only;
mod start_form;

pub use assessment_page::AssessmentPage;
pub use start_form::StartAssessmentForm;

use crate::error::AppError;
use crate::model::{
    AmendAssessment as Amendment, AssessmentForm, NewAssessment, SavedAnswers, StartedAssessment,
    SubmittedAssessment,
};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Starts an assessment of a subject with an instrument's published
/// version; a plain form goes on to the new assessment's page.
#[server(endpoint = "start_assessment", prefix = "/api")]
pub async fn start_assessment(assessment: NewAssessment) -> Result<StartedAssessment, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let started = services.start_assessment(&ctx.actor()?, assessment).await?;
            crate::features::auth::redirect_plain_form(&format!("/assessments/{}", started.id));
            Ok(started)
        }
        .await,
    )
}

/// An assessment with its version's definition, for its page. The read is
/// audited once per page view.
#[server(endpoint = "read_assessment", prefix = "/api")]
pub async fn read_assessment(id: String) -> Result<AssessmentForm, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let actor = ctx.actor()?;
            once_per_request(format!("read_assessment {id}"), async {
                let id = id.clone();
                detached(async move { Ok(services.assessment_form(&actor, &id).await?) }).await
            })
            .await
        }
        .await,
    )
}

/// The fill island's autosave: the whole answers document and the
/// revision it started from. JSON in (no form-encoding code in the
/// browser bundle).
#[server(endpoint = "save_assessment", prefix = "/api", input = Json)]
pub async fn save_assessment(
    id: String,
    revision: i64,
    answers: domain::definition::Answers,
) -> Result<SavedAnswers, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let answers = serde_json::to_value(&answers).map_err(|_| AppError::Malformed)?;
            let save = crate::model::SaveAnswers {
                revision,
                answers,
                locale: None,
            };
            let saved = services.save_answers(&ctx.actor()?, &id, save).await;
            Ok(translated(ctx.locale, saved)?)
        }
        .await,
    )
}

/// Submits the saved answers at `revision`; refused with every problem,
/// in the user's language.
#[server(endpoint = "submit_assessment", prefix = "/api", input = Json)]
pub async fn submit_assessment(id: String, revision: i64) -> Result<SubmittedAssessment, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let submitted = services
                .submit_assessment(&ctx.actor()?, &id, revision)
                .await;
            Ok(translated(ctx.locale, submitted)?)
        }
        .await,
    )
}

/// Puts the problems of a refusal into the user's language.
#[cfg(feature = "ssr")]
fn translated<T>(
    locale: domain::Locale,
    result: Result<T, services::ServiceError>,
) -> Result<T, services::ServiceError> {
    result.map_err(|e| match e {
        services::ServiceError::InvalidAnswers(mut problems) => {
            for p in &mut problems {
                p.message = crate::i18n::tr_problem(locale, p);
            }
            services::ServiceError::InvalidAnswers(problems)
        }
        other => other,
    })
}

/// Starts a correction of a submitted assessment; a plain form goes on to
/// the correction's page.
#[server(endpoint = "amend_assessment", prefix = "/api")]
pub async fn amend_assessment(
    id: String,
    amendment: Amendment,
) -> Result<StartedAssessment, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let started = services
                .amend_assessment(&ctx.actor()?, &id, &amendment.reason)
                .await?;
            crate::features::auth::redirect_plain_form(&format!("/assessments/{}", started.id));
            Ok(started)
        }
        .await,
    )
}

/// Changes the language of a draft's items, while nothing is answered (the
/// server refuses it after the first answer); a plain form comes back to
/// the assessment's page.
#[server(endpoint = "change_items_locale", prefix = "/api")]
pub async fn change_items_locale(
    id: String,
    revision: i64,
    locale: domain::Locale,
) -> Result<SavedAnswers, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let saved = services
                .change_items_locale(&ctx.actor()?, &id, revision, locale)
                .await?;
            crate::features::auth::redirect_plain_form(&format!("/assessments/{id}"));
            Ok(saved)
        }
        .await,
    )
}
