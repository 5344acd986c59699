//! The audit log's filter form: a plain GET form whose fields are the
//! page's query parameters, so it works without JavaScript, a filtered view
//! can be bookmarked, and the pager's links carry the filters along.

use crate::i18n::{t, try_tr, use_i18n};
use domain::{AuditAction, AuditFilterForm, AuditTarget};
use leptos::prelude::*;
use leptos_router::params::ParamsMap;

/// The filters as the query string has them.
pub fn filters_from_query(query: &ParamsMap) -> AuditFilterForm {
    AuditFilterForm {
        actor: query.get("actor"),
        action: query.get("action"),
        from: query.get("from"),
        to: query.get("to"),
        target: query.get("target"),
        target_id: query.get("target_id"),
        until: query.get("until"),
    }
}

/// Percent-encodes a query value (everything but unreserved characters).
fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The audit log's address for a page with these filters (empty ones left out).
pub fn page_href(page: u32, form: &AuditFilterForm) -> String {
    let fields = [
        ("actor", &form.actor),
        ("action", &form.action),
        ("from", &form.from),
        ("to", &form.to),
        ("target", &form.target),
        ("target_id", &form.target_id),
        ("until", &form.until),
    ];
    let mut href = format!("/admin/audit?page={page}");
    for (name, value) in fields {
        if let Some(v) = value.as_deref().filter(|v| !v.trim().is_empty()) {
            href.push_str(&format!("&{name}={}", encode(v)));
        }
    }
    href
}

#[component]
pub fn AuditFilters(form: AuditFilterForm) -> impl IntoView {
    let locale = use_i18n().locale;
    let value = |v: &Option<String>| v.clone().unwrap_or_default();
    let action = form.action.clone().unwrap_or_default();
    let target = form.target.clone().unwrap_or_default();
    view! {
        <form method="get" action="/admin/audit" class="filters">
            <div class="field">
                <label for="actor">{t("audit-filter-actor")}</label>
                <input id="actor" name="actor" type="text" value=value(&form.actor) />
            </div>
            <div class="field">
                <label for="action">{t("audit-filter-action")}</label>
                <select id="action" name="action">
                    <option value="" selected=action.is_empty()>
                        {t("audit-filter-any-action")}
                    </option>
                    {AuditAction::ALL
                        .iter()
                        .map(|a| {
                            let a = *a;
                            view! {
                                <option value=a.code() selected=action == a.code()>
                                    {move || try_tr(locale.get(), &a.message_id())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="from">{t("audit-filter-from")}</label>
                <input id="from" name="from" type="date" value=value(&form.from) />
            </div>
            <div class="field">
                <label for="to">{t("audit-filter-to")}</label>
                <input id="to" name="to" type="date" value=value(&form.to) />
            </div>
            <div class="field">
                <label for="target">{t("audit-filter-target")}</label>
                <select id="target" name="target">
                    <option value="" selected=target.is_empty()>
                        {t("audit-filter-any-target")}
                    </option>
                    {AuditTarget::ALL
                        .iter()
                        .map(|k| {
                            let k = *k;
                            view! {
                                <option value=k.code() selected=target == k.code()>
                                    {move || try_tr(locale.get(), &k.message_id())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="target_id">{t("audit-filter-target-id")}</label>
                <input id="target_id" name="target_id" type="text" value=value(&form.target_id) />
            </div>
            <div class="actions">
                <button type="submit" class="button primary">{t("audit-filter-apply")}</button>
                <a href="/admin/audit">{t("audit-filter-clear")}</a>
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_the_filters_encoded_and_drop_empty_ones() {
        let form = AuditFilterForm {
            actor: Some("system (first start)".into()),
            action: Some("user.created".into()),
            from: Some(String::new()),
            target_id: Some("a&b=c".into()),
            ..Default::default()
        };
        assert_eq!(
            page_href(3, &form),
            "/admin/audit?page=3&actor=system%20%28first%20start%29&action=user.created&target_id=a%26b%3Dc"
        );
        assert_eq!(
            page_href(1, &AuditFilterForm::default()),
            "/admin/audit?page=1"
        );
    }
}
