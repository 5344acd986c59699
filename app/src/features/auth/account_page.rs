//! One's own account: change the password, choose the interface language,
//! manage one's API tokens.

use super::{ChangePassword, SetLanguage};
use crate::components::{ErrorMessage, FormErrors, Protected, TextField};
use crate::features::tokens::TokensSection;
use crate::i18n::{t, use_i18n};
use crate::model::SessionUser;
use domain::Locale;
use leptos::prelude::*;

#[component]
pub fn AccountPage() -> impl IntoView {
    view! {
        <Protected
            password_page=true
            children=move |user| view! { <AccountForms user /> }.into_any()
        />
    }
}

#[component]
fn AccountForms(user: SessionUser) -> impl IntoView {
    view! {
        <section class="card">
            <h1>{t("account-title")}</h1>
            <dl class="facts">
                <dt>{t("field-username")}</dt>
                <dd>{user.username.to_string()}</dd>
                <dt>{t("field-display-name")}</dt>
                <dd>{user.display_name.clone()}</dd>
            </dl>
        </section>
        {user
            .must_change_password
            .then(|| view! { <p class="message warning" role="status">{t("account-must-change")}</p> })}
        <PasswordForm must_change=user.must_change_password />
        <LanguageForm current=user.preferred_locale />
        {(!user.must_change_password).then(|| view! { <TokensSection /> })}
    }
}

#[component]
fn PasswordForm(must_change: bool) -> impl IntoView {
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let action = ServerAction::<ChangePassword>::new();
    let result = action.value();
    let error = Signal::derive(move || result.get().and_then(|r| r.err()));
    let errors = FormErrors::new(error);
    let field_error = move |name: &'static str| errors.field(name);
    let general_error = errors.general();
    Effect::new(move |_| {
        if let Some(Ok(())) = result.get() {
            current.set(String::new());
            new.set(String::new());
            confirm.set(String::new());
            if must_change {
                let _ = window().location().set_href("/");
            }
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(ChangePassword {
            current: current.get_untracked(),
            new: new.get_untracked(),
            confirm: confirm.get_untracked(),
        });
    };
    view! {
        <section class="card">
            <h2>{t("account-password-title")}</h2>
            <form class="form" on:submit=on_submit>
                <ErrorMessage error=general_error />
                {move || {
                    matches!(result.get(), Some(Ok(())))
                        .then(|| view! { <p class="message success" role="status">{t("account-password-changed")}</p> })
                }}
                <TextField
                    id="current"
                    label="field-current-password"
                    value=current
                    kind="password"
                    autocomplete="current-password"
                    error=field_error("current")
                    required=true
                />
                <TextField
                    id="new"
                    label="field-new-password"
                    value=new
                    kind="password"
                    autocomplete="new-password"
                    hint="password-policy"
                    error=field_error("new")
                    required=true
                />
                <TextField
                    id="confirm"
                    label="field-confirm-password"
                    value=confirm
                    kind="password"
                    autocomplete="new-password"
                    error=field_error("confirm")
                    required=true
                />
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {t("account-password-submit")}
                </button>
            </form>
        </section>
    }
}

#[component]
fn LanguageForm(current: Option<Locale>) -> impl IntoView {
    let i18n = use_i18n();
    let choice = RwSignal::new(current.unwrap_or_else(|| i18n.locale.get_untracked()));
    let action = ServerAction::<SetLanguage>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let locale = choice.get_untracked();
        i18n.locale.set(locale);
        action.dispatch(SetLanguage {
            locale: locale.code().to_owned(),
            remember: Some(true),
        });
    };
    view! {
        <section class="card">
            <h2>{t("account-language-title")}</h2>
            <form class="form" on:submit=on_submit>
                <ErrorMessage error />
                {move || {
                    matches!(action.value().get(), Some(Ok(())))
                        .then(|| view! { <p class="message success" role="status">{t("saved")}</p> })
                }}
                <div class="field">
                    <label for="preferred-locale">{t("field-preferred-language")}</label>
                    <select
                        id="preferred-locale"
                        on:change=move |ev| {
                            if let Ok(l) = event_target_value(&ev).parse() {
                                choice.set(l);
                            }
                        }
                    >
                        {Locale::ALL
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <option value=l.code() selected=move || choice.get() == l>
                                        {l.endonym()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="primary">{t("save")}</button>
            </form>
        </section>
    }
}
