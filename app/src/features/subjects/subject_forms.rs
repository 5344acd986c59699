//! The two forms of a subject's page: change the record, and transfer the
//! subject to another facility. Each names the revision it was made from;
//! after a refusal (a conflict included) it shows again what was typed,
//! against that same revision, so that saving again is refused again until
//! the page is reloaded and the other change seen.

use super::new_subject_page::{FacilitySelect, GenderSelect, LanguageSelect};
use super::texts::status_label;
use super::{TransferSubject, UpdateSubject};
use crate::components::{ErrorMessage, FormState, TextField};
use crate::i18n::{t, tr, use_i18n};
use crate::model::{Facility, SubjectView};
use domain::SubjectStatus;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn EditSubjectForm(subject: SubjectView) -> impl IntoView {
    let form = FormState::of(UpdateSubject::PATH);
    let locale = use_i18n().locale.get_untracked();
    let typed =
        |name: &str, stored: String| form.value(&format!("change[{name}]")).unwrap_or(stored);
    let revision = typed("revision", subject.revision.to_string());
    let name = typed("name", subject.name.clone().unwrap_or_default());
    let gender = typed("gender", subject.gender.code().to_owned());
    let birth_date = typed("birth_date", subject.birth_date.to_string());
    let language = typed("language", subject.language.code().to_owned());
    let status = typed("status", subject.status.code().to_owned());
    let status_date = typed(
        "status_date",
        subject
            .status_date
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    // `transferred` only as it is: a move is the transfer form's.
    let statuses: Vec<SubjectStatus> = SubjectStatus::ALL
        .into_iter()
        .filter(|s| *s != SubjectStatus::Transferred || subject.status == *s)
        .collect();
    let status_error = form.field_error("status");
    view! {
        <section class="card" id="subject-edit">
            <h2>{t("subject-edit")}</h2>
            <form class="form" method="post" action=UpdateSubject::PATH>
                <input type="hidden" name="code" value=subject.code.to_string() />
                <input type="hidden" name="change[revision]" value=revision />
                <ErrorMessage error=form.general_error() />
                <TextField
                    id="change-name"
                    name="change[name]"
                    label="field-subject-name"
                    value=name
                    error=form.field_error("name")
                    required=true
                />
                <GenderSelect prefix="change" selected=gender error=form.field_error("gender") />
                <TextField
                    id="change-birth-date"
                    name="change[birth_date]"
                    label="field-birth-date"
                    kind="date"
                    value=birth_date
                    error=form.field_error("birth_date")
                    required=true
                />
                <LanguageSelect
                    prefix="change"
                    selected=language
                    error=form.field_error("language")
                />
                <div class="field">
                    <label for="change-status">{t("field-subject-status")}</label>
                    <select
                        id="change-status"
                        name="change[status]"
                        aria-invalid=status_error.is_some().then_some("true")
                        aria-describedby=status_error.is_some().then_some("change-status-error")
                    >
                        {statuses
                            .into_iter()
                            .map(|s| {
                                view! {
                                    <option value=s.code() selected=status == s.code()>
                                        {t(status_label(s))}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                    {status_error
                        .map(|e| {
                            view! { <p class="field-error" id="change-status-error">{tr(locale, &e)}</p> }
                        })}
                </div>
                <TextField
                    id="change-status-date"
                    name="change[status_date]"
                    label="field-status-date"
                    kind="date"
                    value=status_date
                    hint="status-date-hint"
                    error=form.field_error("status_date")
                />
                <div class="actions">
                    <button type="submit" class="primary">{t("save")}</button>
                </div>
            </form>
        </section>
    }
}

#[component]
pub fn TransferForm(subject: SubjectView, all: Vec<Facility>) -> impl IntoView {
    let form = FormState::of(TransferSubject::PATH);
    let typed = |name: &str| form.value(&format!("transfer[{name}]"));
    let revision = typed("revision").unwrap_or_else(|| subject.revision.to_string());
    let others: Vec<Facility> = all
        .into_iter()
        .filter(|f| f.code != subject.facility)
        .collect();
    view! {
        <section class="card" id="subject-transfer">
            <h2>{t("subject-transfer")}</h2>
            <p class="hint">{t("subject-transfer-hint")}</p>
            <form class="form" method="post" action=TransferSubject::PATH>
                <input type="hidden" name="code" value=subject.code.to_string() />
                <input type="hidden" name="transfer[revision]" value=revision />
                <ErrorMessage error=form.general_error() />
                <FacilitySelect
                    prefix="transfer"
                    facilities=others
                    selected=typed("facility").unwrap_or_default()
                    error=form.field_error("facility")
                />
                <TextField
                    id="transfer-date"
                    name="transfer[date]"
                    label="field-transfer-date"
                    kind="date"
                    value=typed("date")
                    error=form.field_error("date")
                    required=true
                />
                <div class="actions">
                    <button type="submit">{t("subject-transfer-submit")}</button>
                </div>
            </form>
        </section>
    }
}
