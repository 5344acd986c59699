//! `/instruments/:code/versions/:number`: loads a version and hands its
//! definition to the live preview. Nothing here is saved.

use super::preview::PreviewIsland;
use crate::i18n::Catalog;

#[cfg(feature = "ssr")]
fn messages(interface: domain::Locale, items: usize) -> Catalog {
    super::preview::preview_messages(interface, items)
}

/// Only rendered on the server.
#[cfg(not(feature = "ssr"))]
fn messages(_: domain::Locale, _: usize) -> Catalog {
    Catalog::default()
}
use crate::components::{ErrorMessage, Protected};
use crate::error::AppError;
use crate::i18n::{t, use_i18n};
use domain::Permission;
use domain::definition::Definition;
use leptos::prelude::*;

#[component]
pub fn PreviewPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ViewInstruments
            children=move |_| view! { <PreviewLoader /> }.into_any()
        />
    }
}

#[component]
fn PreviewLoader() -> impl IntoView {
    let version = super::get_version::version_from_path();
    view! {
        <p><a href="/instruments">{t("instruments-back")}</a></p>
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || {
                version
                    .get()
                    .map(|result| match result {
                        Ok(v) => match Definition::from_json(v.definition.get()) {
                            Ok(definition) => {
                                let interface = use_i18n().locale.get_untracked();
                                let items = definition.sections.iter().map(|s| s.items.len()).sum();
                                let messages = messages(interface, items);
                                view! { <PreviewIsland definition interface messages /> }.into_any()
                            }
                            Err(_) => {
                                view! { <ErrorMessage error=Some(AppError::conflict("error-definition-unreadable")) /> }
                                    .into_any()
                            }
                        },
                        Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                    })
            }}
        </Suspense>
    }
}
