//! The instrument library: the list, an instrument's version history with
//! the differences between any two versions, and a read-only live preview
//! of a version.

mod blank_form_page;
mod diff_versions;
mod drafts;
pub mod editor;
mod editor_page;
mod get_version;
mod history_page;
mod instruments_page;
mod list_instruments;
mod list_versions;
mod new_instrument_page;
pub mod preview;
mod preview_page;

pub use blank_form_page::BlankFormPage;
pub use diff_versions::{DiffVersions, diff_versions};
pub use drafts::{
    CreateInstrument, DraftChanges, SaveDraft, StartDraft, create_instrument, draft_changes,
    draft_path, save_draft, start_draft,
};
pub use editor_page::EditorPage;
pub use get_version::{GetVersion, get_version};
pub(crate) use history_page::Changes;
pub use history_page::HistoryPage;
pub use instruments_page::InstrumentsPage;
pub use list_instruments::{ListInstruments, list_instruments};
pub use list_versions::{ListVersions, list_versions};
pub use new_instrument_page::{IMPORT_PATH, NewInstrumentPage};
pub use preview_page::PreviewPage;
