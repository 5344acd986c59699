//! The actions of the translation workflow, each as one method of
//! [`Services`]: read the status table, write wordings of a locale (from
//! the side-by-side editor or a file), sign a locale off, export a file.

use super::files::{ExportFile, ExportRow, UploadRow};
use super::status::StatusTable;
use super::sync;
use crate::model::{
    Problem, RefusalReason, Refused, RowOutcome, RowReport, TextStatus, TranslationWorkspace,
    TranslationsView, UploadReport,
};
use crate::store::{Conn, StoreError, audit, instruments, translations};
use crate::throttle::Keys;
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::definition::translation::Variant;
use domain::definition::{Definition, Wording};
use domain::{AuditAction, AuditTarget, InstrumentCode, Locale, Permission, VersionStatus};
use serde_json::json;
use std::collections::HashSet;

/// A translation file's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Ftl,
    Xlsx,
}

impl FileFormat {
    pub fn extension(self) -> &'static str {
        match self {
            FileFormat::Ftl => "ftl",
            FileFormat::Xlsx => "xlsx",
        }
    }
}

fn parse_definition(source: &str, code: &InstrumentCode, n: i64) -> ServiceResult<Definition> {
    Definition::from_json(source)
        .map_err(|_| ServiceError::Internal(format!("stored definition {code}@{n} unreadable")))
}

fn status_text(units: &[super::status::UnitStatus<'_>]) -> String {
    match units {
        [one] if one.unit.variant == Variant::Neutral => one.status.code().to_owned(),
        many => many
            .iter()
            .map(|u| format!("{}: {}", u.unit.variant.code(), u.status.code()))
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// Which wording the side-by-side editor or a file may write for `locale`:
/// a required locale other than the source.
fn target_locale(definition: &Definition, locale: Locale) -> ServiceResult<()> {
    if locale == definition.meta.source_locale {
        return Err(ServiceError::Invalid {
            field: "locale",
            message_id: "error-translation-source-locale",
        });
    }
    if !definition.meta.required_locales.contains(&locale) {
        return Err(ServiceError::Invalid {
            field: "locale",
            message_id: "error-translation-not-a-target",
        });
    }
    Ok(())
}

struct Loaded {
    record: instruments::VersionRecord,
    definition: Definition,
    records: Vec<translations::TranslationRecord>,
}

async fn load(conn: &mut Conn, code: &InstrumentCode, n: i64) -> ServiceResult<Loaded> {
    let record = instruments::get_version(conn, code, n).await?;
    let definition = parse_definition(&record.definition, code, n)?;
    let records = translations::records_of(conn, record.id).await?;
    Ok(Loaded {
        record,
        definition,
        records,
    })
}

impl Services {
    /// Where every wording of a version stands, per target locale.
    #[tracing::instrument(skip_all)]
    pub async fn translations(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        n: i64,
    ) -> ServiceResult<TranslationsView> {
        // Visibility as for the version itself.
        self.get_version(actor, code, n).await?;
        let mut conn = self.db.pool.acquire().await?;
        let loaded = load(&mut conn, code, n).await?;
        let sign_offs = translations::sign_offs_of(&mut conn, loaded.record.id).await?;
        Ok(StatusTable::new(&loaded.definition, loaded.records).view(&sign_offs))
    }

    /// The side-by-side page's data: the version, the status of every
    /// wording, each text's source hash, and what the caller may do.
    #[tracing::instrument(skip_all)]
    pub async fn translation_workspace(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        n: i64,
    ) -> ServiceResult<TranslationWorkspace> {
        let version = self.get_version(actor, code, n).await?;
        let mut conn = self.db.pool.acquire().await?;
        let loaded = load(&mut conn, code, n).await?;
        let sign_offs = translations::sign_offs_of(&mut conn, loaded.record.id).await?;
        let table = StatusTable::new(&loaded.definition, loaded.records.clone());
        let source_hashes = table
            .texts
            .iter()
            .map(|t| (t.id.clone(), table.source_hash(t)))
            .collect();
        let wording_hashes = table
            .target_locales()
            .into_iter()
            .flat_map(|l| {
                table.texts.iter().map(move |t| {
                    (
                        format!("{}/{}", l.code(), t.id),
                        super::source_hash(t.text, l),
                    )
                })
            })
            .collect();
        let mut may_sign_off = Vec::new();
        if let Ok(user) = actor.user()
            && actor.authorize(Permission::SignOffTranslations).is_ok()
            && matches!(
                loaded.record.status,
                VersionStatus::Draft | VersionStatus::ChangesRequested | VersionStatus::InReview
            )
        {
            for locale in table.target_locales() {
                if !translations::contributed(&mut conn, loaded.record.id, locale, user.id).await? {
                    may_sign_off.push(locale);
                }
            }
        }
        Ok(TranslationWorkspace {
            may_translate: loaded.record.status.is_editable()
                && actor.authorize(Permission::Translate).is_ok(),
            translations: table.view(&sign_offs),
            source_hashes,
            wording_hashes,
            may_sign_off,
            version,
        })
    }

    /// Writes wordings of one locale of a draft. Each row names the source
    /// hash it was made against: a row made against another source than
    /// today's is refused (`stale_source`), never applied over the new
    /// source; so is an unknown id. The rest applies, in one transaction,
    /// as one audit event. A row that repeats today's wording of a stale
    /// translation confirms it for the new source.
    #[tracing::instrument(skip_all, fields(%code, n, locale = locale.code()))]
    pub async fn save_translations(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        n: i64,
        locale: Locale,
        rows: Vec<UploadRow>,
        origin: &'static str,
    ) -> ServiceResult<UploadReport> {
        actor.authorize(Permission::Translate)?;
        let mut tx = self.db.begin().await?;
        let Loaded {
            record,
            mut definition,
            records,
        } = load(&mut tx, code, n).await?;
        if !record.status.is_editable() {
            return Err(crate::review::wrong_status(record.status));
        }
        target_locale(&definition, locale)?;
        let before = definition.clone();
        let table = StatusTable::new(&before, records);
        let mut report = UploadReport {
            applied: 0,
            refused: vec![],
            rows: vec![],
        };
        let mut confirmed: HashSet<(String, Locale)> = HashSet::new();
        let mut changes: Vec<(String, Wording)> = Vec::new();
        for row in rows {
            let outcome = self.row_outcome(&table, locale, &row, origin == "page");
            match outcome {
                Ok((outcome, change)) => {
                    if let Some((path, wording)) = change {
                        if outcome == RowOutcome::Unchanged {
                            confirmed.insert((row.id.clone(), locale));
                        } else {
                            report.applied += 1;
                        }
                        changes.push((path, wording));
                    }
                    report.rows.push(RowReport {
                        id: row.id,
                        outcome,
                        reason: None,
                    });
                }
                Err(reason) => {
                    report.refused.push(Refused {
                        id: row.id.clone(),
                        reason,
                    });
                    report.rows.push(RowReport {
                        id: row.id,
                        outcome: RowOutcome::Refused,
                        reason: Some(reason),
                    });
                }
            }
        }
        if !confirmed.is_empty() {
            // A confirmation changes no words, only the record: say so.
            for r in report.rows.iter_mut() {
                if r.outcome == RowOutcome::Unchanged && confirmed.contains(&(r.id.clone(), locale))
                {
                    r.outcome = RowOutcome::Changed;
                    report.applied += 1;
                }
            }
        }
        drop(table);
        if report.applied > 0 {
            for (path, wording) in changes {
                if let Some(text) = definition.text_at_mut(&path) {
                    text.set(locale, Some(wording));
                }
            }
            let canonical = definition.to_json_pretty();
            match instruments::update_draft(&mut tx, record.id, record.revision, &canonical).await {
                Err(StoreError::StaleRevision) => {
                    return Err(ServiceError::Conflict("error-draft-changed"));
                }
                other => other?,
            };
            let by = actor.user().ok().map(|u| u.id);
            sync(&mut tx, record.id, &definition, by, &confirmed).await?;
            self.reopen_if_sent_back(&mut tx, actor, &record).await?;
        }
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::TranslationsSaved,
                target: AuditTarget::InstrumentVersion,
                target_id: Some(record.id.to_string()),
                details: json!({
                    "code": code,
                    "number": n,
                    "locale": locale.code(),
                    "origin": origin,
                    "applied": report.applied,
                    "refused": report.refused.len(),
                    "ids": report.rows.iter()
                        .filter(|r| r.outcome != RowOutcome::Unchanged)
                        .map(|r| &r.id).collect::<Vec<_>>(),
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(report)
    }

    /// What one row does: its outcome and the wording to write at a path,
    /// or why it is refused. Only a person saving one text on the page
    /// (`confirms`) keeps an out-of-date wording for the new source by
    /// saving it unchanged; a file sent back as it was confirms nothing.
    fn row_outcome(
        &self,
        table: &StatusTable<'_>,
        locale: Locale,
        row: &UploadRow,
        confirms: bool,
    ) -> Result<(RowOutcome, Option<(String, Wording)>), RefusalReason> {
        let text = table
            .texts
            .iter()
            .find(|t| t.id == row.id)
            .ok_or(RefusalReason::UnknownId)?;
        let wording = row.target.clone()?;
        let hash = row
            .source_hash
            .as_deref()
            .ok_or(RefusalReason::NoSourceHash)?;
        if hash != table.source_hash(text) {
            return Err(RefusalReason::StaleSource);
        }
        if row
            .base
            .as_deref()
            .is_some_and(|base| base != super::source_hash(text.text, locale))
        {
            return Err(RefusalReason::ChangedMeanwhile);
        }
        let Some(wording) = wording else {
            return Ok((RowOutcome::Unchanged, None));
        };
        let present = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
        let current = text.text.get(locale);
        let blank = |w: Option<&Wording>| match w {
            None => true,
            Some(Wording::Neutral(s)) => s.trim().is_empty(),
            Some(Wording::Gendered { male, female }) => {
                present(male).is_none() && present(female).is_none()
            }
        };
        if blank(Some(&wording)) {
            return Ok((RowOutcome::Unchanged, None));
        }
        // A variant for a gender that never sees the text is not kept.
        if let Wording::Gendered { male, female } = &wording {
            let sees = |g: domain::Gender| text.genders.is_empty() || text.genders.contains(&g);
            if (present(male).is_some() && !sees(domain::Gender::Male))
                || (present(female).is_some() && !sees(domain::Gender::Female))
            {
                return Err(RefusalReason::NotTranslatable);
            }
        }
        // A blank variant in a file keeps the wording there is: an upload
        // adds and changes translations, it never removes one.
        let wording = match (wording, current) {
            (
                Wording::Gendered { male, female },
                Some(Wording::Gendered {
                    male: cm,
                    female: cf,
                }),
            ) => Wording::Gendered {
                male: present(&male).or_else(|| present(cm)),
                female: present(&female).or_else(|| present(cf)),
            },
            (Wording::Gendered { male, female }, Some(Wording::Neutral(c)))
                if !c.trim().is_empty() =>
            {
                Wording::Gendered {
                    male: present(&male).or_else(|| Some(c.clone())),
                    female: present(&female).or_else(|| Some(c.clone())),
                }
            }
            (w, _) => w,
        };
        // A spreadsheet has no way to say "men's wording only": the male
        // column read back alone is the same wording, not a new neutral one.
        let same = match (&wording, current) {
            (Wording::Neutral(x), Some(Wording::Gendered { male, female })) => {
                present(male).as_deref() == Some(x.as_str()) && present(female).is_none()
            }
            (w, c) => c == Some(w),
        };
        if same {
            let stale = table
                .units(text, locale)
                .iter()
                .any(|u| u.status == TextStatus::Stale);
            // Kept on purpose for the new source: confirmed.
            let change = (stale && confirms)
                .then(|| (text.path.clone(), current.cloned().unwrap_or(wording)));
            return Ok((RowOutcome::Unchanged, change));
        }
        let outcome = if blank(current) {
            RowOutcome::Added
        } else {
            RowOutcome::Changed
        };
        Ok((outcome, Some((text.path.clone(), wording))))
    }

    /// A reviewer signs a locale off as a whole, with their password:
    /// every wording of it becomes approved. Refused to anyone who wrote a
    /// wording of that locale in this version (four eyes), and while any
    /// wording is missing or stale.
    #[tracing::instrument(skip_all, fields(%code, n, locale = locale.code()))]
    pub async fn sign_off_translations(
        &self,
        actor: &Actor,
        client_ip: Option<&str>,
        code: &InstrumentCode,
        n: i64,
        locale: Locale,
        password: &str,
    ) -> ServiceResult<()> {
        actor.authorize(Permission::SignOffTranslations)?;
        let user = actor.user()?.clone();
        let mut conn = self.db.pool.acquire().await?;
        let loaded = load(&mut conn, code, n).await?;
        drop(conn);
        if !matches!(
            loaded.record.status,
            VersionStatus::Draft | VersionStatus::ChangesRequested | VersionStatus::InReview
        ) {
            return Err(ServiceError::Conflict("error-sign-off-status"));
        }
        let table = StatusTable::new(&loaded.definition, loaded.records.clone());
        if !table.target_locales().contains(&locale) {
            return Err(ServiceError::Invalid {
                field: "locale",
                message_id: "error-translation-not-a-target",
            });
        }
        let mut conn = self.db.pool.acquire().await?;
        if translations::contributed(&mut conn, loaded.record.id, locale, user.id).await? {
            return Err(ServiceError::Forbidden);
        }
        drop(conn);
        let keys = Keys::new(user.username.as_str(), client_ip);
        if !self
            .verify_own_password(actor, &keys, password, "sign_off_translations")
            .await?
        {
            return Err(ServiceError::InvalidCredentials);
        }
        let progress = table.progress(locale, false);
        if progress.done < progress.total {
            return Err(ServiceError::Invalid {
                field: "locale",
                message_id: "error-sign-off-incomplete",
            });
        }
        let mut tx = self.db.begin().await?;
        // Nothing may change between the table the reviewer's sign-off was
        // checked against and the approval: hold the draft at that revision.
        if !instruments::hold_at_revision(&mut tx, loaded.record.id, loaded.record.revision).await?
        {
            return Err(ServiceError::Conflict("error-draft-changed"));
        }
        // Wordings written before records were kept get theirs first, so
        // that the approval covers every wording.
        super::sync(
            &mut tx,
            loaded.record.id,
            &loaded.definition,
            None,
            &HashSet::new(),
        )
        .await?;
        self.clear_password_failures(&mut tx, &keys).await?;
        translations::approve_locale(&mut tx, loaded.record.id, locale, user.id).await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::TranslationsSignedOff,
                target: AuditTarget::InstrumentVersion,
                target_id: Some(loaded.record.id.to_string()),
                details: json!({ "code": code, "number": n, "locale": locale.code() }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Everything a translator needs of one locale of a version, for a file.
    #[tracing::instrument(skip_all)]
    pub async fn export_translations(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        n: i64,
        locale: Locale,
    ) -> ServiceResult<ExportFile> {
        actor.authorize(Permission::ReadTranslationFiles)?;
        self.get_version(actor, code, n).await?;
        let mut conn = self.db.pool.acquire().await?;
        let loaded = load(&mut conn, code, n).await?;
        let table = StatusTable::new(&loaded.definition, loaded.records);
        let source = table.source();
        let rows = table
            .texts
            .iter()
            .map(|t| {
                let units = table.units(t, locale);
                ExportRow {
                    id: t.id.clone(),
                    path: t.path.clone(),
                    source: t.text.get(source).cloned(),
                    source_hash: table.source_hash(t),
                    target: t.text.get(locale).cloned(),
                    status: if locale == source {
                        "source".to_owned()
                    } else {
                        status_text(&units)
                    },
                    note: super::notes::note(&loaded.definition, &t.path),
                    genders: t.genders.clone(),
                }
            })
            .collect();
        Ok(ExportFile {
            code: code.clone(),
            version: n,
            source_locale: source,
            locale,
            rows,
        })
    }

    /// Reads an uploaded file and writes what it holds; a file that does not
    /// parse changes nothing and names every problem.
    pub async fn upload_translations(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        n: i64,
        locale: Locale,
        format: FileFormat,
        body: &[u8],
    ) -> ServiceResult<UploadReport> {
        actor.authorize(Permission::Translate)?;
        // A version that takes no translations says so before the file is read.
        let mut conn = self.db.pool.acquire().await?;
        let record = instruments::get_version(&mut conn, code, n).await?;
        drop(conn);
        if !record.status.is_editable() {
            return Err(crate::review::wrong_status(record.status));
        }
        // A file made for another language is never read into this one.
        if let Some(declared) = super::files::declared_locale(body, format == FileFormat::Ftl)
            && declared != locale
        {
            return Err(ServiceError::InvalidFile(vec![Problem {
                path: String::new(),
                message: format!(
                    "this file is for {}, not {}",
                    declared.code(),
                    locale.code()
                ),
                message_id: "error-translation-file-locale".into(),
                args: [
                    (
                        "file".to_owned(),
                        domain::definition::MessageArg::Text(declared.endonym().to_owned()),
                    ),
                    (
                        "chosen".to_owned(),
                        domain::definition::MessageArg::Text(locale.endonym().to_owned()),
                    ),
                ]
                .into_iter()
                .collect(),
            }]));
        }
        let parsed = match format {
            FileFormat::Ftl => match std::str::from_utf8(body) {
                Ok(text) => super::ftl::read_ftl(text),
                Err(_) => Err(vec![super::files::FileProblem {
                    at: String::new(),
                    message: "the file is not UTF-8 text".into(),
                }]),
            },
            FileFormat::Xlsx => super::xlsx::read_xlsx(body),
        };
        let rows = parsed.map_err(|problems| {
            ServiceError::InvalidFile(
                problems
                    .into_iter()
                    .map(super::files::localizable)
                    .collect(),
            )
        })?;
        let origin = match format {
            FileFormat::Ftl => "ftl",
            FileFormat::Xlsx => "xlsx",
        };
        self.save_translations(actor, code, n, locale, rows, origin)
            .await
    }
}
