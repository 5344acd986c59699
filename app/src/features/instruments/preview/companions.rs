//! The fields that travel with an answer: the reason for omitting it, the
//! evidence behind it, the information sources and the trend since the
//! last assessment.
//!
//! Why apart from the item: which of them appear is decided by the item's
//! `evidence`, `sources` and `trend` requirements (and the omit reason by
//! the answer itself), not by the item type; their labels are interface
//! text, not instrument text.

use super::item::input_id;
use super::state::{ItemChange, PreviewState};
use crate::components::EraseOnServer;
use crate::i18n::t;
use domain::definition::{InformationSource, Item, Requirement, Trend};
use leptos::prelude::*;

fn source_label(source: InformationSource) -> Signal<String> {
    match source {
        InformationSource::FileReview => t("preview-source-file-review"),
        InformationSource::Interview => t("preview-source-interview"),
        InformationSource::Observation => t("preview-source-observation"),
        InformationSource::ThirdParty => t("preview-source-third-party"),
        InformationSource::Intelligence => t("preview-source-intelligence"),
    }
}

fn trend_label(trend: Trend) -> Signal<String> {
    match trend {
        Trend::Improved => t("preview-trend-improved"),
        Trend::Unchanged => t("preview-trend-unchanged"),
        Trend::Worsened => t("preview-trend-worsened"),
    }
}

fn required_mark(requirement: Requirement) -> impl IntoView {
    (requirement == Requirement::Required)
        .then(|| view! { " " <span class="required-mark">{t("preview-required")}</span> })
}

/// The reason textarea, shown while the item is omitted.
#[component]
pub fn OmitReason(state: PreviewState, key: String) -> impl IntoView {
    let omitted = {
        let key = key.clone();
        Memo::new(move |_| {
            state
                .answers
                .with(|a| a.items.get(key.as_str()).is_some_and(|a| a.omitted))
        })
    };
    move || {
        omitted.get().then(|| {
            let id = input_id(&key, "omit-reason");
            let initial = state.answer_untracked(&key).omit_reason.unwrap_or_default();
            let key = key.clone();
            view! {
                <div class="field companion omit-reason">
                    <label for=id.clone()>
                        {t("preview-omit-reason")}
                        " "
                        <span class="required-mark">{t("preview-required")}</span>
                    </label>
                    <textarea
                        id=id.clone()
                        name=id
                        rows="2"
                        aria-required="true"
                        prop:value=initial
                        on:input=move |ev| {
                            state.update_item(&key, ItemChange::OmitReason(event_target_value(&ev)))
                        }
                    ></textarea>
                </div>
            }
        })
    }
}

/// Evidence, sources and trend, as far as the item asks for them.
#[component]
pub fn ItemCompanions(state: PreviewState, item: Item) -> impl IntoView {
    let key = item.key.to_string();
    let initial = state.answer_untracked(&key);
    let evidence = item.evidence.is_asked().then(|| {
        let id = input_id(&key, "evidence");
        let key = key.clone();
        view! {
            <div class="field companion">
                <label for=id.clone()>{t("preview-evidence")} {required_mark(item.evidence)}</label>
                <textarea
                    id=id.clone()
                    name=id
                    rows="3"
                    aria-required=(item.evidence == Requirement::Required).then_some("true")
                    prop:value=initial.evidence.clone().unwrap_or_default()
                    on:input=move |ev| {
                        state.update_item(&key, ItemChange::Evidence(event_target_value(&ev)))
                    }
                ></textarea>
            </div>
        }
    });
    let sources = item.sources.is_asked().then(|| {
        let boxes = InformationSource::ALL
            .into_iter()
            .map(|source| {
                let id = input_id(&key, &format!("source-{}", source.code()));
                let for_id = id.clone();
                let (checked_key, change_key) = (key.clone(), key.clone());
                view! {
                    <label class="choice" for=for_id>
                        <input
                            type="checkbox"
                            id=id
                            name=input_id(&key, "sources")
                            value=source.code()
                            prop:checked=move || {
                                state.answers.with(|a| {
                                    a.items
                                        .get(checked_key.as_str())
                                        .is_some_and(|a| a.sources.contains(&source))
                                })
                            }
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                state.update_item(&change_key, ItemChange::Source(source, on))
                            }
                        />
                        <span>{source_label(source)}</span>
                    </label>
                }
            })
            .collect_view();
        view! {
            <fieldset class="choices companion">
                <legend>{t("preview-sources")} {required_mark(item.sources)}</legend>
                {boxes}
            </fieldset>
        }
    });
    let trend = item.trend.is_asked().then(|| {
        let radios = Trend::ALL
            .into_iter()
            .map(|trend| {
                let id = input_id(&key, &format!("trend-{}", trend.code()));
                let for_id = id.clone();
                let (checked_key, change_key) = (key.clone(), key.clone());
                view! {
                    <label class="choice" for=for_id>
                        <input
                            type="radio"
                            id=id
                            name=input_id(&key, "trend")
                            value=trend.code()
                            prop:checked=move || {
                                state.answers.with(|a| {
                                    a.items
                                        .get(checked_key.as_str())
                                        .is_some_and(|a| a.trend == Some(trend))
                                })
                            }
                            on:change=move |_| state.update_item(&change_key, ItemChange::Trend(trend))
                        />
                        <span>{trend_label(trend)}</span>
                    </label>
                }
            })
            .collect_view();
        view! {
            <fieldset class="choices companion">
                <legend>{t("preview-trend")} {required_mark(item.trend)}</legend>
                {radios}
            </fieldset>
        }
    });
    view! { {evidence} {sources} {trend} }.erase_on_server()
}
