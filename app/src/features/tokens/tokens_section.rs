//! The "API tokens" card of the account page: plain forms. A new token's
//! secret is shown on the next view of the page, once.

use super::{CreateToken, RevokeToken, list_tokens};
use crate::components::{ErrorMessage, FormState, TextField};
use crate::i18n::{t, use_i18n};
use crate::model::{CreatedToken, TokenSummary};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn TokensSection() -> impl IntoView {
    let create = FormState::of(CreateToken::PATH);
    let revoke = FormState::of(RevokeToken::PATH);
    let tokens = Resource::new(|| (), |_| list_tokens());
    let created = create.result::<CreatedToken>();
    view! {
        <section class="card" id="tokens">
            <h2>{t("tokens-title")}</h2>
            <p class="hint">{t("tokens-intro")}</p>
            {created
                .map(|c| {
                    view! {
                        <div class="message success" role="status">
                            <p>{t("tokens-created")}</p>
                            <p><code class="token" data-token="new">{c.token}</code></p>
                        </div>
                    }
                })}
            <form class="form" method="post" action=CreateToken::PATH>
                <ErrorMessage error=create.general_error() />
                <TextField
                    id="token-name"
                    name="token[name]"
                    label="field-token-name"
                    value=create.value("token[name]")
                    hint="token-name-hint"
                    error=create.field_error("name")
                    required=true
                />
                <TextField
                    id="token-days"
                    name="token[expires_days]"
                    label="field-token-days"
                    value=create.value("token[expires_days]").unwrap_or_else(|| "90".to_owned())
                    kind="number"
                    min="1"
                    hint="token-days-hint"
                    error=create.field_error("expires_days")
                />
                <button type="submit" class="primary">
                    {t("tokens-create")}
                </button>
            </form>
            <ErrorMessage error=revoke.error() />
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    tokens
                        .get()
                        .map(|result| match result {
                            Ok(list) => view! { <TokenTable list /> }.into_any(),
                            Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                        })
                }}
            </Suspense>
        </section>
    }
}

#[component]
fn TokenTable(list: Vec<TokenSummary>) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    if list.is_empty() {
        return view! { <p>{t("tokens-none")}</p> }.into_any();
    }
    let when = move |at: Option<String>| {
        at.as_deref()
            .map(|at| locale.format_timestamp(at))
            .unwrap_or_else(|| "—".to_owned())
    };
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
                            let id = token.id;
                            let state = if token.revoked_at.is_some() {
                                view! { <span>{t("tokens-revoked")}</span> }.into_any()
                            } else {
                                view! {
                                    <form class="inline" method="post" action=RevokeToken::PATH>
                                        <input type="hidden" name="id" value=id.to_string() />
                                        <button type="submit">{t("tokens-revoke")}</button>
                                    </form>
                                }
                                    .into_any()
                            };
                            view! {
                                <tr data-token-id=id.to_string()>
                                    <td>{token.name.clone()}</td>
                                    <td>{locale.format_timestamp(&token.created_at)}</td>
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
