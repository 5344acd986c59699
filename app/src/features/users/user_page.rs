//! One account: change name, roles and status; reset the password.

use super::role_picker::{RolePicker, sent_roles};
use super::{ResetPassword, UpdateUser, get_user};
use crate::components::{ErrorMessage, FormState, Protected, TextField};
use crate::error::AppError;
use crate::features::facilities::UserFacilitiesForm;
use crate::i18n::t;
use crate::model::UserSummary;
use domain::{Permission, UserId};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
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
    let username = user.username.to_string();
    view! {
        <p><a href="/admin/users">{t("users-back")}</a></p>
        <EditUser user />
        <UserFacilitiesForm username />
        <ResetPasswordForm id />
    }
}

#[component]
fn EditUser(user: UserSummary) -> impl IntoView {
    let form = FormState::of(UpdateUser::PATH);
    // After a refusal: what was typed, against the revision it was typed
    // from (a conflict keeps the stale revision, so saving again is refused
    // again until the page is reloaded and the other change seen).
    let display_name = form
        .value("change[display_name]")
        .unwrap_or_else(|| user.display_name.clone());
    let roles = sent_roles(&form, "change").unwrap_or_else(|| user.roles.iter().collect());
    let active = form
        .sent("change[active]", "true")
        .filter(|_| form.error().is_some())
        .unwrap_or(user.active);
    let revision = form
        .value("change[revision]")
        .unwrap_or_else(|| user.revision.to_string());
    view! {
        <section class="card">
            <h1>{user.username.to_string()}</h1>
            <form class="form" method="post" action=UpdateUser::PATH>
                <input type="hidden" name="change[id]" value=user.id.to_string() />
                <input type="hidden" name="change[revision]" value=revision />
                <ErrorMessage error=form.general_error() />
                {form
                    .succeeded()
                    .then(|| view! { <p class="message success" role="status">{t("saved")}</p> })}
                <TextField
                    id="display_name"
                    name="change[display_name]"
                    label="field-display-name"
                    value=display_name
                    error=form.field_error("display_name")
                    required=true
                />
                <RolePicker prefix="change" selected=roles />
                <div class="field">
                    <label class="choice" for="active">
                        <input
                            type="checkbox"
                            id="active"
                            name="change[active]"
                            value="true"
                            checked=active
                        />
                        {t("field-active")}
                    </label>
                    <p class="hint">{t("active-hint")}</p>
                </div>
                <button type="submit" class="primary">
                    {t("save")}
                </button>
            </form>
        </section>
    }
}

#[component]
fn ResetPasswordForm(id: UserId) -> impl IntoView {
    let form = FormState::of(ResetPassword::PATH);
    view! {
        <section class="card">
            <h2>{t("users-reset-password")}</h2>
            <form class="form" method="post" action=ResetPassword::PATH>
                <input type="hidden" name="id" value=id.to_string() />
                <ErrorMessage error=form.general_error() />
                {form
                    .succeeded()
                    .then(|| view! { <p class="message success" role="status">{t("users-password-reset-done")}</p> })}
                <TextField
                    id="temporary"
                    label="field-temporary-password"
                    kind="password"
                    autocomplete="new-password"
                    hint="initial-password-hint"
                    error=form.field_error("temporary")
                    required=true
                />
                <button type="submit">
                    {t("users-reset-password")}
                </button>
            </form>
        </section>
    }
}
