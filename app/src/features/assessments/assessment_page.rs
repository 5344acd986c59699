//! `/assessments/{id}`: an assessment, stamped with what it is (instrument,
//! version, definition hash, subject, assessor, dates). Its assessor fills
//! in a draft here (the fill island); everyone else who may read it, and
//! everyone once it is submitted, sees it as recorded.

use super::ChangeItemsLocale;
use super::amend_form::AmendForm;
use super::fill::{FillForm, FillIsland, fill_messages};
use super::locale_form::LocaleForm;
use super::read_assessment;
use super::read_only::{RecordedAssessment, Words};
use crate::components::FormState;
use crate::components::{ErrorMessage, NotFound, Protected};
use crate::error::AppError;
use crate::features::instruments::preview::state::offered_locales;
use crate::features::subjects::texts::assessment_status_label;
use crate::i18n::{t, use_i18n};
use crate::model::AssessmentForm;
use domain::{AssessmentStatus, Locale, Permission};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn AssessmentPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ReadAssessments
            children=move |user| {
                let assesses = user.roles.allows(Permission::Assess);
                view! { <AssessmentLoader assesses /> }.into_any()
            }
        />
    }
}

#[component]
fn AssessmentLoader(assesses: bool) -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = Resource::new(id, read_assessment);
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || {
                data.get()
                    .map(|result| match result {
                        Ok(form) => view! { <AssessmentSections form assesses /> }.into_any(),
                        Err(AppError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

#[component]
fn AssessmentSections(form: AssessmentForm, assesses: bool) -> impl IntoView {
    let subject = form.assessment.subject.to_string();
    // As recorded, it reads (and prints) in any of the version's languages
    // (`?locale=`); a draft is filled in the language it is pinned to.
    let offered = offered_locales(&form.definition.meta);
    let shown = use_query_map()
        .read_untracked()
        .get("locale")
        .and_then(|l| l.parse::<Locale>().ok())
        .filter(|l| !form.editable && offered.contains(l))
        .unwrap_or(form.assessment.locale);
    let words = Words {
        locale: shown,
        gender: form.assessment.gender,
        source: form.definition.meta.source_locale,
    };
    let body = if form.editable {
        let interface = use_i18n().locale.get_untracked();
        let items = form.definition.sections.iter().map(|s| s.items.len()).sum();
        let messages = fill_messages(interface, items);
        let answers = serde_json::from_value(form.assessment.answers.clone()).unwrap_or_default();
        let fill = FillForm {
            id: form.assessment.id.to_string(),
            revision: form.assessment.revision,
            definition: form.definition.clone(),
            locale: form.assessment.locale,
            gender: form.assessment.gender,
            age: form.age,
            answers,
        };
        view! { <FillIsland form=fill interface messages /> }.into_any()
    } else {
        view! {
            <ShowIn offered=offered.clone() shown />
            <RecordedAssessment form=form.clone() words=words.clone() />
        }
        .into_any()
    };
    // A submitted assessment is corrected by an amendment (any assessor
    // of its facility; the server says so too).
    let amend = (assesses && form.assessment.status == AssessmentStatus::Submitted)
        .then(|| view! { <AmendForm id=form.assessment.id.to_string() /> }.into_any());
    // The items' language changes only until the first answer (the server
    // says so too); more than one language to choose from.
    let answered = form.assessment.answers.as_object().is_some_and(|a| {
        a.values()
            .any(|v| v.as_object().is_some_and(|m| !m.is_empty()))
    });
    // Shown after a refusal too, so that it says why (answered meanwhile).
    let refused = FormState::of(ChangeItemsLocale::PATH).error().is_some();
    let relocale = (form.editable && (!answered || refused) && offered.len() > 1).then(|| {
        view! {
            <LocaleForm
                id=form.assessment.id.to_string()
                revision=form.assessment.revision
                current=form.assessment.locale
                meta=form.definition.meta.clone()
            />
        }
        .into_any()
    });
    vec![
        view! { <p><a href=format!("/subjects/{subject}")>{t("assessment-back")}</a></p> }
            .into_any(),
        view! { <Stamp form words /> }.into_any(),
        relocale.unwrap_or_else(|| ().into_any()),
        body,
        amend.unwrap_or_else(|| ().into_any()),
    ]
}

/// What the assessment is: on screen and on paper.
#[component]
fn Stamp(form: AssessmentForm, words: Words) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let a = form.assessment;
    let title = words.of(&form.definition.meta.title);
    let submitted = a
        .submitted_at
        .as_deref()
        .map(|d| locale.format_timestamp(d))
        .unwrap_or_default();
    let hash: String = a.definition_hash.chars().take(16).collect();
    view! {
        <section class="card assessment-stamp" id="assessment-stamp">
            <h1 lang=words.locale.code()>{title}</h1>
            <dl class="facts">
                <dt>{t("field-subject-code")}</dt>
                <dd>{a.subject.to_string()}</dd>
                <dt>{t("field-instrument")}</dt>
                <dd>{format!("{} v{}", a.instrument, a.version)}</dd>
                <dt>{t("assessment-definition-hash")}</dt>
                <dd><code title=a.definition_hash.clone()>{hash}</code></dd>
                <dt>{t("assessment-items-language")}</dt>
                <dd lang=a.locale.code()>{a.locale.endonym()}</dd>
                <dt>{t("field-assessor")}</dt>
                <dd>{a.assessor.clone()}</dd>
                <dt>{t("field-started")}</dt>
                <dd>{locale.format_timestamp(&a.created_at)}</dd>
                <dt>{t("field-submitted")}</dt>
                <dd>{submitted}</dd>
                <dt>{t("field-assessment-status")}</dt>
                <dd data-status=a.status.code()>{t(assessment_status_label(a.status))}</dd>
                {a
                    .amends
                    .clone()
                    .map(|original| {
                        view! {
                            <dt>{t("assessment-amends")}</dt>
                            <dd>
                                <a href=format!("/assessments/{original}")>{t("assessment-amends-link")}</a>
                                ": "
                                {a.amendment_reason.clone().unwrap_or_default()}
                            </dd>
                        }
                    })}
            </dl>
            <p class="hint screen-only">{t("assessment-print-hint")}</p>
        </section>
    }
}

/// "Show in": the recorded assessment in another of its version's
/// languages, to read or print (a plain GET form).
#[component]
fn ShowIn(offered: Vec<Locale>, shown: Locale) -> impl IntoView {
    (offered.len() > 1).then(|| {
        view! {
            <form method="get" class="card screen-only inline-form" id="assessment-show-in">
                <label for="show-in">{t("assessment-show-in")}</label>
                <select id="show-in" name="locale">
                    {offered
                        .into_iter()
                        .map(|l| {
                            view! {
                                <option value=l.code() lang=l.code() selected=l == shown>
                                    {l.endonym()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <button type="submit">{t("blank-form-show")}</button>
            </form>
        }
    })
}
