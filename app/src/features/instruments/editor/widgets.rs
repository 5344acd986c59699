//! The editor's small, shared controls. Each form uses these instead of
//! writing its own `<select>`, `<input>` or `<button>` with a closure:
//! one component is compiled once, where every inline element with its
//! own closure would be compiled again (the editor's bundle is on a
//! weight budget).

use crate::i18n::{t, tr, use_i18n};
use leptos::prelude::*;

/// A button that runs `on_press`.
#[component]
pub fn Act(
    caption: &'static str,
    #[prop(optional)] class: &'static str,
    #[prop(into)] on_press: Callback<()>,
) -> impl IntoView {
    view! {
        <button type="button" class=class on:click=move |_| on_press.run(())>
            {t(caption)}
        </button>
    }
}

/// The options of a [`Choice`]: `(value, message id or shown text)`.
pub type Options = Vec<(String, String)>;

/// A labelled `<select>`; options are `(value, message id or shown text)`.
#[component]
pub fn Choice(
    id: String,
    caption: &'static str,
    options: Options,
    selected: String,
    #[prop(into)] on_change: Callback<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let options = options
        .into_iter()
        .map(|(value, shown)| {
            let shown = if shown.starts_with("editor-") {
                tr(locale, &shown)
            } else {
                shown
            };
            let on = value == selected;
            view! { <option value=value selected=on>{shown}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=id.clone()>{t(caption)}</label>
            <select id=id on:change=move |ev| on_change.run(event_target_value(&ev))>{options}</select>
            {children.map(|c| c())}
        </div>
    }
}

/// A labelled input (`kind`: "number" or "text") reporting each change.
#[component]
pub fn Entry(
    id: String,
    caption: &'static str,
    #[prop(optional)] kind: &'static str,
    value: String,
    #[prop(into)] on_input: Callback<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let kind = if kind.is_empty() { "number" } else { kind };
    view! {
        <div class="field">
            <label for=id.clone()>{t(caption)}</label>
            <input id=id type=kind step="any" value=value on:input=move |ev| on_input.run(event_target_value(&ev)) />
            {children.map(|c| c())}
        </div>
    }
}

/// A checkbox with its label; `caption` is a message id or shown text.
/// `on_change` gets the new state and returns the state that holds (a
/// change may be refused, e.g. the last gender stays).
#[component]
pub fn Check(
    id: String,
    caption: String,
    checked: bool,
    #[prop(optional)] disabled: bool,
    #[prop(into)] on_change: Callback<bool, bool>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let caption = if caption.starts_with("editor-") {
        tr(locale, &caption)
    } else {
        caption
    };
    let state = RwSignal::new(checked);
    let for_id = id.clone();
    view! {
        <label class="choice" for=for_id>
            <input
                type="checkbox"
                id=id
                prop:checked=move || state.get()
                disabled=disabled
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    state.set(on_change.run(on));
                }
            />
            {caption}
            {children.map(|c| c())}
        </label>
    }
}
