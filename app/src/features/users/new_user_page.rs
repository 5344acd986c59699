//! Creating an account. A refused save keeps everything typed.

use super::CreateUser;
use super::role_picker::RolePicker;
use crate::components::{ErrorMessage, FormErrors, Protected, TextField};
use crate::i18n::t;
use crate::model::NewUser;
use domain::{Locale, Permission, Role};
use leptos::prelude::*;

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
    let username = RwSignal::new(String::new());
    let display_name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let roles = RwSignal::new(vec![Role::Assessor]);
    let locale = RwSignal::new(None::<Locale>);
    let action = ServerAction::<CreateUser>::new();
    let result = action.value();
    let error = Signal::derive(move || result.get().and_then(|r| r.err()));
    let errors = FormErrors::new(error);
    let field_error = move |name: &'static str| errors.field(name);
    let general_error = errors.general();
    Effect::new(move |_| {
        if let Some(Ok(id)) = result.get() {
            let navigate = leptos_router::hooks::use_navigate();
            navigate(&format!("/admin/users/{id}"), Default::default());
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(CreateUser {
            user: NewUser {
                username: username.get_untracked(),
                display_name: display_name.get_untracked(),
                password: password.get_untracked(),
                roles: roles.get_untracked(),
                preferred_locale: locale.get_untracked(),
            },
        });
    };
    view! {
        <section class="card">
            <h1>{t("users-new")}</h1>
            <form class="form" on:submit=on_submit>
                <ErrorMessage error=general_error />
                <TextField id="username" label="field-username" value=username hint="username-rules" error=field_error("username") required=true />
                <TextField id="display_name" label="field-display-name" value=display_name error=field_error("display_name") required=true />
                <TextField
                    id="password"
                    label="field-initial-password"
                    value=password
                    kind="password"
                    autocomplete="new-password"
                    hint="initial-password-hint"
                    error=field_error("password")
                    required=true
                />
                <RolePicker selected=roles />
                <div class="field">
                    <label for="locale">{t("field-preferred-language")}</label>
                    <select
                        id="locale"
                        on:change=move |ev| locale.set(event_target_value(&ev).parse().ok())
                    >
                        <option value="">{t("language-not-set")}</option>
                        {Locale::ALL
                            .into_iter()
                            .map(|l| view! { <option value=l.code()>{l.endonym()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="actions">
                    <button type="submit" class="primary" disabled=move || action.pending().get()>
                        {t("users-create")}
                    </button>
                    <a href="/admin/users">{t("cancel")}</a>
                </div>
            </form>
        </section>
    }
}
