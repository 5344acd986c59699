//! Error views: a message for a failed action, and whole-page refusals.

use crate::error::AppError;
use crate::i18n::{arg, t, tr_args, use_i18n};
use leptos::prelude::*;

/// Says what went wrong, in the user's language. Internal errors show the
/// correlation id an administrator can find in the server log.
#[component]
pub fn ErrorMessage(error: Option<AppError>) -> impl IntoView {
    let locale = use_i18n().locale;
    {
        error.map(|e| {
            let args = match &e {
                AppError::Throttled { seconds } => vec![
                    ("seconds", arg(*seconds)),
                    ("minutes", arg((*seconds + 59) / 60)),
                ],
                AppError::Internal { correlation_id } => {
                    vec![("id", arg(correlation_id.clone()))]
                }
                _ => vec![],
            };
            let text = tr_args(locale.get_untracked(), e.message_id(), &args);
            view! { <p class="message error" role="alert">{text}</p> }
        })
    }
}

#[cfg(feature = "ssr")]
fn set_status(code: u16) {
    if let (Some(options), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        http::StatusCode::from_u16(code),
    ) {
        options.set_status(status);
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_status(404);
    view! {
        <section class="card narrow">
            <h1>{t("not-found-title")}</h1>
            <p>{t("not-found-body")}</p>
            <p><a href="/">{t("back-home")}</a></p>
        </section>
    }
}

#[component]
pub fn Forbidden() -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_status(403);
    view! {
        <section class="card narrow">
            <h1>{t("forbidden-title")}</h1>
            <p>{t("forbidden-body")}</p>
            <p><a href="/">{t("back-home")}</a></p>
        </section>
    }
}

/// Every problem of a refused definition, each with where it is.
#[component]
pub fn ProblemList(problems: Vec<crate::model::Problem>) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    view! {
        <ul class="problems">
            {problems
                .into_iter()
                .map(|p| {
                    let text = crate::i18n::tr_problem(locale, &p);
                    view! {
                        <li>
                            <code class="diff-path">{p.path.clone()}</code>
                            " "
                            {text}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
