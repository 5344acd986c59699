//! The assessment form in the browser: the one part of the assessment page
//! that runs there.
//!
//! Why an island over the preview's parts: an assessor must see items
//! appear and disappear by their conditions, the progress, and the scores,
//! bands, flags and suggested levels as they answer — the same `domain`
//! evaluator the server runs on every save and submission (the server's
//! result is the one that counts). The sections, items, companions,
//! outcome panel and judgements are the preview's; what is the
//! assessment's own is here: the real subject (gender and age pinned when
//! it started), the answers saved so far, and saving ([`save`]): every
//! change goes to the browser's storage first and then to the server, so a
//! reload, a closed tab or a network outage loses nothing.

mod save;
mod submit;

use crate::components::EraseOnServer;
use crate::features::instruments::preview::state::PreviewState;
use crate::i18n::{Catalog, arg, start_island, t, t_args};
use domain::definition::{Answer, Answers, Definition};
use domain::{Gender, Locale};
use leptos::prelude::*;
use save::{SaveState, SaveStatus};
use serde::{Deserialize, Serialize};

/// What the page hands the island.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Serialize))]
pub struct FillForm {
    pub id: String,
    pub revision: i64,
    pub definition: Definition,
    /// The language of the items (not of the interface).
    pub locale: Locale,
    pub gender: Gender,
    pub age: Option<u32>,
    pub answers: Answers,
}

/// In the browser the island only reads what the page handed it; the
/// island's wrapper would write it out again (for a page that makes the
/// island, which no page in the browser does), so writing nothing there keeps
/// the whole definition's serializer out of the bundle (about 2 KB).
#[cfg(not(feature = "ssr"))]
impl Serialize for FillForm {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit()
    }
}

/// The messages the island shows, in `locale`: the preview's and its own.
#[cfg(feature = "ssr")]
pub fn fill_messages(locale: Locale, items: usize) -> Catalog {
    crate::i18n::catalog(
        locale,
        concat!(
            include_str!("../../../../../locales/en/preview.ftl"),
            "\n",
            include_str!("../../../../../locales/en/fill.ftl")
        ),
        i64::try_from(items).unwrap_or(i64::MAX),
    )
}

/// Only rendered on the server.
#[cfg(not(feature = "ssr"))]
pub fn fill_messages(_: Locale, _: usize) -> Catalog {
    Catalog::default()
}

/// An island only in its own bundle (`fill`) and on the server; the
/// preview's and the editor's bundles do not carry it.
#[cfg_attr(
    any(feature = "ssr", all(feature = "fill", not(feature = "editor"))),
    island
)]
#[cfg_attr(
    not(any(feature = "ssr", all(feature = "fill", not(feature = "editor")))),
    component
)]
pub fn FillIsland(form: FillForm, interface: Locale, messages: Catalog) -> impl IntoView {
    start_island(messages, interface);
    let FillForm {
        id,
        revision,
        definition,
        locale,
        gender,
        age,
        answers,
    } = form;
    let sections = crate::features::instruments::preview::section::placed_sections(&definition);
    let alongside = RwSignal::new(None);
    let state = PreviewState {
        alongside: Some(alongside),
        ..PreviewState::of_subject(definition, locale, gender, age, answers)
    };
    let saving = SaveState::new(id, revision, state);
    view! {
        <div class="preview fill" data-assessment=saving.id()>
            <AlongsidePicker state alongside />
            <FillBar state saving />
            <div class="preview-layout">
                <div class="preview-form">
                    {move || {
                        // Drawn again when the answers are replaced as a whole.
                        saving.generation.track();
                        sections
                            .iter()
                            .cloned()
                            .map(|(index, first_item, section)| {
                                view! {
                                    <crate::features::instruments::preview::section::PreviewSection
                                        state
                                        index
                                        first_item
                                        section
                                    />
                                }
                            })
                            .collect_view()
                    }}
                    <submit::SubmitPanel state saving />
                </div>
                <crate::features::instruments::preview::outcome::OutcomePanel state />
            </div>
        </div>
    }
    .erase_on_server()
}

/// Whether an answer counts as done for the progress bar: a value, or an
/// omission.
fn done(answer: Option<&Answer>) -> bool {
    answer.is_some_and(|a| a.value.is_some() || a.omitted)
}

/// Items shown to this subject with these answers, and how many of them
/// are answered (or omitted).
pub fn progress(state: PreviewState) -> (usize, usize) {
    state.definition.with_value(|d| {
        state.visibility.with(|v| {
            state.answers.with(|a| {
                let shown: Vec<&str> = d
                    .sections
                    .iter()
                    .flat_map(|s| s.items.iter())
                    .zip(v.items.iter())
                    .filter(|(_, shown)| **shown)
                    .map(|(item, _)| item.key.as_str())
                    .collect();
                let answered = shown.iter().filter(|k| done(a.items.get(**k))).count();
                (answered, shown.len())
            })
        })
    })
}

/// The bar over the form: progress, and whether everything is saved.
#[component]
fn FillBar(state: PreviewState, saving: SaveState) -> impl IntoView {
    let counts = Memo::new(move |_| progress(state));
    let label = t_args("fill-progress", move || {
        let (answered, shown) = counts.get();
        vec![("answered", arg(answered)), ("shown", arg(shown))]
    });
    let locale = crate::i18n::use_i18n().locale;
    let status = move || {
        let id = match saving.status.get() {
            SaveStatus::Saved => "fill-saved",
            SaveStatus::Unsaved => "fill-unsaved",
            SaveStatus::Saving => "fill-saving",
            SaveStatus::Offline => "fill-offline",
            SaveStatus::Conflict => "fill-conflict",
            SaveStatus::Refused(id) => return crate::i18n::tr(locale.get(), &id),
        };
        crate::i18n::tr(locale.get(), id)
    };
    let status_code = move || saving.status.get().code();
    view! {
        <div class="card fill-bar">
            <div class="fill-progress">
                <label for="fill-progress">{label}</label>
                <progress
                    id="fill-progress"
                    max=move || counts.get().1.max(1)
                    value=move || counts.get().0
                ></progress>
            </div>
            <p class="fill-status" data-save=status_code role="status" aria-live="polite">
                {status}
            </p>
            <save::ConflictChoice saving />
            <p class="hint">{t("fill-storage-hint")}</p>
        </div>
    }
    .erase_on_server()
}

/// Where this device remembers the language shown alongside the items.
const ALONGSIDE_KEY: &str = "mizon.alongside";

/// "Also show the wording in": another of the instrument's languages
/// beside every text, or none; this device remembers the choice.
#[component]
fn AlongsidePicker(state: PreviewState, alongside: RwSignal<Option<Locale>>) -> impl IntoView {
    let (items, offered) = state.definition.with_value(|d| {
        let offered = crate::features::instruments::preview::state::offered_locales(&d.meta);
        (state.locale.get_untracked(), offered)
    });
    Effect::new(move |_| {
        let kept = save::read_kept(ALONGSIDE_KEY).and_then(|l| l.parse::<Locale>().ok());
        alongside.set(kept.filter(|l| *l != items));
    });
    let options = offered
        .into_iter()
        .filter(|l| *l != items)
        .map(|l| view! { <option value=l.code() lang=l.code()>{l.endonym()}</option> })
        .collect_view();
    view! {
        <div class="card fill-alongside">
            <label for="fill-alongside">{t("fill-alongside")}</label>
            <select
                id="fill-alongside"
                prop:value=move || alongside.get().map(|l| l.code()).unwrap_or_default()
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    save::write_kept(ALONGSIDE_KEY, &value);
                    alongside.set(value.parse::<Locale>().ok());
                }
            >
                <option value="">{t("fill-alongside-none")}</option>
                {options}
            </select>
        </div>
    }
    .erase_on_server()
}
