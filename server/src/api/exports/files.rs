//! An export's table written as a file: CSV or XLSX.
//!
//! Both have two header rows: the columns' stable keys (for programs:
//! `self_harm`, `score.total.band`), then their labels in the export's
//! locale (for people). Fixed words are said here, in that locale.
//!
//! CSV: RFC 4180 (the `csv` crate quotes what needs it; CRLF line ends),
//! UTF-8 *with* a byte-order mark. Without the mark Excel reads UTF-8 as
//! the machine's legacy code page and Tajik and Russian come out as
//! mojibake; with it they open right, and LibreOffice, pandas and R skip
//! it. Prisoners' data ends up in spreadsheets, so a text cell that a
//! spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`,
//! a tab or a carriage return) is written with a `'` in front (OWASP's
//! advice on CSV injection); numbers are written as numbers.
//!
//! XLSX: one worksheet; text cells are written as strings, which a
//! spreadsheet never evaluates, so they are kept exactly as entered.

use app::i18n::tr;
use domain::Locale;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use services::exports::{AssessmentExport, Cell, Column};

/// What a text cell becomes in a CSV file: neutralised if a spreadsheet
/// would read it as a formula.
pub fn neutralise(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

fn label(column: &Column, locale: Locale) -> String {
    let word = column.word.map(|id| tr(locale, id));
    match (&column.label, word) {
        (Some(label), Some(word)) => format!("{label} — {word}"),
        (Some(label), None) => label.clone(),
        (None, Some(word)) => word,
        (None, None) => column.key.clone(),
    }
}

/// A number as people write it: `3`, not `3.0`.
fn number(n: f64) -> String {
    format!("{n}")
}

/// A cell's text (not neutralised).
fn text(cell: &Cell, locale: Locale) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(s) => s.clone(),
        Cell::Number(n) => number(*n),
        Cell::Word(id) => tr(locale, id),
    }
}

/// The export as a UTF-8 CSV file with a byte-order mark.
pub fn csv(export: &AssessmentExport) -> Result<Vec<u8>, csv::Error> {
    let locale = export.locale;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer("\u{feff}".as_bytes().to_vec());
    writer.write_record(export.columns.iter().map(|c| c.key.as_str()))?;
    writer.write_record(export.columns.iter().map(|c| neutralise(&label(c, locale))))?;
    for row in &export.rows {
        writer.write_record(row.iter().map(|cell| match cell {
            Cell::Number(n) => number(*n),
            other => neutralise(&text(other, locale)),
        }))?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

/// The export as an XLSX workbook of one worksheet, the header rows bold
/// and frozen.
pub fn xlsx(export: &AssessmentExport) -> Result<Vec<u8>, XlsxError> {
    let locale = export.locale;
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    // Codes are Latin letters, digits, `-` and `_`: a valid sheet name
    // once short enough (31 characters at most).
    let name: String = format!("{} v{}", export.instrument, export.version)
        .chars()
        .take(31)
        .collect();
    sheet.set_name(name)?;
    let bold = Format::new().set_bold();
    for (c, column) in export.columns.iter().enumerate() {
        let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
        sheet.write_string_with_format(0, c, &column.key, &bold)?;
        sheet.write_string_with_format(1, c, label(column, locale), &bold)?;
        sheet.set_column_width(c, 18)?;
    }
    for (r, row) in export.rows.iter().enumerate() {
        let r = u32::try_from(r + 2).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| XlsxError::RowColumnLimitError)?;
            match cell {
                Cell::Empty => {}
                Cell::Number(n) => {
                    sheet.write_number(r, c, *n)?;
                }
                other => {
                    sheet.write_string(r, c, text(other, locale))?;
                }
            }
        }
    }
    sheet.set_freeze_panes(2, 1)?;
    workbook.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_other_text_is_kept() {
        for formula in ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
            assert_eq!(neutralise(formula), format!("'{formula}"));
        }
        for plain in ["", "Seen at interview", "0 — No concern", "a=b", "'quoted"] {
            assert_eq!(neutralise(plain), plain);
        }
    }

    #[test]
    fn every_word_an_export_uses_is_translated() {
        for locale in Locale::ALL {
            for id in services::exports::WORDS {
                assert!(
                    app::i18n::try_tr(locale, id).is_some(),
                    "{locale}: no message {id}"
                );
            }
        }
        assert_eq!(tr(Locale::Ru, "export-answer-yes"), "Да");
    }

    fn sample() -> AssessmentExport {
        AssessmentExport {
            instrument: "IRNS".parse().unwrap(),
            version: 1,
            locale: Locale::En,
            columns: vec![
                Column {
                    key: "note".into(),
                    label: Some("A \"note\", quoted".into()),
                    word: None,
                },
                Column {
                    key: "score.total.value".into(),
                    label: Some("Total".into()),
                    word: Some("export-column-score-value"),
                },
            ],
            rows: vec![vec![
                Cell::Text("=HYPERLINK(\"x\")".into()),
                Cell::Number(-3.0),
            ]],
        }
    }

    #[test]
    fn csv_has_a_bom_two_header_rows_quoting_and_crlf() {
        let bytes = csv(&sample()).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(
            text,
            "\u{feff}note,score.total.value\r\n\
             \"A \"\"note\"\", quoted\",Total — value\r\n\
             \"'=HYPERLINK(\"\"x\"\")\",-3\r\n"
        );
    }

    #[test]
    fn xlsx_is_a_zip_workbook() {
        let bytes = xlsx(&sample()).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}
