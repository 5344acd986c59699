//! The outline: the instrument, its sections and items, and its scales.
//! Selecting one opens its form. Reordering works by drag and drop and by
//! keyboard (Alt+↑/↓ on a selected entry, or its buttons); every add,
//! duplicate, delete and move can be undone.

use super::Editor;
use super::ops::{self, Selected};
use crate::i18n::{t, tr, use_i18n};
use leptos::prelude::*;

/// What is being dragged.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Dragged {
    Section(usize),
    Item(usize, usize),
}

/// An outline entry's text: its source-language wording, else its key.
fn entry_text(text: &domain::definition::Text, locale: domain::Locale, key: &str) -> String {
    text.resolve(locale, domain::Gender::Male)
        .or_else(|| text.resolve(locale, domain::Gender::Female))
        .map(str::to_owned)
        .unwrap_or_else(|| key.to_owned())
}

#[component]
pub fn Outline(editor: Editor) -> impl IntoView {
    let interface = use_i18n().locale;
    let dragged = RwSignal::new(None::<Dragged>);
    let selected = editor.selected;
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if !ev.alt_key() {
            return;
        }
        let delta = match ev.key().as_str() {
            "ArrowUp" => -1,
            "ArrowDown" => 1,
            _ => return,
        };
        ev.prevent_default();
        match selected.get_untracked() {
            Selected::Section(s) => {
                editor.restructure(|d| ops::move_section(d, s, delta).map(Selected::Section))
            }
            Selected::Item(s, i) => editor
                .restructure(|d| ops::step_item(d, s, i, delta).map(|(s, i)| Selected::Item(s, i))),
            _ => {}
        }
    };
    let add_section = move |_| {
        let title = tr(interface.get_untracked(), "editor-new-section");
        editor.restructure(|d| Some(Selected::Section(ops::add_section(d, &title))));
    };
    let add_scale = move |_| editor.restructure(|d| Some(Selected::Scale(ops::add_scale(d))));
    let add_score = move |_| {
        let label = tr(interface.get_untracked(), "editor-new-score");
        editor.restructure(|d| Some(Selected::Score(ops::add_score(d, &label))));
    };
    let add_flag = move |_| {
        let label = tr(interface.get_untracked(), "editor-new-flag");
        editor.restructure(|d| Some(Selected::Flag(ops::add_flag(d, &label))));
    };
    let add_judgement = move |_| {
        let locale = interface.get_untracked();
        let label = tr(locale, "editor-new-judgement");
        let levels = [
            "editor-level-low",
            "editor-level-moderate",
            "editor-level-high",
        ]
        .map(|id| tr(locale, id));
        let levels = [levels[0].as_str(), levels[1].as_str(), levels[2].as_str()];
        editor.restructure(|d| Some(Selected::Judgement(ops::add_judgement(d, &label, levels))));
    };
    let sections = move || {
        editor.draft.with(|d| {
            let source = d.meta.source_locale;
            d.sections
                .iter()
                .enumerate()
                .map(|(s, section)| {
                    let items: Vec<(usize, String, String)> = section
                        .items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            (
                                i,
                                item.key.to_string(),
                                entry_text(&item.label, source, item.key.as_str()),
                            )
                        })
                        .collect();
                    (
                        s,
                        entry_text(&section.title, source, section.key.as_str()),
                        items,
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let drop_on = move |target: Dragged| {
        let Some(from) = dragged.get_untracked() else {
            return;
        };
        dragged.set(None);
        match (from, target) {
            (Dragged::Section(a), Dragged::Section(b)) => editor.restructure(|d| {
                ops::move_section(d, a, b as isize - a as isize).map(Selected::Section)
            }),
            (Dragged::Item(s, i), Dragged::Item(ts, ti)) => editor.restructure(|d| {
                ops::move_item(d, (s, i), (ts, ti)).map(|(s, i)| Selected::Item(s, i))
            }),
            (Dragged::Item(s, i), Dragged::Section(ts)) => editor.restructure(|d| {
                ops::move_item(d, (s, i), (ts, usize::MAX)).map(|(s, i)| Selected::Item(s, i))
            }),
            _ => {}
        }
    };
    view! {
        <div class="outline" on:keydown=on_key on:dragend=move |_| dragged.set(None)>
            <button
                type="button"
                class="outline-entry"
                aria-current=move || (selected.get() == Selected::Meta).then_some("true")
                on:click=move |_| selected.set(Selected::Meta)
            >
                {t("editor-about")}
            </button>
            <h2>{t("editor-sections")}</h2>
            <ol class="outline-sections">
                {move || {
                    sections()
                        .into_iter()
                        .map(|(s, title, items)| {
                            let items = items
                                .into_iter()
                                .map(|(i, key, label)| {
                                    view! {
                                        <li
                                            draggable="true"
                                            data-item=key
                                            on:dragstart=move |_| dragged.set(Some(Dragged::Item(s, i)))
                                            on:dragover=move |ev| ev.prevent_default()
                                            on:drop=move |ev| {
                                                ev.prevent_default();
                                                ev.stop_propagation();
                                                drop_on(Dragged::Item(s, i));
                                            }
                                        >
                                            <button
                                                type="button"
                                                class="outline-entry"
                                                aria-current=move || {
                                                    (selected.get() == Selected::Item(s, i)).then_some("true")
                                                }
                                                on:click=move |_| selected.set(Selected::Item(s, i))
                                            >
                                                {label}
                                            </button>
                                        </li>
                                    }
                                })
                                .collect_view();
                            view! {
                                <li
                                    draggable="true"
                                    on:dragstart=move |ev| {
                                        if dragged.get_untracked().is_none() {
                                            dragged.set(Some(Dragged::Section(s)));
                                        }
                                        let _ = ev;
                                    }
                                    on:dragover=move |ev| ev.prevent_default()
                                    on:drop=move |ev| {
                                        ev.prevent_default();
                                        drop_on(Dragged::Section(s));
                                    }
                                >
                                    <button
                                        type="button"
                                        class="outline-entry outline-section"
                                        aria-current=move || {
                                            (selected.get() == Selected::Section(s)).then_some("true")
                                        }
                                        on:click=move |_| selected.set(Selected::Section(s))
                                    >
                                        {title}
                                    </button>
                                    <ol class="outline-items">{items}</ol>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
            <div class="actions">
                <button type="button" on:click=add_section>{t("editor-add-section")}</button>
            </div>
            <RuleList editor heading="editor-scales" list=|d| d.scales.iter().map(|x| x.key.to_string()).collect() select=Selected::Scale />
            <div class="actions">
                <button type="button" on:click=add_scale>{t("editor-add-scale")}</button>
            </div>
            <RuleList editor heading="editor-scores" list=|d| d.scores.iter().map(|x| x.key.to_string()).collect() select=Selected::Score />
            <div class="actions">
                <button type="button" on:click=add_score>{t("editor-add-score")}</button>
            </div>
            <RuleList editor heading="editor-flags" list=|d| d.flags.iter().map(|x| x.key.to_string()).collect() select=Selected::Flag />
            <div class="actions">
                <button type="button" on:click=add_flag>{t("editor-add-flag")}</button>
            </div>
            <RuleList editor heading="editor-judgements" list=|d| d.judgements.iter().map(|x| x.key.to_string()).collect() select=Selected::Judgement />
            <div class="actions">
                <button type="button" on:click=add_judgement>{t("editor-add-judgement")}</button>
                <button
                    type="button"
                    disabled=move || editor.undo.with(Vec::is_empty)
                    on:click=move |_| editor.undo_last()
                >
                    {t("editor-undo")}
                </button>
            </div>
            <p class="hint">{t("editor-keyboard-hint")}</p>
        </div>
    }
}

/// One list of the outline's rules (scales, scores, flags, judgements):
/// their keys, each opening its form.
#[component]
fn RuleList(
    editor: Editor,
    heading: &'static str,
    list: fn(&domain::definition::Definition) -> Vec<String>,
    select: fn(usize) -> Selected,
) -> impl IntoView {
    let selected = editor.selected;
    view! {
        <h2>{t(heading)}</h2>
        <ul class="outline-sections">
            {move || {
                editor
                    .draft
                    .with(list)
                    .into_iter()
                    .enumerate()
                    .map(|(n, key)| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="outline-entry"
                                    aria-current=move || (selected.get() == select(n)).then_some("true")
                                    on:click=move |_| selected.set(select(n))
                                >
                                    <code>{key}</code>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
