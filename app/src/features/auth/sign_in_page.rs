//! The sign-in form. A plain form post until the page hydrates, so it works
//! before (and without) the wasm.

use super::SignIn;
use crate::components::{ErrorMessage, use_session};
use crate::i18n::t;
use leptos::prelude::*;
use leptos_router::components::Redirect;

#[component]
pub fn SignInPage() -> impl IntoView {
    let session = use_session();
    let action = ServerAction::<SignIn>::new();
    let error = Signal::derive(move || action.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(user)) = action.value().get() {
            let target = if user.must_change_password {
                "/account"
            } else {
                "/"
            };
            // A full load, so the header, language and every page start from
            // the new session.
            let _ = window().location().set_href(target);
        }
    });
    view! {
        <Transition>
            {move || session.user().map(|_| view! { <Redirect path="/" /> })}
        </Transition>
        <section class="card narrow">
            <h1>{t("sign-in-title")}</h1>
            <ActionForm action attr:class="form">
                <ErrorMessage error />
                <div class="field">
                    <label for="username">{t("field-username")}</label>
                    <input id="username" name="username" autocomplete="username" required />
                </div>
                <div class="field">
                    <label for="password">{t("field-password")}</label>
                    <input
                        id="password"
                        name="password"
                        type="password"
                        autocomplete="current-password"
                        required
                    />
                </div>
                <button type="submit" class="primary" disabled=move || action.pending().get()>
                    {t("sign-in-submit")}
                </button>
            </ActionForm>
        </section>
    }
}
