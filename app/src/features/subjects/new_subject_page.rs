//! `/subjects/new`: record a subject at one of the user's facilities. A
//! refused save keeps everything typed.

use super::texts::gender_label;
use super::{CreateSubject, subject_facilities};
use crate::components::{ErrorMessage, FormState, Protected, TextField};
use crate::i18n::{t, tr, use_i18n};
use crate::model::Facility;
use domain::{Gender, Locale, Permission};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn NewSubjectPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::WorkWithSubjects
            children=move |_| view! { <NewSubjectLoader /> }.into_any()
        />
    }
}

#[component]
fn NewSubjectLoader() -> impl IntoView {
    let facilities = Resource::new(|| (), |_| subject_facilities());
    view! {
        <section class="card">
            <h1>{t("subjects-new")}</h1>
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    facilities
                        .get()
                        .map(|result| match result {
                            Ok(list) if list.is_empty() => {
                                view! { <p class="message warning">{t("subjects-no-facility")}</p> }
                                    .into_any()
                            }
                            Ok(list) => view! { <NewSubjectForm facilities=list /> }.into_any(),
                            Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                        })
                }}
            </Suspense>
        </section>
    }
}

/// A labelled `<select>` of the subject's gender (`{prefix}[gender]`).
#[component]
pub fn GenderSelect(
    prefix: &'static str,
    selected: String,
    #[prop(into, default = None)] error: Option<String>,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let id = format!("{prefix}-gender");
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{t("field-gender")}</label>
            <select
                id=id
                name=format!("{prefix}[gender]")
                required=true
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=error.is_some().then(|| error_id.clone())
            >
                <option value="">{t("choose")}</option>
                {Gender::ALL
                    .into_iter()
                    .map(|g| {
                        view! {
                            <option value=g.code() selected=selected == g.code()>
                                {t(gender_label(g))}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            {error.map(|e| view! { <p class="field-error" id=error_id>{tr(locale, &e)}</p> })}
        </div>
    }
}

/// A labelled `<select>` of the subject's preferred language.
#[component]
pub fn LanguageSelect(
    prefix: &'static str,
    selected: String,
    #[prop(into, default = None)] error: Option<String>,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let id = format!("{prefix}-language");
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id.clone()>{t("field-subject-language")}</label>
            <select
                id=id
                name=format!("{prefix}[language]")
                required=true
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=error.is_some().then(|| error_id.clone())
            >
                {Locale::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.code() selected=selected == l.code() lang=l.code()>
                                {l.endonym()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            {error.map(|e| view! { <p class="field-error" id=error_id>{tr(locale, &e)}</p> })}
        </div>
    }
}

/// A labelled `<select>` of facilities (`{prefix}[facility]`).
#[component]
pub fn FacilitySelect(
    prefix: &'static str,
    facilities: Vec<Facility>,
    selected: String,
    #[prop(into, default = None)] error: Option<String>,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let id = format!("{prefix}-facility");
    let error_id = format!("{id}-error");
    let only = facilities.len() == 1;
    view! {
        <div class="field">
            <label for=id.clone()>{t("field-facility")}</label>
            <select
                id=id
                name=format!("{prefix}[facility]")
                required=true
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=error.is_some().then(|| error_id.clone())
            >
                {(!only).then(|| view! { <option value="">{t("choose")}</option> })}
                {facilities
                    .into_iter()
                    .map(|f| {
                        let code = f.code.to_string();
                        let label = format!("{code} — {}", f.name_in(locale));
                        let is_selected = selected == code;
                        view! {
                            <option value=code selected=is_selected>
                                {label}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
            {error.map(|e| view! { <p class="field-error" id=error_id>{tr(locale, &e)}</p> })}
        </div>
    }
}

#[component]
fn NewSubjectForm(facilities: Vec<Facility>) -> impl IntoView {
    let form = FormState::of(CreateSubject::PATH);
    let interface = use_i18n().locale.get_untracked();
    let value = |name: &str| form.value(&format!("subject[{name}]"));
    view! {
        <form class="form" method="post" action=CreateSubject::PATH>
            <ErrorMessage error=form.general_error() />
            <TextField
                id="subject-code"
                name="subject[code]"
                label="field-subject-code"
                value=value("code")
                hint="subject-code-hint"
                error=form.field_error("code")
                required=true
            />
            <TextField
                id="subject-name"
                name="subject[name]"
                label="field-subject-name"
                value=value("name")
                error=form.field_error("name")
                required=true
            />
            <GenderSelect
                prefix="subject"
                selected=value("gender").unwrap_or_default()
                error=form.field_error("gender")
            />
            <TextField
                id="subject-birth-date"
                name="subject[birth_date]"
                label="field-birth-date"
                kind="date"
                value=value("birth_date")
                error=form.field_error("birth_date")
                required=true
            />
            <FacilitySelect
                prefix="subject"
                facilities
                selected=value("facility").unwrap_or_default()
                error=form.field_error("facility")
            />
            <LanguageSelect
                prefix="subject"
                selected=value("language").unwrap_or_else(|| interface.code().to_owned())
                error=form.field_error("language")
            />
            <div class="actions">
                <button type="submit" class="primary">
                    {t("subjects-create")}
                </button>
                <a href="/subjects">{t("cancel")}</a>
            </div>
        </form>
    }
}
