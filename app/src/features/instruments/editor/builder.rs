//! The condition builder: the common cases put together from lists — an
//! earlier item's answer compared with a value, or any/count over a
//! finished section — and added to the condition's text, where the rest
//! of the language stays available.

use super::ops::{self, Built, ConditionSlot};
use super::{Editor, field_id};
use crate::i18n::{t, tr, use_i18n};
use leptos::prelude::*;

#[component]
pub fn ConditionBuilder(
    editor: Editor,
    place: ConditionSlot,
    on_built: Callback<String>,
) -> impl IntoView {
    let id = format!("{}-builder", field_id(&place.path()));
    let kind = RwSignal::new("answer".to_owned());
    let target = RwSignal::new(String::new());
    let op = RwSignal::new("==".to_owned());
    let value = RwSignal::new(String::new());
    let number = RwSignal::new("1".to_owned());
    let incomplete = RwSignal::new(false);
    let locale = use_i18n().locale;
    let items = move || editor.draft.with(|d| place.earlier_items(d));
    let sections = move || editor.draft.with(|d| place.earlier_sections(d));
    let values = move || {
        let key = target.get();
        editor.draft.with(|d| match kind.get().as_str() {
            "answer" => ops::answer_values(d, &key),
            // Over a section: the values its items' answers take.
            _ => {
                let mut all: Vec<(String, String)> = d
                    .sections
                    .iter()
                    .filter(|s| s.key.as_str() == key)
                    .flat_map(|s| s.items.iter())
                    .flat_map(|i| ops::answer_values(d, i.key.as_str()))
                    .collect();
                all.sort();
                all.dedup_by(|a, b| a.0 == b.0);
                all
            }
        })
    };
    let add = move |_| {
        let built = match kind.get_untracked().as_str() {
            "any" => Built::Any {
                section: target.get_untracked(),
                value: value.get_untracked(),
            },
            "count" => Built::Count {
                section: target.get_untracked(),
                value: value.get_untracked(),
                op: op.get_untracked(),
                number: number.get_untracked(),
            },
            _ => Built::Answer {
                item: target.get_untracked(),
                op: op.get_untracked(),
                value: value.get_untracked(),
            },
        };
        match built.expression() {
            Some(expression) => {
                incomplete.set(false);
                on_built.run(expression);
            }
            None => incomplete.set(true),
        }
    };
    let (kind_id, target_id, op_id, value_id, number_id, list_id) = (
        format!("{id}-kind"),
        format!("{id}-target"),
        format!("{id}-op"),
        format!("{id}-value"),
        format!("{id}-number"),
        format!("{id}-values"),
    );
    let (count_value_id, count_list_id, datalist_id) =
        (value_id.clone(), list_id.clone(), list_id.clone());
    let operators = move || {
        let mut list: Vec<(&'static str, &'static str)> = vec![
            ("==", "=="),
            ("!=", "≠"),
            ("<", "<"),
            ("<=", "≤"),
            (">", ">"),
            (">=", "≥"),
        ];
        if kind.get() == "answer" {
            list.push(("answered", "editor-builder-answered"));
            list.push(("not_answered", "editor-builder-not-answered"));
        }
        list
    };
    view! {
        <details class="builder" data-builder="">
            <summary>{t("editor-builder")}</summary>
            <div class="inline-fields">
                <div class="field">
                    <label for=kind_id.clone()>{t("editor-builder-kind")}</label>
                    <select id=kind_id on:change=move |ev| {
                        kind.set(event_target_value(&ev));
                        target.set(String::new());
                        op.set("==".into());
                    }>
                        <option value="answer" selected=true>{t("editor-builder-answer")}</option>
                        <option value="any">{t("editor-builder-any")}</option>
                        <option value="count">{t("editor-builder-count")}</option>
                    </select>
                </div>
                <div class="field">
                    <label for=target_id.clone()>
                        {move || if kind.get() == "answer" { t("editor-item") } else { t("editor-section") }}
                    </label>
                    <select id=target_id prop:value=move || target.get() on:change=move |ev| target.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        {move || {
                            if kind.get() == "answer" {
                                items().into_iter().map(|(_, key)| view! { <option value=key.clone()>{key.clone()}</option> }).collect_view()
                            } else {
                                sections().into_iter().map(|key| view! { <option value=key.clone()>{key.clone()}</option> }).collect_view()
                            }
                        }}
                    </select>
                </div>
                <Show when=move || kind.get() == "count">
                    <div class="field">
                        <label for=count_value_id.clone()>{t("editor-builder-value")}</label>
                        <input id=count_value_id.clone() type="text" list=count_list_id.clone() prop:value=move || value.get()
                            on:input=move |ev| value.set(event_target_value(&ev)) />
                    </div>
                </Show>
                <Show when=move || kind.get() != "any">
                    <div class="field">
                        <label for=op_id.clone()>{t("editor-builder-op")}</label>
                        <select id=op_id.clone() prop:value=move || op.get() on:change=move |ev| op.set(event_target_value(&ev))>
                            {move || operators().into_iter().map(|(code, shown)| {
                                let shown = if shown.starts_with("editor-") { tr(locale.get(), shown) } else { shown.to_owned() };
                                view! { <option value=code>{shown}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                </Show>
                <Show when=move || kind.get() == "count">
                    <div class="field">
                        <label for=number_id.clone()>{t("editor-builder-number")}</label>
                        <input id=number_id.clone() type="number" min="0" step="1" prop:value=move || number.get()
                            on:input=move |ev| number.set(event_target_value(&ev)) />
                    </div>
                </Show>
                <Show when=move || kind.get() != "count" && !op.get().ends_with("answered")>
                    <div class="field">
                        <label for=value_id.clone()>{t("editor-builder-value")}</label>
                        <input id=value_id.clone() type="text" list=list_id.clone() prop:value=move || value.get()
                            on:input=move |ev| value.set(event_target_value(&ev)) />
                    </div>
                </Show>
                <datalist id=datalist_id>
                    {move || values().into_iter().map(|(v, label)| view! { <option value=v>{label}</option> }).collect_view()}
                </datalist>
            </div>
            <button type="button" on:click=add>{t("editor-builder-add")}</button>
            <Show when=move || incomplete.get()>
                <p class="field-error" role="alert">{t("editor-builder-incomplete")}</p>
            </Show>
        </details>
    }
}
