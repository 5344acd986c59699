//! Our Fluent exports, linted by Mozilla's `compare-locales` (PyPI; `.ci/test`
//! installs it) rather than only read back by the parser that we write for:
//! what a translator's Fluent tooling would say about the files we hand out.
//!
//! For each sample instrument in `instrument-library/`, the source locale's
//! file is the reference (each text's target is its source wording) and every
//! other locale's export is checked against it: same messages, parseable by
//! the reference Python implementation of Fluent, no duplicate ids, no
//! plural-category trouble. That is done with the translations as written,
//! with none yet (`{""}` throughout), and with none from a gendered source
//! (empty `$gender` selectors). No warning is accepted: a `$gender` selector
//! on one side only and `{""}` placeholders draw none, so any warning is a
//! real change to look at.

use domain::Locale;
use domain::definition::Definition;
use serde_json::Value;
use services::translations::files::{ExportFile, ExportRow};
use services::translations::ftl::write_ftl;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tests::api::library_definition;

const INSTRUMENTS: [&str; 3] = ["intake-screen", "sentence-plan", "ve-spj"];
const INSTALL: &str = "python3 -m pip install --user compare-locales (.ci/test does)";

/// compare-locales through Python, so a `pip install --user` suffices (its
/// `compare-locales` script may not be on `PATH`, and its `commands` module
/// has no `__main__`).
fn compare_locales() -> Command {
    let importable = Command::new("python3")
        .args(["-c", "import compare_locales"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(importable, "compare-locales is not installed: {INSTALL}");
    let mut c = Command::new("python3");
    c.args([
        "-c",
        "import sys; from compare_locales.commands import CompareLocales; sys.exit(CompareLocales.call())",
    ]);
    c
}

/// One version's export for `locale` from `source` (the definition's own
/// source locale but for one case below), as the service would build it.
fn export(def: &Definition, source: Locale, locale: Locale) -> ExportFile {
    let rows = def
        .translatable_texts()
        .into_iter()
        .map(|t| ExportRow {
            id: t.id,
            path: t.path.clone(),
            source: t.text.get(source).cloned(),
            source_hash: "0123456789abcdef".into(),
            target: t.text.get(locale).cloned(),
            status: "draft".into(),
            note: t.path,
            genders: t.genders,
        })
        .collect();
    ExportFile {
        code: def.meta.code.clone(),
        version: 1,
        source_locale: source,
        locale,
        rows,
    }
}

/// A compare-locales project in a fresh directory: `reference/<code>.ftl`,
/// `l10n/<locale>/<code>.ftl` and the `l10n.toml` that ties them; removed
/// when dropped.
struct Project {
    dir: PathBuf,
    locales: Vec<Locale>,
}

impl Project {
    fn new(name: &str, reference: &str, targets: &[(Locale, String)]) -> Project {
        let dir = std::env::temp_dir().join(format!(
            "mizon-compare-locales-{}-{name}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        write(&dir.join(format!("reference/{name}.ftl")), reference);
        for (locale, file) in targets {
            write(&dir.join(format!("l10n/{locale}/{name}.ftl")), file);
        }
        let locales: Vec<Locale> = targets.iter().map(|(l, _)| *l).collect();
        let quoted: Vec<String> = locales.iter().map(|l| format!("\"{l}\"")).collect();
        let config = format!(
            "basepath = \".\"\nlocales = [{}]\n\n[[paths]]\nreference = \"reference/**\"\nl10n = \"{{l10n_base}}/{{locale}}/**\"\n",
            quoted.join(", ")
        );
        write(&dir.join("l10n.toml"), &config);
        Project { dir, locales }
    }

    /// compare-locales' JSON report (the observers' list) and its output.
    fn check(&self) -> (Output, Value) {
        let output = compare_locales()
            .args(["--json", "-"])
            .arg(self.dir.join("l10n.toml"))
            .arg(self.dir.join("l10n"))
            .args(self.locales.iter().map(|l| l.code()))
            .output()
            .unwrap_or_else(|e| panic!("python3 runs ({e}); then {INSTALL}"));
        let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
            panic!(
                "compare-locales gave no JSON report ({e}):\n{}{}",
                String::from_utf8_lossy(&output.stdout),
                String::from_utf8_lossy(&output.stderr)
            )
        });
        (output, report)
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn write(path: &Path, contents: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent")).unwrap();
    std::fs::write(path, contents).unwrap();
}

/// The sum of one summary count over every locale of the report.
fn count(report: &Value, key: &str) -> u64 {
    report
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|observer| observer["summary"].as_object())
        .flat_map(|summary| summary.values())
        .map(|locale| locale[key].as_u64().unwrap_or(0))
        .sum()
}

/// Which files of an instrument are checked.
#[derive(Debug, Clone, Copy)]
enum Case {
    /// Every translation as the library has it.
    AsWritten,
    /// Before anyone translated: `{""}` throughout.
    Blank,
    /// Blank, from a gendered source (Russian taken as the source): empty
    /// `$gender` selectors in every target file.
    BlankFromRussian,
}

fn instrument_project(folder: &str, case: Case) -> (Project, usize) {
    let def = Definition::from_json(&library_definition(folder))
        .unwrap_or_else(|e| panic!("{folder} is a valid definition: {e:?}"));
    let source = match case {
        Case::BlankFromRussian => Locale::Ru,
        Case::AsWritten | Case::Blank => def.meta.source_locale,
    };
    let mut reference = export(&def, source, source);
    for row in &mut reference.rows {
        row.target = row.source.clone();
    }
    let targets: Vec<(Locale, String)> = Locale::ALL
        .into_iter()
        .filter(|l| *l != source)
        .map(|l| {
            let mut file = export(&def, source, l);
            if !matches!(case, Case::AsWritten) {
                file.rows.iter_mut().for_each(|r| r.target = None);
            }
            (l, write_ftl(&file))
        })
        .collect();
    let texts = reference.rows.len();
    let name = format!("{folder}-{case:?}");
    (Project::new(&name, &write_ftl(&reference), &targets), texts)
}

#[test]
fn every_sample_instruments_export_passes_compare_locales() {
    let cases = [Case::AsWritten, Case::Blank, Case::BlankFromRussian];
    for (folder, case) in INSTRUMENTS.into_iter().flat_map(|f| cases.map(|c| (f, c))) {
        let (project, texts) = instrument_project(folder, case);
        assert!(texts > 0, "{folder} has texts to translate");
        let (output, report) = project.check();
        let said = serde_json::to_string_pretty(&report).unwrap();
        assert!(
            output.status.success(),
            "{folder} ({case:?}): compare-locales failed:\n{said}\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        for key in ["errors", "warnings", "missing", "obsolete"] {
            assert_eq!(
                count(&report, key),
                0,
                "{folder} ({case:?}): {key} reported:\n{said}"
            );
        }
        // Every message of every target file was compared.
        let compared = count(&report, "changed") + count(&report, "unchanged");
        assert_eq!(compared, (texts * project.locales.len()) as u64, "{said}");
    }
}

#[test]
fn compare_locales_does_report_a_broken_file() {
    // Guards the test above against a checker that accepts anything.
    let reference = "a = One\nb = Two\n";
    let broken = "a = Один\nb = { $count ->\n    [one] Два\n   *[other] Два\n}\nc = {\n";
    let project = Project::new("broken", reference, &[(Locale::Ru, broken.into())]);
    let (output, report) = project.check();
    assert!(!output.status.success(), "{report}");
    assert!(count(&report, "errors") > 0, "{report}");
    assert!(
        count(&report, "warnings") > 0,
        "a Russian plural lacks few, many: {report}"
    );
}
