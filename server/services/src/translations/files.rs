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

/// A file problem as the pages and the API say it: its kind as a message
/// id (`error-file-…`), its place (`line 12`, `row 7`) as a number the
/// message puts in words, and the reader's own words (the Fluent parser's,
/// in English) as the detail.
pub fn localizable(problem: FileProblem) -> crate::model::Problem {
    use domain::definition::MessageArg;
    let FileProblem { at, message } = problem;
    let kind = [
        ("not valid Fluent", "not-fluent"),
        ("appears twice", "repeated"),
        ("is also on row", "repeated"),
        ("no key", "no-key"),
        ("no column named", "no-column"),
        ("two columns are named", "column-twice"),
        ("not an XLSX", "not-xlsx"),
        ("has no sheet", "not-xlsx"),
        ("cannot read the sheet", "not-xlsx"),
        ("is empty", "empty"),
        ("not UTF-8", "not-text"),
    ]
    .into_iter()
    .find(|(needle, _)| message.contains(needle))
    .map_or("problem", |(_, id)| id);
    let mut args = std::collections::BTreeMap::new();
    let (unit, number) = match at.split_once(' ') {
        Some(("line", n)) => ("line", n.parse::<i64>().ok()),
        Some(("row", n)) => ("row", n.parse::<i64>().ok()),
        _ => ("file", None),
    };
    // The kinds that can be anywhere say where in their own words.
    // (`error-file-KIND`, and `-line`, `-row`, `-file` for the kinds
    // that can be anywhere.)
    let kind = match kind {
        "repeated" | "problem" => format!("error-file-{kind}-{unit}"),
        "not-fluent" if unit != "line" => "error-file-problem-file".to_owned(),
        other => format!("error-file-{other}"),
    };
    args.insert("number".to_owned(), MessageArg::Number(number.unwrap_or(0)));
    args.insert("detail".to_owned(), MessageArg::Text(message.clone()));
    crate::model::Problem {
        path: at,
        message,
        message_id: kind,
        args,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_of(at: &str, message: &str) -> (String, i64) {
        let p = localizable(FileProblem {
            at: at.into(),
            message: message.into(),
        });
        let number = match p.args.get("number") {
            Some(domain::definition::MessageArg::Number(n)) => *n,
            _ => -1,
        };
        (p.message_id, number)
    }

    #[test]
    fn each_kind_of_file_problem_has_its_message_and_place() {
        assert_eq!(
            id_of(
                "line 5",
                "not valid Fluent: Expected … (at line 5) in `a = {`"
            ),
            ("error-file-not-fluent".into(), 5)
        );
        assert_eq!(
            id_of("row 7", "key `a` is also on row 3"),
            ("error-file-repeated-row".into(), 7)
        );
        assert_eq!(
            id_of("line 9", "the message `a` appears twice (first at line 2)"),
            ("error-file-repeated-line".into(), 9)
        );
        assert_eq!(id_of("row 4", "no key"), ("error-file-no-key".into(), 4));
        assert_eq!(
            id_of("file", "not an XLSX workbook (save it as .xlsx): zip"),
            ("error-file-not-xlsx".into(), 0)
        );
        assert_eq!(
            id_of("row 2", "something new"),
            ("error-file-problem-row".into(), 2)
        );
    }
}
