//! Writing an export as a workbook a translator can fill in: the header
//! bold and frozen, wide wrapped columns for the texts, a filter on the
//! header (to show, say, only rows whose status is `missing`), and every
//! cell a string so that nothing the spreadsheet sees is evaluated.

use super::{ABOUT, HEADER, SHEET};
use crate::translations::files::{ExportFile, ExportRow};
use domain::definition::Wording;
use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

/// Column widths (in characters) in [`HEADER`] order: ids and hashes are
/// short, wordings and notes get room to read.
const WIDTHS: [f64; 7] = [28.0, 50.0, 18.0, 50.0, 50.0, 20.0, 40.0];
/// Columns whose text wraps: source, target, target (female), note.
const WRAPPED: [u16; 4] = [1, 3, 4, 6];

/// The export as an XLSX workbook: `translations`, then `about`.
pub fn write_xlsx(file: &ExportFile) -> Result<Vec<u8>, String> {
    workbook(file).map_err(|e| format!("could not write the XLSX file: {e}"))
}

fn workbook(file: &ExportFile) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    translations(workbook.add_worksheet(), &file.rows)?;
    about(workbook.add_worksheet(), file)?;
    workbook.save_to_buffer()
}

fn translations(sheet: &mut Worksheet, rows: &[ExportRow]) -> Result<(), XlsxError> {
    sheet.set_name(SHEET)?;
    let bold = Format::new().set_bold();
    let top = Format::new().set_align(FormatAlign::Top);
    let wrapped = top.clone().set_text_wrap();
    for (c, (name, width)) in (0u16..).zip(HEADER.iter().zip(WIDTHS)) {
        sheet.set_column_width(c, width)?;
        // A column format also covers the cells a translator types into.
        sheet.set_column_format(c, if WRAPPED.contains(&c) { &wrapped } else { &top })?;
        sheet.write_string_with_format(0, c, *name, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        let (male, female) = target_cells(row.target.as_ref());
        let cells = [
            row.id.as_str(),
            &source_cell(row.source.as_ref()),
            &row.source_hash,
            male,
            female,
            &row.status,
            &row.note,
        ];
        for (c, text) in (0u16..).zip(cells) {
            // An empty string would be stored as an empty shared string; a
            // cell left out is what an untouched blank cell looks like.
            if !text.is_empty() {
                sheet.write_string(r, c, text)?;
            }
        }
    }
    let last = u32::try_from(rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    sheet.autofilter(0, 0, last, 6)?;
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn about(sheet: &mut Worksheet, file: &ExportFile) -> Result<(), XlsxError> {
    sheet.set_name(ABOUT)?;
    let bold = Format::new().set_bold();
    let wrapped = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.set_column_width(0, 18)?;
    sheet.set_column_width(1, 80)?;
    let facts = [
        ("instrument", file.code.to_string()),
        ("version", file.version.to_string()),
        ("source locale", file.source_locale.to_string()),
        ("target locale", file.locale.to_string()),
        ("instructions", INSTRUCTIONS.to_owned()),
    ];
    for (r, (name, value)) in (0u32..).zip(facts) {
        sheet.write_string_with_format(r, 0, name, &bold)?;
        sheet.write_string_with_format(r, 1, value, &wrapped)?;
    }
    Ok(())
}

const INSTRUCTIONS: &str = "On the sheet `translations`, fill in `target` with the \
translation of `source`. For a wording that differs by the subject's gender, put \
the male wording in `target` and the female one in `target (female)`. Leave \
`target` empty to leave a text as it is. Do not change `key` or `source hash`: \
they tell which text, and which version of its source, a row translates. Rows \
and columns may be reordered or filtered.";

/// The source as the translator reads it: a gendered one on two lines.
fn source_cell(source: Option<&Wording>) -> String {
    match source {
        None => String::new(),
        Some(Wording::Neutral(text)) => text.clone(),
        Some(Wording::Gendered { male, female }) => {
            let line = |gender: &str, text: &Option<String>| match text {
                Some(text) => format!("{gender}: {text}"),
                None => format!("{gender}:"),
            };
            format!("{}\n{}", line("male", male), line("female", female))
        }
    }
}

/// The `target` and `target (female)` cells.
fn target_cells(target: Option<&Wording>) -> (&str, &str) {
    match target {
        None => ("", ""),
        Some(Wording::Neutral(text)) => (text, ""),
        Some(Wording::Gendered { male, female }) => (
            male.as_deref().unwrap_or_default(),
            female.as_deref().unwrap_or_default(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::sample;
    use super::*;
    use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
    use std::io::Cursor;

    fn sheet(bytes: Vec<u8>, name: &str) -> Vec<Vec<Data>> {
        let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
        let range = workbook.worksheet_range(name).unwrap();
        assert_eq!(range.start(), Some((0, 0)));
        range.rows().map(<[Data]>::to_vec).collect()
    }

    fn string(s: &str) -> Data {
        Data::String(s.into())
    }

    #[test]
    fn the_header_row_is_exactly_the_seven_columns() {
        let rows = sheet(write_xlsx(&sample()).unwrap(), "translations");
        let expected: Vec<Data> = [
            "key",
            "source",
            "source hash",
            "target",
            "target (female)",
            "status",
            "note",
        ]
        .map(string)
        .to_vec();
        assert_eq!(rows[0], expected);
    }

    #[test]
    fn the_sheets_are_translations_then_about() {
        let bytes = write_xlsx(&sample()).unwrap();
        let workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
        assert_eq!(workbook.sheet_names(), ["translations", "about"]);
        let about = sheet(bytes, "about");
        assert_eq!(about[0], [string("instrument"), string("IRNS")]);
        assert_eq!(about[1], [string("version"), string("3")]);
        assert_eq!(about[2], [string("source locale"), string("en")]);
        assert_eq!(about[3], [string("target locale"), string("ru")]);
    }

    #[test]
    fn every_cell_is_a_string_even_digits_and_formulas() {
        let rows = sheet(write_xlsx(&sample()).unwrap(), "translations");
        let by_key = |key: &str| {
            rows.iter()
                .find(|r| r[0] == string(key))
                .unwrap_or_else(|| panic!("no row {key}"))
        };
        assert_eq!(by_key("digits")[3], string("0012"));
        assert_eq!(by_key("formula")[3], string("=SUM(A1:A2)"));
        let russian = by_key("russian");
        assert_eq!(russian[3], string("Осуждённый отказался"));
        assert_eq!(russian[4], string("Осуждённая отказалась"));
        assert_eq!(by_key("missing")[3], Data::Empty);
        assert_eq!(by_key("tajik")[5], string("draft"));
        assert_eq!(by_key("tajik")[6], string("item label"));
    }

    #[test]
    fn a_gendered_source_is_written_on_two_lines() {
        let both = Wording::Gendered {
            male: Some("Он".into()),
            female: Some("Она".into()),
        };
        assert_eq!(source_cell(Some(&both)), "male: Он\nfemale: Она");
        let one = Wording::Gendered {
            male: None,
            female: Some("Она".into()),
        };
        assert_eq!(source_cell(Some(&one)), "male:\nfemale: Она");
        assert_eq!(source_cell(Some(&Wording::Neutral("Ӯ".into()))), "Ӯ");
        assert_eq!(source_cell(None), "");
    }
}
