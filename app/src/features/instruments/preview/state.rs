//! The preview's state and the pure rules that change it.
//!
//! Why a separate file: the component tree only turns events into
//! [`ItemChange`]s and [`JudgementChange`]s; what a change *means* for the
//! answers (choosing a value clears an omission, an emptied field is no
//! answer, a multiple choice keeps the scale's order, …) is plain Rust that
//! is unit-tested here without a browser. Everything derived — visibility,
//! scores, bands, flags, judgement suggestions, open issues — is a memo over
//! the `domain` evaluator, so the browser recomputes it instantly (wasm) and
//! nothing is ever sent to the server or saved.

use domain::definition::answers::{Visibility, visibility};
use domain::definition::{
    Answer, AnswerIssue, AnswerValue, Answers, Completeness, Definition, InformationSource,
    ItemType, JudgementChoice, JudgementKey, Level, Meta, OptionValue, Outcome, Subject, Text,
    Trend, score, validate_answers,
};
use domain::{Gender, Locale};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// Every reactive value of one preview. `Copy`, so each sub-component takes
/// it as a prop and reads what it needs.
#[derive(Clone, Copy)]
pub struct PreviewState {
    pub definition: StoredValue<Definition>,
    /// The instrument's language (not the interface's).
    pub locale: RwSignal<Locale>,
    /// The subject's gender: wording variant and gender-specific items.
    pub gender: RwSignal<Gender>,
    /// The test answers; kept when the locale or gender changes.
    pub answers: RwSignal<Answers>,
    pub visibility: Memo<Visibility>,
    pub outcome: Memo<Outcome>,
    /// Items and judgements that still block a submission.
    pub pending: Memo<usize>,
    /// A second language whose wording is shown beside each text (an
    /// assessor reading Tajik items with the Russian beside them): only on
    /// an assessment's form (`None` in the preview and the editor, whose
    /// bundles then carry none of it).
    pub alongside: Option<RwSignal<Option<Locale>>>,
}

impl PreviewState {
    pub fn new(definition: Definition, locale: Locale, gender: Gender) -> PreviewState {
        PreviewState::of_subject(definition, locale, gender, None, Answers::default())
    }

    /// The state of an assessment: a real subject's gender and age, and
    /// the answers saved so far.
    pub fn of_subject(
        definition: Definition,
        locale: Locale,
        gender: Gender,
        age: Option<u32>,
        answers: Answers,
    ) -> PreviewState {
        let definition = StoredValue::new(definition);
        let locale = RwSignal::new(locale);
        let gender = RwSignal::new(gender);
        let answers = RwSignal::new(answers);
        let subject = Memo::new(move |_| Subject {
            gender: gender.get(),
            age,
        });
        let visibility = Memo::new(move |_| {
            let subject = subject.get();
            answers.with(|a| definition.with_value(|d| visibility(d, &subject, a)))
        });
        let outcome = Memo::new(move |_| {
            let subject = subject.get();
            answers.with(|a| definition.with_value(|d| score(d, &subject, a)))
        });
        let pending = Memo::new(move |_| {
            let subject = subject.get();
            answers.with(|a| {
                definition.with_value(|d| {
                    pending_count(&validate_answers(d, &subject, a, Completeness::Submit))
                })
            })
        });
        PreviewState {
            definition,
            locale,
            gender,
            answers,
            visibility,
            outcome,
            pending,
            alongside: None,
        }
    }

    /// An instrument text in the chosen locale and gender variant (reactive
    /// when called inside a closure). Falls back to the source locale, then
    /// to any locale, so an unfinished translation still shows something.
    pub fn words(self, text: &Text) -> String {
        let source = self.definition.with_value(|d| d.meta.source_locale);
        resolve(text, self.locale.get(), self.gender.get(), source)
    }

    /// The text in the language shown alongside, when one is chosen and it
    /// is not the items' own (reactive).
    pub fn also(self, text: &Text) -> Option<(String, &'static str)> {
        let other = self.alongside?.get().filter(|l| *l != self.locale.get())?;
        let source = self.definition.with_value(|d| d.meta.source_locale);
        Some((
            resolve(text, other, self.gender.get(), source),
            other.code(),
        ))
    }

    /// The instrument locale as a reactive `lang` attribute, for elements
    /// that hold instrument text (interface text around them keeps the
    /// page's language).
    pub fn lang(self) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.locale.get().code()
    }

    pub fn update_item(self, key: &str, change: ItemChange) {
        let definition = self.definition;
        self.answers
            .update(|a| definition.with_value(|d| apply_item_change(a, d, key, change)));
    }

    pub fn update_judgement(self, key: &JudgementKey, change: JudgementChange) {
        self.answers
            .update(|a| apply_judgement_change(a, key, change));
    }

    /// The current answer to an item, read without tracking: for the first
    /// value of a text field when it (re)appears.
    pub fn answer_untracked(self, key: &str) -> Answer {
        self.answers
            .with_untracked(|a| a.items.get(key).cloned().unwrap_or_default())
    }
}

/// An instrument text for `locale` and `gender`, or the best fallback.
pub fn resolve(text: &Text, locale: Locale, gender: Gender, source: Locale) -> String {
    let mut fallbacks = vec![source];
    fallbacks.extend(Locale::ALL);
    text.resolve_with_fallback(locale, gender, &fallbacks)
        .map(|r| r.text.to_owned())
        .unwrap_or_default()
}

/// The instrument locales offered: the definition's required locales, in
/// the usual order (the source locale is always among them).
pub fn offered_locales(meta: &Meta) -> Vec<Locale> {
    Locale::ALL
        .into_iter()
        .filter(|l| meta.required_locales.contains(l) || *l == meta.source_locale)
        .collect()
}

/// The first instrument locale: the one asked for, else the interface's,
/// if the definition has it; else its source locale.
pub fn initial_locale(meta: &Meta, requested: Option<Locale>, interface: Locale) -> Locale {
    let offered = offered_locales(meta);
    [requested, Some(interface)]
        .into_iter()
        .flatten()
        .find(|l| offered.contains(l))
        .unwrap_or(meta.source_locale)
}

/// The genders offered (the definition's, male first).
pub fn offered_genders(meta: &Meta) -> Vec<Gender> {
    let genders: Vec<Gender> = [Gender::Male, Gender::Female]
        .into_iter()
        .filter(|g| meta.genders.contains(g))
        .collect();
    if genders.is_empty() {
        vec![Gender::Male]
    } else {
        genders
    }
}

/// The first subject gender: the one asked for if offered, else male if
/// offered, else the only one there is.
pub fn initial_gender(meta: &Meta, requested: Option<Gender>) -> Gender {
    let offered = offered_genders(meta);
    requested
        .filter(|g| offered.contains(g))
        .unwrap_or(offered[0])
}

pub fn gender_code(gender: Gender) -> &'static str {
    match gender {
        Gender::Male => "male",
        Gender::Female => "female",
    }
}

pub fn parse_gender(code: &str) -> Option<Gender> {
    match code {
        "male" => Some(Gender::Male),
        "female" => Some(Gender::Female),
        _ => None,
    }
}

/// The `value` attribute of an option's input: `0`, `high`, …
pub fn option_code(value: &OptionValue) -> String {
    match value {
        OptionValue::Integer(i) => i.to_string(),
        OptionValue::Text(s) => s.clone(),
    }
}

/// The answer value that choosing this option stores.
pub fn option_answer(value: &OptionValue) -> AnswerValue {
    match value {
        OptionValue::Integer(i) => AnswerValue::Number(*i as f64),
        OptionValue::Text(s) => AnswerValue::Text(s.clone()),
    }
}

/// Whether `value` is the chosen option (or one of the chosen options).
pub fn is_chosen(answer: Option<&Answer>, value: &AnswerValue) -> bool {
    match (answer.and_then(|a| a.value.as_ref()), value) {
        (Some(AnswerValue::Choices(chosen)), v) => chosen.iter().any(|c| option_answer(c) == *v),
        (Some(current), v) => current == v,
        (None, _) => false,
    }
}

/// One edit of an item's answer, as an input reports it.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemChange {
    /// A radio: an option, or yes/no/unknown. Ends an omission.
    Choose(AnswerValue),
    /// The scale's "omit" radio: no value, a reason is asked for.
    Omit,
    /// A multiple-choice checkbox ticked or cleared.
    Toggle(OptionValue, bool),
    /// What is typed in a number, date or text field ("" clears it).
    Entered(String),
    OmitReason(String),
    Evidence(String),
    Source(InformationSource, bool),
    Trend(Trend),
}

fn note(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

/// Applies one edit to the answers. An answer left with nothing in it is
/// removed, so the answers hold only what was entered.
pub fn apply_item_change(answers: &mut Answers, def: &Definition, key: &str, change: ItemChange) {
    let Some(item) = def.item(key) else { return };
    let mut answer = answers.items.remove(key).unwrap_or_default();
    match change {
        ItemChange::Choose(value) => {
            answer.value = Some(value);
            answer.omitted = false;
            answer.omit_reason = None;
        }
        ItemChange::Omit => {
            answer.value = None;
            answer.omitted = true;
        }
        ItemChange::Toggle(option, on) => {
            let mut chosen = match answer.value.take() {
                Some(AnswerValue::Choices(c)) => c,
                _ => Vec::new(),
            };
            chosen.retain(|c| *c != option);
            if on {
                chosen.push(option);
            }
            if let Some(scale) = item.scale.as_ref().and_then(|s| def.scale(s.as_str())) {
                let rank = |v: &OptionValue| scale.options.iter().position(|o| o.value == *v);
                chosen.sort_by_key(rank);
            }
            answer.value = (!chosen.is_empty()).then_some(AnswerValue::Choices(chosen));
        }
        ItemChange::Entered(text) => {
            answer.value = match item.item_type {
                ItemType::Number => text.trim().parse::<f64>().ok().map(AnswerValue::Number),
                _ => note(text).map(AnswerValue::Text),
            };
        }
        ItemChange::OmitReason(text) => answer.omit_reason = note(text),
        ItemChange::Evidence(text) => answer.evidence = note(text),
        ItemChange::Source(source, on) => {
            answer.sources.retain(|s| *s != source);
            if on {
                answer.sources.push(source);
                answer.sources.sort();
            }
        }
        ItemChange::Trend(trend) => answer.trend = Some(trend),
    }
    if answer != Answer::default() {
        answers.items.insert(item.key.clone(), answer);
    }
}

/// One edit of a structured professional judgement.
#[derive(Debug, Clone, PartialEq)]
pub enum JudgementChange {
    Level(Level),
    Rationale(String),
    OverrideReason(String),
}

pub fn apply_judgement_change(answers: &mut Answers, key: &JudgementKey, change: JudgementChange) {
    let mut choice = answers.judgements.remove(key).unwrap_or_default();
    match change {
        JudgementChange::Level(level) => choice.level = Some(level),
        JudgementChange::Rationale(text) => choice.rationale = note(text),
        JudgementChange::OverrideReason(text) => choice.override_reason = note(text),
    }
    if choice != JudgementChoice::default() {
        answers.judgements.insert(key.clone(), choice);
    }
}

/// How many items and judgements have at least one issue: issues are
/// grouped by their answer (`/items/self_harm/evidence` → `/items/self_harm`).
pub fn pending_count(issues: &[AnswerIssue]) -> usize {
    issues
        .iter()
        .map(|i| i.path.split('/').take(3).collect::<Vec<_>>().join("/"))
        .collect::<BTreeSet<_>>()
        .len()
}

#[cfg(test)]
#[path = "state_tests.rs"]
mod tests;
