//! The instrument library: loading the samples, importing and exporting
//! definitions, listing instruments and reading versions.

use super::{Actor, ServiceError, ServiceResult, Services};
use crate::definition_check::{Problem, check_definition};
use crate::library::SAMPLE_INSTRUMENTS;
use crate::store::{audit, instruments};
use app::model::{InstrumentSummary, VersionView};
use domain::definition::Definition;
use domain::{Gender, Permission, Role, VersionStatus};
use serde_json::json;

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the definition has {} problem(s)", .0.len())]
    Invalid(Vec<Problem>),
    #[error(transparent)]
    Service(#[from] ServiceError),
}

impl From<crate::store::StoreError> for ImportError {
    fn from(e: crate::store::StoreError) -> Self {
        ImportError::Service(e.into())
    }
}

impl From<sqlx::Error> for ImportError {
    fn from(e: sqlx::Error) -> Self {
        ImportError::Service(e.into())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedVersion {
    pub code: String,
    pub number: i64,
    pub status: VersionStatus,
}

fn summary(record: &instruments::VersionRecord) -> InstrumentSummary {
    let definition = Definition::from_json(&record.definition).ok();
    let (titles, locales) = match &definition {
        Some(d) => (
            d.meta
                .required_locales
                .iter()
                .filter_map(|l| {
                    let title = d
                        .meta
                        .title
                        .resolve(*l, Gender::Male)
                        .or_else(|| d.meta.title.resolve(*l, Gender::Female));
                    title.map(|t| (*l, t.to_owned()))
                })
                .collect(),
            d.meta.required_locales.clone(),
        ),
        None => (vec![], vec![]),
    };
    InstrumentSummary {
        code: record.code.clone(),
        titles,
        published_version: Some(record.number),
        locales,
    }
}

impl Services {
    /// Loads each sample instrument as published version 1, unless an
    /// instrument with its code exists already. Returns the codes loaded.
    #[tracing::instrument(skip_all)]
    pub async fn load_sample_instruments(&self) -> Result<Vec<String>, ImportError> {
        let mut loaded = Vec::new();
        for (path, source) in SAMPLE_INSTRUMENTS {
            let definition = check_definition(source).map_err(ImportError::Invalid)?;
            let code = definition.meta.code.to_string();
            let mut tx = self.db.begin().await?;
            if instruments::find_instrument(&mut tx, &code)
                .await?
                .is_some()
            {
                continue;
            }
            let instrument = instruments::insert_instrument(&mut tx, &code).await?;
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
                action: "instrument.library_loaded",
                target_type: "instrument_version",
                target_id: Some(version.to_string()),
                details: json!({ "code": code, "number": number, "status": "published", "file": path }),
            })
            .await?;
            tx.commit().await?;
            tracing::info!(%code, "loaded a sample instrument");
            loaded.push(code);
        }
        Ok(loaded)
    }

    /// Checks a definition and stores it as the next draft version of its
    /// instrument (creating the instrument when the code is new).
    #[tracing::instrument(skip_all)]
    pub async fn import_definition(
        &self,
        actor: &Actor,
        source: &str,
    ) -> Result<ImportedVersion, ImportError> {
        actor.authorize(Permission::ImportInstruments)?;
        let definition = check_definition(source).map_err(ImportError::Invalid)?;
        let code = definition.meta.code.to_string();
        let mut tx = self.db.begin().await?;
        let instrument = match instruments::find_instrument(&mut tx, &code).await? {
            Some(id) => id,
            None => instruments::insert_instrument(&mut tx, &code).await?,
        };
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
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: "instrument.imported",
                target_type: "instrument_version",
                target_id: Some(version.to_string()),
                details: json!({ "code": code, "number": number, "status": "draft" }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(ImportedVersion {
            code,
            number,
            status: VersionStatus::Draft,
        })
    }

    /// The stored canonical definition of `code` at `number`, or by default
    /// its newest published version (its newest version if none is published).
    pub async fn export_definition(
        &self,
        code: &str,
        number: Option<i64>,
    ) -> ServiceResult<String> {
        let mut conn = self.db.pool.acquire().await?;
        let record = match number {
            Some(n) => instruments::get_version(&mut conn, code, n).await?,
            None => match instruments::latest_published(&mut conn)
                .await?
                .into_iter()
                .find(|v| v.code == code)
            {
                Some(v) => v,
                None => instruments::latest_version(&mut conn, code).await?,
            },
        };
        Ok(record.definition)
    }

    pub async fn list_instruments(&self, actor: &Actor) -> ServiceResult<Vec<InstrumentSummary>> {
        actor.authorize(Permission::ViewInstruments)?;
        let mut conn = self.db.pool.acquire().await?;
        Ok(instruments::latest_published(&mut conn)
            .await?
            .iter()
            .map(summary)
            .collect())
    }

    /// A version for preview. Assessors see only published versions; the
    /// people who write and review instruments see every version.
    pub async fn get_version(
        &self,
        actor: &Actor,
        code: &str,
        number: i64,
    ) -> ServiceResult<VersionView> {
        actor.authorize(Permission::ViewInstruments)?;
        let mut conn = self.db.pool.acquire().await?;
        let record = instruments::get_version(&mut conn, code, number).await?;
        let sees_unpublished = match actor {
            Actor::System(_) => true,
            Actor::User(u) => u.roles.iter().any(|r| r != Role::Assessor),
        };
        if record.status != VersionStatus::Published && !sees_unpublished {
            return Err(ServiceError::NotFound);
        }
        Ok(VersionView {
            code: record.code,
            number: record.number,
            status: record.status.code().to_owned(),
            definition: record.definition,
        })
    }
}
