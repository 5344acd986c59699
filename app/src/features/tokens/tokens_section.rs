//! The "API tokens" card of the account page.

use super::{CreateToken, RevokeToken, list_tokens};
use crate::components::{ErrorMessage, FormErrors, TextField};
use crate::i18n::{t, use_i18n};
use crate::model::{NewToken, TokenSummary};
use leptos::prelude::*;

#[component]
pub fn TokensSection() -> impl IntoView {
    let create = ServerAction::<CreateToken>::new();
    let revoke = ServerAction::<RevokeToken>::new();
    let tokens = Resource::new(
        move || (create.version().get(), revoke.version().get()),
        |_| list_tokens(),
    );
    let name = RwSignal::new(String::new());
    let days = RwSignal::new(String::from("90"));
    let created = create.value();
    let error = Signal::derive(move || created.get().and_then(|r| r.err()));
    let errors = FormErrors::new(error);
    let revoke_error = Signal::derive(move || revoke.value().get().and_then(|r| r.err()));
    Effect::new(move |_| {
        if let Some(Ok(_)) = created.get() {
            name.set(String::new());
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = days.get_untracked();
        let expires_days = match text.trim() {
            "" => None,
            // An unparsable number goes to the server as out of range,
            // so the refusal names the field.
            d => Some(d.parse().unwrap_or(0)),
        };
        create.dispatch(CreateToken {
            token: NewToken {
                name: name.get_untracked(),
                expires_days,
            },
        });
    };
    view! {
        <section class="card" id="tokens">
            <h2>{t("tokens-title")}</h2>
            <p class="hint">{t("tokens-intro")}</p>
            {move || {
                created
                    .get()
                    .and_then(|r| r.ok())
                    .map(|c| {
                        view! {
                            <div class="message success" role="status">
                                <p>{t("tokens-created")}</p>
                                <p><code class="token" data-token="new">{c.token}</code></p>
                            </div>
                        }
                    })
            }}
            <form class="form" on:submit=on_submit>
                <ErrorMessage error=errors.general() />
                <TextField
                    id="token-name"
                    label="field-token-name"
                    value=name
                    hint="token-name-hint"
                    error=errors.field("name")
                    required=true
                />
                <TextField
                    id="token-days"
                    label="field-token-days"
                    value=days
                    kind="number"
                    hint="token-days-hint"
                    error=errors.field("expires_days")
                />
                <button type="submit" class="primary" disabled=move || create.pending().get()>
                    {t("tokens-create")}
                </button>
            </form>
            <ErrorMessage error=revoke_error />
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    tokens
                        .get()
                        .map(|result| match result {
                            Ok(list) => view! { <TokenTable list revoke /> }.into_any(),
                            Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                        })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn TokenTable(list: Vec<TokenSummary>, revoke: ServerAction<RevokeToken>) -> impl IntoView {
    let locale = use_i18n().locale;
    if list.is_empty() {
        return view! { <p>{t("tokens-none")}</p> }.into_any();
    }
    view! {
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t("field-token-name")}</th>
                        <th scope="col">{t("tokens-created-at")}</th>
                        <th scope="col">{t("tokens-expires-at")}</th>
                        <th scope="col">{t("tokens-last-used")}</th>
                        <th scope="col">{t("tokens-state")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|token| {
                            let when = move |at: Option<String>| {
                                move || {
                                    at.as_deref()
                                        .map(|at| locale.get().format_timestamp(at))
                                        .unwrap_or_else(|| "—".to_owned())
                                }
                            };
                            let created = token.created_at.clone();
                            let id = token.id;
                            let state = if token.revoked_at.is_some() {
                                view! { <span>{t("tokens-revoked")}</span> }.into_any()
                            } else {
                                view! {
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            revoke.dispatch(RevokeToken { id });
                                        }
                                    >
                                        {t("tokens-revoke")}
                                    </button>
                                }
                                    .into_any()
                            };
                            view! {
                                <tr data-token-id=id.to_string()>
                                    <td>{token.name.clone()}</td>
                                    <td>{move || locale.get().format_timestamp(&created)}</td>
                                    <td>{when(token.expires_at.clone())}</td>
                                    <td>{when(token.last_used_at.clone())}</td>
                                    <td>{state}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
