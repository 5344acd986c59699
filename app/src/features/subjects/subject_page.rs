//! `/subjects/{code}`: a subject's record, the forms that change it and
//! transfer them, and their assessment history. Another facility's subject
//! is "not found", exactly as a code nobody has.

use super::due_date::DueDate;
use super::subject_forms::{EditSubjectForm, TransferForm};
use super::texts::{assessment_status_label, band_label, facility_text, gender_label, status_text};
use super::trend::{SubjectTrend, trends};
use super::{UpdateSubject, get_subject, subject_assessments};
use crate::components::{ErrorMessage, FormState, Protected};
use crate::features::assessments::StartAssessmentForm;
use crate::features::facilities::list_facilities;
use crate::features::instruments::{get_version, list_instruments};
use crate::i18n::{t, tr, use_i18n};
use crate::model::{AssessmentSummary, Facility, InstrumentSummary, SubjectView};
use domain::definition::Definition;
use domain::{AssessmentStatus, Permission, SubjectStatus};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeMap;

#[component]
pub fn SubjectPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::WorkWithSubjects
            children=move |user| {
                let assesses = user.roles.allows(Permission::Assess);
                view! { <SubjectLoader assesses /> }.into_any()
            }
        />
    }
}

/// Everything the page shows, read one after the other: the record first
/// (so that another facility's subject stops there, "not found"), then the
/// facilities' names, the history, and for an assessor the instruments
/// there are to start an assessment with.
type SubjectData = (
    SubjectView,
    Vec<Facility>,
    Vec<AssessmentSummary>,
    Vec<InstrumentSummary>,
    BTreeMap<String, Definition>,
);

async fn load(code: String, assesses: bool) -> Result<SubjectData, crate::error::AppError> {
    let subject = get_subject(code.clone()).await?;
    let facilities = list_facilities().await?;
    let history = subject_assessments(code).await?;
    let instruments = if assesses {
        list_instruments(None).await?
    } else {
        Vec::new()
    };
    let definitions = trend_definitions(&history).await;
    Ok((subject, facilities, history, instruments, definitions))
}

/// For the trend: each instrument's definition at the version of the
/// subject's newest submitted assessment with it (the history is newest
/// first), whose scores and labels the chart uses.
/// An instrument whose version cannot be read is left out of the trend
/// (the history still lists its assessments).
async fn trend_definitions(history: &[AssessmentSummary]) -> BTreeMap<String, Definition> {
    let mut wanted: BTreeMap<String, (domain::InstrumentCode, i64)> = BTreeMap::new();
    for a in history
        .iter()
        .filter(|a| a.status == AssessmentStatus::Submitted)
    {
        wanted
            .entry(a.instrument.to_string())
            .or_insert_with(|| (a.instrument.clone(), a.version));
    }
    let mut definitions = BTreeMap::new();
    for (key, (code, number)) in wanted {
        let Ok(version) = get_version(code, number).await else {
            continue;
        };
        if let Ok(definition) = Definition::from_json(version.definition.get()) {
            definitions.insert(key, definition);
        }
    }
    definitions
}

#[component]
fn SubjectLoader(assesses: bool) -> impl IntoView {
    let params = use_params_map();
    let code = move || params.read().get("code").unwrap_or_default();
    let data = Resource::new(code, move |code| load(code, assesses));
    view! {
        <p><a href="/subjects">{t("subjects-back")}</a></p>
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || {
                data.get()
                    .map(|result| match result {
                        Ok((subject, all, history, instruments, definitions)) => {
                            view! { <SubjectSections subject all history instruments definitions /> }
                                .into_any()
                        }
                        Err(error) => view! { <SubjectError error /> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

/// "Not found" is a page of its own (with its 404); other refusals a message.
#[component]
fn SubjectError(error: crate::error::AppError) -> impl IntoView {
    match error {
        crate::error::AppError::NotFound => view! { <crate::components::NotFound /> }.into_any(),
        e => view! { <ErrorMessage error=Some(e) /> }.into_any(),
    }
}

#[component]
fn SubjectSections(
    subject: SubjectView,
    all: Vec<Facility>,
    history: Vec<AssessmentSummary>,
    instruments: Vec<InstrumentSummary>,
    definitions: BTreeMap<String, Definition>,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let trends = trends(&history, &definitions, locale, subject.gender);
    // Only a subject in custody is assessed (the server says so too).
    let start = (!instruments.is_empty() && subject.status == SubjectStatus::InCustody)
        .then(|| view! { <StartAssessmentForm subject=subject.clone() instruments /> }.into_any());
    // Each section's type erased: one deeply nested type would make a
    // render pass need more stack than a worker thread has (debug builds).
    vec![
        view! { <SubjectRecord subject=subject.clone() all=all.clone() /> }.into_any(),
        view! { <AssessmentHistory history /> }.into_any(),
        view! { <SubjectTrend trends /> }.into_any(),
        start.unwrap_or_else(|| ().into_any()),
        view! { <EditSubjectForm subject=subject.clone() /> }.into_any(),
        view! { <TransferForm subject all /> }.into_any(),
    ]
}

#[component]
fn SubjectRecord(subject: SubjectView, all: Vec<Facility>) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let saved = FormState::of(UpdateSubject::PATH).succeeded();
    let transferred = FormState::of(super::TransferSubject::PATH).succeeded();
    let status = status_text(locale, &subject);
    let facility = facility_text(locale, &subject.facility, &all);
    view! {
        <section class="card" id="subject-record">
            <h1>{subject.code.to_string()}</h1>
            {saved.then(|| view! { <p class="message success" role="status">{t("saved")}</p> })}
            {transferred
                .then(|| {
                    view! { <p class="message success" role="status">{t("subject-transferred")}</p> }
                })}
            <dl class="facts">
                <dt>{t("field-subject-name")}</dt>
                <dd>{subject.name.clone().unwrap_or_default()}</dd>
                <dt>{t("field-gender")}</dt>
                <dd>{t(gender_label(subject.gender))}</dd>
                <dt>{t("field-birth-date")}</dt>
                <dd>{locale.format_date(&subject.birth_date.to_string())}</dd>
                <dt>{t("field-facility")}</dt>
                <dd>{facility}</dd>
                <dt>{t("field-subject-language")}</dt>
                <dd lang=subject.language.code()>{subject.language.endonym()}</dd>
                <dt>{t("field-subject-status")}</dt>
                <dd>{status}</dd>
            </dl>
        </section>
    }
}

#[component]
fn AssessmentHistory(history: Vec<AssessmentSummary>) -> impl IntoView {
    let empty = history.is_empty();
    view! {
        <section class="card" id="subject-assessments">
            <h2>{t("subject-assessments")}</h2>
            {if empty {
                view! { <p>{t("subject-assessments-none")}</p> }.into_any()
            } else {
                view! { <AssessmentRows list=history /> }.into_any()
            }}
        </section>
    }
}

#[component]
fn AssessmentRows(list: Vec<AssessmentSummary>) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t("field-instrument")}</th>
                        <th scope="col">{t("field-version")}</th>
                        <th scope="col">{t("field-assessment-status")}</th>
                        <th scope="col">{t("field-started")}</th>
                        <th scope="col">{t("field-submitted")}</th>
                        <th scope="col">{t("field-assessor")}</th>
                        <th scope="col">{t("field-total-band")}</th>
                        <th scope="col">{t("field-reassess-by")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|a| {
                            let submitted = a
                                .submitted_at
                                .as_deref()
                                .map(|d| locale.format_timestamp(d))
                                .unwrap_or_default();
                            let band = a
                                .total_band
                                .map(|b| tr(locale, band_label(b)))
                                .unwrap_or_default();
                            let overdue = a.overdue;
                            let due = a.reassess_by.clone();
                            view! {
                                <tr>
                                    <td>
                                        <a href=format!("/assessments/{}", a.id)>
                                            {a.instrument.to_string()}
                                        </a>
                                    </td>
                                    <td>{a.version}</td>
                                    <td>{t(assessment_status_label(a.status))}</td>
                                    <td>{locale.format_timestamp(&a.started_at)}</td>
                                    <td>{submitted}</td>
                                    <td>{a.assessor.clone()}</td>
                                    <td>{band}</td>
                                    <td class:overdue=overdue>
                                        <DueDate day=due overdue />
                                    </td>
                                </tr>
                            }
                                .into_any()
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
