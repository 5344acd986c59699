//! On an account's page: which facilities the person works at (checkboxes,
//! one per facility, sent as `codes[i]`). Subjects of those facilities are
//! the ones an assessor reaches.

use super::{SetUserFacilities, list_facilities, user_facilities};
use crate::components::{ErrorMessage, FormState};
use crate::i18n::{t, use_i18n};
use crate::model::Facility;
use domain::FacilityCode;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn UserFacilitiesForm(username: String) -> impl IntoView {
    let facilities = Resource::new(|| (), |_| list_facilities());
    let name = username.clone();
    let assigned = Resource::new(move || name.clone(), user_facilities);
    view! {
        <section class="card" id="user-facilities">
            <h2>{t("users-facilities")}</h2>
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    let username = username.clone();
                    match (facilities.get(), assigned.get()) {
                        (Some(Ok(all)), Some(Ok(mine))) => {
                            Some(view! { <FacilityChoices username all mine /> }.into_any())
                        }
                        (Some(Err(e)), _) | (_, Some(Err(e))) => {
                            Some(view! { <ErrorMessage error=Some(e) /> }.into_any())
                        }
                        _ => None,
                    }
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn FacilityChoices(username: String, all: Vec<Facility>, mine: Vec<FacilityCode>) -> impl IntoView {
    let form = FormState::of(SetUserFacilities::PATH);
    let locale = use_i18n().locale.get_untracked();
    let refused = form.error().is_some();
    if all.is_empty() {
        return view! {
            <p>
                {t("facilities-none")} " " <a href="/admin/facilities">{t("nav-facilities")}</a>
            </p>
        }
        .into_any();
    }
    let choices = all
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let name = format!("codes[{i}]");
            let code = f.code.to_string();
            // After a refusal, what was ticked; else what is stored.
            let checked = if refused {
                form.sent(&name, &code) == Some(true)
            } else {
                mine.contains(&f.code)
            };
            let id = format!("facility-{code}");
            let label_for = id.clone();
            let label = format!("{code} — {}", f.name_in(locale));
            view! {
                <label class="choice" for=label_for>
                    <input type="checkbox" id=id name=name value=code checked=checked />
                    {label}
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="form" method="post" action=SetUserFacilities::PATH>
            <input type="hidden" name="username" value=username />
            <ErrorMessage error=form.error() />
            {form
                .succeeded()
                .then(|| view! { <p class="message success" role="status">{t("saved")}</p> })}
            <fieldset class="field choices">
                <legend>{t("field-facilities")}</legend>
                {choices}
            </fieldset>
            <p class="hint">{t("users-facilities-hint")}</p>
            <div class="actions">
                <button type="submit">{t("users-facilities-save")}</button>
            </div>
        </form>
    }
    .into_any()
}
