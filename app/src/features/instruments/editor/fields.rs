//! The form of what the outline has selected: the instrument, a section,
//! an item or a scale. Inputs start from the draft and write every change
//! back to it; each field shows the problems of its place.

use super::builder::ConditionBuilder;
use super::ops::{self, ConditionSlot, Selected, TextSlot};
use super::scoring::{FlagForm, JudgementForm, ScoreForm};
use super::widgets::{Act, Check, Choice, Entry, Options};
use super::{Editor, field_id, messages_at};
use crate::i18n::{t, t_args, tr, use_i18n};
use domain::definition::{
    Condition, Definition, ItemKey, ItemType, Requirement, ScaleKey, SectionKey, Wording,
};
use leptos::either::EitherOf7;
use leptos::prelude::*;

/// The JSON (serde) name of an item type, e.g. `yes_no_unknown`.
fn type_code(t: ItemType) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn requirement_code(r: Requirement) -> &'static str {
    match r {
        Requirement::None => "none",
        Requirement::Optional => "optional",
        Requirement::Required => "required",
    }
}

fn requirement_of(raw: &str) -> Requirement {
    match raw {
        "optional" => Requirement::Optional,
        "required" => Requirement::Required,
        _ => Requirement::None,
    }
}

#[component]
pub fn SelectedForm(editor: Editor) -> impl IntoView {
    // One keyed entry: a new selection (or an undo, or taking another
    // person's version: a new generation) builds a new form, and no form
    // is ever patched in place — so the bundle carries no code to patch
    // them (it is on a weight budget).
    let shown = move || {
        let generation = editor.save.generation.get();
        let selected = editor.selected.get();
        let exists = editor.draft.with_untracked(|d| match selected {
            Selected::Meta => true,
            Selected::Section(s) => s < d.sections.len(),
            Selected::Item(s, i) => d.sections.get(s).is_some_and(|x| i < x.items.len()),
            Selected::Scale(k) => k < d.scales.len(),
            Selected::Score(n) => n < d.scores.len(),
            Selected::Flag(n) => n < d.flags.len(),
            Selected::Judgement(n) => n < d.judgements.len(),
        });
        [(if exists { selected } else { Selected::Meta }, generation)]
    };
    view! {
        <For each=shown key=|entry| *entry let((selected, _generation))>
            {match selected {
                Selected::Section(s) => EitherOf7::B(view! { <SectionForm editor s /> }),
                Selected::Item(s, i) => EitherOf7::C(view! { <ItemForm editor s i /> }),
                Selected::Scale(k) => EitherOf7::D(view! { <ScaleForm editor k /> }),
                Selected::Score(n) => EitherOf7::E(view! { <ScoreForm editor n /> }),
                Selected::Flag(n) => EitherOf7::F(view! { <FlagForm editor n /> }),
                Selected::Judgement(n) => EitherOf7::G(view! { <JudgementForm editor n /> }),
                Selected::Meta => EitherOf7::A(view! { <MetaForm editor /> }),
            }}
        </For>
    }
}

/// The problems of one place, under its field.
#[component]
pub(super) fn FieldProblems(editor: Editor, path: String) -> impl IntoView {
    view! { <Notes list=editor.problems_at(path) class="field-error" /> }
}

/// Short messages, a paragraph each: a field's problems, an item's review
/// comments (one component for both keeps the bundle small).
#[component]
fn Notes(list: Signal<Vec<String>>, class: &'static str) -> impl IntoView {
    view! {
        <For each=move || list.get() key=|m| m.clone() let(message)>
            <p class=class>{message}</p>
        </For>
    }
}

/// A text in the source language, one wording or a male and a female one.
#[component]
pub(super) fn TextInput(
    editor: Editor,
    place: TextSlot,
    caption: &'static str,
    #[prop(optional)] long: bool,
) -> impl IntoView {
    let source = editor.source();
    let id = field_id(&place.path());
    let (_neutral, male, female, gendered) = editor
        .draft
        .with_untracked(|d| ops::wording_parts(&place.get(d), source));
    let split = RwSignal::new(gendered);
    let set = move |wording: Option<Wording>| {
        editor.edit(|d| {
            let text = ops::with_wording(place.get(d), source, wording);
            place.set(d, text);
        });
    };
    let male_now = RwSignal::new(male);
    let female_now = RwSignal::new(female);
    let set_variant = move |is_female: bool, value: String| {
        if is_female {
            female_now.set(value);
        } else {
            male_now.set(value);
        }
        let some = |s: String| (!s.is_empty()).then_some(s);
        set(Some(Wording::Gendered {
            male: some(male_now.get_untracked()),
            female: some(female_now.get_untracked()),
        }));
    };
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        split.set(on);
        editor.edit(|d| {
            let text = ops::toggle_gendered(place.get(d), source, on);
            place.set(d, text);
        });
        let (_, m, f, _) = editor
            .draft
            .with_untracked(|d| ops::wording_parts(&place.get(d), source));
        male_now.set(m);
        female_now.set(f);
    };
    let input = move |id: String, value: String, on_input: Box<dyn Fn(String) + Send + Sync>| {
        if long {
            leptos::either::Either::Left(view! {
                <textarea id=id rows="3" on:input=move |ev| on_input(event_target_value(&ev))>
                    {value}
                </textarea>
            })
        } else {
            leptos::either::Either::Right(view! {
                <input id=id type="text" value=value on:input=move |ev| on_input(event_target_value(&ev)) />
            })
        }
    };
    let one_id = id.clone();
    let (male_id, female_id, toggle_id) = (
        format!("{id}-male"),
        format!("{id}-female"),
        format!("{id}-gendered"),
    );
    let toggle_for = toggle_id.clone();
    view! {
        <div class="field text-field" data-text=place.path() id=format!("{id}-text")>
            <span class="field-label" id=format!("{id}-label")>
                {t(caption)} " (" {source.endonym()} ")"
            </span>
            <Show
                when=move || split.get()
                fallback=move || {
                    let value = male_now.get_untracked();
                    let one_id = one_id.clone();
                    view! {
                        <label class="visually-hidden" for=one_id.clone()>{t(caption)}</label>
                        {input(
                            one_id,
                            value,
                            Box::new(move |v: String| {
                                male_now.set(v.clone());
                                female_now.set(v.clone());
                                set((!v.is_empty()).then_some(Wording::Neutral(v)));
                            }),
                        )}
                    }
                }
            >
                {
                    let (male_id, female_id) = (male_id.clone(), female_id.clone());
                    view! {
                        <label for=male_id.clone()>{t("editor-variant-male")}</label>
                        {input(male_id, male_now.get_untracked(), Box::new(move |v| set_variant(false, v)))}
                        <label for=female_id.clone()>{t("editor-variant-female")}</label>
                        {input(female_id, female_now.get_untracked(), Box::new(move |v| set_variant(true, v)))}
                    }
                }
            </Show>
            <label class="choice" for=toggle_for>
                <input type="checkbox" id=toggle_id checked=gendered on:change=toggle />
                {t("editor-gendered")}
            </label>
            <FieldProblems editor path=place.path() />
        </div>
    }
}

/// A condition as text, read as it is typed: a syntax error shows at once
/// with its character; the rest of `check()` comes with the next save.
#[component]
pub(super) fn ConditionInput(
    editor: Editor,
    place: ConditionSlot,
    caption: &'static str,
) -> impl IntoView {
    let id = field_id(&place.path());
    let typed = RwSignal::new(editor.draft.with_untracked(|d| place.get(d)));
    let on_built = Callback::new(move |added: String| {
        let next = ops::join_condition(&typed.get_untracked(), &added);
        typed.set(next.clone());
        editor.edit(|d| place.set(d, &next));
    });
    let syntax = move || {
        let source = typed.get();
        if source.trim().is_empty() {
            return None;
        }
        Condition::parse(source.trim())
            .ast()
            .err()
            .map(|e| (e.at, e.message_id))
    };
    let locale = use_i18n().locale;
    let error_id = format!("{id}-syntax");
    let described = error_id.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{t(caption)}</label>
            <input
                id=id
                type="text"
                class="expression"
                spellcheck="false"
                autocomplete="off"
                prop:value=move || typed.get()
                aria-describedby=described
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    typed.set(v.clone());
                    editor.edit(|d| place.set(d, &v));
                }
            />
            <p class="hint">{t("editor-condition-hint")}</p>
            <ConditionBuilder editor place on_built />
            {move || {
                syntax()
                    .map(|(at, _)| {
                        let source = typed.get();
                        let marker = format!("{}^", " ".repeat(at.saturating_sub(1)));
                        let error_id = error_id.clone();
                        view! {
                            <div class="field-error" id=error_id role="alert">
                                <p>
                                    {move || tr(locale.get(), "editor-condition-syntax")
                                        .replace("{ $position }", &at.to_string())}
                                </p>
                                <pre class="expression-marker">{format!("{}\n{marker}", source.trim())}</pre>
                            </div>
                        }
                    })
            }}
            <FieldProblems editor path=place.path() />
        </div>
    }
}

/// A key: applied when valid, else said so (the last valid key stays).
#[component]
pub(super) fn KeyInput<F>(editor: Editor, path: String, current: String, apply: F) -> impl IntoView
where
    F: Fn(&mut Definition, &str) -> bool + Copy + Send + Sync + 'static,
{
    let id = field_id(&path);
    let invalid = RwSignal::new(false);
    view! {
        <div class="field">
            <label for=id.clone()>{t("editor-key")}</label>
            <input
                id=id
                type="text"
                class="key"
                spellcheck="false"
                autocomplete="off"
                value=current
                aria-invalid=move || invalid.get().then_some("true")
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let mut ok = false;
                    editor.edit(|d| ok = apply(d, v.trim()));
                    invalid.set(!ok);
                }
            />
            <p class="hint">{t("editor-key-hint")}</p>
            <Show when=move || invalid.get()>
                <p class="field-error">{t("editor-key-invalid")}</p>
            </Show>
            <FieldProblems editor path=path.clone() />
        </div>
    }
}

#[component]
fn MetaForm(editor: Editor) -> impl IntoView {
    let (code, source, required, genders, interval) = editor.draft.with_untracked(|d| {
        (
            d.meta.code.to_string(),
            d.meta.source_locale,
            d.meta.required_locales.clone(),
            d.meta.genders.clone(),
            d.meta
                .reassessment_interval_days
                .map(|n| n.to_string())
                .unwrap_or_default(),
        )
    });
    let locale_boxes = domain::Locale::ALL
        .into_iter()
        .map(|l| {
            let is_source = l == source;
            view! {
                <Check
                    id=format!("f-meta-required_locales-{}", l.code())
                    caption=l.endonym().to_owned()
                    checked=required.contains(&l) || is_source
                    disabled=is_source
                    on_change=move |on| {
                        editor.edit(|d| ops::set_required_locale(d, l, on));
                        on
                    }
                />
            }
        })
        .collect_view();
    let gender_boxes = domain::Gender::ALL
        .into_iter()
        .map(|g| {
            view! {
                <Check
                    id=format!("f-meta-genders-{}", g.code())
                    caption=gender_caption(g).to_owned()
                    checked=genders.contains(&g)
                    on_change=move |on| {
                        editor.edit(|d| ops::set_gender(d, g, on));
                        // The last gender stays: the box says so.
                        editor.draft.with_untracked(|d| d.meta.genders.contains(&g))
                    }
                />
            }
        })
        .collect_view();
    view! {
        <section class="card">
            <h2>{t("editor-about")} " " <code>{code}</code></h2>
            <p class="hint">{t("editor-source-language")} ": " {source.endonym()}</p>
            <fieldset class="field">
                <legend>{t("editor-languages")}</legend>
                {locale_boxes}
                <FieldProblems editor path="/meta/required_locales".to_owned() />
            </fieldset>
            <fieldset class="field">
                <legend>{t("editor-genders")}</legend>
                {gender_boxes}
            </fieldset>
            <TextInput editor place=TextSlot::Title caption="editor-title" />
            <TextInput editor place=TextSlot::Purpose caption="editor-purpose" long=true />
            <Entry
                id="f-meta-reassessment_interval_days".to_owned()
                caption="editor-reassessment"
                value=interval
                on_input=move |v: String| {
                    let v = v.trim().parse::<u32>().ok();
                    editor.edit(|d| d.meta.reassessment_interval_days = v);
                }
            />
        </section>
    }
}

fn gender_caption(g: domain::Gender) -> &'static str {
    match g {
        domain::Gender::Male => "editor-variant-male",
        domain::Gender::Female => "editor-variant-female",
    }
}

/// The options of a "for subjects who are" select.
fn applies_options() -> Options {
    vec![
        (String::new(), "editor-applies-all".into()),
        ("male".into(), "editor-variant-male".into()),
        ("female".into(), "editor-variant-female".into()),
    ]
}

fn applies_code(g: Option<domain::Gender>) -> String {
    g.map(|g| g.code().to_owned()).unwrap_or_default()
}

#[component]
fn SectionForm(editor: Editor, s: usize) -> impl IntoView {
    let (key, applies_to) = editor
        .draft
        .with_untracked(|d| (d.sections[s].key.to_string(), d.sections[s].applies_to));
    let key_attr = key.clone();
    let interface = use_i18n().locale;
    view! {
        <section class="card" data-section-form=key_attr>
            <h2>{t("editor-section")} " " <code>{key.clone()}</code></h2>
            <div class="actions">
                <Act caption="editor-add-item" class="primary" on_press=move |_| {
                    let label = tr(interface.get_untracked(), "editor-new-item");
                    editor.restructure(|d| ops::add_item(d, s, &label).map(|i| Selected::Item(s, i)));
                } />
                <Act caption="editor-move-up" on_press=move |_| editor.restructure(|d| ops::move_section(d, s, -1).map(Selected::Section)) />
                <Act caption="editor-move-down" on_press=move |_| editor.restructure(|d| ops::move_section(d, s, 1).map(Selected::Section)) />
                <Act caption="editor-duplicate" on_press=move |_| editor.restructure(|d| ops::duplicate_section(d, s).map(Selected::Section)) />
                <Act caption="editor-delete" class="danger" on_press=move |_| editor.restructure(|d| ops::delete_section(d, s).then_some(Selected::Meta)) />
            </div>
            <KeyInput
                editor
                path=format!("/sections/{s}/key")
                current=key
                apply=move |d, raw| match SectionKey::parse(raw) {
                    Ok(k) => {
                        d.sections[s].key = k;
                        true
                    }
                    Err(_) => false,
                }
            />
            <TextInput editor place=TextSlot::SectionTitle(s) caption="editor-title" />
            <TextInput editor place=TextSlot::SectionIntro(s) caption="editor-intro" long=true />
            <Choice
                id=format!("f-sections-{s}-applies_to")
                caption="editor-applies-to"
                options=applies_options()
                selected=applies_code(applies_to)
                on_change=move |v: String| {
                    let g = ops::gender_of(&v);
                    editor.edit(|d| d.sections[s].applies_to = g);
                }
            />
            <ConditionInput editor place=ConditionSlot::SectionShowIf(s) caption="editor-show-if" />
            <ConditionInput editor place=ConditionSlot::SectionRequiredIf(s) caption="editor-section-required-if" />
        </section>
    }
}

/// Sets one of an item's companion fields (evidence, sources, trend).
type SetRequirement = fn(&mut domain::definition::Item, Requirement);

#[component]
fn RequirementChoice(
    editor: Editor,
    s: usize,
    i: usize,
    name: &'static str,
    caption: &'static str,
    current: Requirement,
    set: SetRequirement,
) -> impl IntoView {
    view! {
        <Choice
            id=field_id(&format!("/sections/{s}/items/{i}/{name}"))
            caption
            options=vec![
                ("none".into(), "editor-requirement-none".into()),
                ("optional".into(), "editor-requirement-optional".into()),
                ("required".into(), "editor-requirement-required".into()),
            ]
            selected=requirement_code(current).to_owned()
            on_change=move |v: String| {
                let r = requirement_of(&v);
                editor.edit(|d| set(&mut d.sections[s].items[i], r));
            }
        />
    }
}

#[component]
fn ItemForm(editor: Editor, s: usize, i: usize) -> impl IntoView {
    let item = editor
        .draft
        .with_untracked(|d| d.sections[s].items[i].clone());
    let (sections, scales): (Options, Options) = editor.draft.with_untracked(|d| {
        (
            d.sections
                .iter()
                .enumerate()
                .filter(|(x, _)| *x != s)
                .map(|(x, k)| (x.to_string(), k.key.to_string()))
                .collect(),
            d.scales
                .iter()
                .map(|x| (x.key.to_string(), x.key.to_string()))
                .collect(),
        )
    });
    let item_type = RwSignal::new(item.item_type);
    let base = format!("/sections/{s}/items/{i}");
    let fid = move |name: &str| field_id(&format!("/sections/{s}/items/{i}/{name}"));
    let key = item.key.to_string();
    let key_attr = key.clone();
    let scale = item
        .scale
        .as_ref()
        .map(|k| k.to_string())
        .unwrap_or_default();
    let number =
        |n: &Option<serde_json::Number>| n.as_ref().map(|n| n.to_string()).unwrap_or_default();
    let (min, max) = (number(&item.min), number(&item.max));
    let mut moves = vec![(String::new(), "—".to_owned())];
    moves.extend(sections);
    let mut scale_options = vec![(String::new(), "—".to_owned())];
    scale_options.extend(scales);
    let types = ItemType::ALL
        .into_iter()
        .map(|ty| {
            let code = type_code(ty);
            let message = format!("editor-type-{}", code.replace('_', "-"));
            (code, message)
        })
        .collect::<Vec<_>>();
    view! {
        <section class="card" data-item-form=key_attr>
            <h2>{t("editor-item")} " " <code>{key.clone()}</code></h2>
            <Notes list=messages_at(editor.comments, key.clone()) class="message warning item-comment" />
            <div class="actions">
                <Act caption="editor-move-up" on_press=move |_| editor.restructure(|d| ops::step_item(d, s, i, -1).map(|(s, i)| Selected::Item(s, i))) />
                <Act caption="editor-move-down" on_press=move |_| editor.restructure(|d| ops::step_item(d, s, i, 1).map(|(s, i)| Selected::Item(s, i))) />
                <Act caption="editor-duplicate" on_press=move |_| editor.restructure(|d| ops::duplicate_item(d, s, i).map(|i| Selected::Item(s, i))) />
                <Act caption="editor-delete" class="danger" on_press=move |_| editor.restructure(|d| ops::delete_item(d, s, i).then_some(Selected::Section(s))) />
            </div>
            <Choice
                id=fid("move")
                caption="editor-move-to"
                options=moves
                selected=String::new()
                on_change=move |v: String| {
                    if let Ok(to) = v.parse::<usize>() {
                        editor.restructure(|d| ops::move_item(d, (s, i), (to, usize::MAX)).map(|(s, i)| Selected::Item(s, i)));
                    }
                }
            />
            <KeyInput
                editor
                path=format!("{base}/key")
                current=key
                apply=move |d, raw| match ItemKey::parse(raw) {
                    Ok(k) => {
                        d.sections[s].items[i].key = k;
                        true
                    }
                    Err(_) => false,
                }
            />
            <Choice
                id=fid("type")
                caption="editor-type"
                options=types
                selected=type_code(item.item_type)
                on_change=move |code: String| {
                    if let Some(ty) = ItemType::ALL.into_iter().find(|t| type_code(*t) == code) {
                        item_type.set(ty);
                        editor.edit(|d| d.sections[s].items[i].item_type = ty);
                    }
                }
            >
                <FieldProblems editor path=format!("{base}/type") />
            </Choice>
            <Show when=move || item_type.get().uses_scale()>
                <Choice
                    id=fid("scale")
                    caption="editor-scale"
                    options=scale_options.clone()
                    selected=scale.clone()
                    on_change=move |v: String| {
                        let v = ScaleKey::parse(&v).ok();
                        editor.edit(|d| d.sections[s].items[i].scale = v);
                    }
                >
                    <FieldProblems editor path=format!("/sections/{s}/items/{i}/scale") />
                </Choice>
            </Show>
            <Show when=move || item_type.get() == ItemType::Number>
                <Entry id=fid("min") caption="editor-min" value=min.clone() on_input=move |v: String| {
                    let v = v.trim().parse::<serde_json::Number>().ok();
                    editor.edit(|d| d.sections[s].items[i].min = v);
                } />
                <Entry id=fid("max") caption="editor-max" value=max.clone() on_input=move |v: String| {
                    let v = v.trim().parse::<serde_json::Number>().ok();
                    editor.edit(|d| d.sections[s].items[i].max = v);
                } />
            </Show>
            <TextInput editor place=TextSlot::Label(s, i) caption="editor-label" />
            <TextInput editor place=TextSlot::Hint(s, i) caption="editor-hint" />
            <TextInput editor place=TextSlot::Guidance(s, i) caption="editor-guidance" long=true />
            <div class="field">
                <Check id=fid("required") caption="editor-required".to_owned() checked=item.required on_change=move |on| {
                    editor.edit(|d| d.sections[s].items[i].required = on);
                    on
                } />
            </div>
            <ConditionInput editor place=ConditionSlot::RequiredIf(s, i) caption="editor-required-if" />
            <ConditionInput editor place=ConditionSlot::ShowIf(s, i) caption="editor-show-if" />
            <Choice
                id=fid("applies_to")
                caption="editor-applies-to"
                options=applies_options()
                selected=applies_code(item.applies_to)
                on_change=move |v: String| {
                    let g = ops::gender_of(&v);
                    editor.edit(|d| d.sections[s].items[i].applies_to = g);
                }
            />
            <RequirementChoice editor s i name="evidence" caption="editor-evidence" current=item.evidence set=|x, r| x.evidence = r />
            <RequirementChoice editor s i name="sources" caption="editor-sources" current=item.sources set=|x, r| x.sources = r />
            <RequirementChoice editor s i name="trend" caption="editor-trend" current=item.trend set=|x, r| x.trend = r />
        </section>
    }
}

#[component]
fn ScaleForm(editor: Editor, k: usize) -> impl IntoView {
    let (key, options, omit) = editor.draft.with_untracked(|d| {
        let scale = &d.scales[k];
        (
            scale.key.to_string(),
            scale
                .options
                .iter()
                .map(|o| (o.value.to_string().trim_matches('"').to_owned(), o.score))
                .collect::<Vec<_>>(),
            scale.omit.is_some(),
        )
    });
    let key_attr = key.clone();
    let interface = use_i18n().locale;
    let rows = options
        .into_iter()
        .enumerate()
        .map(|(o, (value, score))| {
            view! {
                <fieldset class="scale-option">
                    <legend>{t_args("editor-option", move || vec![("number", (o + 1).into())])}</legend>
                    <div class="inline-fields">
                        <Entry
                            id=field_id(&format!("/scales/{k}/options/{o}/value"))
                            caption="editor-option-value"
                            kind="text"
                            value=value
                            on_input=move |v: String| {
                                let v = ops::option_value(&v);
                                editor.edit(|d| d.scales[k].options[o].value = v);
                            }
                        />
                        <Entry
                            id=field_id(&format!("/scales/{k}/options/{o}/score"))
                            caption="editor-option-score"
                            value=score.map(|n| n.to_string()).unwrap_or_default()
                            on_input=move |v: String| {
                                let v = v.trim().parse::<i64>().ok();
                                editor.edit(|d| d.scales[k].options[o].score = v);
                            }
                        />
                    </div>
                    <TextInput editor place=TextSlot::OptionLabel(k, o) caption="editor-label" />
                    <TextInput editor place=TextSlot::OptionHint(k, o) caption="editor-hint" />
                    <Act caption="editor-delete-option" class="danger" on_press=move |_| editor.restructure(|d| {
                        let scale = d.scales.get_mut(k)?;
                        (o < scale.options.len()).then(|| scale.options.remove(o)).map(|_| Selected::Scale(k))
                    }) />
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-scale-form=key_attr>
            <h2>{t("editor-scale")} " " <code>{key.clone()}</code></h2>
            <div class="actions">
                <Act caption="editor-add-option" on_press=move |_| editor.restructure(|d| ops::add_option(d, k).map(|_| Selected::Scale(k))) />
                <Act caption="editor-delete" class="danger" on_press=move |_| editor.restructure(|d| (k < d.scales.len()).then(|| d.scales.remove(k)).map(|_| Selected::Meta)) />
            </div>
            <KeyInput
                editor
                path=format!("/scales/{k}/key")
                current=key
                apply=move |d, raw| match ScaleKey::parse(raw) {
                    Ok(x) => {
                        d.scales[k].key = x;
                        true
                    }
                    Err(_) => false,
                }
            />
            {rows}
            <Check id=field_id(&format!("/scales/{k}/omit")) caption="editor-omit".to_owned() checked=omit on_change=move |on| {
                let label = tr(interface.get_untracked(), "editor-omit-label");
                // The wording field appears (or goes) with the option.
                editor.restructure(|d| {
                    ops::set_omit(d, k, on, &label);
                    Some(Selected::Scale(k))
                });
                on
            } />
            {omit.then(|| view! { <TextInput editor place=TextSlot::OmitLabel(k) caption="editor-omit-wording" /> })}
        </section>
    }
}
