//! Saving an assessment as the assessor goes, without ever losing an
//! answer.
//!
//! Every change is written at once to the browser's storage (under the
//! assessment's id, with the revision it was made on), then sent to the
//! server after a short pause. Only when the server has acknowledged the
//! very answers shown is the stored copy removed; until then the bar says
//! "not yet saved". When the network is gone the save is retried (every
//! few seconds, and as soon as the browser is online again); when the page
//! is reloaded or reopened, the stored copy is put back and saved.
//!
//! If the server's copy moved on meanwhile (another tab or device saved),
//! nothing is overwritten silently: the assessor chooses between their
//! answers on this device and the saved ones. Either choice reloads the
//! page (which reads the saved answers and revision): "keep mine" marks
//! the kept copy to be saved over them, "use the saved ones" drops it.

use super::super::save_assessment;
use crate::error::AppError;
use crate::features::instruments::preview::state::PreviewState;
use crate::i18n::t;
use domain::definition::Answers;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::time::Duration;

/// How long after the last change a save starts.
const PAUSE: Duration = Duration::from_millis(800);
/// How long after a failed save (no network) the next try starts.
const RETRY: Duration = Duration::from_secs(4);

#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    Saved,
    /// Changed here, not yet sent (kept in the browser's storage).
    Unsaved,
    Saving,
    /// The last save did not reach the server; retrying.
    Offline,
    /// The server's copy changed meanwhile: the assessor chooses.
    Conflict,
    /// Refused for another reason (a message id), e.g. submitted elsewhere.
    Refused(String),
}

impl SaveStatus {
    /// For `data-save` (tests and styles).
    pub fn code(&self) -> &'static str {
        match self {
            SaveStatus::Saved => "saved",
            SaveStatus::Unsaved => "unsaved",
            SaveStatus::Saving => "saving",
            SaveStatus::Offline => "offline",
            SaveStatus::Conflict => "conflict",
            SaveStatus::Refused(_) => "refused",
        }
    }
}

/// The copy in the browser's storage: answers not yet acknowledged, and
/// the revision they were made on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Kept {
    pub revision: i64,
    pub answers: Answers,
    /// The assessor chose these over a newer saved copy: on the next load
    /// they are saved over it.
    #[serde(default)]
    pub adopt: bool,
}

#[derive(Clone, Copy)]
pub struct SaveState {
    id: StoredValue<String>,
    pub revision: RwSignal<i64>,
    pub status: RwSignal<SaveStatus>,
    pub state: PreviewState,
    timer: StoredValue<Option<TimeoutHandle>>,
    in_flight: StoredValue<bool>,
    /// Bumped when the answers are replaced as a whole: the form is drawn
    /// again from them (text fields read their value once).
    pub generation: RwSignal<u64>,
}

impl SaveState {
    pub fn new(id: String, revision: i64, state: PreviewState) -> SaveState {
        let saving = SaveState {
            id: StoredValue::new(id),
            revision: RwSignal::new(revision),
            status: RwSignal::new(SaveStatus::Saved),
            state,
            timer: StoredValue::new(None),
            in_flight: StoredValue::new(false),
            generation: RwSignal::new(0),
        };
        // In the browser, once live: put back what this device kept, then
        // save every change.
        Effect::new(move |_| saving.restore());
        Effect::watch(
            move || state.answers.track(),
            move |_, _, _| saving.changed(),
            false,
        );
        saving.retry_when_online();
        saving
    }

    pub fn id(self) -> String {
        self.id.get_value()
    }

    fn key(self) -> String {
        format!("mizon.assessment.{}", self.id.get_value())
    }

    /// What this device kept from an earlier visit, if anything: the same
    /// answers as the server's are simply dropped; answers made on the
    /// server's revision (or chosen over a newer one) are put back and
    /// saved; answers made on an older revision are shown with the choice.
    fn restore(self) {
        let Some(kept) = storage::read(&self.key()) else {
            return;
        };
        let Ok(kept) = serde_json::from_str::<Kept>(&kept) else {
            storage::remove(&self.key());
            return;
        };
        if self.state.answers.with_untracked(|a| *a == kept.answers) {
            storage::remove(&self.key());
            return;
        }
        if kept.revision != self.revision.get_untracked() && !kept.adopt {
            self.status.set(SaveStatus::Conflict);
        }
        self.state.answers.set(kept.answers);
        self.generation.update(|g| *g += 1);
        // Saved (or, in a conflict, kept as it is) as any change.
        self.changed();
    }

    /// An answer changed: keep it on this device now, send it after a pause.
    fn changed(self) {
        if self.status.get_untracked() == SaveStatus::Conflict {
            // Kept as it was made (with its revision) until the choice.
            return;
        }
        self.keep(false);
        self.status.set(SaveStatus::Unsaved);
        self.schedule(PAUSE);
    }

    /// Writes the answers shown to the browser's storage.
    fn keep(self, adopt: bool) {
        let kept = Kept {
            revision: self.revision.get_untracked(),
            answers: self.state.answers.get_untracked(),
            adopt,
        };
        if let Ok(json) = serde_json::to_string(&kept) {
            storage::write(&self.key(), &json);
        }
    }

    fn schedule(self, after: Duration) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(move || self.save_now(), after).ok();
        self.timer.set_value(handle);
    }

    pub fn save_now(self) {
        if let Some(h) = self.timer.get_value() {
            h.clear();
        }
        if self.in_flight.get_value()
            || matches!(
                self.status.get_untracked(),
                SaveStatus::Saved | SaveStatus::Conflict | SaveStatus::Refused(_)
            )
        {
            // A save in flight starts the next one when it answers.
            return;
        }
        let sent = self.state.answers.get_untracked();
        self.in_flight.set_value(true);
        self.status.set(SaveStatus::Saving);
        let (id, revision) = (self.id.get_value(), self.revision.get_untracked());
        leptos::task::spawn_local(async move {
            let result = save_assessment(id, revision, sent.clone()).await;
            self.in_flight.set_value(false);
            match result {
                Ok(saved) => {
                    self.revision.set(saved.revision);
                    if self.state.answers.with_untracked(|a| *a == sent) {
                        storage::remove(&self.key());
                        self.status.set(SaveStatus::Saved);
                    } else {
                        // Changed while saving: keep the newer answers on
                        // the new revision, and save them too.
                        self.status.set(SaveStatus::Unsaved);
                        self.changed();
                    }
                }
                Err(AppError::Conflict { message_id })
                    if message_id == "error-assessment-changed" =>
                {
                    self.status.set(SaveStatus::Conflict);
                }
                Err(
                    e @ (AppError::Conflict { .. }
                    | AppError::Invalid { .. }
                    | AppError::InvalidAnswers { .. }
                    | AppError::NotFound
                    | AppError::Forbidden
                    | AppError::NotSignedIn),
                ) => self
                    .status
                    .set(SaveStatus::Refused(e.message_id().to_owned())),
                // The network, or a server that is restarting: try again.
                Err(_) => {
                    self.status.set(SaveStatus::Offline);
                    self.schedule(RETRY);
                }
            }
        });
    }

    /// After a conflict: this device's answers are saved over the others
    /// (the page reloads with the saved revision and saves them on it).
    fn keep_mine(self) {
        if let Some(Ok(mut kept)) =
            storage::read(&self.key()).map(|k| serde_json::from_str::<Kept>(&k))
        {
            kept.adopt = true;
            if let Ok(json) = serde_json::to_string(&kept) {
                storage::write(&self.key(), &json);
            }
        }
        reload();
    }

    /// After a conflict: this device's answers are dropped; the page
    /// reloads with the saved ones.
    fn take_theirs(self) {
        storage::remove(&self.key());
        reload();
    }

    /// The browser says the network is back: send what waits now.
    fn retry_when_online(self) {
        #[cfg(not(feature = "ssr"))]
        {
            let handle = window_event_listener(leptos::ev::online, move |_| {
                if self.status.get_untracked() == SaveStatus::Offline {
                    self.save_now();
                }
            });
            on_cleanup(move || handle.remove());
        }
        #[cfg(feature = "ssr")]
        let _ = self;
    }
}

fn reload() {
    #[cfg(not(feature = "ssr"))]
    let _ = window().location().reload();
}

/// The choice shown in a conflict.
#[component]
pub fn ConflictChoice(saving: SaveState) -> impl IntoView {
    move || {
        (saving.status.get() == SaveStatus::Conflict).then(|| {
            view! {
                <div class="actions fill-conflict" role="group">
                    <button type="button" class="primary" on:click=move |_| saving.keep_mine()>
                        {t("fill-keep-mine")}
                    </button>
                    <button type="button" on:click=move |_| saving.take_theirs()>
                        {t("fill-take-saved")}
                    </button>
                </div>
            }
        })
    }
}

/// The browser's local storage (nothing on the server).
mod storage {
    #[cfg(not(feature = "ssr"))]
    fn local() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    #[cfg(not(feature = "ssr"))]
    pub fn read(key: &str) -> Option<String> {
        local()?.get_item(key).ok()?
    }

    #[cfg(not(feature = "ssr"))]
    pub fn write(key: &str, value: &str) {
        if let Some(s) = local() {
            let _ = s.set_item(key, value);
        }
    }

    #[cfg(not(feature = "ssr"))]
    pub fn remove(key: &str) {
        if let Some(s) = local() {
            let _ = s.remove_item(key);
        }
    }

    #[cfg(feature = "ssr")]
    pub fn read(_: &str) -> Option<String> {
        None
    }

    #[cfg(feature = "ssr")]
    pub fn write(_: &str, _: &str) {}

    #[cfg(feature = "ssr")]
    pub fn remove(_: &str) {}

    /// Removes what is kept for an assessment (after it is submitted).
    pub fn forget(id: &str) {
        remove(&format!("mizon.assessment.{id}"));
    }
}

pub use storage::forget;

/// A preference this device keeps (not an answer).
pub fn read_kept(key: &str) -> Option<String> {
    storage::read(key)
}

pub fn write_kept(key: &str, value: &str) {
    storage::write(key, value)
}
