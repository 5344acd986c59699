//! The sign-in form: a plain form post, so it works with no script at all.
//! After a refusal the page comes back with the message and the username
//! (never the password).

use super::SignIn;
use crate::components::{ErrorMessage, FormState, TextField, use_session};
use crate::i18n::t;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::components::Redirect;

#[component]
pub fn SignInPage() -> impl IntoView {
    let session = use_session();
    let form = FormState::of(SignIn::PATH);
    view! {
        <Transition>
            {move || session.user().map(|_| view! { <Redirect path="/" /> })}
        </Transition>
        <section class="card narrow">
            <h1>{t("sign-in-title")}</h1>
            <form class="form" method="post" action=SignIn::PATH>
                <ErrorMessage error=form.error() />
                <TextField
                    id="username"
                    label="field-username"
                    value=form.value("username")
                    autocomplete="username"
                    required=true
                />
                <TextField
                    id="password"
                    label="field-password"
                    kind="password"
                    autocomplete="current-password"
                    required=true
                />
                <button type="submit" class="primary">
                    {t("sign-in-submit")}
                </button>
            </form>
        </section>
    }
}
