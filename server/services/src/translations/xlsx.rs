//! XLSX files for external translators, who work in Excel or LibreOffice
//! rather than in a Fluent editor.
//!
//! One worksheet, `translations`, holds one row per text with the columns
//! [`HEADER`]: the translator fills in `target` (and `target (female)` for a
//! wording that differs by the subject's gender) and leaves `key` and
//! `source hash` alone; the hash is how an upload proves which source text a
//! translation was made against. A second worksheet, `about`, names the
//! instrument, version and locales and says just that.
//!
//! Writing ([`write_xlsx`]) puts every cell down as a string, so a wording
//! such as `0012` or `=…` is never turned into a number or a formula.
//! Reading ([`read_xlsx`]) finds its columns by their header names, so a
//! translator who reorders or adds columns does no harm, and returns what
//! each row says; which rows apply is the service's decision.
//!
//! A gendered target whose female variant is missing is written as `target`
//! alone, and such a row reads back as a neutral wording: the file has no
//! other place to say "gendered". The reverse (female only) reads back
//! exactly.

mod read;
mod write;

pub use read::read_xlsx;
pub use write::write_xlsx;

/// The worksheet of translations (read first if present).
const SHEET: &str = "translations";
/// The worksheet that says what the file is and how to fill it in.
const ABOUT: &str = "about";

const KEY: &str = "key";
const SOURCE: &str = "source";
const SOURCE_HASH: &str = "source hash";
const TARGET: &str = "target";
const TARGET_FEMALE: &str = "target (female)";
const STATUS: &str = "status";
const NOTE: &str = "note";

/// The header row of the `translations` sheet, in the order written.
const HEADER: [&str; 7] = [
    KEY,
    SOURCE,
    SOURCE_HASH,
    TARGET,
    TARGET_FEMALE,
    STATUS,
    NOTE,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::translations::files::{ExportFile, ExportRow};
    use domain::definition::Wording;
    use domain::{Gender, Locale};

    fn row(id: &str, target: Option<Wording>) -> ExportRow {
        ExportRow {
            id: id.into(),
            path: format!("/items/{id}/label"),
            source: Some(Wording::Neutral(format!("Source of {id}"))),
            source_hash: format!("hash-{id}"),
            target,
            status: "draft".into(),
            note: "item label".into(),
            genders: vec![Gender::Male, Gender::Female],
        }
    }

    fn neutral(s: &str) -> Option<Wording> {
        Some(Wording::Neutral(s.into()))
    }

    fn gendered(male: Option<&str>, female: Option<&str>) -> Option<Wording> {
        Some(Wording::Gendered {
            male: male.map(String::from),
            female: female.map(String::from),
        })
    }

    pub(super) fn sample() -> ExportFile {
        ExportFile {
            code: "IRNS".parse().unwrap(),
            version: 3,
            source_locale: Locale::En,
            locale: Locale::Ru,
            rows: vec![
                row("tajik", neutral("Маҳкумшуда ғ ӣ қ ӯ ҳ ҷ")),
                row(
                    "russian",
                    gendered(Some("Осуждённый отказался"), Some("Осуждённая отказалась")),
                ),
                row("missing", None),
                row("female-only", gendered(None, Some("Осуждённая"))),
                row("formula", neutral("=SUM(A1:A2)")),
                row("digits", neutral("0012")),
                row("lines", neutral("First line\nsecond line\n\nfourth")),
                row("spaces", neutral("  kept as typed ")),
            ],
        }
    }

    #[test]
    fn an_export_reads_back_row_for_row() {
        let file = sample();
        let rows = read_xlsx(&write_xlsx(&file).unwrap()).unwrap();
        assert_eq!(rows.len(), file.rows.len());
        for (n, (read, written)) in rows.iter().zip(&file.rows).enumerate() {
            assert_eq!(read.id, written.id);
            assert_eq!(
                read.source_hash.as_deref(),
                Some(written.source_hash.as_str())
            );
            assert_eq!(read.target, Ok(written.target.clone()), "{}", written.id);
            // The header is row 1.
            assert_eq!(read.at, format!("row {}", n + 2));
        }
    }

    #[test]
    fn a_male_only_gendered_target_reads_back_as_neutral() {
        let mut file = sample();
        file.rows = vec![row("male-only", gendered(Some("Осуждённый"), None))];
        let rows = read_xlsx(&write_xlsx(&file).unwrap()).unwrap();
        assert_eq!(rows[0].target, Ok(neutral("Осуждённый")));
    }
}
