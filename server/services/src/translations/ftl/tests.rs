//! Round trips: whatever `write_ftl` writes, `read_ftl` reads back as the
//! same ids, hashes and wordings.

use super::*;
use crate::translations::files::{ExportFile, ExportRow};
use domain::definition::Wording;
use domain::{Gender, InstrumentCode, Locale};

fn neutral(s: &str) -> Option<Wording> {
    Some(Wording::Neutral(s.into()))
}

fn gendered(male: Option<&str>, female: Option<&str>) -> Option<Wording> {
    Some(Wording::Gendered {
        male: male.map(Into::into),
        female: female.map(Into::into),
    })
}

fn row(id: &str, source: Option<Wording>, target: Option<Wording>) -> ExportRow {
    ExportRow {
        id: id.into(),
        path: format!("/items/{id}/label"),
        source,
        source_hash: format!("hash-{id}"),
        target,
        status: "male: approved, female: missing".into(),
        note: "Item label\nsecond line of the note".into(),
        genders: Gender::ALL.to_vec(),
    }
}

fn file(source_locale: Locale, locale: Locale, rows: Vec<ExportRow>) -> ExportFile {
    ExportFile {
        code: InstrumentCode::parse("ve-spj").expect("valid code"),
        version: 3,
        source_locale,
        locale,
        rows,
    }
}

/// What a target should read back as: blank wordings are "not translated".
fn expected(target: &Option<Wording>) -> Option<Wording> {
    let keep = |s: &Option<String>| s.clone().filter(|s| !s.trim().is_empty());
    match target {
        Some(Wording::Neutral(s)) if !s.trim().is_empty() => Some(Wording::Neutral(s.clone())),
        Some(Wording::Gendered { male, female }) => {
            let (male, female) = (keep(male), keep(female));
            (male.is_some() || female.is_some()).then_some(Wording::Gendered { male, female })
        }
        _ => None,
    }
}

fn assert_round_trip(f: &ExportFile) {
    let written = write_ftl(f);
    let read = read_ftl(&written).unwrap_or_else(|p| panic!("{p:?} in\n{written}"));
    assert_eq!(read.len(), f.rows.len(), "{written}");
    for (row, back) in f.rows.iter().zip(&read) {
        assert_eq!(back.id, row.id);
        assert_eq!(back.source_hash.as_deref(), Some(row.source_hash.as_str()));
        assert_eq!(
            back.target,
            Ok(expected(&row.target)),
            "row {} ({:?}) in\n{written}",
            row.id,
            row.target
        );
    }
}

fn realistic_rows() -> Vec<ExportRow> {
    let src_gendered = gendered(Some("Осуждённый отказался"), Some("Осуждённая отказалась"));
    let mut one_gender = row("only-women", src_gendered.clone(), None);
    one_gender.genders = vec![Gender::Female];
    vec![
        row(
            "tajik",
            neutral("Is the subject sad?"),
            neutral("Оё маҳкумшуда ғамгин аст? Ҷавоби ӯ: ҳа ё не — қарорӣ"),
        ),
        row(
            "russian-gendered",
            src_gendered.clone(),
            gendered(Some("Осуждённый отказался"), Some("Осуждённая отказалась")),
        ),
        row(
            "half-gendered",
            src_gendered.clone(),
            gendered(Some("Он согласился"), None),
        ),
        row("missing", neutral("Not yet"), None),
        row("missing-gendered", src_gendered.clone(), None),
        one_gender,
        row("no-source", None, None),
        row(
            "braces",
            neutral("{x}"),
            neutral("Use {name}, }{ and {{}} as typed"),
        ),
        row(
            "spaces",
            neutral(" x "),
            neutral("  leading and trailing  "),
        ),
        row(
            "multiline",
            neutral("a\nb"),
            neutral("First line\n  indented second\n\nafter a blank line\nlast "),
        ),
        row(
            "line-starts",
            neutral("x"),
            neutral("intro\n[bracket]\n*star\n.dot\n}brace\n"),
        ),
        row(
            "quotes",
            neutral("x"),
            neutral("\"quoted\" \\ backslash # hash = -term $var"),
        ),
        row(
            "gendered-multiline",
            src_gendered,
            gendered(Some("Он\n[сказал]\n"), Some(" Она ")),
        ),
    ]
}

#[test]
fn a_realistic_export_reads_back_exactly() {
    assert_round_trip(&file(Locale::Ru, Locale::Tg, realistic_rows()));
    assert_round_trip(&file(Locale::Tg, Locale::Ru, realistic_rows()));
}

#[test]
fn the_file_shows_source_status_and_hash_above_each_message() {
    let f = file(Locale::Tg, Locale::Ru, realistic_rows());
    let written = write_ftl(&f);
    assert!(written.starts_with("### Mizon translation of instrument ve-spj, version 3.\n"));
    assert!(written.contains("# Item label⏎second line of the note\n"));
    let expected = "\
# path: /items/russian-gendered/label
# source (male): Осуждённый отказался
# source (female): Осуждённая отказалась
# status: male: approved, female: missing
# source-hash: hash-russian-gendered
russian-gendered =
    { $gender ->
       *[male] Осуждённый отказался
        [female] Осуждённая отказалась
    }
";
    assert!(written.contains(expected), "{written}");
    assert!(written.contains("missing = {\"\"}\n"), "{written}");
    assert!(written.contains("only-women = {\"\"}\n"), "{written}");
    assert!(
        written.contains("missing-gendered =\n    { $gender ->\n       *[male] {\"\"}\n        [female] {\"\"}\n    }\n"),
        "{written}"
    );
}

#[test]
fn a_file_saved_with_windows_line_ends_and_a_bom_reads_the_same() {
    // A line break inside a wording is ours to keep; the file's own line
    // ends are the editor's. CRLF there reads as LF, and a CR inside a
    // wording was written as `{"\u000D"}`, so nothing changes.
    let mut rows = realistic_rows();
    rows.push(row("cr", neutral("x"), neutral("a\r\nb\rc")));
    let f = file(Locale::Ru, Locale::Tg, rows);
    let unix = read_ftl(&write_ftl(&f)).expect("reads");
    let windows = format!("\u{feff}{}", write_ftl(&f).replace('\n', "\r\n"));
    assert_eq!(read_ftl(&windows).expect("reads"), unix);
    assert_eq!(
        unix.last().map(|r| r.target.clone()),
        Some(Ok(neutral("a\r\nb\rc")))
    );
}

#[test]
fn a_tajik_file_has_no_plural_categories() {
    let written = write_ftl(&file(Locale::Ru, Locale::Tg, realistic_rows()));
    for key in ["[zero]", "[one]", "[two]", "[few]", "[many]", "[other]"] {
        assert!(!written.contains(key), "{key} in\n{written}");
    }
}

/// Characters the writer must treat with care, plus ordinary ones.
const AWKWARD: [char; 14] = [
    ' ', '\n', '{', '}', '[', '*', '.', '"', '\\', '\r', '\t', 'a', 'ӯ', '#',
];

/// Every string of up to four awkward characters, as neutral wordings and
/// as gendered variants, in files of a thousand rows.
#[test]
fn every_short_awkward_string_survives() {
    let mut strings = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..4 {
        last = last
            .iter()
            .flat_map(|s| AWKWARD.iter().map(move |c| format!("{s}{c}")))
            .collect();
        strings.extend(last.iter().cloned());
    }
    check_strings(&strings);
}

/// Longer pseudo-random strings over a wider alphabet (a fixed seed, so a
/// failure repeats): the table of awkward strings, at length.
#[test]
fn long_random_strings_survive() {
    let alphabet: Vec<char> = AWKWARD
        .iter()
        .copied()
        .chain([
            '-', '=', '$', '>', '\u{a0}', '\u{0}', '\u{7f}', '\u{85}', '\u{2028}', 'ғ', 'Ё', '😀',
        ])
        .chain(['x'; 8])
        .collect();
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        // xorshift64*: enough spread for test inputs, no dependency.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    };
    let strings: Vec<String> = (0..3000)
        .map(|_| {
            let len = next(60);
            (0..len).map(|_| alphabet[next(alphabet.len())]).collect()
        })
        .collect();
    check_strings(&strings);
}

fn check_strings(strings: &[String]) {
    for chunk in strings.chunks(1000) {
        let rows = chunk
            .iter()
            .enumerate()
            .flat_map(|(i, s)| {
                let twin = s.chars().rev().collect::<String>();
                [
                    row(&format!("n{i}"), neutral("source"), neutral(s)),
                    row(
                        &format!("g{i}"),
                        gendered(Some("m"), Some("f")),
                        gendered(Some(s), Some(&twin)),
                    ),
                ]
            })
            .collect();
        assert_round_trip(&file(Locale::Tg, Locale::Ru, rows));
    }
}
