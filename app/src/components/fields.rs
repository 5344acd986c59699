//! Labelled form fields with their error next to them.

use crate::i18n::{t, tr, use_i18n};
use domain::Role;
use leptos::prelude::*;

/// A labelled input with its hint and its error. Rendered on the server:
/// after a refused post it shows again what the user typed.
#[component]
pub fn TextField(
    /// The input's id (and name, unless `name` is given).
    id: &'static str,
    /// The name the form sends it under (e.g. `user[username]`).
    #[prop(optional)]
    name: Option<&'static str>,
    /// Message id of the label.
    label: &'static str,
    /// The value to show (what was typed before a refusal, or stored).
    #[prop(into, default = None)]
    value: Option<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    /// Message id of a hint under the input.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Message id of the current error for this field, if any.
    #[prop(into, default = None)]
    error: Option<String>,
    #[prop(optional)] required: bool,
    /// Extra attributes for number inputs and the like.
    #[prop(optional)]
    min: Option<&'static str>,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let mut described = Vec::new();
    if hint.is_some() {
        described.push(format!("{id}-hint"));
    }
    if error.is_some() {
        described.push(format!("{id}-error"));
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    // A password is never sent back to the page.
    let value = value.filter(|_| kind != "password");
    view! {
        <div class="field">
            <label for=id>{t(label)}</label>
            <input
                id=id
                name=name.unwrap_or(id)
                type=kind
                autocomplete=autocomplete
                required=required
                min=min
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=described
                value=value
            />
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{t(h)}</p> })}
            {error
                .map(|e| {
                    view! {
                        <p class="field-error" id=format!("{id}-error")>
                            {tr(locale, &e)}
                        </p>
                    }
                })}
        </div>
    }
}

/// A role's name in the interface language.
#[component]
pub fn RoleLabel(role: Role) -> impl IntoView {
    let locale = use_i18n().locale;
    move || tr(locale.get(), &format!("role-{}", role.code()))
}
