//! `/subjects`: find a subject by code or name, and a link to record a new
//! one. The search is a plain form that *posts* (a name must never sit in
//! a URL, a browser's history or a server's access log); its answer comes
//! back to this page once. Without a search the page lists the first
//! subjects the user may reach.

use super::due_date::DueDate;
use super::texts::{facility_text, status_text};
use super::{SearchSubjects, TransferSubject, search_subjects};
use crate::components::{ErrorMessage, FormState, Protected};
use crate::features::facilities::list_facilities;
use crate::i18n::{t, use_i18n};
use crate::model::{DueReassessment, Facility, SubjectView};
use domain::Permission;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn SubjectsPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::WorkWithSubjects
            children=move |_| view! { <SubjectsSearch /> }.into_any()
        />
    }
}

#[component]
fn SubjectsSearch() -> impl IntoView {
    let form = FormState::of(SearchSubjects::PATH);
    let query = form.sent_value("q").unwrap_or_default();
    let searched = form.succeeded() && !query.trim().is_empty();
    let refused = form.error();
    // The posted search's answer if there is one; else the first subjects.
    let posted: Option<Vec<SubjectView>> = form.result();
    let listed = Resource::new(
        || (),
        move |_| {
            let posted = posted.clone();
            let refused = refused.is_some();
            async move {
                match posted {
                    Some(found) => Ok(found),
                    None if refused => Ok(Vec::new()),
                    None => search_subjects(String::new()).await,
                }
            }
        },
    );
    let facilities = Resource::new(|| (), |_| list_facilities());
    let moved_away = FormState::of(TransferSubject::PATH).succeeded();
    view! {
        <section class="card">
            <div class="card-head">
                <h1>{t("subjects-title")}</h1>
                <a class="button primary" href="/subjects/new">{t("subjects-new")}</a>
            </div>
            {moved_away
                .then(|| {
                    view! { <p class="message success" role="status">{t("subject-transferred-away")}</p> }
                })}
            <form
                method="post"
                action=SearchSubjects::PATH
                class="inline-fields search"
                role="search"
            >
                <div class="field">
                    <label for="q">{t("subjects-search-label")}</label>
                    <input
                        id="q"
                        name="q"
                        type="search"
                        value=query
                        autocomplete="off"
                        maxlength="100"
                        aria-describedby="q-hint"
                    />
                    <p class="hint" id="q-hint">{t("subjects-search-hint")}</p>
                </div>
                <div class="actions">
                    <button type="submit">{t("subjects-search-submit")}</button>
                    {searched.then(|| view! { <a href="/subjects">{t("subjects-search-clear")}</a> })}
                </div>
            </form>
            <ErrorMessage error=form.error() />
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    match (listed.get(), facilities.get()) {
                        (Some(Ok(list)), Some(all)) => {
                            let all = all.unwrap_or_default();
                            Some(view! { <SubjectRows list all searched /> }.into_any())
                        }
                        (Some(Err(e)), _) => Some(view! { <ErrorMessage error=Some(e) /> }.into_any()),
                        _ => None,
                    }
                }}
            </Suspense>
        </section>
        <DueList />
    }
}

/// Subjects due for reassessment in the user's facilities, by facility,
/// the overdue ones marked.
#[component]
fn DueList() -> impl IntoView {
    let due = Resource::new(|| (), |_| super::reassessments_due());
    view! {
        <section class="card" id="reassessments-due">
            <h2>{t("subjects-due-title")}</h2>
            <p class="hint">{t("subjects-due-hint")}</p>
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    due.get()
                        .map(|result| match result {
                            Ok(list) if list.is_empty() => {
                                view! { <p>{t("subjects-due-none")}</p> }.into_any()
                            }
                            Ok(list) => view! { <DueRows list /> }.into_any(),
                            Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                        })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn DueRows(list: Vec<DueReassessment>) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t("field-facility")}</th>
                        <th scope="col">{t("field-subject-code")}</th>
                        <th scope="col">{t("field-instrument")}</th>
                        <th scope="col">{t("field-submitted")}</th>
                        <th scope="col">{t("field-reassess-by")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|d| {
                            let overdue = d.overdue;
                            view! {
                                <tr class:overdue=overdue data-overdue=overdue.to_string()>
                                    <td>{d.facility.to_string()}</td>
                                    <td>
                                        <a href=format!("/subjects/{}", d.subject)>{d.subject.to_string()}</a>
                                    </td>
                                    <td>{d.instrument.to_string()}</td>
                                    <td>{locale.format_timestamp(&d.submitted_at)}</td>
                                    <td>
                                        <DueDate day=Some(d.reassess_by.clone()) overdue />
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn SubjectRows(list: Vec<SubjectView>, all: Vec<Facility>, searched: bool) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    if list.is_empty() {
        let message = if searched {
            "subjects-none-found"
        } else {
            "subjects-none"
        };
        return view! { <p id="subjects-empty">{t(message)}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table id="subjects">
                <thead>
                    <tr>
                        <th scope="col">{t("field-subject-code")}</th>
                        <th scope="col">{t("field-subject-name")}</th>
                        <th scope="col">{t("field-facility")}</th>
                        <th scope="col">{t("field-subject-status")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|s| {
                            let status = status_text(locale, &s);
                            let facility = facility_text(locale, &s.facility, &all);
                            let href = format!("/subjects/{}", s.code);
                            view! {
                                <tr>
                                    <td>
                                        <a href=href>{s.code.to_string()}</a>
                                    </td>
                                    <td>{s.name.clone().unwrap_or_default()}</td>
                                    <td>{facility}</td>
                                    <td>{status}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
