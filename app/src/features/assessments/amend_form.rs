//! "Correct this assessment": on a submitted assessment's page, for the
//! assessors of its facility. The correction is a new draft with the same
//! answers, pinned to the same version; submitted, it supersedes this one
//! (both are kept, the reason recorded). A plain form; the new draft's
//! page follows.

use super::AmendAssessment;
use crate::components::{ErrorMessage, FormState};
use crate::i18n::{t, tr, use_i18n};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn AmendForm(id: String) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let form = FormState::of(AmendAssessment::PATH);
    let reason = form.value("amendment[reason]").unwrap_or_default();
    let error = form.field_error("reason");
    view! {
        <section class="card" id="assessment-amend">
            <h2>{t("assessment-amend")}</h2>
            <p class="hint" id="amend-reason-hint">{t("assessment-amend-hint")}</p>
            <form class="form" method="post" action=AmendAssessment::PATH>
                <input type="hidden" name="id" value=id />
                <ErrorMessage error=form.general_error() />
                <div class="field">
                    <label for="amend-reason">{t("field-amendment-reason")}</label>
                    <textarea
                        id="amend-reason"
                        name="amendment[reason]"
                        rows="3"
                        maxlength="2000"
                        required=true
                        aria-invalid=error.is_some().then_some("true")
                        aria-describedby=if error.is_some() {
                            "amend-reason-hint amend-reason-error"
                        } else {
                            "amend-reason-hint"
                        }
                    >
                        {reason}
                    </textarea>
                    {error
                        .map(|e| {
                            view! { <p class="field-error" id="amend-reason-error">{tr(locale, &e)}</p> }
                        })}
                </div>
                <div class="actions">
                    <button type="submit" class="primary">{t("assessment-amend-submit")}</button>
                </div>
            </form>
        </section>
    }
}
