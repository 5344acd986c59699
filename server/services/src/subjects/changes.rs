//! Changing a subject's record and transferring a subject.
//!
//! Both start from a revision, so that of two people editing one record
//! the later is refused and told, never silently overwriting. A transfer
//! is its own action (not an edit of the facility field): it names the new
//! facility and the day, sets the status to `transferred`, and is audited
//! as a transfer. The assessor who transfers a subject away no longer sees
//! them afterwards; the answer shows the record without the name.

use super::{parse_facility, parse_gender, parse_language, parse_name, scope, today, view};
use crate::model::{SubjectChange, SubjectTransfer, SubjectView};
use crate::store::subjects::{self, Scope, SubjectFields, SubjectRecord};
use crate::store::{StoreError, audit, facilities};
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::subject::{parse_birth_date, parse_status_date};
use domain::{AuditAction, AuditTarget, Permission, SubjectAccess, SubjectCode, SubjectStatus};
use serde_json::{Value, json};

/// A changed record refused because someone saved it first.
fn stale(e: StoreError) -> ServiceError {
    match e {
        StoreError::StaleRevision => ServiceError::Conflict("error-subject-changed"),
        other => other.into(),
    }
}

/// What a change did, for the audit log: each changed field's new value,
/// except the name, which is only said to have changed.
fn changed_fields(before: &SubjectRecord, after: &SubjectFields<'_>) -> Value {
    let mut changed = serde_json::Map::new();
    if before.name != *after.name {
        changed.insert("name".into(), json!("changed"));
    }
    let mut put = |field: &str, old: Value, new: Value| {
        if old != new {
            changed.insert(field.into(), json!({ "before": old, "after": new }));
        }
    };
    put(
        "gender",
        json!(before.gender.code()),
        json!(after.gender.code()),
    );
    put(
        "birth_date",
        json!(before.birth_date),
        json!(after.birth_date),
    );
    put("language", json!(before.language), json!(after.language));
    put("status", json!(before.status), json!(after.status));
    put(
        "status_date",
        json!(before.status_date),
        json!(after.status_date),
    );
    Value::Object(changed)
}

impl Services {
    /// The subject with `code` if the actor may reach them, else `NotFound`.
    async fn reachable_subject(
        &self,
        conn: &mut crate::store::Conn,
        actor: &Actor,
        code: &str,
    ) -> ServiceResult<SubjectRecord> {
        let code = SubjectCode::parse(code).map_err(|_| ServiceError::NotFound)?;
        subjects::find(conn, scope(actor)?, &code)
            .await?
            .ok_or(ServiceError::NotFound)
    }

    /// Changes a subject's record (all but code and facility) from a known
    /// revision. The status may become `in_custody` or `released`; it may
    /// stay `transferred`, but only a transfer makes it so.
    #[tracing::instrument(skip_all)]
    pub async fn update_subject(
        &self,
        actor: &Actor,
        code: &str,
        change: SubjectChange,
    ) -> ServiceResult<SubjectView> {
        actor.authorize(Permission::WorkWithSubjects)?;
        let mut tx = self.db.begin().await?;
        // Found (or not) before the body is judged: another facility's
        // subject is "not found" whatever was sent.
        let before = self.reachable_subject(&mut tx, actor, code).await?;
        let today = today()?;
        let name = parse_name(&change.name)?;
        let gender = parse_gender(&change.gender)?;
        let birth_date = parse_birth_date(&change.birth_date, today).map_err(|message_id| {
            ServiceError::Invalid {
                field: "birth_date",
                message_id,
            }
        })?;
        let language = parse_language(&change.language)?;
        let status: SubjectStatus = change
            .status
            .parse()
            .ok()
            .filter(|s| *s != SubjectStatus::Transferred || before.status == *s)
            .ok_or(ServiceError::Invalid {
                field: "status",
                message_id: "error-subject-status",
            })?;
        let status_date =
            match change.status_date.as_deref().map(str::trim) {
                _ if !status.needs_date() => None,
                None | Some("") => {
                    return Err(ServiceError::Invalid {
                        field: "status_date",
                        message_id: "error-status-date-required",
                    });
                }
                Some(raw) => Some(parse_status_date(raw, birth_date, today).map_err(
                    |message_id| ServiceError::Invalid {
                        field: "status_date",
                        message_id,
                    },
                )?),
            };
        let fields = SubjectFields {
            name: &name,
            gender,
            birth_date,
            language,
            status,
            status_date,
        };
        let changed = changed_fields(&before, &fields);
        subjects::update(&mut tx, before.id, change.revision, fields)
            .await
            .map_err(stale)?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::SubjectUpdated,
                target: AuditTarget::Subject,
                target_id: Some(before.id.to_string()),
                details: json!({ "code": before.code, "changed": changed }),
            },
        )
        .await?;
        let after = subjects::find(&mut tx, Scope::All, &before.code)
            .await?
            .ok_or(ServiceError::NotFound)?;
        tx.commit().await?;
        Ok(view(after, SubjectAccess::Named))
    }

    /// Moves a subject, with their history, to another facility on a day,
    /// from a known revision. An assessor transfers subjects of their own
    /// facilities, to any facility; afterwards they see them only if they
    /// work at the new one too.
    #[tracing::instrument(skip_all)]
    pub async fn transfer_subject(
        &self,
        actor: &Actor,
        code: &str,
        transfer: SubjectTransfer,
    ) -> ServiceResult<SubjectView> {
        actor.authorize(Permission::WorkWithSubjects)?;
        let mut tx = self.db.begin().await?;
        let before = self.reachable_subject(&mut tx, actor, code).await?;
        let to_code = parse_facility(&transfer.facility)?;
        let to = facilities::find(&mut tx, &to_code)
            .await?
            .ok_or(ServiceError::Invalid {
                field: "facility",
                message_id: "error-facility-unknown",
            })?;
        if to.id == before.facility_id {
            return Err(ServiceError::Invalid {
                field: "facility",
                message_id: "error-transfer-same-facility",
            });
        }
        let date = parse_status_date(&transfer.date, before.birth_date, today()?).map_err(
            |message_id| ServiceError::Invalid {
                field: "date",
                message_id,
            },
        )?;
        subjects::transfer(&mut tx, before.id, transfer.revision, to.id, date)
            .await
            .map_err(stale)?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::SubjectTransferred,
                target: AuditTarget::Subject,
                target_id: Some(before.id.to_string()),
                details: json!({
                    "code": before.code,
                    "from": before.facility,
                    "to": to.code,
                    "date": date,
                }),
            },
        )
        .await?;
        let after = subjects::find(&mut tx, Scope::All, &before.code)
            .await?
            .ok_or(ServiceError::NotFound)?;
        let access = match actor {
            Actor::User(u) => {
                let works_there = facilities::works_at(&mut tx, u.id, to.id).await?;
                SubjectAccess::of(&u.roles, works_there)
            }
            Actor::System(_) => SubjectAccess::Named,
        };
        tx.commit().await?;
        tracing::info!(code = %before.code, from = %before.facility, to = %to.code, "transferred a subject");
        Ok(view(after, access))
    }
}
