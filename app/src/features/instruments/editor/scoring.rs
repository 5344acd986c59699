//! The forms of a score (method, items and sections, bands with
//! contiguous ranges), a flag (its condition) and a structured
//! professional judgement (its levels and the score that suggests one).

use super::fields::{ConditionInput, FieldProblems, KeyInput, TextInput};
use super::ops::{self, ConditionSlot, Selected, TextSlot};
use super::{Editor, field_id};
use crate::i18n::{t, t_args, tr, use_i18n};
use domain::definition::{
    FlagKey, ItemKey, JudgementKey, Level, ScoreKey, ScoreMethod, SectionKey,
};
use leptos::prelude::*;

fn method_code(m: ScoreMethod) -> &'static str {
    match m {
        ScoreMethod::Sum => "sum",
        ScoreMethod::Count => "count",
        ScoreMethod::Max => "max",
    }
}

fn level_of(raw: &str) -> Option<Level> {
    Level::ALL.into_iter().find(|l| l.code() == raw)
}

fn level_message(l: Level) -> &'static str {
    match l {
        Level::Low => "editor-level-low",
        Level::Moderate => "editor-level-moderate",
        Level::High => "editor-level-high",
    }
}

/// Buttons to delete a list entry of the scoring rules.
#[component]
fn DeleteButton(
    editor: Editor,
    remove: fn(&mut domain::definition::Definition, usize) -> bool,
    n: usize,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="danger"
            on:click=move |_| editor.restructure(|d| remove(d, n).then_some(Selected::Meta))
        >
            {t("editor-delete")}
        </button>
    }
}

#[component]
pub fn ScoreForm(editor: Editor, n: usize) -> impl IntoView {
    let score = editor.draft.with_untracked(|d| d.scores[n].clone());
    let (sections, items): (Vec<String>, Vec<(String, String)>) =
        editor.draft.with_untracked(|d| {
            (
                d.sections.iter().map(|s| s.key.to_string()).collect(),
                d.items()
                    .map(|(s, i)| (s.key.to_string(), i.key.to_string()))
                    .collect(),
            )
        });
    let method = RwSignal::new(score.method);
    let interface = use_i18n().locale;
    let base = format!("/scores/{n}");
    let key = score.key.to_string();
    let key_attr = key.clone();
    let chosen_sections = score
        .sections
        .iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>();
    let chosen_items = score
        .items
        .iter()
        .map(|k| k.to_string())
        .collect::<Vec<_>>();
    let section_boxes = sections
        .into_iter()
        .map(|key| {
            let id = format!("{}-{key}", field_id(&format!("{base}/sections")));
            let on = chosen_sections.contains(&key);
            let k = key.clone();
            view! {
                <label class="choice" for=id.clone()>
                    <input type="checkbox" id=id.clone() checked=on on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let Ok(key) = SectionKey::parse(&k) else { return };
                        editor.edit(|d| {
                            let list = &mut d.scores[n].sections;
                            list.retain(|x| *x != key);
                            if on { list.push(key) }
                        });
                    } />
                    <code>{key}</code>
                </label>
            }
        })
        .collect_view();
    let item_boxes = items
        .into_iter()
        .map(|(section, key)| {
            let id = format!("{}-{key}", field_id(&format!("{base}/items")));
            let on = chosen_items.contains(&key);
            let k = key.clone();
            view! {
                <label class="choice" for=id.clone()>
                    <input type="checkbox" id=id.clone() checked=on on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let Ok(key) = ItemKey::parse(&k) else { return };
                        editor.edit(|d| {
                            let list = &mut d.scores[n].items;
                            list.retain(|x| *x != key);
                            if on { list.push(key) }
                        });
                    } />
                    <code>{key}</code> " (" {section} ")"
                </label>
            }
        })
        .collect_view();
    let value = score
        .value
        .as_ref()
        .map(|v| v.to_string().trim_matches('"').to_owned())
        .unwrap_or_default();
    let max_omitted = score.max_omitted.map(|v| v.to_string()).unwrap_or_default();
    let bands = score
        .bands
        .iter()
        .enumerate()
        .map(|(b, band)| {
            let p = |name: &str| field_id(&format!("{base}/bands/{b}/{name}"));
            let current = band.level;
            view! {
                <fieldset class="scale-option" data-band=b.to_string()>
                    <legend>{t_args("editor-band", move || vec![("number", (b + 1).into())])}</legend>
                    <div class="inline-fields">
                        <div class="field">
                            <label for=p("level")>{t("editor-level")}</label>
                            <select id=p("level") on:change=move |ev| {
                                if let Some(l) = level_of(&event_target_value(&ev)) {
                                    editor.edit(|d| d.scores[n].bands[b].level = l);
                                }
                            }>
                                {Level::ALL.into_iter().map(|l| view! {
                                    <option value=l.code() selected=l == current>{t(level_message(l))}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class="field">
                            <label for=p("min")>{t("editor-min")}</label>
                            <input id=p("min") type="number" step="1" prop:value=move || editor.draft.with(|d| {
                                d.scores.get(n).and_then(|x| x.bands.get(b)).map(|x| x.min.to_string()).unwrap_or_default()
                            }) on:input=move |ev| {
                                if let Ok(v) = event_target_value(&ev).trim().parse::<i64>() {
                                    editor.edit(|d| d.scores[n].bands[b].min = v);
                                }
                            } />
                        </div>
                        <div class="field">
                            <label for=p("max")>{t("editor-max")}</label>
                            <input id=p("max") type="number" step="1" value=band.max.to_string() on:input=move |ev| {
                                if let Ok(v) = event_target_value(&ev).trim().parse::<i64>() {
                                    // The next band's minimum moves with it.
                                    editor.edit(|d| ops::set_band_max(d, n, b, v));
                                }
                            } />
                        </div>
                    </div>
                    <TextInput editor place=TextSlot::BandLabel(n, b) caption="editor-name" />
                    <FieldProblems editor path=format!("{base}/bands/{b}") />
                    <button type="button" class="danger" on:click=move |_| editor.restructure(|d| {
                        let score = d.scores.get_mut(n)?;
                        (b < score.bands.len()).then(|| score.bands.remove(b)).map(|_| Selected::Score(n))
                    })>{t("editor-delete-band")}</button>
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-score-form=key_attr>
            <h2>{t("editor-score")} " " <code>{key.clone()}</code></h2>
            <div class="actions">
                <button type="button" on:click=move |_| {
                    let label = tr(interface.get_untracked(), "editor-new-band");
                    editor.restructure(|d| ops::add_band(d, n, &label).map(|_| Selected::Score(n)));
                }>{t("editor-add-band")}</button>
                <DeleteButton editor n remove=|d, n| (n < d.scores.len()).then(|| d.scores.remove(n)).is_some() />
            </div>
            <KeyInput
                editor
                path=format!("{base}/key")
                current=key
                apply=move |d, raw| match ScoreKey::parse(raw) {
                    Ok(k) => {
                        d.scores[n].key = k;
                        true
                    }
                    Err(_) => false,
                }
            />
            <TextInput editor place=TextSlot::ScoreLabel(n) caption="editor-name" />
            <div class="field">
                <label for=field_id(&format!("{base}/method"))>{t("editor-method")}</label>
                <select id=field_id(&format!("{base}/method")) on:change=move |ev| {
                    let m = match event_target_value(&ev).as_str() {
                        "count" => ScoreMethod::Count,
                        "max" => ScoreMethod::Max,
                        _ => ScoreMethod::Sum,
                    };
                    method.set(m);
                    editor.edit(|d| d.scores[n].method = m);
                }>
                    {[ScoreMethod::Sum, ScoreMethod::Count, ScoreMethod::Max].into_iter().map(|m| {
                        let label = match m { ScoreMethod::Sum => "editor-method-sum", ScoreMethod::Count => "editor-method-count", ScoreMethod::Max => "editor-method-max" };
                        view! { <option value=method_code(m) selected=m == score.method>{t(label)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <Show when=move || method.get() == ScoreMethod::Count>
                <div class="field">
                    <label for=field_id(&format!("/scores/{n}/value"))>{t("editor-count-value")}</label>
                    <input id=field_id(&format!("/scores/{n}/value")) type="text" value=value.clone() on:input=move |ev| {
                        let raw = event_target_value(&ev);
                        let v = (!raw.trim().is_empty()).then(|| ops::option_value(&raw));
                        editor.edit(|d| d.scores[n].value = v);
                    } />
                    <FieldProblems editor path=format!("/scores/{n}/value") />
                </div>
            </Show>
            <fieldset class="field">
                <legend>{t("editor-score-sections")}</legend>
                {section_boxes}
            </fieldset>
            <fieldset class="field">
                <legend>{t("editor-score-items")}</legend>
                {item_boxes}
            </fieldset>
            <FieldProblems editor path=format!("{base}/items") />
            <div class="field">
                <label for=field_id(&format!("{base}/max_omitted"))>{t("editor-max-omitted")}</label>
                <input id=field_id(&format!("{base}/max_omitted")) type="number" min="0" step="1" value=max_omitted on:input=move |ev| {
                    let v = event_target_value(&ev).trim().parse::<u32>().ok();
                    editor.edit(|d| d.scores[n].max_omitted = v);
                } />
            </div>
            <h3>{t("editor-bands")}</h3>
            <FieldProblems editor path=format!("{base}/bands") />
            {bands}
        </section>
    }
}

#[component]
pub fn FlagForm(editor: Editor, n: usize) -> impl IntoView {
    let key = editor.draft.with_untracked(|d| d.flags[n].key.to_string());
    let key_attr = key.clone();
    view! {
        <section class="card" data-flag-form=key_attr>
            <h2>{t("editor-flag")} " " <code>{key.clone()}</code></h2>
            <div class="actions">
                <DeleteButton editor n remove=|d, n| (n < d.flags.len()).then(|| d.flags.remove(n)).is_some() />
            </div>
            <KeyInput
                editor
                path=format!("/flags/{n}/key")
                current=key
                apply=move |d, raw| match FlagKey::parse(raw) {
                    Ok(k) => {
                        d.flags[n].key = k;
                        true
                    }
                    Err(_) => false,
                }
            />
            <TextInput editor place=TextSlot::FlagLabel(n) caption="editor-name" />
            <ConditionInput editor place=ConditionSlot::FlagWhen(n) caption="editor-flag-when" />
            <TextInput editor place=TextSlot::FlagGuidance(n) caption="editor-guidance" long=true />
        </section>
    }
}

#[component]
pub fn JudgementForm(editor: Editor, n: usize) -> impl IntoView {
    let (judgement, scores) = editor.draft.with_untracked(|d| {
        (
            d.judgements[n].clone(),
            d.scores
                .iter()
                .map(|s| s.key.to_string())
                .collect::<Vec<_>>(),
        )
    });
    let key = judgement.key.to_string();
    let key_attr = key.clone();
    let suggested = judgement
        .suggested_by
        .as_ref()
        .map(|k| k.to_string())
        .unwrap_or_default();
    let interface = use_i18n().locale;
    let levels = Level::ALL
        .into_iter()
        .map(|level| {
            let at = judgement.levels.iter().position(|l| l.level == level);
            let id = format!("{}-{}", field_id(&format!("/judgements/{n}/levels")), level.code());
            view! {
                <div class="level-option">
                    <label class="choice" for=id.clone()>
                        <input type="checkbox" id=id.clone() checked=at.is_some() on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let wording = tr(interface.get_untracked(), level_message(level));
                            editor.restructure(|d| {
                                let source = d.meta.source_locale;
                                let levels = &mut d.judgements.get_mut(n)?.levels;
                                levels.retain(|l| l.level != level);
                                if on {
                                    levels.push(domain::definition::LevelOption {
                                        level,
                                        label: domain::definition::Text::neutral(&[source], &wording),
                                    });
                                    levels.sort_by_key(|l| l.level);
                                }
                                Some(Selected::Judgement(n))
                            });
                        } />
                        {t(level_message(level))}
                    </label>
                    {at.map(|l| view! { <TextInput editor place=TextSlot::LevelLabel(n, l) caption="editor-name" /> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-judgement-form=key_attr>
            <h2>{t("editor-judgement")} " " <code>{key.clone()}</code></h2>
            <div class="actions">
                <DeleteButton editor n remove=|d, n| (n < d.judgements.len()).then(|| d.judgements.remove(n)).is_some() />
            </div>
            <KeyInput
                editor
                path=format!("/judgements/{n}/key")
                current=key
                apply=move |d, raw| match JudgementKey::parse(raw) {
                    Ok(k) => {
                        d.judgements[n].key = k;
                        true
                    }
                    Err(_) => false,
                }
            />
            <TextInput editor place=TextSlot::JudgementLabel(n) caption="editor-name" />
            <TextInput editor place=TextSlot::JudgementGuidance(n) caption="editor-guidance" long=true />
            <div class="field">
                <label for=field_id(&format!("/judgements/{n}/suggested_by"))>{t("editor-suggested-by")}</label>
                <select id=field_id(&format!("/judgements/{n}/suggested_by")) on:change=move |ev| {
                    let v = ScoreKey::parse(&event_target_value(&ev)).ok();
                    editor.edit(|d| d.judgements[n].suggested_by = v);
                }>
                    <option value="" selected=suggested.is_empty()>"—"</option>
                    {scores.into_iter().map(|k| view! { <option value=k.clone() selected=k == suggested>{k.clone()}</option> }).collect_view()}
                </select>
                <FieldProblems editor path=format!("/judgements/{n}/suggested_by") />
            </div>
            <fieldset class="field">
                <legend>{t("editor-levels")}</legend>
                {levels}
                <FieldProblems editor path=format!("/judgements/{n}/levels") />
            </fieldset>
        </section>
    }
}
