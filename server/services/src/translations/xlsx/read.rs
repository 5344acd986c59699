//! Reading a workbook a translator sends back.
//!
//! The file has been through a spreadsheet program and a person, so the
//! reader is forgiving where that costs nothing and strict where a guess
//! could apply a wording to the wrong text:
//!
//! - Columns are found by header name (trimmed, any case), so reordered,
//!   added or hidden columns do no harm; without `key` or `target` the file
//!   is refused. The header is the first non-empty row.
//! - Empty rows are skipped; a row with a target but no key, or a key seen
//!   twice, refuses the file (which of the two rows is meant?).
//! - Keys and hashes are trimmed. Wordings are kept exactly as typed (inner
//!   and outer spaces, line breaks), except that trailing carriage returns
//!   (left by pasting Windows text) are dropped; a whitespace-only cell is
//!   empty. A cell the spreadsheet made a number, boolean or date is read as
//!   it displays (`10`, `TRUE`, `2025-03-01`); an error cell (`#REF!`) in a
//!   target column is not a wording and refuses that row.

use super::{KEY, SHEET, SOURCE_HASH, TARGET, TARGET_FEMALE};
use crate::model::RefusalReason;
use crate::translations::files::{FileProblem, UploadRow};
use calamine::{Data, ExcelDateTime, Range, Reader, Xlsx};
use domain::definition::Wording;
use std::collections::HashMap;
use std::io::Cursor;

/// The rows of an uploaded workbook, or every reason it cannot be read.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<UploadRow>, Vec<FileProblem>> {
    let (name, range) = sheet(bytes).map_err(|p| vec![p])?;
    let first = range.start().map_or(0, |(row, _)| row);
    // (spreadsheet row number, cells) of every row with something in it.
    let mut lines = (first + 1..)
        .zip(range.rows())
        .filter(|(_, cells)| cells.iter().any(|c| !text(c).trim().is_empty()));
    let Some((header_at, header)) = lines.next() else {
        return Err(vec![problem(
            "file",
            format!("the sheet `{name}` is empty"),
        )]);
    };
    let columns = Columns::find(header, header_at)?;
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    for (n, cells) in lines {
        let at = format!("row {n}");
        let cell = |c: Option<usize>| c.and_then(|c| cells.get(c)).unwrap_or(&Data::Empty);
        let key = text(cell(Some(columns.key))).trim().to_owned();
        let male = cell(Some(columns.target));
        let female = cell(columns.female);
        if key.is_empty() {
            if !wording(male).is_empty() || !wording(female).is_empty() {
                problems.push(problem(&at, "no key".into()));
            }
            continue;
        }
        if let Some(before) = seen.insert(key.clone(), n) {
            problems.push(problem(&at, format!("key `{key}` is also on row {before}")));
            continue;
        }
        let source_hash =
            Some(text(cell(columns.hash)).trim().to_owned()).filter(|h| !h.is_empty());
        rows.push(UploadRow {
            id: key,
            source_hash,
            target: target(male, female),
            at,
            base: None,
        });
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// The `translations` worksheet, else the first one.
fn sheet(bytes: &[u8]) -> Result<(String, Range<Data>), FileProblem> {
    let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        problem(
            "file",
            format!("not an XLSX workbook (save it as .xlsx): {e}"),
        )
    })?;
    let names = workbook.sheet_names();
    let name = names
        .iter()
        .find(|n| n.trim().eq_ignore_ascii_case(SHEET))
        .or(names.first())
        .ok_or_else(|| problem("file", "the workbook has no sheet".into()))?
        .clone();
    match workbook.worksheet_range(&name) {
        Ok(range) => Ok((name, range)),
        Err(e) => Err(problem(
            "file",
            format!("cannot read the sheet `{name}`: {e}"),
        )),
    }
}

/// Where the columns read are (indices into a row of the range).
struct Columns {
    key: usize,
    target: usize,
    female: Option<usize>,
    hash: Option<usize>,
}

impl Columns {
    fn find(header: &[Data], at: u32) -> Result<Columns, Vec<FileProblem>> {
        let at = format!("row {at}");
        let mut problems = Vec::new();
        let mut find = |name: &str| {
            let mut found = header
                .iter()
                .enumerate()
                .filter(|(_, cell)| text(cell).trim().eq_ignore_ascii_case(name))
                .map(|(c, _)| c);
            let first = found.next();
            if found.next().is_some() {
                problems.push(problem(&at, format!("two columns are named `{name}`")));
            }
            first
        };
        let (key, target) = (find(KEY), find(TARGET));
        let (female, hash) = (find(TARGET_FEMALE), find(SOURCE_HASH));
        for (column, name) in [(key, KEY), (target, TARGET)] {
            if column.is_none() {
                problems.push(problem(&at, format!("no column named `{name}`")));
            }
        }
        match (key, target) {
            (Some(key), Some(target)) if problems.is_empty() => Ok(Columns {
                key,
                target,
                female,
                hash,
            }),
            _ => Err(problems),
        }
    }
}

/// What a row's target cells say.
fn target(male: &Data, female: &Data) -> Result<Option<Wording>, RefusalReason> {
    if matches!(male, Data::Error(_)) || matches!(female, Data::Error(_)) {
        return Err(RefusalReason::BadValue);
    }
    let (male, female) = (wording(male), wording(female));
    Ok(match (male.is_empty(), female.is_empty()) {
        (_, false) => Some(Wording::Gendered {
            male: (!male.is_empty()).then_some(male),
            female: Some(female),
        }),
        (false, true) => Some(Wording::Neutral(male)),
        (true, true) => None,
    })
}

/// A wording cell as typed, without trailing carriage returns; empty if it
/// holds only whitespace.
fn wording(cell: &Data) -> String {
    let text = text(cell);
    let text = text.trim_end_matches('\r');
    if text.trim().is_empty() {
        String::new()
    } else {
        text.to_owned()
    }
}

/// A cell as the spreadsheet displays it.
fn text(cell: &Data) -> String {
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Empty => String::new(),
        // Rust prints whole floats without a fraction: 10.0 is `10`.
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(true) => "TRUE".into(),
        Data::Bool(false) => "FALSE".into(),
        Data::DateTime(d) => date_time(d),
        Data::Error(e) => e.to_string(),
    }
}

/// `2025-03-01`, `2025-03-01 14:30:00`, or a duration as `36:15:00`.
fn date_time(d: &ExcelDateTime) -> String {
    if d.is_duration() {
        let seconds = (d.as_f64() * 86_400.0).round() as i64;
        let sign = if seconds < 0 { "-" } else { "" };
        let s = seconds.abs();
        return format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    }
    let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
    if (hour, minute, second) == (0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02}:{second:02}")
    }
}

fn problem(at: &str, message: String) -> FileProblem {
    FileProblem {
        at: at.to_owned(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::CellErrorType;
    use rust_xlsxwriter::{ExcelDateTime as WrittenDate, Format, Workbook, Worksheet, XlsxError};

    /// A workbook of one sheet per `(name, rows)`, every cell a string.
    fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
        build(|workbook| {
            for (name, rows) in sheets {
                let sheet = workbook.add_worksheet().set_name(*name)?;
                strings(sheet, rows)?;
            }
            Ok(())
        })
    }

    fn build(fill: impl FnOnce(&mut Workbook) -> Result<(), XlsxError>) -> Vec<u8> {
        let mut workbook = Workbook::new();
        fill(&mut workbook).unwrap();
        workbook.save_to_buffer().unwrap()
    }

    fn strings(sheet: &mut Worksheet, rows: &[&[&str]]) -> Result<(), XlsxError> {
        for (r, row) in (0u32..).zip(rows) {
            for (c, cell) in (0u16..).zip(row.iter()) {
                if !cell.is_empty() {
                    sheet.write_string(r, c, *cell)?;
                }
            }
        }
        Ok(())
    }

    fn neutral(s: &str) -> Result<Option<Wording>, RefusalReason> {
        Ok(Some(Wording::Neutral(s.into())))
    }

    fn messages(problems: &[FileProblem]) -> Vec<(&str, &str)> {
        problems
            .iter()
            .map(|p| (p.at.as_str(), p.message.as_str()))
            .collect()
    }

    #[test]
    fn columns_are_found_by_name_in_any_order_and_case() {
        let bytes = workbook(&[(
            "translations",
            &[
                &[
                    "Note",
                    " TARGET ",
                    "my remarks",
                    "Key",
                    "Target (Female)",
                    "Source Hash",
                ],
                &["label", "Осуждённый", "check", "a", "Осуждённая", " h1 "],
                &["", "Маҳкумшуда", "", "b", "", "h2"],
            ],
        )]);
        let rows = read_xlsx(&bytes).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].id, "a");
        assert_eq!(rows[0].source_hash.as_deref(), Some("h1"));
        assert_eq!(
            rows[0].target,
            Ok(Some(Wording::Gendered {
                male: Some("Осуждённый".into()),
                female: Some("Осуждённая".into()),
            }))
        );
        assert_eq!(rows[0].at, "row 2");
        assert_eq!(
            (rows[1].id.as_str(), &rows[1].target),
            ("b", &neutral("Маҳкумшуда"))
        );
    }

    #[test]
    fn without_hash_or_female_columns_the_rows_still_read() {
        let bytes = workbook(&[("Sheet1", &[&["key", "target"], &["a", "A"], &["b", ""]])]);
        let rows = read_xlsx(&bytes).unwrap();
        assert_eq!(rows[0].source_hash, None);
        assert_eq!(rows[0].target, neutral("A"));
        assert_eq!(rows[1].target, Ok(None));
    }

    #[test]
    fn the_translations_sheet_is_read_wherever_it_is() {
        let bytes = workbook(&[
            ("about", &[&["instrument", "IRNS"]]),
            ("Translations", &[&["key", "target"], &["a", "A"]]),
        ]);
        assert_eq!(read_xlsx(&bytes).unwrap()[0].target, neutral("A"));
    }

    #[test]
    fn something_that_is_not_an_xlsx_is_refused() {
        let junk: Vec<u8> = (0u8..=255).cycle().skip(7).step_by(13).take(4096).collect();
        for bytes in [&junk[..], b"", b"PK\x03\x04 not really a zip"] {
            let problems = read_xlsx(bytes).unwrap_err();
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].at, "file");
            assert!(problems[0].message.starts_with("not an XLSX workbook"));
        }
    }

    #[test]
    fn a_sheet_without_a_key_or_target_column_is_refused() {
        let bytes = workbook(&[(
            "translations",
            &[&["id", "source", "translation"], &["a", "A", "B"]],
        )]);
        let problems = read_xlsx(&bytes).unwrap_err();
        assert_eq!(
            messages(&problems),
            [
                ("row 1", "no column named `key`"),
                ("row 1", "no column named `target`")
            ]
        );
        let bytes = workbook(&[("translations", &[&["key", "target", "KEY"]])]);
        let problems = read_xlsx(&bytes).unwrap_err();
        assert_eq!(
            messages(&problems),
            [("row 1", "two columns are named `key`")]
        );
        let empty = workbook(&[("Лист1", &[])]);
        assert_eq!(
            messages(&read_xlsx(&empty).unwrap_err()),
            [("file", "the sheet `Лист1` is empty")]
        );
    }

    #[test]
    fn a_duplicate_key_or_a_target_without_a_key_is_refused() {
        let bytes = workbook(&[(
            "translations",
            &[
                &["key", "target", "note"],
                &["a", "A", ""],
                &["", "", "a translator's remark: skipped"],
                &[" a ", "A again", ""],
                &["", "orphan", ""],
            ],
        )]);
        let problems = read_xlsx(&bytes).unwrap_err();
        assert_eq!(
            messages(&problems),
            [("row 4", "key `a` is also on row 2"), ("row 5", "no key")]
        );
    }

    #[test]
    fn empty_rows_are_skipped_and_rows_keep_their_spreadsheet_numbers() {
        let bytes = workbook(&[(
            "translations",
            &[
                &[],
                &[],
                &["key", "target"],
                &[],
                &["a", "A"],
                &["  ", " "],
                &["b", "B"],
            ],
        )]);
        let rows = read_xlsx(&bytes).unwrap();
        let at: Vec<_> = rows
            .iter()
            .map(|r| (r.id.as_str(), r.at.as_str()))
            .collect();
        assert_eq!(at, [("a", "row 5"), ("b", "row 7")]);
    }

    #[test]
    fn wordings_are_kept_as_typed_but_blank_cells_are_empty() {
        let bytes = workbook(&[(
            "translations",
            &[
                &["key", "target", "target (female)"],
                &["spaces", "  two  spaces ", ""],
                &["blank", " \n ", "\t"],
                &["pasted", "line one\r\nline two\r", ""],
                &["female", "", "Осуждённая"],
            ],
        )]);
        let rows = read_xlsx(&bytes).unwrap();
        assert_eq!(rows[0].target, neutral("  two  spaces "));
        assert_eq!(rows[1].target, Ok(None));
        assert_eq!(rows[2].target, neutral("line one\r\nline two"));
        assert_eq!(
            rows[3].target,
            Ok(Some(Wording::Gendered {
                male: None,
                female: Some("Осуждённая".into()),
            }))
        );
    }

    #[test]
    fn numbers_booleans_and_dates_read_as_they_display() {
        let bytes = build(|workbook| {
            let sheet = workbook.add_worksheet();
            strings(
                sheet,
                &[
                    &["key", "target"],
                    &["ten"],
                    &["half"],
                    &["yes"],
                    &["day"],
                    &["id"],
                ],
            )?;
            sheet.write_number(1, 1, 10)?;
            sheet.write_number(2, 1, 2.5)?;
            sheet.write_boolean(3, 1, true)?;
            let date = Format::new().set_num_format("dd.mm.yyyy");
            sheet.write_datetime_with_format(4, 1, WrittenDate::from_ymd(2025, 3, 1)?, &date)?;
            sheet.write_number(5, 0, 42)?;
            sheet.write_number(5, 1, 1)?;
            Ok(())
        });
        let rows = read_xlsx(&bytes).unwrap();
        let read: Vec<_> = rows
            .iter()
            .map(|r| (r.id.as_str(), r.target.clone()))
            .collect();
        assert_eq!(
            read,
            [
                ("ten", neutral("10")),
                ("half", neutral("2.5")),
                ("yes", neutral("TRUE")),
                ("day", neutral("2025-03-01")),
                ("42", neutral("1")),
            ]
        );
    }

    #[test]
    fn an_error_cell_is_not_a_wording() {
        let error = Data::Error(CellErrorType::Ref);
        let text = Data::String("A".into());
        assert_eq!(target(&error, &Data::Empty), Err(RefusalReason::BadValue));
        assert_eq!(target(&text, &error), Err(RefusalReason::BadValue));
        // In a key it is text, which names no text of the version.
        assert_eq!(super::text(&error), "#REF!");
    }

    #[test]
    fn durations_and_times_display_as_clock_time() {
        use calamine::ExcelDateTimeType;
        let duration = ExcelDateTime::new(1.5 + 1.0 / 96.0, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(date_time(&duration), "36:15:00");
        let noon = ExcelDateTime::new(45943.5, ExcelDateTimeType::DateTime, false);
        assert_eq!(date_time(&noon), "2025-10-13 12:00:00");
    }
}
