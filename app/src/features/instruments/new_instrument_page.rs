//! `/instruments/new`: start an instrument from its metadata, or import a
//! definition file as a new draft. Plain forms; a refused form keeps what
//! was typed.

use super::CreateInstrument;
use crate::components::{ErrorMessage, FormState, ProblemList, Protected, TextField};
use crate::error::AppError;
use crate::i18n::{t, use_i18n};
use domain::{Gender, Locale, Permission};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// Where the import form posts (a multipart upload, `server/src/web/import.rs`).
pub const IMPORT_PATH: &str = "/api/import_definition";

#[component]
pub fn NewInstrumentPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::EditDrafts
            children=move |_| view! { <NewInstrumentForms /> }.into_any()
        />
    }
}

fn gender_label(gender: Gender) -> &'static str {
    match gender {
        Gender::Male => "preview-gender-male",
        Gender::Female => "preview-gender-female",
    }
}

#[component]
fn NewInstrumentForms() -> impl IntoView {
    let form = FormState::of(CreateInstrument::PATH);
    let interface = use_i18n().locale.get_untracked();
    let refused = form.error().is_some();
    let source = form
        .value("instrument[source_locale]")
        .and_then(|l| l.parse::<Locale>().ok())
        .unwrap_or(interface);
    // After a refusal: what was ticked; at first: every language and gender.
    let ticked = |name: String, value: &str| {
        if refused {
            form.sent(&name, value) == Some(true)
        } else {
            true
        }
    };
    let locales = Locale::ALL
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let name = format!("instrument[required_locales][{i}]");
            let checked = ticked(name.clone(), l.code());
            let id = format!("required-{}", l.code());
            let label_for = id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input type="checkbox" id=id name=name value=l.code() checked=checked />
                    {l.endonym()}
                </label>
            }
        })
        .collect_view();
    let genders = Gender::ALL
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            let name = format!("instrument[genders][{i}]");
            let checked = ticked(name.clone(), g.code());
            let id = format!("gender-{}", g.code());
            let label_for = id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input type="checkbox" id=id name=name value=g.code() checked=checked />
                    {t(gender_label(g))}
                </label>
            }
        })
        .collect_view();
    let import = FormState::of(IMPORT_PATH);
    let genders_error = form.field_error("genders");
    let genders_invalid = genders_error.is_some().then_some("true");
    view! {
        <p><a href="/instruments">{t("instruments-back")}</a></p>
        <section class="card">
            <h1>{t("instrument-new")}</h1>
            <p class="hint">{t("instrument-new-intro")}</p>
            <form class="form" method="post" action=CreateInstrument::PATH>
                <ErrorMessage error=form.general_error() />
                <TextField
                    id="code"
                    name="instrument[code]"
                    label="field-instrument-code"
                    value=form.value("instrument[code]")
                    hint="instrument-code-rules"
                    error=form.field_error("code")
                    required=true
                />
                <TextField
                    id="title"
                    name="instrument[title]"
                    label="field-instrument-title"
                    value=form.value("instrument[title]")
                    hint="instrument-title-hint"
                    error=form.field_error("title")
                    required=true
                />
                <div class="field">
                    <label for="source_locale">{t("field-source-language")}</label>
                    <select id="source_locale" name="instrument[source_locale]">
                        {Locale::ALL
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <option value=l.code() selected=l == source>
                                        {l.endonym()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <fieldset class="field choices">
                    <legend>{t("field-required-languages")}</legend>
                    {locales}
                </fieldset>
                <fieldset class="field choices" aria-invalid=genders_invalid>
                    <legend>{t("field-genders")}</legend>
                    {genders}
                    {genders_error.map(|e| view! { <p class="field-error">{t_owned(e)}</p> })}
                </fieldset>
                <div class="actions">
                    <button type="submit" class="primary">{t("instrument-create")}</button>
                    <a href="/instruments">{t("cancel")}</a>
                </div>
            </form>
        </section>
        <section class="card">
            <h2>{t("instrument-import")}</h2>
            <p class="hint">{t("instrument-import-intro")}</p>
            <form class="form" method="post" action=IMPORT_PATH enctype="multipart/form-data">
                <ErrorMessage error=import.error() />
                {match import.error() {
                    Some(AppError::InvalidDefinition { problems }) => {
                        Some(view! { <ProblemList problems /> })
                    }
                    _ => None,
                }}
                <div class="field">
                    <label for="definition-file">{t("field-definition-file")}</label>
                    <input id="definition-file" name="file" type="file" accept=".json,application/json" required=true />
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{t("instrument-import-submit")}</button>
                </div>
            </form>
        </section>
    }
}

fn t_owned(id: String) -> String {
    crate::i18n::tr(use_i18n().locale.get_untracked(), &id)
}
