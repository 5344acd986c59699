//! One account: change name, roles and status; reset the password.

use super::role_picker::RolePicker;
use super::{ResetPassword, UpdateUser, get_user};
use crate::components::{ErrorMessage, FormErrors, Protected, TextField};
use crate::error::AppError;
use crate::i18n::t;
use crate::model::{UserChange, UserSummary};
use domain::{Permission, UserId};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn UserPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ManageUsers
            children=move |_| view! { <UserLoader /> }.into_any()
        />
    }
}

#[component]
fn UserLoader() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<UserId>().ok())
    };
    let user = Resource::new(id, |id| async move {
        match id {
            Some(id) => get_user(id).await,
            None => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || {
                user.get()
                    .map(|result| match result {
                        Ok(u) => view! { <UserForms user=u /> }.into_any(),
                        Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

#[component]
fn UserForms(user: UserSummary) -> impl IntoView {
    let id = user.id;
    view! {
        <p><a href="/admin/users">{t("users-back")}</a></p>
        <EditUser user />
        <ResetPasswordForm id />
    }
}

#[component]
fn EditUser(user: UserSummary) -> impl IntoView {
    let revision = RwSignal::new(user.revision);
    let display_name = RwSignal::new(user.display_name.clone());
    let roles = RwSignal::new(user.roles.iter().collect::<Vec<_>>());
    let active = RwSignal::new(user.active);
    let action = ServerAction::<UpdateUser>::new();
    let result = action.value();
    let error = Signal::derive(move || result.get().and_then(|r| r.err()));
    let errors = FormErrors::new(error);
    let name_error = errors.field("display_name");
    let general_error = errors.general();
    Effect::new(move |_| {
        if let Some(Ok(())) = result.get() {
            revision.update(|r| *r += 1);
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(UpdateUser {
            change: UserChange {
                id: user.id,
                revision: revision.get_untracked(),
                display_name: display_name.get_untracked(),
                roles: roles.get_untracked(),
                active: active.get_untracked(),
            },
        });
    };
    view! {
        <section class="card">
            <h1>{user.username.to_string()}</h1>
            <form class="form" on:submit=on_submit>
                <ErrorMessage error=general_error />
                {move || {
                    matches!(result.get(), Some(Ok(())))
                        .then(|| view! { <p class="message success" role="status">{t("saved")}</p> })
                }}
                <TextField id="display_name" label="field-display-name" value=display_name error=name_error required=true />
                <RolePicker selected=roles />
                <div class="field">
                    <label class="choice" for="active">
                        <input
                            type="checkbox"
                            id="active"
                            prop:checked=move || active.get()
                            on:change=move |ev| active.set(event_target_checked(&ev))
                        />
                        {t("field-active")}
                    </label>
                    <p class="hint">{t("active-hint")}</p>
                </div>
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {t("save")}
                </button>
            </form>
        </section>
    }
}

#[component]
fn ResetPasswordForm(id: UserId) -> impl IntoView {
    let temporary = RwSignal::new(String::new());
    let action = ServerAction::<ResetPassword>::new();
    let result = action.value();
    let error = Signal::derive(move || result.get().and_then(|r| r.err()));
    let errors = FormErrors::new(error);
    let field_error = errors.field("temporary");
    let general_error = errors.general();
    Effect::new(move |_| {
        if let Some(Ok(())) = result.get() {
            temporary.set(String::new());
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(ResetPassword {
            id,
            temporary: temporary.get_untracked(),
        });
    };
    view! {
        <section class="card">
            <h2>{t("users-reset-password")}</h2>
            <form class="form" on:submit=on_submit>
                <ErrorMessage error=general_error />
                {move || {
                    matches!(result.get(), Some(Ok(())))
                        .then(|| view! { <p class="message success" role="status">{t("users-password-reset-done")}</p> })
                }}
                <TextField
                    id="temporary"
                    label="field-temporary-password"
                    value=temporary
                    kind="password"
                    autocomplete="new-password"
                    hint="initial-password-hint"
                    error=field_error
                    required=true
                />
                <button type="submit" disabled=move || action.pending().get()>
                    {t("users-reset-password")}
                </button>
            </form>
        </section>
    }
}
