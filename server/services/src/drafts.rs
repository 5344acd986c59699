//! Writing instruments in the browser: a new instrument, a new draft
//! version from the latest published one, and saving a draft.
//!
//! A published version is never edited: every change goes into the one
//! draft an instrument may have (the database holds that rule too). A save
//! names the revision it started from, so the later of two people editing
//! the same draft is refused and told, never silently overwriting.

use crate::definition_check::check_draft;
use crate::instruments::definition_hash;
use crate::model::{CurrentDraft, NewInstrument, SavedDraft, VersionView};
use crate::store::{StoreError, Unique, audit, instruments};
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::definition::{Definition, FORMAT_VERSION, Meta, Text, Wording};
use domain::{AuditAction, AuditTarget, InstrumentCode, Locale, Permission, UserId, VersionStatus};
use serde_json::json;

/// The longest title typed into the "New instrument" form, in characters.
pub const MAX_TITLE_CHARS: usize = 200;

fn author(actor: &Actor) -> Option<UserId> {
    match actor {
        Actor::User(u) => Some(u.id),
        Actor::System(_) => None,
    }
}

/// The definition a new instrument starts with: its metadata and nothing
/// else (the editor adds sections, items and scoring).
fn first_definition(new: &NewInstrument) -> ServiceResult<Definition> {
    let code = InstrumentCode::parse(new.code.trim())
        .ok()
        // `/instruments/new` is the page that starts one.
        .filter(|c| c.as_str() != "new")
        .ok_or(ServiceError::Invalid {
            field: "code",
            message_id: "error-instrument-code",
        })?;
    let title = new.title.trim();
    if title.is_empty() {
        return Err(ServiceError::Invalid {
            field: "title",
            message_id: "error-title-required",
        });
    }
    if title.chars().count() > MAX_TITLE_CHARS || title.chars().any(char::is_control) {
        return Err(ServiceError::Invalid {
            field: "title",
            message_id: "error-title-invalid",
        });
    }
    if new.genders.is_empty() {
        return Err(ServiceError::Invalid {
            field: "genders",
            message_id: "error-genders-required",
        });
    }
    // The source language is always required; the order is the fixed one.
    let required_locales: Vec<Locale> = Locale::ALL
        .into_iter()
        .filter(|l| *l == new.source_locale || new.required_locales.contains(l))
        .collect();
    let mut genders = new.genders.clone();
    genders.sort_by_key(|g| domain::Gender::ALL.iter().position(|x| x == g));
    genders.dedup();
    Ok(Definition {
        format: FORMAT_VERSION,
        meta: Meta {
            code,
            title: Text::from_entries(vec![(
                new.source_locale,
                Wording::Neutral(title.to_owned()),
            )]),
            purpose: Text::default(),
            source_locale: new.source_locale,
            required_locales,
            genders,
            reassessment_interval_days: None,
        },
        scales: vec![],
        sections: vec![],
        scores: vec![],
        flags: vec![],
        judgements: vec![],
    })
}

impl Services {
    /// Starts an instrument as draft version 1, with its metadata only.
    #[tracing::instrument(skip_all)]
    pub async fn create_instrument(
        &self,
        actor: &Actor,
        new: NewInstrument,
    ) -> ServiceResult<VersionView> {
        actor.authorize(Permission::EditDrafts)?;
        let definition = first_definition(&new)?;
        let code = definition.meta.code.clone();
        let taken = ServiceError::Invalid {
            field: "code",
            message_id: "error-instrument-code-taken",
        };
        let mut tx = self.db.begin().await?;
        if instruments::find_instrument(&mut tx, &code)
            .await?
            .is_some()
        {
            return Err(taken);
        }
        let instrument = match instruments::insert_instrument(&mut tx, &code).await {
            Err(StoreError::Duplicate(Unique::InstrumentCode)) => return Err(taken),
            other => other?,
        };
        let (version, number) = instruments::insert_version(
            &mut tx,
            instruments::NewVersion {
                instrument,
                status: VersionStatus::Draft,
                definition: &definition.to_json_pretty(),
                created_by: author(actor),
            },
        )
        .await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::InstrumentCreated,
                target: AuditTarget::InstrumentVersion,
                target_id: Some(version.to_string()),
                details: json!({ "code": code, "number": number, "status": VersionStatus::Draft }),
            },
        )
        .await?;
        let record = instruments::get_version(&mut tx, &code, number).await?;
        tx.commit().await?;
        crate::instruments::view(record)
    }

    /// Starts the next draft version of an instrument as a copy of its
    /// latest published version (its newest version when none is
    /// published). Refused when it has an open version already.
    #[tracing::instrument(skip_all)]
    pub async fn start_draft(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
    ) -> ServiceResult<VersionView> {
        actor.authorize(Permission::EditDrafts)?;
        let mut tx = self.db.begin().await?;
        let versions = instruments::versions_of(&mut tx, code).await?;
        if versions.iter().any(|v| v.status.is_open()) {
            return Err(ServiceError::Conflict("error-open-version-exists"));
        }
        if versions.iter().any(|v| v.status == VersionStatus::Retired) {
            return Err(ServiceError::Conflict("error-instrument-retired"));
        }
        let from = versions
            .iter()
            .rev()
            .find(|v| v.status == VersionStatus::Published)
            .or(versions.last())
            .ok_or(ServiceError::NotFound)?;
        let (version, number) = instruments::insert_version(
            &mut tx,
            instruments::NewVersion {
                instrument: from.instrument_id,
                status: VersionStatus::Draft,
                definition: &from.definition,
                created_by: author(actor),
            },
        )
        .await?;
        // Translations carry forward, approved where the source is
        // unchanged; copying is not translating (no contributor).
        crate::store::translations::carry_forward(&mut tx, from.id, version).await?;
        let copied = Definition::from_json(&from.definition).map_err(|_| {
            ServiceError::Internal(format!(
                "stored definition {code}@{} unreadable",
                from.number
            ))
        })?;
        crate::translations::sync(&mut tx, version, &copied, None, &Default::default()).await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::DraftStarted,
                target: AuditTarget::InstrumentVersion,
                target_id: Some(version.to_string()),
                details: json!({ "code": code, "number": number, "from": from.number }),
            },
        )
        .await?;
        let record = instruments::get_version(&mut tx, code, number).await?;
        tx.commit().await?;
        crate::instruments::view(record)
    }

    /// Saves a draft's whole definition, when `revision` is still the
    /// draft's. Refused (every problem) when the document is not a
    /// definition in the format; saved, with every remaining check problem
    /// listed, otherwise. One audit event per save.
    #[tracing::instrument(skip_all)]
    pub async fn save_draft(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        number: i64,
        revision: i64,
        source: &str,
    ) -> ServiceResult<SavedDraft> {
        actor.authorize(Permission::EditDrafts)?;
        let (definition, problems) =
            check_draft(source).map_err(ServiceError::InvalidDefinition)?;
        if definition.meta.code != *code {
            return Err(ServiceError::BadRequest("error-code-mismatch"));
        }
        let canonical = definition.to_json_pretty();
        let mut tx = self.db.begin().await?;
        let record = instruments::get_version(&mut tx, code, number).await?;
        if !record.status.is_editable() {
            return Err(crate::review::wrong_status(record.status));
        }
        let saved = match instruments::update_draft(&mut tx, record.id, revision, &canonical).await
        {
            Err(StoreError::StaleRevision) => {
                return Err(ServiceError::StaleRevision {
                    current_revision: record.revision,
                });
            }
            other => other?,
        };
        crate::translations::sync(
            &mut tx,
            record.id,
            &definition,
            author(actor),
            &Default::default(),
        )
        .await?;
        if let Ok(user) = actor.user() {
            crate::store::review::add_author(&mut tx, record.id, user.id).await?;
        }
        self.reopen_if_sent_back(&mut tx, actor, &record).await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::DraftSaved,
                target: AuditTarget::InstrumentVersion,
                target_id: Some(record.id.to_string()),
                details: json!({
                    "code": code,
                    "number": number,
                    "revision": saved,
                    "problems": problems.len(),
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(SavedDraft {
            code: code.clone(),
            version: number,
            revision: saved,
            definition_hash: definition_hash(&canonical),
            problems,
        })
    }

    /// A draft as it is now, and what changed from `base` (the definition
    /// an editor last saved or loaded) to it: what another person did.
    pub async fn draft_changes(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        number: i64,
        base: &str,
        mine: &str,
    ) -> ServiceResult<CurrentDraft> {
        actor.authorize(Permission::EditDrafts)?;
        let unreadable = |errors: Vec<domain::definition::DefinitionError>| {
            ServiceError::InvalidDefinition(errors.into_iter().map(Into::into).collect())
        };
        let base_definition = Definition::from_json(base).map_err(unreadable)?;
        let mine = Definition::from_json(mine).map_err(unreadable)?;
        let current = self.get_version(actor, code, number).await?;
        let now = Definition::from_json(current.definition.get()).map_err(|_| {
            ServiceError::Internal(format!("stored definition {code}@{number} unreadable"))
        })?;
        // The editor's edits (base → mine) on top of the current draft.
        let value = |d: &Definition| {
            serde_json::to_value(d)
                .map_err(|e| ServiceError::Internal(format!("draft as JSON: {e}")))
        };
        let merged = domain::definition::merge::three_way(
            &value(&base_definition)?,
            &value(&mine)?,
            &value(&now)?,
        );
        let merged = serde_json::value::to_raw_value(&merged)
            .map_err(|e| ServiceError::Internal(format!("merged draft: {e}")))?;
        Ok(CurrentDraft {
            revision: current.revision,
            changes: domain::definition::diff(&base_definition, &now)
                .into_iter()
                .map(Into::into)
                .collect(),
            definition: current.definition,
            merged,
        })
    }
}
