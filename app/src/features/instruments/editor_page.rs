//! `/instruments/:code/versions/:number/edit`: loads a draft and hands it
//! to the editor island, with the problems `check()` finds in it now.

use super::editor::EditorIsland;
use crate::components::{ErrorMessage, Protected};
use crate::error::AppError;
use crate::features::review::{ReviewComments, get_version_comments, item_notes};
use crate::i18n::{Catalog, t, use_i18n};
use crate::model::Problem;
use domain::definition::Definition;
use domain::{InstrumentCode, Locale, Permission};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
fn prepared(interface: Locale, definition: &Definition) -> (Catalog, Vec<Problem>) {
    // Counted messages go to the browser once per possible count: room
    // for the items a methodologist adds in this visit.
    let items = definition
        .sections
        .iter()
        .map(|s| s.items.len())
        .sum::<usize>()
        + 100;
    let problems = definition
        .check()
        .into_iter()
        .map(|e| {
            let mut p = Problem::from(e);
            p.message = crate::i18n::tr_problem(interface, &p);
            p
        })
        .collect();
    (super::editor::editor_messages(interface, items), problems)
}

/// Only rendered on the server.
#[cfg(not(feature = "ssr"))]
fn prepared(_: Locale, _: &Definition) -> (Catalog, Vec<Problem>) {
    (Catalog::default(), vec![])
}

#[component]
pub fn EditorPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::EditDrafts
            children=move |_| view! { <EditorLoader /> }.into_any()
        />
    }
}

#[component]
fn EditorLoader() -> impl IntoView {
    let version = super::get_version::version_from_path();
    let params = leptos_router::hooks::use_params_map();
    let comments = Resource::new(
        move || {
            let p = params.read();
            (
                p.get("code").and_then(|c| c.parse::<InstrumentCode>().ok()),
                p.get("number").and_then(|n| n.parse::<i64>().ok()),
            )
        },
        |(code, number)| async move {
            match (code, number) {
                (Some(code), Some(number)) => get_version_comments(code, number).await,
                _ => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || {
                version
                    .get()
                    .map(|result| match result {
                        Ok(v) => {
                            let back = format!("/instruments/{}", v.code);
                            let heading = view! {
                                <p><a href=back.clone()>{t("instruments-back")}</a></p>
                                <h1>
                                    {t("editor-page-title")} " " <code>{v.code.to_string()}</code> " "
                                    {format!("v{}", v.version)}
                                </h1>
                            };
                            if !v.status.is_editable() {
                                let review = crate::features::review::review_path(&v.code, v.version);
                                return view! {
                                    {heading}
                                    <p class="message error" role="alert">{t("editor-not-a-draft")}</p>
                                    <p><a href=review>{t("review-page-link")}</a></p>
                                }
                                    .into_any();
                            }
                            match Definition::from_json(v.definition.get()) {
                                Ok(definition) => {
                                    let interface = use_i18n().locale.get_untracked();
                                    let (messages, problems) = prepared(interface, &definition);
                                    // Open review comments: above the editor, and on
                                    // each item's form.
                                    let all = comments.get().and_then(Result::ok).unwrap_or_default();
                                    let notes = item_notes(&all, &crate::i18n::tr(interface, "editor-review-comment"));
                                    let comments = view! {
                                        <ReviewComments
                                            code=v.code.clone()
                                            number=v.version
                                            definition=definition.clone()
                                            comments=all
                                        />
                                    };
                                    view! {
                                        {heading}
                                        {comments}
                                        <EditorIsland
                                            code=v.code.clone()
                                            number=v.version
                                            revision=v.revision
                                            definition
                                            problems
                                            interface
                                            messages
                                            comments=notes
                                        />
                                    }
                                        .into_any()
                                }
                                Err(_) => {
                                    view! {
                                        {heading}
                                        <ErrorMessage error=Some(AppError::conflict("error-definition-unreadable")) />
                                    }
                                        .into_any()
                                }
                            }
                        }
                        Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                    })
            }}
        </Suspense>
    }
}
