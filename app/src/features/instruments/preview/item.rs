//! One shown item: its label, hint and guidance, the input its type asks
//! for, and its companion fields.
//!
//! Why one place for every type: the browser test and assessors rely on the
//! same shape everywhere — a wrapper with `data-item`, the label text in
//! `.item-label`, radios named after the item key with the option value as
//! their value (`omit` for the scale's omit option). Radio and checkbox
//! groups are fieldsets with the label as legend; single fields are
//! `label for` / `id` pairs.

use super::companions::{ItemCompanions, OmitReason};
use super::state::{ItemChange, PreviewState, is_chosen, option_answer, option_code};
use crate::components::EraseOnServer;
use crate::i18n::{t, tr};
use domain::definition::{AnswerValue, Item, ItemType, Scale, Text};
use leptos::either::{Either, EitherOf3, EitherOf4};
use leptos::prelude::*;

/// The id of an input of this item: `pv-{item}-{part}`.
pub fn input_id(key: &str, part: &str) -> String {
    format!("pv-{key}-{part}")
}

/// The text's wording in the language shown alongside, if any: on an
/// assessment's form only (`PreviewState::alongside`). The preview's and
/// the editor's bundles never show one, so they carry none of this code;
/// for them the server renders nothing here either, as they expect.
#[cfg(any(feature = "ssr", all(feature = "fill", not(feature = "editor"))))]
pub fn alongside(state: PreviewState, text: Text) -> impl IntoView {
    if state.alongside.is_some() {
        Either::Right(move || {
            state
                .also(&text)
                .map(|(words, lang)| view! { <span class="alongside" lang=lang>{words}</span> })
        })
    } else {
        Either::Left(())
    }
    .erase_on_server()
}

#[cfg(not(any(feature = "ssr", all(feature = "fill", not(feature = "editor")))))]
pub fn alongside(_: PreviewState, _: Text) -> impl IntoView {}

/// What a text-like field shows for an answer.
fn answer_text(value: Option<&AnswerValue>) -> String {
    match value {
        Some(AnswerValue::Number(n)) => n.to_string(),
        Some(AnswerValue::Text(s)) => s.clone(),
        _ => String::new(),
    }
}

#[component]
pub fn PreviewItem(state: PreviewState, item: Item) -> impl IntoView {
    let key = item.key.to_string();
    let scale = item.scale.as_ref().and_then(|s| {
        state
            .definition
            .with_value(|d| d.scale(s.as_str()).cloned())
    });
    let hint_id = input_id(&key, "hint");
    let hint = item.hint.clone().map(|h| {
        let also = alongside(state, h.clone());
        view! { <p class="hint item-hint" id=hint_id.clone() lang=state.lang()>{move || state.words(&h)} {also}</p> }
    });
    let described = item.hint.is_some().then(|| hint_id.clone());
    let guidance = item.guidance.clone().map(|g| {
        view! {
            <details class="guidance">
                <summary>{t("preview-guidance")}</summary>
                <p lang=state.lang()>{move || state.words(&g)}</p>
            </details>
        }
    });
    let label = ItemLabel {
        state,
        text: item.label.clone(),
        required: item.required,
    };
    let omittable = scale.as_ref().is_some_and(|s| s.omit.is_some());
    let input = match item.item_type {
        ItemType::Rating | ItemType::SingleChoice | ItemType::YesNoUnknown => {
            let choices = radio_choices(state, &item, scale.as_ref());
            EitherOf3::A(view! {
                <fieldset class="preview-choices" aria-describedby=described>
                    <legend>{label.render()}</legend>
                    {hint}
                    <div class="choice-list" lang=state.lang()>{choices}</div>
                </fieldset>
            })
        }
        ItemType::MultipleChoice => {
            let boxes = checkboxes(state, &key, scale.as_ref());
            EitherOf3::B(view! {
                <fieldset class="preview-choices" aria-describedby=described>
                    <legend>{label.render()}</legend>
                    {hint}
                    <div class="choice-list" lang=state.lang()>{boxes}</div>
                </fieldset>
            })
        }
        _ => {
            let field = text_field(state, &item, described);
            EitherOf3::C(view! {
                <div class="field">
                    <label for=input_id(&key, "input")>{label.render()}</label>
                    {hint}
                    {field}
                </div>
            })
        }
    };
    view! {
        <div class="preview-item" data-item=key.clone() id=format!("item-{key}")>
            {input}
            {omittable.then(|| view! { <OmitReason state key=key.clone() /> })}
            {guidance}
            <ItemCompanions state item />
        </div>
    }
    .erase_on_server()
}

/// The item's label text (in `.item-label`) and a "required" mark.
struct ItemLabel {
    state: PreviewState,
    text: Text,
    required: bool,
}

impl ItemLabel {
    fn render(self) -> impl IntoView {
        let ItemLabel {
            state,
            text,
            required,
        } = self;
        let also = alongside(state, text.clone());
        view! {
            <span class="item-label" lang=state.lang()>{move || state.words(&text)}</span>
            {also}
            {required.then(|| view! { " " <span class="required-mark">{t("preview-required")}</span> })}
        }
        .erase_on_server()
    }
}

/// One radio of an item: `name` = item key, `value` = option code.
fn radio<L: IntoView + 'static>(
    state: PreviewState,
    key: &str,
    code: String,
    change: ItemChange,
    label: L,
) -> impl IntoView + use<L> {
    let id = input_id(key, &code);
    let for_id = id.clone();
    let name = key.to_owned();
    let checked = {
        let key = key.to_owned();
        let change = change.clone();
        move || {
            state.answers.with(|a| {
                let answer = a.items.get(key.as_str());
                match &change {
                    ItemChange::Choose(v) => is_chosen(answer, v),
                    _ => answer.is_some_and(|a| a.omitted),
                }
            })
        }
    };
    let key = key.to_owned();
    view! {
        <label class="choice preview-option" for=for_id>
            <input
                type="radio"
                id=id
                name=name
                value=code
                prop:checked=checked
                on:change=move |_| state.update_item(&key, change.clone())
            />
            <span class="option-text">{label}</span>
        </label>
    }
    .erase_on_server()
}

fn option_label(state: PreviewState, label: Text, hint: Option<Text>) -> impl IntoView {
    let also = alongside(state, label.clone());
    view! {
        <span class="option-label">{move || state.words(&label)}</span>
        {also}
        {hint.map(|h| view! { <span class="option-hint">{move || state.words(&h)}</span> })}
    }
    .erase_on_server()
}

fn radio_choices(state: PreviewState, item: &Item, scale: Option<&Scale>) -> impl IntoView + use<> {
    let key = item.key.as_str();
    if item.item_type == ItemType::YesNoUnknown {
        // The answer words are part of the form, so they follow the
        // instrument locale, not the interface's.
        let locale = state.locale;
        return EitherOf3::A(view! {
            {radio(state, key, "yes".into(), ItemChange::Choose(AnswerValue::Text("yes".into())),
                move || tr(locale.get(), "preview-answer-yes"))}
            {radio(state, key, "no".into(), ItemChange::Choose(AnswerValue::Text("no".into())),
                move || tr(locale.get(), "preview-answer-no"))}
            {radio(state, key, "unknown".into(), ItemChange::Choose(AnswerValue::Text("unknown".into())),
                move || tr(locale.get(), "preview-answer-unknown"))}
        });
    }
    let Some(scale) = scale else {
        return EitherOf3::B(());
    };
    let options = scale
        .options
        .iter()
        .map(|o| {
            let change = ItemChange::Choose(option_answer(&o.value));
            let label = option_label(state, o.label.clone(), o.hint.clone());
            radio(state, key, option_code(&o.value), change, label)
        })
        .collect_view();
    let omit = scale.omit.clone().map(|omit| {
        let label = view! {
            <span class="option-label">{move || state.words(&omit.label)}</span>
        };
        radio(state, key, "omit".into(), ItemChange::Omit, label)
    });
    EitherOf3::C(view! { {options} {omit} })
}

fn checkboxes(state: PreviewState, key: &str, scale: Option<&Scale>) -> impl IntoView + use<> {
    let Some(scale) = scale else {
        return Either::Left(());
    };
    let boxes = scale
        .options
        .iter()
        .map(|o| {
            let code = option_code(&o.value);
            let id = input_id(key, &code);
            let for_id = id.clone();
            let value = option_answer(&o.value);
            let option = o.value.clone();
            let (name, key_checked, key_change) = (key.to_owned(), key.to_owned(), key.to_owned());
            let label = option_label(state, o.label.clone(), o.hint.clone());
            view! {
                <label class="choice preview-option" for=for_id>
                    <input
                        type="checkbox"
                        id=id
                        name=name
                        value=code
                        prop:checked=move || {
                            state.answers.with(|a| is_chosen(a.items.get(key_checked.as_str()), &value))
                        }
                        on:change=move |ev| {
                            let change = ItemChange::Toggle(option.clone(), event_target_checked(&ev));
                            state.update_item(&key_change, change)
                        }
                    />
                    <span class="option-text">{label}</span>
                </label>
            }
        })
        .collect_view();
    Either::Right(boxes)
}

/// Number, date, short and long text. The first value is read once (the
/// field then owns what is typed), so typing is never overwritten.
fn text_field(
    state: PreviewState,
    item: &Item,
    described: Option<String>,
) -> impl IntoView + use<> {
    let key = item.key.to_string();
    let id = input_id(&key, "input");
    let name = id.clone();
    let initial = answer_text(state.answer_untracked(&key).value.as_ref());
    let on_input = move |ev: leptos::ev::Event| {
        state.update_item(&key, ItemChange::Entered(event_target_value(&ev)))
    };
    let required = item.required;
    let max_chars = item.item_type.max_chars();
    match item.item_type {
        ItemType::LongText => EitherOf4::A(view! {
            <textarea id=id name=name rows="4" maxlength=max_chars aria-describedby=described
                aria-required=required.then_some("true") prop:value=initial on:input=on_input></textarea>
        }),
        ItemType::Number => {
            let min = item.min.as_ref().map(|n| n.to_string());
            let max = item.max.as_ref().map(|n| n.to_string());
            EitherOf4::B(view! {
                <input type="number" id=id name=name min=min max=max step="any" inputmode="decimal"
                    aria-describedby=described aria-required=required.then_some("true")
                    prop:value=initial on:input=on_input />
            })
        }
        ItemType::Date => EitherOf4::C(view! {
            <input type="date" id=id name=name aria-describedby=described
                aria-required=required.then_some("true") prop:value=initial on:input=on_input />
        }),
        _ => EitherOf4::D(view! {
            <input type="text" id=id name=name maxlength=max_chars aria-describedby=described
                aria-required=required.then_some("true") prop:value=initial on:input=on_input />
        }),
    }
}
