//! `/instruments/:code`: the versions of an instrument (status, when), and
//! what changed between any two of them (`?from=A&to=B`), scoring changes
//! first: a reviewer sees at once whether a "translation fix" touched the
//! scores. Plain HTML: the comparison is a GET form.

use super::{StartDraft, diff_versions, list_versions};
use crate::components::{ErrorMessage, FormState, Protected};
use crate::error::AppError;
use crate::i18n::{t, tr, use_i18n};
use crate::model::{VersionChange, VersionSummary};
use domain::{InstrumentCode, Permission};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

/// The classes of change, in the order a reviewer reads them.
const CLASSES: [&str; 4] = ["scoring", "structural", "wording", "translation"];

#[component]
pub fn HistoryPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ViewInstruments
            children=move |user| {
                let edits = user.roles.allows(Permission::EditDrafts);
                let translations = user.roles.allows(Permission::ReadTranslationFiles);
                view! { <History edits translations /> }.into_any()
            }
        />
    }
}

#[component]
fn History(
    /// Whether the user may start and edit drafts.
    edits: bool,
    /// Whether the user works on translations (not assessors).
    translations: bool,
) -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let code = params
        .read_untracked()
        .get("code")
        .and_then(|c| c.parse::<InstrumentCode>().ok());
    let number = |name: &str| {
        query
            .read_untracked()
            .get(name)
            .and_then(|n| n.parse::<i64>().ok())
    };
    let (from, to) = (number("from"), number("to"));
    let title = code.as_ref().map(|c| c.to_string()).unwrap_or_default();
    let versions_key = code.clone();
    let versions = Resource::new(
        move || versions_key.clone(),
        |code| async move {
            match code {
                Some(code) => list_versions(code).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    let changes = Resource::new(
        move || (code.clone(), from, to),
        |(code, from, to)| async move {
            match (code, from, to) {
                (Some(code), Some(from), Some(to)) => diff_versions(code, from, to).await.map(Some),
                _ => Ok(None),
            }
        },
    );
    view! {
        <p><a href="/instruments">{t("instruments-back")}</a></p>
        <section class="card">
            <h1><code>{title.clone()}</code> " " {t("history-title")}</h1>
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    versions
                        .get()
                        .map(|result| match result {
                            Ok(list) => {
                                let code = title.clone();
                                view! { <Versions code list from to edits translations /> }.into_any()
                            }
                            Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                        })
                }}
            </Suspense>
        </section>
        <Suspense fallback=|| ()>
            {move || {
                changes
                    .get()
                    .map(|result| match result {
                        Ok(Some(diff)) => {
                            view! { <Changes changes=diff.changes from to /> }.into_any()
                        }
                        Ok(None) => ().into_any(),
                        Err(e) => {
                            view! {
                                <section class="card">
                                    <ErrorMessage error=Some(e) />
                                </section>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}

#[component]
fn Versions(
    code: String,
    list: Vec<VersionSummary>,
    from: Option<i64>,
    to: Option<i64>,
    edits: bool,
    translations: bool,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let has_open = list.iter().any(|v| v.status.is_open());
    let new_draft = (edits && !has_open).then(|| {
        let form = FormState::of(StartDraft::PATH);
        view! {
            <form class="form inline-fields" method="post" action=StartDraft::PATH>
                <ErrorMessage error=form.error() />
                <input type="hidden" name="code" value=code.clone() />
                <button type="submit" class="primary">{t("history-new-draft")}</button>
                <p class="hint">{t("history-new-draft-hint")}</p>
            </form>
        }
    });
    let when = move |at: &Option<String>| {
        at.as_deref()
            .map(|at| locale.format_timestamp(at))
            .unwrap_or_else(|| "—".to_owned())
    };
    // By default: the newest version against the one before it.
    let newest = list.last().map(|v| v.version);
    let to = to.or(newest);
    let from = from.or_else(|| list.iter().rev().nth(1).map(|v| v.version).or(newest));
    let numbers: Vec<i64> = list.iter().map(|v| v.version).collect();
    let options = |selected: Option<i64>| {
        numbers
            .iter()
            .map(|&n| view! { <option value=n.to_string() selected=Some(n) == selected>{n}</option> })
            .collect_view()
    };
    let rows = list
        .iter()
        .rev()
        .map(|v| {
            let status = tr(locale, &format!("version-status-{}", v.status.code()));
            let who = v
                .created_by
                .clone()
                .unwrap_or_else(|| tr(locale, "history-system"));
            let edit = (edits && v.status.is_editable()).then(|| {
                view! {
                    <a class="button primary" href=format!("/instruments/{code}/versions/{}/edit", v.version)>
                        {t("history-edit")}
                    </a>
                }
            });
            view! {
                <tr data-version=v.version.to_string()>
                    <td>{v.version}</td>
                    <td><span class="tag">{status}</span></td>
                    <td>{when(&Some(v.created_at.clone()))}</td>
                    <td>{who}</td>
                    <td>{when(&v.published_at)}</td>
                    <td class="actions">
                        {edit}
                        <a href=format!("/instruments/{code}/versions/{}", v.version)>
                            {t("instrument-preview")}
                        </a>
                        <a href=format!("/instruments/{code}/versions/{}/form", v.version)>
                            {t("blank-form-link")}
                        </a>
                        {translations.then(|| {
                            view! {
                                <a href=format!("/instruments/{code}/versions/{}/translations", v.version)>
                                    {t("history-translations")}
                                </a>
                            }
                        })}
                        {translations.then(|| {
                            view! {
                                <a href=format!("/instruments/{code}/versions/{}/review", v.version)>
                                    {t("history-review")}
                                </a>
                            }
                        })}
                        <a
                            href=format!("/instruments/{code}/versions/{}/definition.json", v.version)
                            download=format!("{code}-v{}.json", v.version)
                        >
                            {t("history-export")}
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        {new_draft}
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t("history-version")}</th>
                        <th scope="col">{t("history-status")}</th>
                        <th scope="col">{t("history-created")}</th>
                        <th scope="col">{t("history-created-by")}</th>
                        <th scope="col">{t("history-published")}</th>
                        <th scope="col">{t("instrument-actions")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <h2>{t("history-compare")}</h2>
        <form class="form inline-fields" method="get">
            <div class="field">
                <label for="from">{t("history-from")}</label>
                <select id="from" name="from">{options(from)}</select>
            </div>
            <div class="field">
                <label for="to">{t("history-to")}</label>
                <select id="to" name="to">{options(to)}</select>
            </div>
            <button type="submit" class="primary">{t("history-compare-submit")}</button>
        </form>
    }
}

/// The message naming what happened at a change (`VersionChange::kind`).
pub fn kind_label(kind: &str) -> &'static str {
    match kind {
        "added" => "change-added",
        "removed" => "change-removed",
        "moved" => "change-moved",
        _ => "change-changed",
    }
}

/// The changes, grouped by class, scoring first.
#[component]
pub(crate) fn Changes(
    changes: Vec<VersionChange>,
    from: Option<i64>,
    to: Option<i64>,
) -> impl IntoView {
    let (from, to) = (from.unwrap_or_default(), to.unwrap_or_default());
    let count_of = |class: &str| changes.iter().filter(|c| c.class == class).count();
    let summary = CLASSES
        .into_iter()
        .map(|class| {
            let n = count_of(class);
            view! {
                <li class=format!("diff-count diff-{class}") data-class=class data-count=n.to_string()>
                    {t(class_label(class))} ": " <strong>{n}</strong>
                </li>
            }
        })
        .collect_view();
    let groups = CLASSES
        .into_iter()
        .filter(|class| count_of(class) > 0)
        .map(|class| {
            let rows = changes
                .iter()
                .filter(|c| c.class == class)
                .map(|c| {
                    view! {
                        <tr>
                            <td><code class="diff-path">{c.path.clone()}</code></td>
                            <td data-kind=c.kind.clone()>{t(kind_label(&c.kind))}</td>
                            <td class="diff-value">{shown(&c.before)}</td>
                            <td class="diff-value">{shown(&c.after)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <h3 class=format!("diff-class diff-{class}")>{t(class_label(class))}</h3>
                <div class="table-wrap">
                    <table data-class=class>
                        <thead>
                            <tr>
                                <th scope="col">{t("history-path")}</th>
                                <th scope="col">{t("history-change")}</th>
                                <th scope="col">{t("history-before")}</th>
                                <th scope="col">{t("history-after")}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        })
        .collect_view();
    let empty = changes.is_empty();
    view! {
        <section class="card" id="changes">
            <h2>{t("history-changes")} " " {from} " → " {to}</h2>
            <ul class="tags">{summary}</ul>
            {empty.then(|| view! { <p>{t("history-no-changes")}</p> })}
            {groups}
        </section>
    }
}

fn class_label(class: &str) -> &'static str {
    match class {
        "scoring" => "diff-class-scoring",
        "structural" => "diff-class-structural",
        "wording" => "diff-class-wording",
        _ => "diff-class-translation",
    }
}

/// A value as compact JSON text (strings without their quotes).
fn shown(value: &Option<serde_json::Value>) -> String {
    match value {
        None => "—".to_owned(),
        Some(serde_json::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}
