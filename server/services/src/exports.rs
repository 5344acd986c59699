//! Exports: every submitted assessment of one instrument version as one
//! table, for those who analyse results in a spreadsheet or a statistics
//! package (reviewers, administrators).
//!
//! One row per assessment that stands: superseded ones are left out, and
//! an amendment takes the place of what it corrects (its `amends` column
//! names it). One column per item, in the definition's order, then one per
//! judgement, two per score (value, band) and one per flag. Reviewers get
//! the assessments of subjects of the facilities they work at (by where
//! the subject is now: a transfer moves the history), administrators all.
//!
//! Each column has a stable key — machines read that — and a label in the
//! chosen locale — people read that. Item columns are keyed by the item's
//! key; every other column's key holds a dot (`assessment.id`,
//! `score.total.value`), which item keys cannot, so keys never collide.
//!
//! This module builds the table only; fixed words (column names of the
//! leading columns, yes/no, "omitted") are Fluent ids in [`Cell::Word`],
//! put into words and written as CSV or XLSX at the edge. Exporting reads
//! subjects' assessments, so it is an audit event: with the count and the
//! ids, never answers or names.

use crate::store::assessments::{self, AssessmentRecord};
use crate::store::subjects::Scope;
use crate::store::{audit, facilities, instruments};
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::definition::{Answer, AnswerValue, Answers, Definition, Item, ItemType, Outcome, Text};
use domain::{AuditAction, AuditTarget, FacilityId, Gender, InstrumentCode, Locale, Permission};
use serde_json::json;
use std::collections::{HashMap, HashSet};

/// The file formats of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Xlsx,
}

impl ExportFormat {
    /// The file name extension, also the format's name in the audit log.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
        }
    }
}

/// One cell of the table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing: an item not shown to this subject, or left unanswered.
    Empty,
    /// Text as it is (answers, option labels, codes, timestamps).
    Text(String),
    Number(f64),
    /// A fixed word: a Fluent message id, said in the export's locale.
    Word(&'static str),
}

/// One column: its stable key and its label in the export's locale. The
/// label is `label`, `word` put into words, or both joined (a score's
/// label and "value").
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub key: String,
    pub label: Option<String>,
    pub word: Option<&'static str>,
}

/// The table of an export, ready to be written in one format.
#[derive(Debug, Clone)]
pub struct AssessmentExport {
    pub instrument: InstrumentCode,
    pub version: i64,
    /// The language of the labels and words.
    pub locale: Locale,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl AssessmentExport {
    /// `IRNS-v1-assessments.csv`.
    pub fn file_name(&self, format: ExportFormat) -> String {
        format!(
            "{}-v{}-assessments.{}",
            self.instrument,
            self.version,
            format.extension()
        )
    }
}

/// Every Fluent id an export uses (the edge checks that each exists).
pub const WORDS: &[&str] = &[
    "export-column-id",
    "export-column-subject",
    "export-column-facility",
    "export-column-assessor",
    "export-column-locale",
    "export-column-gender",
    "export-column-submitted-at",
    "export-column-amends",
    "export-column-score-value",
    "export-column-score-band",
    "export-answer-yes",
    "export-answer-no",
    "export-answer-unknown",
    "export-omitted",
    "export-flag-raised",
    "export-flag-not-raised",
];

/// The leading columns: (key, label).
const LEADING: [(&str, &str); 8] = [
    ("assessment.id", "export-column-id"),
    ("assessment.subject", "export-column-subject"),
    ("assessment.facility", "export-column-facility"),
    ("assessment.assessor", "export-column-assessor"),
    ("assessment.locale", "export-column-locale"),
    ("assessment.gender", "export-column-gender"),
    ("assessment.submitted_at", "export-column-submitted-at"),
    ("assessment.amends", "export-column-amends"),
];

/// A text in `locale` for `gender`, falling back to the source locale,
/// then any (a published version has every required locale; the chosen
/// one may not be required).
fn say(text: &Text, locale: Locale, gender: Gender, definition: &Definition) -> String {
    let mut fallbacks = vec![definition.meta.source_locale];
    fallbacks.extend(Locale::ALL);
    text.resolve_with_fallback(locale, gender, &fallbacks)
        .map(|r| r.text.to_owned())
        .unwrap_or_default()
}

/// The gender whose wording heads a column: the item's own (women-only
/// items), else the first the instrument is for. Russian labels agree
/// with a gender; a heading shows one of them.
fn heading_gender(definition: &Definition, only_for: Option<Gender>) -> Gender {
    only_for
        .or_else(|| definition.meta.genders.first().copied())
        .unwrap_or(Gender::Male)
}

fn columns(definition: &Definition, locale: Locale) -> Vec<Column> {
    let column = |key: String, label: Option<String>, word: Option<&'static str>| Column {
        key,
        label,
        word,
    };
    let gender = heading_gender(definition, None);
    let mut out: Vec<Column> = LEADING
        .iter()
        .map(|(key, word)| column((*key).to_owned(), None, Some(*word)))
        .collect();
    for (section, item) in definition.items() {
        let g = heading_gender(definition, Definition::item_applies_to(section, item));
        let label = say(&item.label, locale, g, definition);
        out.push(column(item.key.to_string(), Some(label), None));
    }
    for j in &definition.judgements {
        let label = say(&j.label, locale, gender, definition);
        out.push(column(format!("judgement.{}", j.key), Some(label), None));
    }
    for s in &definition.scores {
        let label = say(&s.label, locale, gender, definition);
        out.push(column(
            format!("score.{}.value", s.key),
            Some(label.clone()),
            Some("export-column-score-value"),
        ));
        out.push(column(
            format!("score.{}.band", s.key),
            Some(label),
            Some("export-column-score-band"),
        ));
    }
    for f in &definition.flags {
        let label = say(&f.label, locale, gender, definition);
        out.push(column(format!("flag.{}", f.key), Some(label), None));
    }
    out
}

/// The cell of one item's answer.
fn answer_cell(
    definition: &Definition,
    item: &Item,
    answer: Option<&Answer>,
    locale: Locale,
    gender: Gender,
) -> Cell {
    let Some(answer) = answer else {
        return Cell::Empty;
    };
    if answer.omitted {
        return Cell::Word("export-omitted");
    }
    let option_label = |value: &domain::definition::OptionValue| -> String {
        item.scale
            .as_ref()
            .and_then(|key| definition.scale(key.as_str()))
            .and_then(|scale| scale.options.iter().find(|o| o.value == *value))
            .map(|o| say(&o.label, locale, gender, definition))
            .unwrap_or_else(|| match value {
                domain::definition::OptionValue::Integer(i) => i.to_string(),
                domain::definition::OptionValue::Text(s) => s.clone(),
            })
    };
    match (&answer.value, item.item_type) {
        (None, _) => Cell::Empty,
        (Some(AnswerValue::Choices(values)), _) => {
            let labels: Vec<String> = values.iter().map(option_label).collect();
            Cell::Text(labels.join("; "))
        }
        (Some(AnswerValue::Text(s)), ItemType::YesNoUnknown) => match s.as_str() {
            "yes" => Cell::Word("export-answer-yes"),
            "no" => Cell::Word("export-answer-no"),
            "unknown" => Cell::Word("export-answer-unknown"),
            other => Cell::Text(other.to_owned()),
        },
        (Some(AnswerValue::Number(n)), ItemType::Rating | ItemType::SingleChoice) => {
            // Whole numbers only on scales; anything else is shown as it is.
            if n.fract() == 0.0 {
                Cell::Text(option_label(&domain::definition::OptionValue::Integer(
                    *n as i64,
                )))
            } else {
                Cell::Number(*n)
            }
        }
        (Some(AnswerValue::Text(s)), ItemType::Rating | ItemType::SingleChoice) => Cell::Text(
            option_label(&domain::definition::OptionValue::Text(s.clone())),
        ),
        (Some(AnswerValue::Number(n)), _) => Cell::Number(*n),
        (Some(AnswerValue::Text(s)), _) => Cell::Text(s.clone()),
    }
}

/// One assessment's row, in the order of [`columns`].
fn row(
    definition: &Definition,
    record: &AssessmentRecord,
    facility: &str,
    locale: Locale,
) -> ServiceResult<Vec<Cell>> {
    let answers: Answers = serde_json::from_str(&record.answers)
        .map_err(|e| ServiceError::Internal(format!("stored answers {}: {e}", record.id)))?;
    let outcome: Outcome = serde_json::from_str(&record.outcome)
        .map_err(|e| ServiceError::Internal(format!("stored outcome {}: {e}", record.id)))?;
    let gender = record.gender;
    let text = |s: &str| Cell::Text(s.to_owned());
    let mut cells = vec![
        text(record.id.as_str()),
        text(record.subject.as_str()),
        text(facility),
        text(&record.assessor),
        text(record.locale.code()),
        text(record.gender.code()),
        record.submitted_at.as_deref().map_or(Cell::Empty, text),
        record
            .amends
            .as_ref()
            .map_or(Cell::Empty, |a| text(a.as_str())),
    ];
    for (_, item) in definition.items() {
        let answer = answers.items.get(&item.key);
        cells.push(answer_cell(definition, item, answer, locale, gender));
    }
    for j in &definition.judgements {
        let chosen = outcome
            .judgements
            .iter()
            .find(|o| o.key == j.key)
            .and_then(|o| o.chosen);
        let cell = chosen
            .and_then(|level| j.levels.iter().find(|l| l.level == level))
            .map_or(Cell::Empty, |l| {
                Cell::Text(say(&l.label, locale, gender, definition))
            });
        cells.push(cell);
    }
    for s in &definition.scores {
        let result = outcome.scores.iter().find(|r| r.key == s.key);
        cells.push(result.map_or(Cell::Empty, |r| Cell::Number(r.value as f64)));
        let band = result
            .and_then(|r| r.band)
            .and_then(|level| s.bands.iter().find(|b| b.level == level))
            .map_or(Cell::Empty, |b| {
                Cell::Text(say(&b.label, locale, gender, definition))
            });
        cells.push(band);
    }
    for f in &definition.flags {
        let raised = outcome.flags.iter().any(|r| r.key == f.key && r.raised);
        cells.push(Cell::Word(if raised {
            "export-flag-raised"
        } else {
            "export-flag-not-raised"
        }));
    }
    Ok(cells)
}

impl Services {
    /// The submitted assessments of `code` version `number` that the actor
    /// may read, as a table with labels in `locale`. Audited, with the
    /// format the edge writes it in.
    #[tracing::instrument(skip_all, fields(%code, number))]
    pub async fn export_assessments(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        number: i64,
        locale: Locale,
        format: ExportFormat,
    ) -> ServiceResult<AssessmentExport> {
        actor.authorize(Permission::ExportAssessments)?;
        let mut tx = self.db.begin().await?;
        let version = instruments::get_version(&mut tx, code, number).await?;
        let rules = self.version_rules(version.id, &version.definition).await?;
        let facility_codes: HashMap<FacilityId, String> = facilities::list(&mut tx)
            .await?
            .into_iter()
            .map(|f| (f.id, f.code.to_string()))
            .collect();
        let allowed: Option<HashSet<FacilityId>> = match crate::subjects::scope(actor)? {
            Scope::All => None,
            Scope::WorksAt(user) => Some(
                facilities::of_user(&mut tx, user)
                    .await?
                    .into_iter()
                    .map(|f| f.id)
                    .collect(),
            ),
        };
        let records: Vec<AssessmentRecord> = assessments::submitted_of_version(&mut tx, version.id)
            .await?
            .into_iter()
            .filter(|r| allowed.as_ref().is_none_or(|a| a.contains(&r.facility_id)))
            .collect();
        let definition = &rules.definition;
        let rows = records
            .iter()
            .map(|r| {
                let facility = facility_codes
                    .get(&r.facility_id)
                    .map_or("", String::as_str);
                row(definition, r, facility, locale)
            })
            .collect::<ServiceResult<Vec<_>>>()?;
        let ids: Vec<&str> = records.iter().map(|r| r.id.as_str()).collect();
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::AssessmentsExported,
                target: AuditTarget::InstrumentVersion,
                target_id: Some(version.id.to_string()),
                details: json!({
                    "instrument": code,
                    "version": number,
                    "format": format.extension(),
                    "locale": locale,
                    "count": ids.len(),
                    "assessments": ids,
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(AssessmentExport {
            instrument: code.clone(),
            version: number,
            locale,
            columns: columns(definition, locale),
            rows,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn intake() -> Definition {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../instrument-library/intake-screen/definition.json"
        );
        Definition::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn column_keys_are_unique_and_items_keep_their_own_keys() {
        let d = intake();
        let cols = columns(&d, Locale::Ru);
        let keys: HashSet<&str> = cols.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys.len(), cols.len());
        assert!(keys.contains("self_harm"));
        assert!(keys.contains("score.total.band"));
        assert!(keys.contains("flag.urgent_referral"));
        // Every column but the leading ones has a label in the locale.
        assert!(
            cols[LEADING.len()..]
                .iter()
                .all(|c| c.label.as_deref().is_some_and(|l| !l.is_empty()))
        );
    }

    #[test]
    fn women_only_items_are_headed_by_their_female_wording() {
        let d = intake();
        let cols = columns(&d, Locale::Ru);
        let children = cols.iter().find(|c| c.key == "children_outside").unwrap();
        assert!(
            children.label.as_deref().unwrap().contains("осуждённой"),
            "{children:?}"
        );
    }

    #[test]
    fn answers_become_labels_words_and_numbers() {
        let d = intake();
        let item = |key: &str| d.item(key).unwrap().clone();
        let answer: Answer = serde_json::from_value(json!({ "value": 2 })).unwrap();
        assert_eq!(
            answer_cell(&d, &item("peers"), Some(&answer), Locale::En, Gender::Male),
            Cell::Text("2 — Serious concern".into())
        );
        let omitted: Answer =
            serde_json::from_value(json!({ "omitted": true, "omit_reason": "No file" })).unwrap();
        assert_eq!(
            answer_cell(&d, &item("peers"), Some(&omitted), Locale::En, Gender::Male),
            Cell::Word("export-omitted")
        );
        let yes: Answer = serde_json::from_value(json!({ "value": "yes" })).unwrap();
        assert_eq!(
            answer_cell(
                &d,
                &item("children_outside"),
                Some(&yes),
                Locale::Tg,
                Gender::Female
            ),
            Cell::Word("export-answer-yes")
        );
        assert_eq!(
            answer_cell(&d, &item("peers"), None, Locale::En, Gender::Male),
            Cell::Empty
        );
    }
}
