//! The instrument library: the list, and a read-only live preview of a version.

mod get_version;
mod instruments_page;
mod list_instruments;
pub mod preview;
mod preview_page;

pub use get_version::{GetVersion, get_version};
pub use instruments_page::InstrumentsPage;
pub use list_instruments::{ListInstruments, list_instruments};
pub use preview_page::PreviewPage;
