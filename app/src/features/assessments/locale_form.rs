//! "Change the language of the items": on a draft's page while nothing is
//! answered (the server refuses it after the first answer). A plain form;
//! the page comes back in the new language.

use super::ChangeItemsLocale;
use crate::components::{ErrorMessage, FormState};
use crate::features::instruments::preview::state::offered_locales;
use crate::i18n::t;
use domain::Locale;
use domain::definition::Meta;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn LocaleForm(id: String, revision: i64, current: Locale, meta: Meta) -> impl IntoView {
    let form = FormState::of(ChangeItemsLocale::PATH);
    let options = offered_locales(&meta)
        .into_iter()
        .filter(|l| *l != current)
        .map(|l| view! { <option value=l.code() lang=l.code()>{l.endonym()}</option> })
        .collect_view();
    view! {
        <section class="card" id="assessment-locale">
            <h2>{t("assessment-locale-change")}</h2>
            <p class="hint" id="locale-change-hint">{t("assessment-locale-change-hint")}</p>
            <form class="form" method="post" action=ChangeItemsLocale::PATH>
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="revision" value=revision.to_string() />
                <ErrorMessage error=form.error() />
                <div class="field">
                    <label for="items-locale">{t("assessment-items-language")}</label>
                    <select id="items-locale" name="locale" aria-describedby="locale-change-hint">
                        {options}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit">{t("assessment-locale-change-submit")}</button>
                </div>
            </form>
        </section>
    }
}
