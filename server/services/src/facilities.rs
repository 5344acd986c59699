//! Facilities and who works at which: the basis of need-to-know for
//! subjects (see `domain::SubjectAccess`). Administrators create facilities
//! and assign accounts to them; everyone signed in sees the list (codes and
//! names are no secret, and a form needs them).

use crate::model::{Facility, FacilityNames, NewFacility};
use crate::store::facilities::{self, FacilityRecord};
use crate::store::{audit, users};
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::{AuditAction, AuditTarget, FacilityCode, FacilityName, Permission, Username};
use serde_json::json;

/// The most facilities one account may be assigned to at once.
pub const MAX_FACILITIES_PER_USER: usize = 200;

pub(crate) fn facility(record: FacilityRecord) -> Facility {
    Facility {
        code: record.code,
        name: FacilityNames {
            tg: record.name_tg,
            ru: record.name_ru,
            en: record.name_en,
        },
    }
}

fn name(raw: &str, field: &'static str) -> ServiceResult<FacilityName> {
    FacilityName::parse(raw).map_err(|message_id| ServiceError::Invalid { field, message_id })
}

impl Services {
    /// Adds a facility (administrators).
    #[tracing::instrument(skip_all)]
    pub async fn create_facility(
        &self,
        actor: &Actor,
        new: NewFacility,
    ) -> ServiceResult<Facility> {
        actor.authorize(Permission::ManageFacilities)?;
        let code = FacilityCode::parse(&new.code).map_err(|message_id| ServiceError::Invalid {
            field: "code",
            message_id,
        })?;
        let tg = name(&new.name.tg, "name/tg")?;
        let ru = name(&new.name.ru, "name/ru")?;
        let en = name(&new.name.en, "name/en")?;
        let mut tx = self.db.begin().await?;
        let id = facilities::insert(
            &mut tx,
            facilities::NewFacility {
                code: &code,
                tg: &tg,
                ru: &ru,
                en: &en,
            },
        )
        .await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::FacilityCreated,
                target: AuditTarget::Facility,
                target_id: Some(id.to_string()),
                details: json!({
                    "code": code,
                    "name": { "tg": tg.as_str(), "ru": ru.as_str(), "en": en.as_str() },
                }),
            },
        )
        .await?;
        tx.commit().await?;
        tracing::info!(%code, "created a facility");
        Ok(Facility {
            code,
            name: FacilityNames {
                tg: tg.into_string(),
                ru: ru.into_string(),
                en: en.into_string(),
            },
        })
    }

    /// Every facility, by code (anyone signed in).
    #[tracing::instrument(skip_all)]
    pub async fn list_facilities(&self, actor: &Actor) -> ServiceResult<Vec<Facility>> {
        actor.authorize(Permission::ViewFacilities)?;
        let mut conn = self.db.pool.acquire().await?;
        Ok(facilities::list(&mut conn)
            .await?
            .into_iter()
            .map(facility)
            .collect())
    }

    /// The facilities an account works at, by code.
    #[tracing::instrument(skip_all)]
    pub async fn user_facilities(&self, actor: &Actor) -> ServiceResult<Vec<Facility>> {
        let user = actor.user()?;
        let mut conn = self.db.pool.acquire().await?;
        Ok(facilities::of_user(&mut conn, user.id)
            .await?
            .into_iter()
            .map(facility)
            .collect())
    }

    /// The facilities the actor may record subjects at: an
    /// administrator's are all of them, anyone else's those they work at.
    #[tracing::instrument(skip_all)]
    pub async fn facilities_for_subjects(&self, actor: &Actor) -> ServiceResult<Vec<Facility>> {
        actor.authorize(Permission::WorkWithSubjects)?;
        match crate::subjects::scope(actor)? {
            crate::store::subjects::Scope::All => self.list_facilities(actor).await,
            crate::store::subjects::Scope::WorksAt(_) => self.user_facilities(actor).await,
        }
    }

    /// The codes of the facilities another account works at
    /// (administrators, for the form that changes them).
    #[tracing::instrument(skip_all)]
    pub async fn facilities_of_user(
        &self,
        actor: &Actor,
        username: &str,
    ) -> ServiceResult<Vec<FacilityCode>> {
        actor.authorize(Permission::ManageFacilities)?;
        let username = Username::parse(username).map_err(|_| ServiceError::NotFound)?;
        let mut conn = self.db.pool.acquire().await?;
        let user = users::find_by_username(&mut conn, &username)
            .await?
            .ok_or(ServiceError::NotFound)?;
        Ok(facilities::of_user(&mut conn, user.id)
            .await?
            .into_iter()
            .map(|f| f.code)
            .collect())
    }

    /// Says which facilities an account works at, replacing what was said
    /// before (administrators). Every code must name a facility; an unknown
    /// account is "not found". Returns the account's facility codes.
    #[tracing::instrument(skip_all)]
    pub async fn set_user_facilities(
        &self,
        actor: &Actor,
        username: &str,
        codes: &[String],
    ) -> ServiceResult<Vec<FacilityCode>> {
        actor.authorize(Permission::ManageFacilities)?;
        let username = Username::parse(username).map_err(|_| ServiceError::NotFound)?;
        if codes.len() > MAX_FACILITIES_PER_USER {
            return Err(ServiceError::Invalid {
                field: "",
                message_id: "error-facility-unknown",
            });
        }
        let mut parsed = Vec::with_capacity(codes.len());
        for raw in codes {
            let code = FacilityCode::parse(raw).map_err(|_| ServiceError::Invalid {
                field: "",
                message_id: "error-facility-unknown",
            })?;
            parsed.push(code);
        }
        parsed.sort();
        parsed.dedup();
        let mut tx = self.db.begin().await?;
        let user = users::find_by_username(&mut tx, &username)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let mut ids = Vec::with_capacity(parsed.len());
        for code in &parsed {
            let found = facilities::find(&mut tx, code)
                .await?
                .ok_or(ServiceError::Invalid {
                    field: "",
                    message_id: "error-facility-unknown",
                })?;
            ids.push(found.id);
        }
        let before: Vec<FacilityCode> = facilities::of_user(&mut tx, user.id)
            .await?
            .into_iter()
            .map(|f| f.code)
            .collect();
        facilities::set_for_user(&mut tx, user.id, &ids).await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::UserFacilitiesChanged,
                target: AuditTarget::User,
                target_id: Some(user.id.to_string()),
                details: json!({
                    "username": username.as_str(),
                    "before": before,
                    "after": parsed,
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(parsed)
    }
}
