//! Structured professional judgements in the preview: the level suggested
//! by a complete score's band, the assessor's level picker, the rationale,
//! and an override reason when the chosen level differs from the
//! suggestion.
//!
//! Why here and local: reviewers check that suggestions and overrides work
//! as the methodologists meant; the choices live in the preview's answers
//! like everything else and are never saved.

use super::outcome::level_name;
use super::state::{JudgementChange, PreviewState};
use crate::components::EraseOnServer;
use crate::i18n::t;
use domain::definition::{Judgement, JudgementOutcome, Level};
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn JudgementList(state: PreviewState, judgements: Vec<Judgement>) -> impl IntoView {
    (!judgements.is_empty()).then(|| {
        let forms = judgements
            .into_iter()
            .enumerate()
            .map(|(index, judgement)| view! { <JudgementForm state index judgement /> })
            .collect_view();
        view! {
            <h3>{t("preview-judgements")}</h3>
            {forms}
        }
    })
}

/// The id of a judgement's input: `pvj-{key}-{part}` (item ids use `pv-`).
fn judgement_id(key: &str, part: &str) -> String {
    format!("pvj-{key}-{part}")
}

#[component]
fn JudgementForm(state: PreviewState, index: usize, judgement: Judgement) -> impl IntoView {
    let outcome = Memo::new(move |_| state.outcome.with(|o| o.judgements.get(index).cloned()));
    let suggested = Memo::new(move |_| outcome.get().and_then(|o| o.suggested));
    let overridden = Memo::new(move |_| {
        outcome
            .get()
            .is_some_and(|o: JudgementOutcome| o.overridden)
    });
    let key = judgement.key.clone();
    let key_str = key.to_string();
    let levels = judgement.levels.clone();
    let level_label = move |level: Level| {
        match levels.iter().find(|l| l.level == level) {
            Some(option) => Some(state.words(&option.label)).filter(|s| !s.is_empty()),
            None => None,
        }
        .unwrap_or_else(|| level_name(state.locale.get(), level))
    };
    let suggestion = {
        let level_label = level_label.clone();
        move || match suggested.get() {
            Some(level) => {
                let level_label = level_label.clone();
                Either::Left(view! {
                    <span>{t("preview-suggested")}</span>
                    " "
                    <strong class="suggested-level" data-suggested=level.code() lang=state.lang()>
                        {move || level_label(level)}
                    </strong>
                })
            }
            None => Either::Right(view! { <span>{t("preview-no-suggestion")}</span> }),
        }
    };
    let radios = judgement
        .levels
        .iter()
        .map(|option| {
            let level = option.level;
            let id = judgement_id(&key_str, level.code());
            let for_id = id.clone();
            let (checked_key, change_key) = (key.clone(), key.clone());
            let level_label = level_label.clone();
            view! {
                <label class="choice preview-option" for=for_id>
                    <input
                        type="radio"
                        id=id
                        name=format!("judgement-{key_str}")
                        value=level.code()
                        prop:checked=move || {
                            state.answers.with(|a| {
                                a.judgements.get(checked_key.as_str()).and_then(|c| c.level)
                                    == Some(level)
                            })
                        }
                        on:change=move |_| {
                            state.update_judgement(&change_key, JudgementChange::Level(level))
                        }
                    />
                    <span class="option-label">{move || level_label(level)}</span>
                </label>
            }
        })
        .collect_view();
    let guidance = judgement.guidance.clone().map(|g| {
        view! {
            <details class="guidance">
                <summary>{t("preview-guidance")}</summary>
                <p lang=state.lang()>{move || state.words(&g)}</p>
            </details>
        }
    });
    let rationale_id = judgement_id(&key_str, "rationale");
    let rationale_key = key.clone();
    // What was written before (an assessment resumed), read once.
    let rationale = state.answers.with_untracked(|a| {
        a.judgements
            .get(key.as_str())
            .and_then(|c| c.rationale.clone())
            .unwrap_or_default()
    });
    let override_key = key.clone();
    let override_reason = move || {
        overridden.get().then(|| {
            let id = judgement_id(override_key.as_str(), "override-reason");
            let hint_id = judgement_id(override_key.as_str(), "override-hint");
            let key = override_key.clone();
            let initial = state.answers.with_untracked(|a| {
                a.judgements
                    .get(key.as_str())
                    .and_then(|c| c.override_reason.clone())
                    .unwrap_or_default()
            });
            view! {
                <div class="field companion">
                    <label for=id.clone()>
                        {t("preview-override-reason")}
                        " "
                        <span class="required-mark">{t("preview-required")}</span>
                    </label>
                    <p class="hint" id=hint_id.clone()>{t("preview-override-hint")}</p>
                    <textarea
                        id=id.clone()
                        name=id
                        rows="2"
                        aria-required="true"
                        aria-describedby=hint_id
                        prop:value=initial
                        on:input=move |ev| {
                            state.update_judgement(&key, JudgementChange::OverrideReason(event_target_value(&ev)))
                        }
                    ></textarea>
                </div>
            }
        })
    };
    let label = judgement.label.clone();
    view! {
        <div class="preview-judgement" data-judgement=key_str.clone()>
            <fieldset class="preview-choices">
                <legend>
                    <span class="judgement-label" lang=state.lang()>{move || state.words(&label)}</span>
                </legend>
                <p class="suggestion">{suggestion}</p>
                {guidance}
                <div class="choice-list" lang=state.lang()>{radios}</div>
            </fieldset>
            <div class="field companion">
                <label for=rationale_id.clone()>
                    {t("preview-rationale")}
                    " "
                    <span class="required-mark">{t("preview-required")}</span>
                </label>
                <textarea
                    id=rationale_id.clone()
                    name=rationale_id
                    rows="3"
                    aria-required="true"
                    prop:value=rationale
                    on:input=move |ev| {
                        state.update_judgement(&rationale_key, JudgementChange::Rationale(event_target_value(&ev)))
                    }
                ></textarea>
            </div>
            {override_reason}
        </div>
    }
    .erase_on_server()
}
