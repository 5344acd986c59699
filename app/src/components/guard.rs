//! Pages that need a signed-in user, or a permission.
//!
//! This decides only what to *show*; the server refuses the actions
//! themselves whatever the page shows.

use super::{Forbidden, use_session};
use crate::i18n::t;
use crate::model::SessionUser;
use domain::Permission;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn Protected<F>(
    /// What the page needs beyond being signed in.
    #[prop(optional)]
    permission: Option<Permission>,
    /// Render even when the user must first change their password.
    #[prop(optional)]
    password_page: bool,
    children: F,
) -> impl IntoView
where
    F: Fn(SessionUser) -> AnyView + Clone + Send + Sync + 'static,
{
    let session = use_session();
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {
                let children = children.clone();
                move || {
                    session
                        .0
                        .get()
                        .map(|result| match result.ok().flatten() {
                            None => view! { <Redirect path="/signin" /> }.into_any(),
                            Some(user) if user.must_change_password && !password_page => {
                                view! { <Redirect path="/account" /> }.into_any()
                            }
                            Some(user) => {
                                if permission.is_none_or(|p| user.roles.allows(p)) {
                                    children(user)
                                } else {
                                    view! { <Forbidden /> }.into_any()
                                }
                            }
                        })
                }
            }
        </Suspense>
    }
}
