//! `/review`: the versions waiting for review, each with who submitted it,
//! when, and what it changes against the published version (scoring
//! changes first and marked), and whether the reader may decide on it.

use super::{ChangeReviewSettings, get_review_inbox, get_review_settings, review_path};
use crate::components::{ErrorMessage, FormState, Protected};
use crate::i18n::{arg, t, tr, tr_args, use_i18n};
use crate::model::ReviewItem;
use domain::Permission;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn InboxPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ViewReview
            children=move |user| {
                let admin = user.roles.allows(Permission::ManageSettings);
                view! {
                    <Loader />
                    {admin.then(|| view! { <SettingsForm /> })}
                }
                    .into_any()
            }
        />
    }
    .into_any()
}

/// How many reviewers must approve a version (administrators).
#[component]
fn SettingsForm() -> impl IntoView {
    let settings = Resource::new(|| (), |_| get_review_settings());
    let form = FormState::of(ChangeReviewSettings::PATH);
    view! {
        <section class="card" id="settings" aria-labelledby="settings-title">
            <h2 id="settings-title">{t("review-settings-title")}</h2>
            <Suspense>
                {move || {
                    let form = form.clone();
                    settings
                        .get()
                        .and_then(Result::ok)
                        .map(move |s| {
                            let value = form
                                .value("approvals_required")
                                .unwrap_or_else(|| s.approvals_required.to_string());
                            view! {
                                <form class="form inline-fields" method="post" action=ChangeReviewSettings::PATH>
                                    <ErrorMessage error=form.error() />
                                    <div class="field">
                                        <label for="approvals-required">{t("review-settings-approvals")}</label>
                                        <input
                                            id="approvals-required"
                                            name="approvals_required"
                                            type="number"
                                            min="1"
                                            max="5"
                                            step="1"
                                            value=value
                                            required
                                        />
                                    </div>
                                    <button type="submit" class="primary">{t("review-settings-save")}</button>
                                </form>
                            }
                        })
                }}
            </Suspense>
        </section>
    }
    .into_any()
}

#[component]
fn Loader() -> impl IntoView {
    let data = Resource::new(|| (), |_| get_review_inbox());
    view! {
        <section class="card">
            <h1>{t("review-inbox-title")}</h1>
            <p class="hint">{t("review-inbox-hint")}</p>
            <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    data.get()
                        .map(|result| match result {
                            Ok(items) if items.is_empty() => {
                                view! { <p>{t("review-inbox-empty")}</p> }.into_any()
                            }
                            Ok(items) => {
                                let (waiting, sent_back): (Vec<_>, Vec<_>) = items
                                    .into_iter()
                                    .partition(|i| i.status == domain::VersionStatus::InReview);
                                view! {
                                    {(!waiting.is_empty()).then(|| view! { <Items items=waiting /> })}
                                    {(!sent_back.is_empty()).then(|| {
                                        view! {
                                            <h2 id="sent-back">{t("review-inbox-sent-back")}</h2>
                                            <Items items=sent_back />
                                        }
                                    })}
                                }
                                    .into_any()
                            }
                            Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                        })
                }}
            </Suspense>
        </section>
    }
    .into_any()
}

#[component]
fn Items(items: Vec<ReviewItem>) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let rows = items
        .into_iter()
        .map(|i| {
            let title = i
                .title
                .get(&locale)
                .or_else(|| i.title.values().next())
                .cloned()
                .unwrap_or_default();
            let count = |class: &str| i.changes.get(class).copied().unwrap_or(0);
            let scoring = count("scoring");
            let changes = match i.published_version {
                None => tr(locale, "review-inbox-new"),
                Some(n) => tr_args(
                    locale,
                    "review-inbox-changes",
                    &[
                        ("version", arg(n)),
                        ("structural", arg(count("structural"))),
                        ("wording", arg(count("wording"))),
                        ("translation", arg(count("translation"))),
                    ],
                ),
            };
            let submitted = tr_args(
                locale,
                "review-inbox-submitted",
                &[
                    ("name", arg(i.submitted_by.clone().unwrap_or_default())),
                    (
                        "date",
                        arg(i
                            .submitted_at
                            .as_deref()
                            .map(|at| locale.format_timestamp(at))
                            .unwrap_or_default()),
                    ),
                ],
            );
            let href = review_path(&i.code, i.version);
            view! {
                <tr data-code=i.code.to_string() data-version=i.version.to_string()>
                    <td>
                        <a href=href.clone()><code>{i.code.to_string()}</code> " " {title}</a>
                        " "
                        {tr_args(locale, "translations-version", &[("number", arg(i.version))])}
                    </td>
                    <td>{submitted}</td>
                    <td>
                        <strong class="diff-count diff-scoring" class:none=scoring == 0 data-count=scoring.to_string()>
                            {tr_args(locale, "review-inbox-scoring", &[("count", arg(scoring))])}
                        </strong>
                        <br />
                        <span class="hint">{changes}</span>
                    </td>
                    <td>{tr_args(locale, "review-inbox-comments", &[("count", arg(i.open_comments))])}</td>
                    <td>
                        {tr_args(
                            locale,
                            "review-approvals",
                            &[("count", arg(i.approvals)), ("required", arg(i.approvals_required))],
                        )}
                    </td>
                    <td class="actions">
                        <a class=if i.may_decide { "button primary" } else { "button" } href=href>
                            {if i.may_decide { t("review-inbox-review") } else { t("review-inbox-open") }}
                        </a>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="review-inbox">
                <thead>
                    <tr>
                        <th scope="col">{t("review-inbox-version")}</th>
                        <th scope="col">{t("review-inbox-submitted-col")}</th>
                        <th scope="col">{t("review-inbox-changes-col")}</th>
                        <th scope="col">{t("review-comments")}</th>
                        <th scope="col">{t("review-inbox-approvals-col")}</th>
                        <th scope="col">{t("instrument-actions")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
