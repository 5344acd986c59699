//! `/admin/facilities`: every facility, and a form to add one (its code and
//! its name in the three languages). A refused form keeps what was typed.

use super::{CreateFacility, list_facilities};
use crate::components::{ErrorMessage, FormState, Protected, TextField};
use crate::i18n::{t, use_i18n};
use crate::model::Facility;
use domain::Permission;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn FacilitiesPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ManageFacilities
            children=move |_| {
                view! {
                    <FacilitiesList />
                    <NewFacilityForm />
                }
                    .into_any()
            }
        />
    }
}

#[component]
fn FacilitiesList() -> impl IntoView {
    let facilities = Resource::new(|| (), |_| list_facilities());
    view! {
        <section class="card">
            <h1>{t("facilities-title")}</h1>
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    facilities
                        .get()
                        .map(|result| match result {
                            Ok(list) if list.is_empty() => {
                                view! { <p>{t("facilities-none")}</p> }.into_any()
                            }
                            Ok(list) => view! { <FacilityRows list /> }.into_any(),
                            Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                        })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn FacilityRows(list: Vec<Facility>) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    view! {
        <div class="table-wrap">
            <table id="facilities">
                <thead>
                    <tr>
                        <th scope="col">{t("field-facility-code")}</th>
                        <th scope="col">{t("field-facility-name")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|f| {
                            let name = f.name_in(locale).to_owned();
                            view! {
                                <tr>
                                    <td>{f.code.to_string()}</td>
                                    <td>{name}</td>
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
fn NewFacilityForm() -> impl IntoView {
    let form = FormState::of(CreateFacility::PATH);
    view! {
        <section class="card">
            <h2>{t("facilities-new")}</h2>
            <form class="form" method="post" action=CreateFacility::PATH>
                <ErrorMessage error=form.general_error() />
                {form
                    .succeeded()
                    .then(|| {
                        view! {
                            <p class="message success" role="status">
                                {t("facilities-created")}
                            </p>
                        }
                    })}
                <TextField
                    id="facility-code"
                    name="facility[code]"
                    label="field-facility-code"
                    value=form.value("facility[code]")
                    hint="facility-code-hint"
                    error=form.field_error("code")
                    required=true
                />
                <TextField
                    id="facility-name-tg"
                    name="facility[name][tg]"
                    label="field-facility-name-tg"
                    value=form.value("facility[name][tg]")
                    error=form.field_error("name/tg")
                    required=true
                />
                <TextField
                    id="facility-name-ru"
                    name="facility[name][ru]"
                    label="field-facility-name-ru"
                    value=form.value("facility[name][ru]")
                    error=form.field_error("name/ru")
                    required=true
                />
                <TextField
                    id="facility-name-en"
                    name="facility[name][en]"
                    label="field-facility-name-en"
                    value=form.value("facility[name][en]")
                    error=form.field_error("name/en")
                    required=true
                />
                <div class="actions">
                    <button type="submit" class="primary">
                        {t("facilities-create")}
                    </button>
                </div>
            </form>
        </section>
    }
}
