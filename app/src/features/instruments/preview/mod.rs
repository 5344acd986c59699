//! The live, read-only preview of one instrument version.
//!
//! Why it exists: methodologists and reviewers must see a version exactly as
//! an assessor will — in any of its languages, for a male or a female
//! subject — and try test answers to check the skip logic, scores, bands,
//! flags and judgement suggestions before anyone relies on them. The
//! `domain` evaluator runs right here (compiled to wasm in the browser), so
//! everything updates as answers are entered, with no server round trip;
//! nothing is ever saved.
//!
//! The instrument's language is chosen here, independently of the interface
//! language: instrument texts come from the definition ([`state::resolve`]),
//! interface texts from `locales/*/preview.ftl`.
//!
//! Layout of the module: [`state`] holds the signals and the pure rules that
//! change answers; [`controls`] the header and the locale / gender pickers;
//! [`section`] the sections and their items' visibility; [`item`] the
//! answer inputs by item type; [`companions`] the evidence, sources, trend
//! and omit-reason fields; [`outcome`] the scores and flags panel;
//! [`judgement`] the structured professional judgements.

mod companions;
mod controls;
mod item;
mod judgement;
pub(crate) mod outcome;
pub(crate) mod section;
pub mod state;

use crate::components::EraseOnServer;
use crate::i18n::{Catalog, start_island, use_i18n};
use controls::{PreviewControls, PreviewHeader};
use domain::definition::Definition;
use domain::{Gender, Locale};
use leptos::prelude::*;
use outcome::OutcomePanel;
use section::PreviewSection;
use state::PreviewState;

/// The preview as an island: the one part of its page that runs in the
/// browser. It gets the definition, the interface language and the
/// interface messages it shows, already translated (a [`Catalog`]), from
/// the server-rendered page; and marks `<html>` with `data-hydrated` once
/// it is live (browser tests wait for that). The editor's bundle does not
/// carry it as an island (the editor page has none), which keeps its
/// hydration code out of that bundle.
#[cfg_attr(
    not(all(any(feature = "editor", feature = "fill"), not(feature = "ssr"))),
    island
)]
#[cfg_attr(
    all(any(feature = "editor", feature = "fill"), not(feature = "ssr")),
    component
)]
pub fn PreviewIsland(
    definition: Definition,
    interface: Locale,
    messages: Catalog,
) -> impl IntoView {
    start_island(messages, interface);
    view! { <InstrumentPreview definition /> }.erase_on_server()
}

/// The messages the preview shows, in `locale`, for a definition with
/// `items` items (counts go up to that).
#[cfg(feature = "ssr")]
pub fn preview_messages(locale: Locale, items: usize) -> Catalog {
    crate::i18n::catalog(
        locale,
        include_str!("../../../../../locales/en/preview.ftl"),
        i64::try_from(items).unwrap_or(i64::MAX),
    )
}

/// The preview of `definition`. The instrument locale starts as the
/// interface locale when the definition has it (else its source locale),
/// the subject as male (when the instrument is used for men); the optional
/// props choose otherwise (links, tests).
#[component]
pub fn InstrumentPreview(
    definition: Definition,
    /// The instrument locale to start with, if the definition has it.
    #[prop(optional)]
    initial_locale: Option<Locale>,
    /// The subject gender to start with, if the instrument is used for it.
    #[prop(optional)]
    initial_gender: Option<Gender>,
) -> impl IntoView {
    let interface = use_i18n().locale.get_untracked();
    let locale = state::initial_locale(&definition.meta, initial_locale, interface);
    let gender = state::initial_gender(&definition.meta, initial_gender);
    let code = definition.meta.code.to_string();
    let sections = section::placed_sections(&definition);
    let state = PreviewState::new(definition, locale, gender);

    view! {
        <div class="preview" data-preview=code>
            <PreviewHeader state />
            <PreviewControls state />
            <div class="preview-layout">
                <div class="preview-form">
                    {sections
                        .into_iter()
                        .map(|(index, first_item, section)| {
                            view! { <PreviewSection state index first_item section /> }
                        })
                        .collect_view()}
                </div>
                <OutcomePanel state />
            </div>
        </div>
    }
    .erase_on_server()
}

#[cfg(all(test, feature = "ssr"))]
mod ssr_tests;
