//! The landing page after sign-in: who you are and where you can go.

use crate::components::{Protected, RoleLabel};
use crate::i18n::{arg, t, t_args};
use domain::Permission;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Protected children=move |user| {
            let name = user.display_name.clone();
            let admin = user.roles.allows(Permission::ManageUsers);
            view! {
                <section class="card">
                    <h1>{t_args("home-welcome", move || vec![("name", arg(name.clone()))])}</h1>
                    <p>{t("home-intro")}</p>
                    <h2>{t("home-your-roles")}</h2>
                    <ul class="tags">
                        {user
                            .roles
                            .iter()
                            .map(|role| view! { <li class="tag"><RoleLabel role /></li> })
                            .collect_view()}
                    </ul>
                    {admin
                        .then(|| {
                            view! {
                                <h2>{t("home-administration")}</h2>
                                <ul class="link-list">
                                    <li><a href="/admin/users">{t("nav-users")}</a></li>
                                    <li><a href="/admin/audit">{t("nav-audit")}</a></li>
                                </ul>
                            }
                        })}
                </section>
            }
                .into_any()
        } />
    }
}
