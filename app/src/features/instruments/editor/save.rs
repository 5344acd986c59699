//! Autosave with a revision number, and what happens when someone else
//! saved the same draft first.
//!
//! A save sends the whole definition and the revision it started from. The
//! server refuses it when that revision is stale; then the editor fetches
//! the current version with what the other person changed (the server's
//! diff from the last version this editor saved or loaded to theirs) and
//! keeps the refused edit in the form. The user re-applies their edits on
//! top of the other version (a three-way merge on the server, their own
//! edit winning where both changed one thing) or takes the other version. Nothing is
//! lost silently; leaving the page with unsaved changes asks first.

use super::super::{draft_changes, save_draft};
use crate::error::AppError;
use crate::i18n::{t, t_args, tr, use_i18n};
use crate::model::{Problem, VersionChange};
use domain::InstrumentCode;
use domain::definition::Definition;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use std::time::Duration;

/// A definition as compact JSON for the server (which stores its own
/// canonical form). Plain serde, not `Definition::to_json_pretty` or
/// `from_json`: their pretty printer and error paths would add tens of
/// kilobytes to the browser bundle for nothing the editor shows.
fn compact(definition: &Definition) -> String {
    serde_json::to_string(definition).unwrap_or_default()
}

/// How long after the last change a save starts.
const PAUSE: Duration = Duration::from_millis(1200);

#[derive(Clone, Debug)]
pub enum SaveStatus {
    Saved,
    Unsaved,
    Saving,
    /// Someone saved meanwhile: their revision, their definition, and what
    /// they changed.
    Conflict {
        revision: i64,
        theirs: Box<Definition>,
        /// Theirs with this editor's edits applied on top.
        merged: Box<Definition>,
        changes: Vec<VersionChange>,
    },
    /// Refused for another reason (a message id).
    Failed(String),
}

#[derive(Clone, Copy)]
pub struct SaveState {
    code: StoredValue<InstrumentCode>,
    number: i64,
    pub revision: RwSignal<i64>,
    /// The definition the server has at `revision`, as far as we know.
    base: StoredValue<Definition>,
    pub status: RwSignal<SaveStatus>,
    draft: RwSignal<Definition>,
    problems: RwSignal<Vec<Problem>>,
    timer: StoredValue<Option<TimeoutHandle>>,
    in_flight: StoredValue<bool>,
    /// Bumped when the draft is replaced as a whole (undo, theirs): the
    /// form re-reads it.
    pub generation: RwSignal<u64>,
}

impl SaveState {
    pub fn new(
        code: InstrumentCode,
        number: i64,
        revision: i64,
        base: Definition,
        draft: RwSignal<Definition>,
        problems: RwSignal<Vec<Problem>>,
    ) -> SaveState {
        SaveState {
            code: StoredValue::new(code),
            number,
            revision: RwSignal::new(revision),
            base: StoredValue::new(base),
            status: RwSignal::new(SaveStatus::Saved),
            draft,
            problems,
            timer: StoredValue::new(None),
            in_flight: StoredValue::new(false),
            generation: RwSignal::new(0),
        }
    }

    /// Whether something typed is not on the server yet.
    pub fn dirty(self) -> bool {
        !matches!(self.status.get_untracked(), SaveStatus::Saved)
    }

    /// A change was made: save after a pause (not while a conflict waits
    /// for the user's choice).
    pub fn changed(self) {
        if matches!(self.status.get_untracked(), SaveStatus::Conflict { .. }) {
            return;
        }
        self.status.set(SaveStatus::Unsaved);
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(move || self.save_now(), PAUSE).ok();
        self.timer.set_value(handle);
    }

    pub fn save_now(self) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        if self.in_flight.get_value() {
            // After the save in flight answers, the next one starts.
            return;
        }
        let sent = self.draft.get_untracked();
        self.in_flight.set_value(true);
        self.status.set(SaveStatus::Saving);
        let (code, number, revision) = (
            self.code.get_value(),
            self.number,
            self.revision.get_untracked(),
        );
        leptos::task::spawn_local(async move {
            let result = save_draft(code.clone(), number, revision, compact(&sent)).await;
            self.in_flight.set_value(false);
            match result {
                Ok(saved) => {
                    self.revision.set(saved.revision);
                    self.base.set_value(sent.clone());
                    self.problems.set(saved.problems);
                    if self.draft.with_untracked(|d| *d == sent) {
                        self.status.set(SaveStatus::Saved);
                    } else {
                        self.status.set(SaveStatus::Unsaved);
                        self.save_now();
                    }
                }
                Err(AppError::Conflict { message_id }) if message_id == "error-draft-changed" => {
                    self.show_conflict(code, number).await;
                }
                Err(e) => self
                    .status
                    .set(SaveStatus::Failed(e.message_id().to_owned())),
            }
        });
    }

    async fn show_conflict(self, code: InstrumentCode, number: i64) {
        let base = self.base.with_value(compact);
        let mine = self.draft.with_untracked(compact);
        match draft_changes(code, number, base, mine).await {
            Ok(current) => match (
                serde_json::from_str::<Definition>(current.definition.get()),
                serde_json::from_str::<Definition>(current.merged.get()),
            ) {
                (Ok(theirs), Ok(merged)) => self.status.set(SaveStatus::Conflict {
                    revision: current.revision,
                    theirs: Box::new(theirs),
                    merged: Box::new(merged),
                    changes: current.changes,
                }),
                _ => self
                    .status
                    .set(SaveStatus::Failed("editor-save-failed".to_owned())),
            },
            Err(e) => self
                .status
                .set(SaveStatus::Failed(e.message_id().to_owned())),
        }
    }

    /// After a conflict: this editor's edits applied on top of theirs
    /// (their other changes stay), shown and saved.
    fn keep_mine(self, revision: i64, theirs: Definition, merged: Definition) {
        self.revision.set(revision);
        self.base.set_value(theirs);
        self.draft.set(merged);
        self.generation.update(|g| *g += 1);
        self.status.set(SaveStatus::Unsaved);
        self.save_now();
    }

    /// After a conflict: drop this editor's edits and take theirs.
    fn take_theirs(self, revision: i64, theirs: Definition) {
        self.revision.set(revision);
        self.base.set_value(theirs.clone());
        self.draft.set(theirs);
        self.generation.update(|g| *g += 1);
        self.status.set(SaveStatus::Saved);
    }
}

/// Asks before the tab closes or navigates away with unsaved changes.
pub fn warn_before_leaving(save: SaveState) {
    #[cfg(not(feature = "ssr"))]
    {
        let handle = window_event_listener(leptos::ev::beforeunload, move |ev| {
            if save.dirty() {
                ev.prevent_default();
                ev.set_return_value("unsaved");
            }
        });
        on_cleanup(move || handle.remove());
    }
    #[cfg(feature = "ssr")]
    let _ = save;
}

fn class_label(class: &str) -> &'static str {
    match class {
        "structural" => "editor-class-structural",
        "scoring" => "editor-class-scoring",
        "wording" => "editor-class-wording",
        _ => "editor-class-translation",
    }
}

#[component]
pub fn SaveBar(save: SaveState) -> impl IntoView {
    let locale = use_i18n().locale;
    let revision = save.revision;
    let line = move || match save.status.get() {
        SaveStatus::Saved => EitherOf4::A(view! {
            <p class="save-state saved" data-save="saved">
                {t_args("editor-saved", move || vec![("revision", revision.get().into())])}
            </p>
        }),
        SaveStatus::Unsaved | SaveStatus::Saving => EitherOf4::B(view! {
            <p class="save-state pending" data-save="pending">
                {t("editor-saving")}
                " "
                <button type="button" on:click=move |_| save.save_now()>
                    {t("editor-save-now")}
                </button>
            </p>
        }),
        SaveStatus::Failed(id) => EitherOf4::C(view! {
            <p class="message error" role="alert" data-save="failed">
                {move || tr(locale.get(), &id)}
                " "
                <button type="button" on:click=move |_| save.save_now()>
                    {t("editor-retry")}
                </button>
            </p>
        }),
        SaveStatus::Conflict {
            revision,
            theirs,
            merged,
            changes,
        } => {
            let (mine_theirs, take) = (theirs.clone(), theirs);
            let rows = changes
                .into_iter()
                .map(|c| {
                    // A changed text: their new wording, as they wrote it.
                    let wording = match &c.after {
                        Some(serde_json::Value::String(text)) => Some(text.clone()),
                        _ => None,
                    };
                    view! {
                        <li>
                            <span class="tag">{t(class_label(&c.class))}</span>
                            " "
                            <code class="diff-path">{c.path}</code>
                            " "
                            {t(super::super::history_page::kind_label(&c.kind))}
                            {wording.map(|w| view! { " " <q class="their-text">{w}</q> })}
                        </li>
                    }
                })
                .collect_view();
            EitherOf4::D(view! {
                <div class="message error conflict" role="alert" data-save="conflict">
                    <p>{t("editor-conflict")}</p>
                    <h3>{t("editor-conflict-their-changes")}</h3>
                    <ul class="problems">{rows}</ul>
                    <p>{t("editor-conflict-kept")}</p>
                    <div class="actions">
                        <button
                            type="button"
                            class="primary"
                            on:click=move |_| save.keep_mine(revision, (*mine_theirs).clone(), (*merged).clone())
                        >
                            {t("editor-conflict-keep-mine")}
                        </button>
                        <button
                            type="button"
                            on:click=move |_| save.take_theirs(revision, (*take).clone())
                        >
                            {t("editor-conflict-take-theirs")}
                        </button>
                    </div>
                </div>
            })
        }
    };
    view! { <div class="save-bar">{line}</div> }
}
