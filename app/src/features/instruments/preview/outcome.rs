//! The outcome panel: what the test answers add up to — each score with its
//! value, omitted / unanswered counts and band, each flag raised or not,
//! the judgements, and how many items still block a submission.
//!
//! Why a panel of its own: it is the point of the preview (checking the
//! scoring rules), so it stays in view beside the form on wide screens
//! (sticky) and follows the form on phones. Every number is a memo over
//! `domain::definition::score`, recomputed in the browser.

use super::judgement::JudgementList;
use super::state::PreviewState;
use crate::components::EraseOnServer;
use crate::i18n::{arg, t, t_args, tr};
use domain::Locale;
use domain::definition::{Flag, Level, Score, ScoreResult};
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// A level's name when the definition gives none in this locale. Follows
/// the instrument locale, like the definition's own level labels.
pub fn level_name(locale: Locale, level: Level) -> String {
    match level {
        Level::Low => tr(locale, "preview-level-low"),
        Level::Moderate => tr(locale, "preview-level-moderate"),
        Level::High => tr(locale, "preview-level-high"),
    }
}

#[component]
pub fn OutcomePanel(state: PreviewState) -> impl IntoView {
    let (scores, flags, judgements) = state
        .definition
        .with_value(|d| (d.scores.clone(), d.flags.clone(), d.judgements.clone()));
    let pending_some = t_args("preview-pending", move || {
        vec![("count", arg(state.pending.get()))]
    });
    let pending_none = t("preview-pending-none");
    let pending = move || {
        if state.pending.get() == 0 {
            pending_none.get()
        } else {
            pending_some.get()
        }
    };
    let scores = (!scores.is_empty()).then(|| {
        let items = scores
            .into_iter()
            .enumerate()
            .map(|(index, score)| view! { <ScoreRow state index score /> })
            .collect_view();
        view! {
            <h3>{t("preview-scores")}</h3>
            <ul class="preview-scores">{items}</ul>
        }
    });
    let flags = (!flags.is_empty()).then(|| {
        let items = flags
            .into_iter()
            .enumerate()
            .map(|(index, flag)| view! { <FlagRow state index flag /> })
            .collect_view();
        view! {
            <h3>{t("preview-flags")}</h3>
            <ul class="preview-flags">{items}</ul>
        }
    });
    view! {
        <aside class="preview-outcome" aria-labelledby="preview-outcome-title">
            <h2 id="preview-outcome-title">{t("preview-outcome")}</h2>
            <p class="preview-pending" aria-live="polite">{pending}</p>
            {scores}
            {flags}
            <JudgementList state judgements />
        </aside>
    }
    .erase_on_server()
}

fn result_of(state: PreviewState, index: usize) -> Option<ScoreResult> {
    state.outcome.with(|o| o.scores.get(index).cloned())
}

#[component]
fn ScoreRow(state: PreviewState, index: usize, score: Score) -> impl IntoView {
    let result = Memo::new(move |_| result_of(state, index));
    let value = move || result.get().map(|r| r.value).unwrap_or_default();
    let omitted = t_args("preview-score-omitted", move || {
        vec![("count", arg(result.get().map_or(0, |r| r.omitted)))]
    });
    let unanswered = t_args("preview-score-unanswered", move || {
        vec![("count", arg(result.get().map_or(0, |r| r.unanswered)))]
    });
    let level = Memo::new(move |_| result.get().and_then(|r| r.band));
    let banded = !score.bands.is_empty();
    // None of the score's items is shown to this subject (e.g. a
    // women-only score for a man).
    let none_shown = Memo::new(move |_| {
        result
            .get()
            .is_some_and(|r| r.scored + r.omitted + r.unanswered == 0)
    });
    let bands = score.bands.clone();
    let band = move || match level.get() {
        Some(level) => {
            let label = bands
                .iter()
                .find(|b| b.level == level)
                .map(|b| b.label.clone());
            let text = move || match &label {
                Some(label) => state.words(label),
                None => level_name(state.locale.get(), level),
            };
            EitherOf4::A(view! {
                <span class="band" data-band=level.code() lang=state.lang()>
                    {text}
                </span>
            })
        }
        None if none_shown.get() => {
            EitherOf4::B(view! { <span class="band-none">{t("preview-score-no-items")}</span> })
        }
        None if banded => {
            EitherOf4::C(view! { <span class="band-none">{t("preview-score-incomplete")}</span> })
        }
        None => EitherOf4::D(()),
    };
    let label = score.label.clone();
    view! {
        <li class="preview-score" data-score=score.key.to_string()>
            <span class="score-label" lang=state.lang()>{move || state.words(&label)}</span>
            <span class="score-value">{value}</span>
            <span class="score-counts">
                <span>{omitted}</span>
                <span>{unanswered}</span>
            </span>
            {band}
        </li>
    }
    .erase_on_server()
}

#[component]
fn FlagRow(state: PreviewState, index: usize, flag: Flag) -> impl IntoView {
    let raised = Memo::new(move |_| {
        state
            .outcome
            .with(|o| o.flags.get(index).is_some_and(|f| f.raised))
    });
    let (yes, no) = (t("preview-flag-raised"), t("preview-flag-not-raised"));
    let label = flag.label.clone();
    let guidance = flag.guidance.clone();
    let guidance = move || {
        let g = guidance.clone()?;
        raised.get().then(
            || view! { <p class="flag-guidance" lang=state.lang()>{move || state.words(&g)}</p> },
        )
    };
    view! {
        <li
            class="preview-flag"
            class:raised=move || raised.get()
            data-flag=flag.key.to_string()
            data-raised=move || if raised.get() { "true" } else { "false" }
        >
            <span class="flag-state">{move || if raised.get() { yes.get() } else { no.get() }}</span>
            <span class="flag-label" lang=state.lang()>{move || state.words(&label)}</span>
            {guidance}
        </li>
    }
    .erase_on_server()
}
