//! The instrument library: loading the samples, importing and exporting
//! definitions, listing instruments ([`list`]) and their versions, reading
//! a version.

mod list;
pub(crate) use list::titles;

use crate::definition_check::{check_bundled_definition, check_definition};
use crate::library::SAMPLE_INSTRUMENTS;
use crate::model::{VersionSummary, VersionView};
use crate::store::{StoreError, Unique, audit, instruments, instruments::VersionRecord};
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::{AuditAction, AuditTarget, InstrumentCode, Permission, VersionStatus};
use serde_json::json;
use sha2::{Digest, Sha256};

/// SHA-256 (hex) of a stored canonical definition.
pub fn definition_hash(canonical: &str) -> String {
    hex::encode(Sha256::digest(canonical.as_bytes()))
}

pub(crate) fn view(record: VersionRecord) -> ServiceResult<VersionView> {
    let definition = serde_json::value::RawValue::from_string(record.definition)
        .map_err(|e| ServiceError::Internal(format!("stored definition is not JSON: {e}")))?;
    Ok(VersionView {
        definition_hash: definition_hash(definition.get()),
        code: record.code,
        version: record.number,
        status: record.status,
        revision: record.revision,
        definition,
    })
}

/// Whether this actor may see this version at all.
/// Everyone who views instruments sees the versions assessments are made
/// with (published, and superseded or retired ones that earlier assessments
/// stay pinned to); drafts and versions in review only those who work on them.
fn visible(actor: &Actor, status: VersionStatus) -> bool {
    matches!(
        status,
        VersionStatus::Published | VersionStatus::Superseded | VersionStatus::Retired
    ) || actor.sees_unpublished()
}

impl Services {
    /// Loads each sample instrument as published version 1, unless an
    /// instrument with its code exists already. Returns the codes loaded.
    #[tracing::instrument(skip_all)]
    pub async fn load_sample_instruments(&self) -> ServiceResult<Vec<InstrumentCode>> {
        let mut loaded = Vec::new();
        for (path, source) in SAMPLE_INSTRUMENTS {
            // Not the JSON Schema pass: see `check_bundled_definition`.
            let definition =
                check_bundled_definition(source).map_err(ServiceError::InvalidDefinition)?;
            let code = definition.meta.code.clone();
            let mut tx = self.db.begin().await?;
            if instruments::find_instrument(&mut tx, &code)
                .await?
                .is_some()
            {
                continue;
            }
            // Under the first-start lock nobody else loads it meanwhile; a
            // duplicate code still means "already loaded", never a failure.
            let instrument = match instruments::insert_instrument(&mut tx, &code).await {
                Err(StoreError::Duplicate(Unique::InstrumentCode)) => continue,
                other => other?,
            };
            let (version, number) = instruments::insert_version(
                &mut tx,
                instruments::NewVersion {
                    instrument,
                    status: VersionStatus::Published,
                    definition: &definition.to_json_pretty(),
                    created_by: None,
                },
            )
            .await?;
            audit::append(&mut tx, audit::NewEvent {
                actor: &Actor::System("instrument library").audit(),
                action: AuditAction::InstrumentLibraryLoaded,
                target: AuditTarget::InstrumentVersion,
                target_id: Some(version.to_string()),
                details: json!({ "code": code, "number": number, "status": VersionStatus::Published, "file": path }),
            })
            .await?;
            tx.commit().await?;
            tracing::info!(%code, "loaded a sample instrument");
            loaded.push(code);
        }
        Ok(loaded)
    }

    /// Checks a definition (JSON, the JSON Schema, every semantic rule) and
    /// stores it as the next draft version of its instrument, creating the
    /// instrument when its code is new. With `expected`, the definition's
    /// code must be that one. Refused when the instrument has an open
    /// (unpublished) version already.
    #[tracing::instrument(skip_all)]
    pub async fn import_version(
        &self,
        actor: &Actor,
        source: &str,
        expected: Option<&InstrumentCode>,
    ) -> ServiceResult<VersionView> {
        actor.authorize(Permission::ImportInstruments)?;
        if let Some(expected) = expected {
            let named = serde_json::from_str::<serde_json::Value>(source)
                .ok()
                .and_then(|v| v.pointer("/meta/code")?.as_str().map(str::to_owned));
            if named.as_deref().is_some_and(|c| c != expected.as_str()) {
                return Err(ServiceError::BadRequest("error-code-mismatch"));
            }
        }
        let definition = check_definition(source).map_err(ServiceError::InvalidDefinition)?;
        let code = definition.meta.code.clone();
        let mut tx = self.db.begin().await?;
        let instrument = match instruments::find_instrument(&mut tx, &code).await? {
            Some(id) => id,
            None => instruments::insert_instrument(&mut tx, &code).await?,
        };
        if crate::store::review::retirement(&mut tx, instrument)
            .await?
            .is_some()
        {
            return Err(ServiceError::Conflict("error-instrument-retired"));
        }
        let created_by = match actor {
            Actor::User(u) => Some(u.id),
            Actor::System(_) => None,
        };
        let (version, number) = instruments::insert_version(
            &mut tx,
            instruments::NewVersion {
                instrument,
                status: VersionStatus::Draft,
                definition: &definition.to_json_pretty(),
                created_by,
            },
        )
        .await?;
        // Whoever brings a file brings its translations.
        crate::translations::sync(
            &mut tx,
            version,
            &definition,
            created_by,
            &Default::default(),
        )
        .await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::InstrumentImported,
                target: AuditTarget::InstrumentVersion,
                target_id: Some(version.to_string()),
                details: json!({ "code": code, "number": number, "status": VersionStatus::Draft }),
            },
        )
        .await?;
        let record = instruments::get_version(&mut tx, &code, number).await?;
        tx.commit().await?;
        view(record)
    }

    /// The stored canonical definition of `code` at `number`, or by default
    /// its newest published version (its newest version if none is published).
    pub async fn export_definition(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        number: Option<i64>,
    ) -> ServiceResult<String> {
        let version = match number {
            Some(n) => self.get_version(actor, code, n).await?,
            None => {
                let versions = self.list_versions(actor, code).await?;
                let pick = versions
                    .iter()
                    .rev()
                    .find(|v| v.status == VersionStatus::Published)
                    .or(versions.last())
                    .ok_or(ServiceError::NotFound)?;
                self.get_version(actor, code, pick.version).await?
            }
        };
        Ok(version.definition.get().to_owned())
    }

    /// The versions of one instrument the actor may see, oldest first.
    pub async fn list_versions(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
    ) -> ServiceResult<Vec<VersionSummary>> {
        actor.authorize(Permission::ViewInstruments)?;
        let mut conn = self.db.pool.acquire().await?;
        let versions: Vec<VersionSummary> = instruments::versions_of(&mut conn, code)
            .await?
            .into_iter()
            .filter(|v| visible(actor, v.status))
            .map(|v| VersionSummary {
                version: v.number,
                status: v.status,
                created_at: v.created_at,
                published_at: v.published_at,
                created_by: v.created_by,
            })
            .collect();
        if versions.is_empty() {
            return Err(ServiceError::NotFound);
        }
        Ok(versions)
    }

    /// One version with its definition. Assessors see only published
    /// versions (another is "not found" to them).
    /// What changed from version `from` to version `to` of an instrument:
    /// per section and item, scoring rule and text variant, each change
    /// classed (structural, scoring, wording, translation). Either version
    /// must be one the actor may see.
    pub async fn diff_versions(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        from: i64,
        to: i64,
    ) -> ServiceResult<crate::model::VersionDiff> {
        let before = self.get_version(actor, code, from).await?;
        let after = self.get_version(actor, code, to).await?;
        let parse = |v: &VersionView| {
            domain::definition::Definition::from_json(v.definition.get()).map_err(|_| {
                ServiceError::Internal(format!("stored definition {code}@{} unreadable", v.version))
            })
        };
        let changes = domain::definition::diff(&parse(&before)?, &parse(&after)?);
        Ok(crate::model::VersionDiff {
            changes: changes.into_iter().map(Into::into).collect(),
        })
    }

    pub async fn get_version(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        number: i64,
    ) -> ServiceResult<VersionView> {
        actor.authorize(Permission::ViewInstruments)?;
        let mut conn = self.db.pool.acquire().await?;
        let record = instruments::get_version(&mut conn, code, number).await?;
        if !visible(actor, record.status) {
            return Err(ServiceError::NotFound);
        }
        view(record)
    }
}
