//! `/instruments`: the instrument library, for every signed-in role. Per
//! instrument its code, title, published version, open version (for those
//! who may see unpublished ones) and translation progress per language.
//! `?q=` narrows it to what a search by code or title finds; the search is
//! a plain GET form, so the page stays server-rendered HTML.

use super::list_instruments;
use crate::components::{ErrorMessage, PercentMeter, Protected};
use crate::i18n::{arg, t, tr, tr_args, use_i18n};
use crate::model::{InstrumentSummary, OpenVersion};
use domain::definition::LocaleCompleteness;
use domain::{Locale, Permission};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn InstrumentsPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ViewInstruments
            children=move |user| {
                let edits = user.roles.allows(Permission::EditDrafts);
                view! { <InstrumentList edits /> }.into_any()
            }
        />
    }
}

#[component]
fn InstrumentList(
    /// Whether the user may start instruments (a link to the form).
    edits: bool,
) -> impl IntoView {
    let query = use_query_map()
        .read_untracked()
        .get("q")
        .unwrap_or_default();
    let search = query.trim().to_owned();
    let instruments = Resource::new(
        move || search.clone(),
        |q| list_instruments((!q.is_empty()).then_some(q)),
    );
    let searched = !query.trim().is_empty();
    let typed = query.clone();
    view! {
        <section class="card">
            <h1>{t("instruments-title")}</h1>
            <p class="hint">{t("instruments-intro")}</p>
            {edits
                .then(|| {
                    view! {
                        <p>
                            <a class="button" href="/instruments/new">{t("instruments-new-link")}</a>
                        </p>
                    }
                })}
            <SearchForm query=typed />
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    let query = query.clone();
                    instruments
                        .get()
                        .map(|result| match result {
                            Ok(list) if list.is_empty() && searched => {
                                view! { <NoMatch query /> }.into_any()
                            }
                            Ok(list) => view! { <InstrumentRows list /> }.into_any(),
                            Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                        })
                }}
            </Suspense>
        </section>
    }
}

/// Search by code or title; keeps what was typed.
#[component]
fn SearchForm(query: String) -> impl IntoView {
    let searched = !query.trim().is_empty();
    view! {
        <form method="get" action="/instruments" class="inline-fields search" role="search">
            <div class="field">
                <label for="q">{t("instruments-search-label")}</label>
                <input
                    id="q"
                    name="q"
                    type="search"
                    value=query
                    aria-describedby="q-hint"
                    autocomplete="off"
                />
                <p class="hint" id="q-hint">{t("instruments-search-hint")}</p>
            </div>
            <div class="actions">
                <button type="submit" class="primary">{t("instruments-search-submit")}</button>
                {searched
                    .then(|| view! { <a href="/instruments">{t("instruments-search-clear")}</a> })}
            </div>
        </form>
    }
}

#[component]
fn NoMatch(query: String) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let text = tr_args(
        locale,
        "instruments-no-match",
        &[("query", arg(query.trim()))],
    );
    view! { <p class="message warning" role="status" data-no-match="">{text}</p> }
}

#[component]
fn InstrumentRows(list: Vec<InstrumentSummary>) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    view! {
        <div class="table-wrap">
            <table class="instruments">
                <thead>
                    <tr>
                        <th scope="col">{t("instrument-code")}</th>
                        <th scope="col">{t("instrument-title")}</th>
                        <th scope="col">{t("instrument-published-version")}</th>
                        <th scope="col">{t("instrument-draft")}</th>
                        <th scope="col">{t("instrument-completeness")}</th>
                        <th scope="col">{t("instrument-actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list
                        .into_iter()
                        .map(|i| {
                            let preview = i
                                .published_version
                                .map(|n| {
                                    view! {
                                        <a href=format!("/instruments/{}/versions/{n}", i.code)>
                                            {t("instrument-preview")}
                                        </a>
                                    }
                                });
                            view! {
                                <tr data-instrument=i.code.to_string()>
                                    <td><code>{i.code.to_string()}</code></td>
                                    <td>{i.title_in(locale).to_owned()}</td>
                                    <td>{i.published_version.map(|n| n.to_string())}</td>
                                    <td>{i.draft.map(|d| draft(locale, d))}</td>
                                    <td>{completeness(locale, &i.completeness, &i.variants)}</td>
                                    <td class="actions">
                                        <a href=format!("/instruments/{}", i.code)>
                                            {t("instrument-history")}
                                        </a>
                                        {preview}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// "v3 · Draft": the open version and where it stands.
fn draft(locale: Locale, open: OpenVersion) -> impl IntoView {
    let status = tr(locale, &format!("version-status-{}", open.status.code()));
    let text = tr_args(
        locale,
        "instrument-draft-version",
        &[("version", arg(open.version)), ("status", arg(status))],
    );
    view! { <span class="tag" data-draft-status=open.status.code()>{text}</span> }
}

/// Per language a bar and its words ("Русский 85%"); the bar only repeats
/// the words, so screen readers skip it.
fn completeness(
    locale: Locale,
    counts: &[LocaleCompleteness],
    variants: &[crate::model::VariantCompleteness],
) -> impl IntoView + use<> {
    let rows = counts
        .iter()
        .map(|c| {
            // A draft's languages: how far each gender variant has got.
            let by_variant = variants
                .iter()
                .filter(|v| v.locale == c.locale)
                .map(|v| {
                    let percent = v.percent();
                    let text = tr_args(
                        locale,
                        "instrument-completeness-variant",
                        &[
                            (
                                "variant",
                                arg(tr(
                                    locale,
                                    &format!("translations-variant-{}", v.variant.code()),
                                )),
                            ),
                            ("percent", arg(percent)),
                        ],
                    );
                    view! {
                        <li data-variant=v.variant.code() data-percent=percent.to_string()>
                            <span>{text}</span>
                            <PercentMeter percent />
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            let by_variant = (!by_variant.is_empty())
                .then(|| view! { <ul class="completeness variants">{by_variant}</ul> });
            let percent = c.percent();
            let text = tr_args(
                locale,
                "instrument-completeness-locale",
                &[
                    ("language", arg(c.locale.endonym())),
                    ("percent", arg(percent)),
                ],
            );
            view! {
                <li data-locale=c.locale.code() data-percent=percent.to_string()>
                    <span>{text}</span>
                    <PercentMeter percent />
                    {by_variant}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="completeness">{rows}</ul> }
}
