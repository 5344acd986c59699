//! Files for external translators: what an export holds per text, and what
//! an upload gives back per row. The formats (`ftl`, `xlsx`) only convert;
//! which rows apply is decided by the service that reads them.

use crate::model::RefusalReason;
use domain::definition::Wording;
use domain::{Gender, InstrumentCode, Locale};

/// One text of a version, as exported for one target locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    /// Stable id (`domain::definition::translation`): a Fluent identifier.
    pub id: String,
    /// JSON pointer in the version's definition (for the translator's note).
    pub path: String,
    /// The source-language wording (`None` if the author has not written it).
    pub source: Option<Wording>,
    /// Hash of `source`; an upload must carry it back unchanged.
    pub source_hash: String,
    /// The target locale's wording now, if any.
    pub target: Option<Wording>,
    /// Human-readable status, e.g. `draft` or `male: approved, female: missing`.
    pub status: String,
    /// Context for the translator: what the text is (item label, option…).
    pub note: String,
    /// Genders that may see the text.
    pub genders: Vec<Gender>,
}

/// A whole export: one version, one target locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    pub code: InstrumentCode,
    pub version: i64,
    pub source_locale: Locale,
    pub locale: Locale,
    pub rows: Vec<ExportRow>,
}

/// One row read back from an uploaded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadRow {
    pub id: String,
    /// The source hash the row was made against (`None` when the file lost it).
    pub source_hash: Option<String>,
    /// The wording typed: `Ok(None)` when left empty (nothing to apply),
    /// `Err` when the value is not a wording.
    pub target: Result<Option<Wording>, RefusalReason>,
    /// Where in the file, for messages: `line 12`, `row 7`.
    pub at: String,
    /// The hash of the target wording the row was written over (the
    /// page's form sends it): when the wording has changed since, the row
    /// is refused rather than written over someone else's. `None`: not
    /// checked (files carry only the source's hash).
    pub base: Option<String>,
}

/// Why a file does not parse; an upload with any is refused whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub at: String,
    pub message: String,
}

/// The target language a file says it is for: the Fluent header's
/// `Target language: ru (…)`, the workbook's `about` sheet's `target
/// locale`. `None` when the file does not say (a translator's own file).
pub fn declared_locale(bytes: &[u8], ftl: bool) -> Option<Locale> {
    if ftl {
        let text = std::str::from_utf8(bytes).ok()?;
        return text
            .lines()
            .take_while(|l| l.starts_with('#') || l.trim().is_empty())
            .find_map(|l| l.split("Target language: ").nth(1))
            .and_then(|rest| rest.split([' ', '.']).next())
            .and_then(|code| code.parse().ok());
    }
    use calamine::{Reader, Xlsx};
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).ok()?;
    let about = workbook.worksheet_range("about").ok()?;
    about.rows().find_map(|row| {
        let key = row.first()?.to_string();
        (key.trim() == "target locale")
            .then(|| row.get(1)?.to_string().trim().parse().ok())
            .flatten()
    })
}
