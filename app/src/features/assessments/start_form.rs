//! The subject page's "start an assessment": an instrument with a
//! published version, and the language of its items (the subject's
//! preferred language unless chosen otherwise). A plain form; the new
//! assessment's page follows.

use super::StartAssessment;
use crate::components::{ErrorMessage, FormState};
use crate::i18n::{t, tr, use_i18n};
use crate::model::{InstrumentSummary, SubjectView};
use domain::Locale;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn StartAssessmentForm(
    subject: SubjectView,
    instruments: Vec<InstrumentSummary>,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let form = FormState::of(StartAssessment::PATH);
    let typed = |name: &str| form.value(&format!("assessment[{name}]"));
    let chosen = typed("instrument").unwrap_or_default();
    let language = typed("locale").unwrap_or_else(|| subject.language.code().to_owned());
    let error = form.field_error("instrument");
    let options = instruments
        .into_iter()
        .filter(|i| i.published_version.is_some())
        .map(|i| {
            let code = i.code.to_string();
            let title = i
                .title
                .get(&locale)
                .or_else(|| i.title.values().next())
                .cloned()
                .unwrap_or_default();
            let selected = chosen == code;
            view! { <option value=code.clone() selected=selected>{format!("{code} — {title}")}</option> }
        })
        .collect_view();
    let languages = Locale::ALL
        .into_iter()
        .map(|l| {
            let selected = language == l.code();
            view! { <option value=l.code() lang=l.code() selected=selected>{l.endonym()}</option> }
        })
        .collect_view();
    view! {
        <section class="card" id="subject-start-assessment">
            <h2>{t("assessment-start")}</h2>
            <form class="form" method="post" action=StartAssessment::PATH>
                <input type="hidden" name="assessment[subject]" value=subject.code.to_string() />
                <ErrorMessage error=form.general_error() />
                <div class="field">
                    <label for="start-instrument">{t("field-instrument")}</label>
                    <select
                        id="start-instrument"
                        name="assessment[instrument]"
                        required=true
                        aria-invalid=error.is_some().then_some("true")
                        aria-describedby=error.is_some().then_some("start-instrument-error")
                    >
                        <option value="">{t("choose")}</option>
                        {options}
                    </select>
                    {error
                        .map(|e| {
                            view! {
                                <p class="field-error" id="start-instrument-error">{tr(locale, &e)}</p>
                            }
                        })}
                </div>
                <div class="field">
                    <label for="start-locale">{t("assessment-items-language")}</label>
                    <select id="start-locale" name="assessment[locale]" aria-describedby="start-locale-hint">
                        {languages}
                    </select>
                    <p class="hint" id="start-locale-hint">{t("assessment-items-language-hint")}</p>
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{t("assessment-start-submit")}</button>
                </div>
            </form>
        </section>
    }
}
