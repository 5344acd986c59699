//! The list of accounts for administrators.

use super::list_users;
use crate::components::{ErrorMessage, Protected, RoleLabel};
use crate::i18n::{t, use_i18n};
use crate::model::UserSummary;
use domain::Permission;
use leptos::prelude::*;

#[component]
pub fn UsersPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ManageUsers
            children=move |_| view! { <UsersTable /> }.into_any()
        />
    }
}

#[component]
fn UsersTable() -> impl IntoView {
    let users = Resource::new(|| (), |_| list_users());
    view! {
        <section class="card">
            <div class="card-head">
                <h1>{t("users-title")}</h1>
                <a class="button primary" href="/admin/users/new">{t("users-new")}</a>
            </div>
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    users
                        .get()
                        .map(|result| match result {
                            Ok(list) => view! { <UserRows list /> }.into_any(),
                            Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                        })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn UserRows(list: Vec<UserSummary>) -> impl IntoView {
    let locale = use_i18n().locale;
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t("field-username")}</th>
                        <th scope="col">{t("field-display-name")}</th>
                        <th scope="col">{t("field-roles")}</th>
                        <th scope="col">{t("field-status")}</th>
                        <th scope="col">{t("field-created")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|u| {
                            let created = u.created_at.clone();
                            view! {
                                <tr class:inactive=!u.active>
                                    <td>
                                        <a href=format!("/admin/users/{}", u.id)>{u.username.to_string()}</a>
                                    </td>
                                    <td>{u.display_name.clone()}</td>
                                    <td>
                                        {u
                                            .roles
                                            .iter()
                                            .map(|role| view! { <span class="tag"><RoleLabel role /></span> })
                                            .collect_view()}
                                    </td>
                                    <td>
                                        {if u.active { t("status-active") } else { t("status-inactive") }}
                                    </td>
                                    <td>{move || locale.get().format_date(&created)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
