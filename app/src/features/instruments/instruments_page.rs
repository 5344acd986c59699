//! The instrument library, for every signed-in role.

use super::list_instruments;
use crate::components::{ErrorMessage, Protected};
use crate::i18n::{t, use_i18n};
use crate::model::InstrumentSummary;
use domain::Permission;
use leptos::prelude::*;

#[component]
pub fn InstrumentsPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ViewInstruments
            children=move |_| view! { <InstrumentList /> }.into_any()
        />
    }
}

#[component]
fn InstrumentList() -> impl IntoView {
    let instruments = Resource::new(|| (), |_| list_instruments(None));
    view! {
        <section class="card">
            <h1>{t("instruments-title")}</h1>
            <p class="hint">{t("instruments-intro")}</p>
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    instruments
                        .get()
                        .map(|result| match result {
                            Ok(list) => view! { <InstrumentRows list /> }.into_any(),
                            Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                        })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn InstrumentRows(list: Vec<InstrumentSummary>) -> impl IntoView {
    let locale = use_i18n().locale;
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t("instrument-code")}</th>
                        <th scope="col">{t("instrument-title")}</th>
                        <th scope="col">{t("instrument-published-version")}</th>
                        <th scope="col">{t("instrument-locales")}</th>
                        <th scope="col">{t("instrument-actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|i| {
                            let summary = i.clone();
                            let title = move || summary.title_in(locale.get()).to_owned();
                            let locales = i
                                .locales
                                .iter()
                                .map(|l| l.endonym())
                                .collect::<Vec<_>>()
                                .join(", ");
                            let preview = i
                                .published_version
                                .map(|n| {
                                    view! {
                                        <a href=format!("/instruments/{}/versions/{n}", i.code)>
                                            {t("instrument-preview")}
                                        </a>
                                    }
                                });
                            view! {
                                <tr data-instrument=i.code.to_string()>
                                    <td><code>{i.code.to_string()}</code></td>
                                    <td>{title}</td>
                                    <td>{i.published_version.map(|n| n.to_string())}</td>
                                    <td>{locales}</td>
                                    <td class="actions">
                                        <a href=format!("/instruments/{}", i.code)>
                                            {t("instrument-history")}
                                        </a>
                                        {preview}
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
