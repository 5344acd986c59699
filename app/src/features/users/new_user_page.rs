//! Creating an account. A refused save keeps everything typed.

use super::CreateUser;
use super::role_picker::{RolePicker, sent_roles};
use crate::components::{ErrorMessage, FormState, Protected, TextField};
use crate::i18n::t;
use domain::{Locale, Permission, Role};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn NewUserPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ManageUsers
            children=move |_| view! { <NewUserForm /> }.into_any()
        />
    }
}

#[component]
fn NewUserForm() -> impl IntoView {
    let form = FormState::of(CreateUser::PATH);
    let roles = sent_roles(&form, "user").unwrap_or_else(|| vec![Role::Assessor]);
    let locale = form.value("user[preferred_locale]").unwrap_or_default();
    view! {
        <section class="card">
            <h1>{t("users-new")}</h1>
            <form class="form" method="post" action=CreateUser::PATH>
                <ErrorMessage error=form.general_error() />
                <TextField
                    id="username"
                    name="user[username]"
                    label="field-username"
                    value=form.value("user[username]")
                    hint="username-rules"
                    error=form.field_error("username")
                    required=true
                />
                <TextField
                    id="display_name"
                    name="user[display_name]"
                    label="field-display-name"
                    value=form.value("user[display_name]")
                    error=form.field_error("display_name")
                    required=true
                />
                <TextField
                    id="password"
                    name="user[password]"
                    label="field-initial-password"
                    kind="password"
                    autocomplete="new-password"
                    hint="initial-password-hint"
                    error=form.field_error("password")
                    required=true
                />
                <RolePicker prefix="user" selected=roles />
                <div class="field">
                    <label for="locale">{t("field-preferred-language")}</label>
                    <select id="locale" name="user[preferred_locale]">
                        <option value="">{t("language-not-set")}</option>
                        {Locale::ALL
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <option value=l.code() selected=locale == l.code()>
                                        {l.endonym()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="primary">
                        {t("users-create")}
                    </button>
                    <a href="/admin/users">{t("cancel")}</a>
                </div>
            </form>
        </section>
    }
}
