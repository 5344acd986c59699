//! The audit log, newest first, a page at a time, narrowed by the filters
//! of `audit_filters` (query parameters, kept by the pager's links).

use super::audit_filters::{AuditFilters, filters_from_query, page_href};
use super::list_audit_events;
use crate::components::{ErrorMessage, Protected};
use crate::i18n::{arg, t, t_args, try_tr, use_i18n};
use crate::model::AuditPage;
use domain::{AuditFilterForm, Permission};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditLogPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ReadAuditLog
            children=move |_| view! { <AuditLog /> }.into_any()
        />
    }
}

#[component]
fn AuditLog() -> impl IntoView {
    let query = use_query_map();
    let page = move || {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1)
    };
    let filters = move || filters_from_query(&query.read());
    let events = Resource::new(
        move || (page(), filters()),
        |(page, f)| {
            list_audit_events(
                page,
                f.actor,
                f.action,
                f.from,
                f.to,
                f.target,
                f.target_id,
                f.until,
            )
        },
    );
    view! {
        <section class="card">
            <h1>{t("audit-title")}</h1>
            {move || view! { <AuditFilters form=filters() /> }}
            <Transition fallback=|| view! { <p class="loading">{t("loading")}</p> }>
                {move || {
                    events
                        .get()
                        .map(|result| match result {
                            Ok(p) => view! { <AuditTable page=p filters=filters() /> }.into_any(),
                            Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                        })
                }}
            </Transition>
        </section>
    }
}

#[component]
fn AuditTable(page: AuditPage, filters: AuditFilterForm) -> impl IntoView {
    let locale = use_i18n().locale;
    let (current, pages, total) = (page.page, page.pages, page.total);
    let nothing = page.events.is_empty();
    // The other pages show the same view: events up to this one's newest.
    let filters = AuditFilterForm {
        until: Some(page.until.to_string()),
        ..filters
    };
    let previous = page_href(current.saturating_sub(1), &filters);
    let next = page_href(current + 1, &filters);
    view! {
        {nothing.then(|| view! { <p class="message">{t("audit-filter-nothing")}</p> })}
        <p class="hint">
            {t_args(
                "audit-summary",
                move || vec![("total", arg(total)), ("page", arg(current)), ("pages", arg(pages))],
            )}
        </p>
        <div class="table-wrap">
            <table>
                <thead>
                    <tr>
                        <th scope="col">{t("audit-seq")}</th>
                        <th scope="col">{t("audit-time")}</th>
                        <th scope="col">{t("audit-actor")}</th>
                        <th scope="col">{t("audit-action")}</th>
                        <th scope="col">{t("audit-target")}</th>
                        <th scope="col">{t("audit-details")}</th>
                    </tr>
                </thead>
                <tbody>
                    {page
                        .events
                        .into_iter()
                        .map(|e| {
                            let at = e.occurred_at.clone();
                            let action = e.action;
                            let target = e.target;
                            let target_id = e.target_id.clone().unwrap_or_default();
                            view! {
                                <tr>
                                    <td>{e.seq}</td>
                                    <td>{move || locale.get().format_timestamp(&at)}</td>
                                    <td>{e.actor_name.clone()}</td>
                                    // Each cell's text is one node, never empty: an empty
                                    // or split text node can throw hydration off.
                                    <td>
                                        {move || {
                                            try_tr(locale.get(), &action.message_id())
                                                .unwrap_or_else(|| action.code().to_owned())
                                        }}
                                        <br />
                                        <code class="details">{action.code()}</code>
                                    </td>
                                    <td>
                                        {move || {
                                            let kind = try_tr(locale.get(), &target.message_id())
                                                .unwrap_or_else(|| target.code().to_owned());
                                            format!("{kind} {target_id}").trim_end().to_owned()
                                        }}
                                    </td>
                                    <td><code class="details">{e.details.clone()}</code></td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=t("audit-pages")>
            {(current > 1)
                .then(|| view! { <a rel="prev" href=previous>{t("page-previous")}</a> })}
            {(current < pages).then(|| view! { <a rel="next" href=next>{t("page-next")}</a> })}
        </nav>
    }
}
