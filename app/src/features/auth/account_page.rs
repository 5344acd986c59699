//! One's own account: change the password, choose the interface language,
//! manage one's API tokens.

use super::{ChangePassword, SetLanguage};
use crate::components::{ErrorMessage, FormState, Protected, TextField};
use crate::features::tokens::TokensSection;
use crate::i18n::{t, use_i18n};
use crate::model::SessionUser;
use domain::Locale;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

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
        <PasswordForm />
        <LanguageForm current=user.preferred_locale />
        {(!user.must_change_password).then(|| view! { <TokensSection /> })}
    }
}

#[component]
fn PasswordForm() -> impl IntoView {
    // After a required change the action itself sends the user home.
    let form = FormState::of(ChangePassword::PATH);
    view! {
        <section class="card">
            <h2>{t("account-password-title")}</h2>
            <form class="form" method="post" action=ChangePassword::PATH>
                <ErrorMessage error=form.general_error() />
                {form
                    .succeeded()
                    .then(|| view! { <p class="message success" role="status">{t("account-password-changed")}</p> })}
                <TextField
                    id="current"
                    label="field-current-password"
                    kind="password"
                    autocomplete="current-password"
                    error=form.field_error("current")
                    required=true
                />
                <TextField
                    id="new"
                    label="field-new-password"
                    kind="password"
                    autocomplete="new-password"
                    hint="password-policy"
                    error=form.field_error("new")
                    required=true
                />
                <TextField
                    id="confirm"
                    label="field-confirm-password"
                    kind="password"
                    autocomplete="new-password"
                    error=form.field_error("confirm")
                    required=true
                />
                <button type="submit" class="primary">
                    {t("account-password-submit")}
                </button>
            </form>
        </section>
    }
}

/// The interface language kept with the account (the header's switcher
/// only sets it for this browser).
#[component]
fn LanguageForm(current: Option<Locale>) -> impl IntoView {
    let form = FormState::of(SetLanguage::PATH);
    // The switcher in the header posts to the same action without
    // `remember`; only this form's own post shows "saved" here.
    let mine = form.sent("remember", "true") == Some(true);
    let choice = current.unwrap_or_else(|| use_i18n().locale.get_untracked());
    view! {
        <section class="card">
            <h2>{t("account-language-title")}</h2>
            <form class="form" method="post" action=SetLanguage::PATH>
                <input type="hidden" name="remember" value="true" />
                {mine.then(|| view! { <ErrorMessage error=form.error() /> })}
                {(mine && form.succeeded())
                    .then(|| view! { <p class="message success" role="status">{t("saved")}</p> })}
                <div class="field">
                    <label for="preferred-locale">{t("field-preferred-language")}</label>
                    <select id="preferred-locale" name="locale">
                        {Locale::ALL
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <option value=l.code() selected=choice == l>
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
