//! A submitted (or superseded, or someone else's) assessment as it was
//! recorded: the outcome the server computed, then every answer in the
//! assessment's language. Rendered on the server only; no code is sent.

use crate::features::instruments::preview::outcome::level_name;
use crate::features::instruments::preview::state::{option_code, resolve};
use crate::i18n::{t, tr, use_i18n};
use crate::model::{AssessmentForm, OutcomeView};
use domain::definition::{Answer, AnswerValue, Answers, Definition, Item, ItemType, Text};
use domain::{Gender, Locale};
use leptos::prelude::*;

/// Texts of one definition in the assessment's language and variant.
#[derive(Clone)]
pub struct Words {
    pub locale: Locale,
    pub gender: Gender,
    pub source: Locale,
}

impl Words {
    pub fn of(&self, text: &Text) -> String {
        resolve(text, self.locale, self.gender, self.source)
    }
}

/// The words of an answer's value: option labels, yes/no, the number,
/// date or text as entered.
fn value_words(def: &Definition, item: &Item, value: &AnswerValue, words: &Words) -> String {
    let option = |code: String| {
        item.scale
            .as_ref()
            .and_then(|s| def.scale(s.as_str()))
            .and_then(|s| s.options.iter().find(|o| option_code(&o.value) == code))
            .map(|o| words.of(&o.label))
            .unwrap_or(code)
    };
    match (item.item_type, value) {
        (ItemType::YesNoUnknown, AnswerValue::Text(s)) => {
            tr(words.locale, &format!("preview-answer-{s}"))
        }
        (_, AnswerValue::Choices(chosen)) => chosen
            .iter()
            .map(|c| option(option_code(c)))
            .collect::<Vec<_>>()
            .join("; "),
        (ItemType::Rating | ItemType::SingleChoice, AnswerValue::Number(n)) => {
            option((*n as i64).to_string())
        }
        (ItemType::Rating | ItemType::SingleChoice, AnswerValue::Text(s)) => option(s.clone()),
        (_, AnswerValue::Number(n)) => n.to_string(),
        (_, AnswerValue::Text(s)) => s.clone(),
    }
}

#[component]
pub fn RecordedAssessment(form: AssessmentForm, words: Words) -> impl IntoView {
    let answers: Answers =
        serde_json::from_value(form.assessment.answers.clone()).unwrap_or_default();
    view! {
        <RecordedOutcome definition=form.definition.clone() outcome=form.assessment.outcome.clone() words=words.clone() />
        <RecordedAnswers definition=form.definition answers words />
    }
}

#[component]
fn RecordedOutcome(definition: Definition, outcome: OutcomeView, words: Words) -> impl IntoView {
    let scores = definition
        .scores
        .iter()
        .filter_map(|score| {
            let result = outcome.scores.get(score.key.as_str())?;
            let band = result.band.map(|level| {
                score
                    .bands
                    .iter()
                    .find(|b| b.level == level)
                    .map(|b| words.of(&b.label))
                    .unwrap_or_else(|| level_name(words.locale, level))
            });
            Some(view! {
                <tr data-score=score.key.to_string()>
                    <th scope="row" lang=words.locale.code()>{words.of(&score.label)}</th>
                    <td>{result.value}</td>
                    <td lang=words.locale.code()>{band.unwrap_or_default()}</td>
                </tr>
            })
        })
        .collect_view();
    let flags = definition
        .flags
        .iter()
        .filter(|f| outcome.flags.iter().any(|k| k == f.key.as_str()))
        .map(|f| view! { <li data-flag=f.key.to_string() lang=words.locale.code()>{words.of(&f.label)}</li> })
        .collect_view();
    let judgements = definition
        .judgements
        .iter()
        .filter_map(|j| {
            let chosen = outcome.judgements.get(j.key.as_str())?.chosen?;
            let level = j
                .levels
                .iter()
                .find(|l| l.level == chosen)
                .map(|l| words.of(&l.label))
                .unwrap_or_else(|| level_name(words.locale, chosen));
            Some(view! {
                <tr data-judgement=j.key.to_string()>
                    <th scope="row" lang=words.locale.code()>{words.of(&j.label)}</th>
                    <td lang=words.locale.code()>{level}</td>
                </tr>
            })
        })
        .collect_view();
    view! {
        <section class="card" id="assessment-outcome">
            <h2>{t("assessment-outcome")}</h2>
            <div class="table-wrap">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{t("assessment-score")}</th>
                            <th scope="col">{t("assessment-score-value")}</th>
                            <th scope="col">{t("assessment-score-band")}</th>
                        </tr>
                    </thead>
                    <tbody>{scores}{judgements}</tbody>
                </table>
            </div>
            <h3>{t("assessment-flags")}</h3>
            <ul class="flags">{flags}</ul>
        </section>
    }
}

fn answer_line(def: &Definition, item: &Item, answer: &Answer, words: &Words) -> String {
    match &answer.value {
        Some(value) => value_words(def, item, value, words),
        None if answer.omitted => {
            let reason = answer.omit_reason.clone().unwrap_or_default();
            format!(
                "{} — {reason}",
                tr(use_i18n().locale.get_untracked(), "assessment-omitted")
            )
        }
        None => String::new(),
    }
}

#[component]
fn RecordedAnswers(definition: Definition, answers: Answers, words: Words) -> impl IntoView {
    let lang = words.locale.code();
    let sections = definition
        .sections
        .iter()
        .filter_map(|section| {
            let rows: Vec<_> = section
                .items
                .iter()
                .filter_map(|item| {
                    let answer = answers.items.get(item.key.as_str())?;
                    let line = answer_line(&definition, item, answer, &words);
                    let evidence = answer.evidence.clone().map(|e| {
                        view! { <p class="evidence"><span>{t("preview-evidence")}</span>": " {e}</p> }
                    });
                    Some(view! {
                        <dt lang=lang>{words.of(&item.label)}</dt>
                        <dd data-answer=item.key.to_string()>
                            <span lang=lang>{line}</span>
                            {evidence}
                        </dd>
                    })
                })
                .collect();
            (!rows.is_empty()).then(|| {
                view! {
                    <section class="card">
                        <h2 lang=lang>{words.of(&section.title)}</h2>
                        <dl class="facts answers">{rows.into_iter().collect_view()}</dl>
                    </section>
                }
            })
        })
        .collect_view();
    view! { <div id="assessment-answers">{sections}</div> }
}
