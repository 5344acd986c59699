//! Labelled form fields with their error next to them.

use crate::i18n::{t, tr, use_i18n};
use domain::Role;
use leptos::prelude::*;

/// A labelled input bound to a signal. The value survives a refused save.
#[component]
pub fn TextField(
    /// The input's id (and name).
    id: &'static str,
    /// Message id of the label.
    label: &'static str,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    /// Message id of a hint under the input.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Message id of the current error for this field, if any.
    #[prop(into, optional)]
    error: Signal<Option<String>>,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    let locale = use_i18n().locale;
    let described = move || {
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(format!("{id}-hint"));
        }
        if error.get().is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class="field">
            <label for=id>{t(label)}</label>
            <input
                id=id
                name=id
                type=kind
                autocomplete=autocomplete
                required=required
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{t(h)}</p> })}
            {move || {
                error
                    .get()
                    .map(|e| {
                        view! {
                            <p class="field-error" id=format!("{id}-error")>
                                {tr(locale.get(), &e)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// A role's name in the interface language.
#[component]
pub fn RoleLabel(role: Role) -> impl IntoView {
    let locale = use_i18n().locale;
    move || tr(locale.get(), &format!("role-{}", role.code()))
}

/// An action's error split for a form: the message next to the field it is
/// about, anything else above the form.
#[derive(Clone, Copy)]
pub struct FormErrors {
    error: Signal<Option<crate::error::AppError>>,
}

impl FormErrors {
    pub fn new(error: Signal<Option<crate::error::AppError>>) -> Self {
        FormErrors { error }
    }

    /// The message id of the error about `field`, for [`TextField`].
    pub fn field(self, field: &'static str) -> Signal<Option<String>> {
        let error = self.error;
        Signal::derive(move || {
            error
                .get()
                .filter(|e| e.field() == Some(field))
                .map(|e| e.message_id().to_owned())
        })
    }

    /// An error that is not about one field, for `ErrorMessage`.
    pub fn general(self) -> Signal<Option<crate::error::AppError>> {
        let error = self.error;
        Signal::derive(move || error.get().filter(|e| e.field().is_none()))
    }
}
