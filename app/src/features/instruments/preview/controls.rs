//! The preview's header (title, purpose, code, "nothing is saved") and its
//! two pickers: the instrument locale and the subject's gender.
//!
//! Why apart from the form: these are the only inputs that do not touch
//! the answers. Switching either re-renders only the texts; the answers
//! stay as they are.

use super::state::{self, PreviewState};
use crate::components::EraseOnServer;
use crate::i18n::t;
use domain::{Gender, Locale};
use leptos::prelude::*;

#[component]
pub fn PreviewHeader(state: PreviewState) -> impl IntoView {
    let (title, purpose, code) = state.definition.with_value(|d| {
        (
            d.meta.title.clone(),
            d.meta.purpose.clone(),
            d.meta.code.to_string(),
        )
    });
    let lang = state.lang();
    view! {
        <header class="card preview-header">
            <p class="preview-notice" role="note">
                <strong>{t("preview-notice-title")}</strong>
                " "
                <span>{t("preview-notice")}</span>
            </p>
            <h1 lang=lang>{move || state.words(&title)}</h1>
            <p class="preview-purpose" lang=lang>
                {move || state.words(&purpose)}
            </p>
            <p class="preview-code">
                <span class="preview-code-label">{t("preview-code")}</span>
                " "
                <code>{code}</code>
            </p>
        </header>
    }
    .erase_on_server()
}

fn gender_label(gender: Gender) -> Signal<String> {
    match gender {
        Gender::Male => t("preview-gender-male"),
        Gender::Female => t("preview-gender-female"),
    }
}

#[component]
pub fn PreviewControls(state: PreviewState) -> impl IntoView {
    let (locales, genders) = state.definition.with_value(|d| {
        (
            state::offered_locales(&d.meta),
            state::offered_genders(&d.meta),
        )
    });
    let locale_options = locales
        .into_iter()
        .map(|l: Locale| {
            view! {
                <option value=l.code() lang=l.code() selected=move || state.locale.get() == l>
                    {l.endonym()}
                </option>
            }
        })
        .collect_view();
    let gender_options = genders
        .into_iter()
        .map(|g| {
            view! {
                <option value=state::gender_code(g) selected=move || state.gender.get() == g>
                    {gender_label(g)}
                </option>
            }
        })
        .collect_view();
    view! {
        <section class="card preview-controls" aria-labelledby="preview-controls-title">
            <h2 id="preview-controls-title" class="visually-hidden">
                {t("preview-settings")}
            </h2>
            <div class="field">
                <label for="preview-locale">{t("preview-locale-label")}</label>
                <select
                    id="preview-locale"
                    name="preview-locale"
                    aria-describedby="preview-locale-hint"
                    on:change=move |ev| {
                        if let Ok(l) = event_target_value(&ev).parse::<Locale>() {
                            state.locale.set(l);
                        }
                    }
                >
                    {locale_options}
                </select>
                <p class="hint" id="preview-locale-hint">
                    {t("preview-locale-hint")}
                </p>
            </div>
            <div class="field">
                <label for="preview-gender">{t("preview-gender-label")}</label>
                <select
                    id="preview-gender"
                    name="preview-gender"
                    on:change=move |ev| {
                        if let Some(g) = state::parse_gender(&event_target_value(&ev)) {
                            state.gender.set(g);
                        }
                    }
                >
                    {gender_options}
                </select>
            </div>
        </section>
    }
    .erase_on_server()
}
