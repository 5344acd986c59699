//! Review, approval and publication (issue 10): four eyes on every version.
//!
//! Every move between statuses is checked against the one table of the
//! lifecycle (`VersionStatus::after`), made by a conditional update (a move
//! raced by another finds the status changed and is refused), recorded as
//! a transition and audited in the same transaction. Approving, publishing
//! and retiring ask for the password again and record an electronic
//! signature bound to the SHA-256 of the exact canonical definition.

use crate::definition_check::check_definition;
use crate::instruments::definition_hash;
use crate::model::{
    CommentView, Decision, DecisionAnswer, DecisionRequest, NewComment, Problem, Retirement,
    ReviewCounts, ReviewItem, Settings, SignatureView, StatusAnswer, Submitted, TextStatus,
    Timeline, TimelineSignOff, TransitionView, VersionReview,
};
use crate::store::instruments::{self, VersionRecord};
use crate::store::review::{self, CommentRecord};
use crate::store::{Conn, audit, translations};
use crate::throttle::Keys;
use crate::translations::StatusTable;
use crate::{Actor, ServiceError, ServiceResult, Services};
use domain::definition::translation::Variant;
use domain::definition::{Definition, MessageArg};
use domain::{
    AuditAction, AuditTarget, InstrumentCode, Locale, Permission, VersionAction, VersionStatus,
};
use serde_json::json;
use std::collections::{BTreeMap, HashMap};

/// The longest comment or reason kept, in characters.
const MAX_TEXT: usize = 4000;
/// The most approvals a version can be made to need.
const MAX_APPROVALS: i64 = 5;
const APPROVALS_REQUIRED: &str = "approvals_required";

/// The refusal of an action a version's status does not allow: it names
/// the status and what can be done from it.
pub fn wrong_status(status: VersionStatus) -> ServiceError {
    ServiceError::Conflict(match status {
        VersionStatus::Draft => "error-version-draft",
        VersionStatus::InReview => "error-version-in-review",
        VersionStatus::ChangesRequested => "error-version-changes-requested",
        VersionStatus::Approved => "error-version-approved",
        VersionStatus::Published => "error-version-published",
        VersionStatus::Superseded => "error-version-superseded",
        VersionStatus::Retired => "error-version-retired",
    })
}

/// Refused unless `action` is allowed from the version's status.
fn allowed(record: &VersionRecord, action: VersionAction) -> ServiceResult<VersionStatus> {
    record
        .status
        .after(action)
        .ok_or_else(|| wrong_status(record.status))
}

fn parse(record: &VersionRecord) -> ServiceResult<Definition> {
    Definition::from_json(&record.definition).map_err(|_| {
        ServiceError::Internal(format!(
            "stored definition {}@{} unreadable",
            record.code, record.number
        ))
    })
}

fn text_field(value: &str, field: &'static str, required: &'static str) -> ServiceResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ServiceError::Invalid {
            field,
            message_id: required,
        });
    }
    if value.chars().count() > MAX_TEXT {
        return Err(ServiceError::Invalid {
            field,
            message_id: "error-review-text-too-long",
        });
    }
    Ok(value.to_owned())
}

fn locale_term(locale: Locale) -> MessageArg {
    MessageArg::Term {
        term: format!("check-term-locale-{}", locale.code()),
    }
}

/// One translation blocker: a wording of a target locale (and variant)
/// missing or made from a source text that changed since.
fn translation_blocker(
    path: &str,
    locale: Locale,
    variant: Variant,
    status: TextStatus,
) -> Problem {
    let (message_id, english) = match (status, variant) {
        (TextStatus::Stale, Variant::Neutral) => ("review-blocker-stale", "out of date"),
        (TextStatus::Stale, _) => ("review-blocker-stale-variant", "out of date"),
        (_, Variant::Neutral) => ("review-blocker-missing", "not translated"),
        (_, _) => ("review-blocker-missing-variant", "not translated"),
    };
    let mut args = BTreeMap::new();
    args.insert("locale".to_owned(), locale_term(locale));
    if variant != Variant::Neutral {
        args.insert(
            "gender".to_owned(),
            MessageArg::Term {
                term: format!("check-term-gender-{}", variant.code()),
            },
        );
    }
    Problem {
        path: path.to_owned(),
        message: format!("{}: {english} ({})", locale.code(), variant.code()),
        message_id: message_id.to_owned(),
        args,
    }
}

/// Whether a locale's newest sign-off still stands, per target locale.
fn signed_off(
    definition: &Definition,
    records: Vec<translations::TranslationRecord>,
    sign_offs: &[translations::SignOffRecord],
) -> Vec<(Locale, bool)> {
    let table = StatusTable::new(definition, records);
    table
        .target_locales()
        .into_iter()
        .map(|l| {
            let p = table.progress(l, sign_offs.iter().any(|s| s.locale == l));
            (l, p.signed_off)
        })
        .collect()
}

/// The keys of the section (and item) a comment's path points at, as
/// `section` or `section/item`: what finds it again after edits.
fn anchor_of(definition: &serde_json::Value, path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split('/').collect();
    let key = |pointer: String| {
        definition
            .pointer(&pointer)
            .and_then(|v| v.get("key"))
            .and_then(|k| k.as_str())
            .map(str::to_owned)
    };
    let section = key(format!("/sections/{}", parts.get(2)?))?;
    match parts.get(4) {
        None => Some(section),
        Some(item) => Some(format!(
            "{section}/{}",
            key(format!("/sections/{}/items/{item}", parts[2]))?
        )),
    }
}

/// Where an anchor is in the definition now: its path and the key of what
/// it names; `None` when that section or item is gone.
fn locate(definition: &serde_json::Value, anchor: &str) -> Option<(String, String)> {
    let (section, item) = match anchor.split_once('/') {
        Some((s, i)) => (s, Some(i)),
        None => (anchor, None),
    };
    let sections = definition.get("sections")?.as_array()?;
    let (i, found) = sections
        .iter()
        .enumerate()
        .find(|(_, s)| s.get("key").and_then(|k| k.as_str()) == Some(section))?;
    match item {
        None => Some((format!("/sections/{i}"), section.to_owned())),
        Some(item) => {
            let j = found
                .get("items")?
                .as_array()?
                .iter()
                .position(|it| it.get("key").and_then(|k| k.as_str()) == Some(item))?;
            Some((format!("/sections/{i}/items/{j}"), item.to_owned()))
        }
    }
}

/// Whether a path names a section or an item: `/sections/N` or
/// `/sections/N/items/M`.
fn is_comment_path(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    let index = |s: &str| !s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        ["", "sections", n] => index(n),
        ["", "sections", n, "items", m] => index(n) && index(m),
        _ => false,
    }
}

fn comment_views(
    records: &[CommentRecord],
    number: i64,
    definition: &serde_json::Value,
) -> Vec<CommentView> {
    let roots: HashMap<i64, &CommentRecord> = records
        .iter()
        .filter(|c| c.reply_to.is_none())
        .map(|c| (c.id, c))
        .collect();
    records
        .iter()
        .map(|c| {
            let root = c.reply_to.and_then(|r| roots.get(&r).copied()).unwrap_or(c);
            // The section or item where it is now (the version may have
            // been edited since); the path written, if it is gone.
            let now = c.anchor.as_deref().and_then(|a| locate(definition, a));
            CommentView {
                id: c.id,
                version: number,
                path: now
                    .as_ref()
                    .map(|(p, _)| p.clone())
                    .or_else(|| c.path.clone()),
                target: now.map(|(_, key)| key),
                text: c.body.clone(),
                reply_to: c.reply_to,
                author: c.author.clone(),
                created_at: c.created_at.clone(),
                resolved: root.resolved_at.is_some(),
                resolved_by: root.resolved_by.clone(),
                resolved_at: root.resolved_at.clone(),
            }
        })
        .collect()
}

/// The open threads' first comments.
fn open_threads(views: &[CommentView]) -> Vec<CommentView> {
    views
        .iter()
        .filter(|c| c.reply_to.is_none() && !c.resolved)
        .cloned()
        .collect()
}

impl Services {
    /// How many reviewers must approve a version.
    pub async fn approvals_required(&self, conn: &mut Conn) -> ServiceResult<i64> {
        Ok(review::setting(conn, APPROVALS_REQUIRED)
            .await?
            .and_then(|v| v.parse().ok())
            .unwrap_or(1))
    }

    pub async fn settings(&self, actor: &Actor) -> ServiceResult<Settings> {
        actor.authorize(Permission::ViewReview)?;
        let mut conn = self.db.pool.acquire().await?;
        Ok(Settings {
            approvals_required: self.approvals_required(&mut conn).await?,
        })
    }

    /// Changes the settings (administrators); audited with before and after.
    pub async fn change_settings(
        &self,
        actor: &Actor,
        settings: Settings,
    ) -> ServiceResult<Settings> {
        actor.authorize(Permission::ManageSettings)?;
        if !(1..=MAX_APPROVALS).contains(&settings.approvals_required) {
            return Err(ServiceError::Invalid {
                field: "approvals_required",
                message_id: "error-approvals-required",
            });
        }
        let mut tx = self.db.begin().await?;
        let before = self.approvals_required(&mut tx).await?;
        review::put_setting(
            &mut tx,
            APPROVALS_REQUIRED,
            &settings.approvals_required.to_string(),
        )
        .await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::SettingChanged,
                target: AuditTarget::Setting,
                target_id: Some(APPROVALS_REQUIRED.to_owned()),
                details: json!({ "from": before, "to": settings.approvals_required }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(settings)
    }

    /// Everything that keeps a version from review: every check problem of
    /// its definition, and every wording of a required locale (and gender
    /// variant) that is missing or out of date.
    pub(crate) async fn review_blockers(
        &self,
        conn: &mut Conn,
        record: &VersionRecord,
    ) -> ServiceResult<Vec<Problem>> {
        let mut blockers = match check_definition(&record.definition) {
            Ok(_) => vec![],
            Err(problems) => problems,
        };
        let definition = parse(record)?;
        let records = translations::records_of(conn, record.id).await?;
        let table = StatusTable::new(&definition, records);
        for locale in table.target_locales() {
            for text in &table.texts {
                for unit in table.units(text, locale) {
                    if matches!(unit.status, TextStatus::Missing | TextStatus::Stale) {
                        blockers.push(translation_blocker(
                            &text.path,
                            locale,
                            unit.unit.variant,
                            unit.status,
                        ));
                    }
                }
            }
        }
        Ok(blockers)
    }

    /// Sends a draft to review: refused with every blocker, or moved to
    /// `in_review` (read-only from then on) with its open comment threads.
    #[tracing::instrument(skip_all)]
    pub async fn submit_version(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        n: i64,
    ) -> ServiceResult<Submitted> {
        actor.authorize(Permission::EditDrafts)?;
        let mut conn = self.db.pool.acquire().await?;
        let record = instruments::get_version(&mut conn, code, n).await?;
        let to = allowed(&record, VersionAction::Submit)?;
        let blockers = self.review_blockers(&mut conn, &record).await?;
        if !blockers.is_empty() {
            return Err(ServiceError::NotReady(blockers));
        }
        let comments = review::comments_of(&mut conn, record.id).await?;
        drop(conn);
        let definition: serde_json::Value =
            serde_json::from_str(&record.definition).unwrap_or_default();
        let open = open_threads(&comment_views(&comments, n, &definition));
        let user = actor.user().ok().map(|u| u.id);
        let mut tx = self.db.begin().await?;
        review::lock_instrument(&mut tx, record.instrument_id).await?;
        // What was checked is what goes to review: nothing saved meanwhile.
        if !instruments::hold_at_revision(&mut tx, record.id, record.revision).await?
            || !review::transition(&mut tx, record.id, record.status, to, user, None).await?
        {
            return Err(ServiceError::Conflict("error-draft-changed"));
        }
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::VersionSubmitted,
                target: AuditTarget::InstrumentVersion,
                target_id: Some(record.id.to_string()),
                details: json!({
                    "code": code,
                    "number": n,
                    "from": record.status,
                    "revision": record.revision,
                    "open_comments": open.iter().map(|c| c.id).collect::<Vec<_>>(),
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(Submitted {
            status: to,
            open_comments: open,
        })
    }

    /// Checks the actor's password for a signature; `InvalidCredentials`
    /// when it is wrong (throttled and audited like every password check).
    async fn confirm_signature(
        &self,
        actor: &Actor,
        client_ip: Option<&str>,
        password: &str,
        check: &'static str,
    ) -> ServiceResult<Keys> {
        let user = actor.user()?;
        let keys = Keys::new(user.username.as_str(), client_ip);
        if !self
            .verify_own_password(actor, &keys, password, check)
            .await?
        {
            return Err(ServiceError::InvalidCredentials);
        }
        // The right password: its earlier failures are forgiven now,
        // whatever refuses the action after this.
        let mut conn = self.db.pool.acquire().await?;
        self.clear_password_failures(&mut conn, &keys).await?;
        Ok(keys)
    }

    /// A reviewer's decision on a version in review: approve (signed; the
    /// last approval required makes it `approved`) or request changes (a
    /// reason; back to its author). Never on a version one wrote or
    /// translated; approval only when every required locale is signed off.
    #[tracing::instrument(skip_all)]
    pub async fn decide_version(
        &self,
        actor: &Actor,
        client_ip: Option<&str>,
        code: &InstrumentCode,
        n: i64,
        request: DecisionRequest,
    ) -> ServiceResult<DecisionAnswer> {
        actor.authorize(Permission::ReviewVersions)?;
        let user = actor.user()?.clone();
        let mut conn = self.db.pool.acquire().await?;
        let record = instruments::get_version(&mut conn, code, n).await?;
        let action = match request.decision {
            Decision::Approve => VersionAction::Approve,
            Decision::RequestChanges => VersionAction::RequestChanges,
        };
        let to = allowed(&record, action)?;
        if review::wrote(&mut conn, record.id, user.id).await? {
            return Err(ServiceError::Forbidden);
        }
        let reason = match request.decision {
            Decision::RequestChanges => Some(text_field(
                &request.reason,
                "reason",
                "error-review-reason-required",
            )?),
            Decision::Approve if request.reason.trim().is_empty() => None,
            Decision::Approve => Some(text_field(&request.reason, "reason", "")?),
        };
        let round = review::review_round(&mut conn, record.id).await?;
        // Said before the password is asked (checked again below, in the
        // transaction that signs).
        if action == VersionAction::Approve
            && review::approvers(&mut conn, record.id, round)
                .await?
                .contains(&user.id)
        {
            return Err(ServiceError::Conflict("error-review-already-approved"));
        }
        let required = self.approvals_required(&mut conn).await?;
        let definition = parse(&record)?;
        let records = translations::records_of(&mut conn, record.id).await?;
        let sign_offs = translations::sign_offs_of(&mut conn, record.id).await?;
        drop(conn);
        self.confirm_signature(actor, client_ip, &request.password, "decide_version")
            .await?;
        if action == VersionAction::Approve {
            let missing: Vec<Problem> = signed_off(&definition, records, &sign_offs)
                .into_iter()
                .filter(|(_, ok)| !ok)
                .map(|(locale, _)| Problem {
                    path: format!("/translations/{}", locale.code()),
                    message: format!("{} is not signed off", locale.code()),
                    message_id: "review-blocker-not-signed-off".to_owned(),
                    args: BTreeMap::from([("locale".to_owned(), locale_term(locale))]),
                })
                .collect();
            if !missing.is_empty() {
                return Err(ServiceError::NotReady(missing));
            }
        }
        let hash = definition_hash(&record.definition);
        let mut tx = self.db.begin().await?;
        // Exactly the version checked: same revision, still in review, in
        // the same round (no send-back and resubmission meanwhile); every
        // move of the instrument's versions waits for this one.
        review::lock_instrument(&mut tx, record.instrument_id).await?;
        if !review::hold_as_checked(&mut tx, record.id, record.revision, record.status, round)
            .await?
        {
            return Err(ServiceError::Conflict("error-concurrent-change"));
        }
        let approvers = review::approvers(&mut tx, record.id, round).await?;
        if action == VersionAction::Approve && approvers.contains(&user.id) {
            return Err(ServiceError::Conflict("error-review-already-approved"));
        }
        let approvals = approvers.len() as i64 + i64::from(action == VersionAction::Approve);
        let status = if action == VersionAction::Approve && approvals < required {
            VersionStatus::InReview
        } else {
            to
        };
        if action == VersionAction::Approve {
            review::insert_signature(
                &mut tx,
                review::NewSignature {
                    version: record.id,
                    signer: user.id,
                    meaning: "approved",
                    definition_sha256: &hash,
                    review_round: round,
                    reason: reason.as_deref(),
                },
            )
            .await?;
        }
        if status != record.status
            && !review::transition(
                &mut tx,
                record.id,
                record.status,
                status,
                Some(user.id),
                reason.as_deref(),
            )
            .await?
        {
            return Err(ServiceError::Conflict("error-concurrent-change"));
        }
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: match action {
                    VersionAction::Approve => AuditAction::VersionApproved,
                    _ => AuditAction::VersionChangesRequested,
                },
                target: AuditTarget::InstrumentVersion,
                target_id: Some(record.id.to_string()),
                details: json!({
                    "code": code,
                    "number": n,
                    "status": status,
                    "round": round,
                    "approvals": approvals,
                    "approvals_required": required,
                    "definition_sha256": hash,
                    "reason": reason,
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(DecisionAnswer {
            status,
            approvals: if action == VersionAction::Approve {
                approvals
            } else {
                0
            },
            approvals_required: required,
        })
    }

    /// Publishes an approved version (signed): assessors use it from now
    /// on; the version published before is superseded (assessments started
    /// with it stay on it).
    #[tracing::instrument(skip_all)]
    pub async fn publish_version(
        &self,
        actor: &Actor,
        client_ip: Option<&str>,
        code: &InstrumentCode,
        n: i64,
        password: &str,
    ) -> ServiceResult<StatusAnswer> {
        actor.authorize(Permission::PublishVersions)?;
        let user = actor.user()?.clone();
        let mut conn = self.db.pool.acquire().await?;
        let record = instruments::get_version(&mut conn, code, n).await?;
        let to = allowed(&record, VersionAction::Publish)?;
        let round = review::review_round(&mut conn, record.id).await?;
        drop(conn);
        self.confirm_signature(actor, client_ip, password, "publish_version")
            .await?;
        let hash = definition_hash(&record.definition);
        let mut tx = self.db.begin().await?;
        review::lock_instrument(&mut tx, record.instrument_id).await?;
        // The approved version as its approvals signed it.
        if !review::hold_as_checked(&mut tx, record.id, record.revision, record.status, round)
            .await?
        {
            return Err(ServiceError::Conflict("error-concurrent-change"));
        }
        let mut superseded = Vec::new();
        for older in instruments::versions_of(&mut tx, code).await? {
            if older.status == VersionStatus::Published {
                if !review::transition(
                    &mut tx,
                    older.id,
                    VersionStatus::Published,
                    VersionStatus::Superseded,
                    Some(user.id),
                    None,
                )
                .await?
                {
                    return Err(ServiceError::Conflict("error-concurrent-change"));
                }
                superseded.push(older.number);
            }
        }
        if !review::transition(&mut tx, record.id, record.status, to, Some(user.id), None).await? {
            return Err(ServiceError::Conflict("error-concurrent-change"));
        }
        review::insert_signature(
            &mut tx,
            review::NewSignature {
                version: record.id,
                signer: user.id,
                meaning: "published",
                definition_sha256: &hash,
                review_round: round,
                reason: None,
            },
        )
        .await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::VersionPublished,
                target: AuditTarget::InstrumentVersion,
                target_id: Some(record.id.to_string()),
                details: json!({
                    "code": code,
                    "number": n,
                    "supersedes": superseded,
                    "definition_sha256": hash,
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(StatusAnswer { status: to })
    }

    /// Retires an instrument (signed, with a reason): no new assessments;
    /// its published version and any version on its way are retired, every
    /// version and assessment kept.
    #[tracing::instrument(skip_all)]
    pub async fn retire_instrument(
        &self,
        actor: &Actor,
        client_ip: Option<&str>,
        code: &InstrumentCode,
        password: &str,
        reason: &str,
    ) -> ServiceResult<StatusAnswer> {
        actor.authorize(Permission::PublishVersions)?;
        let user = actor.user()?.clone();
        let mut conn = self.db.pool.acquire().await?;
        let versions = instruments::versions_of(&mut conn, code).await?;
        let first = versions.first().ok_or(ServiceError::NotFound)?;
        let instrument = first.instrument_id;
        if review::retirement(&mut conn, instrument).await?.is_some() {
            return Err(ServiceError::Conflict("error-instrument-retired"));
        }
        drop(conn);
        let reason = text_field(reason, "reason", "error-review-reason-required")?;
        self.confirm_signature(actor, client_ip, password, "retire_instrument")
            .await?;
        let mut tx = self.db.begin().await?;
        review::lock_instrument(&mut tx, instrument).await?;
        if review::retirement(&mut tx, instrument).await?.is_some() {
            return Err(ServiceError::Conflict("error-instrument-retired"));
        }
        let versions = instruments::versions_of(&mut tx, code).await?;
        let mut retired = Vec::new();
        for v in &versions {
            if v.status.after(VersionAction::Retire).is_some() {
                if !review::transition(
                    &mut tx,
                    v.id,
                    v.status,
                    VersionStatus::Retired,
                    Some(user.id),
                    Some(&reason),
                )
                .await?
                {
                    return Err(ServiceError::Conflict("error-concurrent-change"));
                }
                retired.push(v);
            }
        }
        // The signature goes on the version assessors used (else the newest).
        let signed = retired
            .iter()
            .find(|v| v.status == VersionStatus::Published)
            .copied()
            .or(versions.last())
            .ok_or(ServiceError::NotFound)?;
        let round = review::review_round(&mut tx, signed.id).await?;
        let hash = definition_hash(&signed.definition);
        review::insert_signature(
            &mut tx,
            review::NewSignature {
                version: signed.id,
                signer: user.id,
                meaning: "retired",
                definition_sha256: &hash,
                review_round: round,
                reason: Some(&reason),
            },
        )
        .await?;
        review::retire_instrument(&mut tx, instrument, &reason).await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::InstrumentRetired,
                target: AuditTarget::InstrumentVersion,
                target_id: Some(signed.id.to_string()),
                details: json!({
                    "code": code,
                    "versions": retired.iter().map(|v| v.number).collect::<Vec<_>>(),
                    "reason": reason,
                    "definition_sha256": hash,
                }),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(StatusAnswer {
            status: VersionStatus::Retired,
        })
    }

    /// Adds a comment (or a reply) to a version, a section or an item.
    #[tracing::instrument(skip_all)]
    pub async fn add_comment(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        n: i64,
        new: NewComment,
    ) -> ServiceResult<CommentView> {
        actor.authorize(Permission::CommentOnVersions)?;
        let user = actor.user()?.clone();
        self.get_version(actor, code, n).await?;
        let text = text_field(&new.text, "text", "error-comment-empty")?;
        let mut tx = self.db.begin().await?;
        let record = instruments::get_version(&mut tx, code, n).await?;
        let definition: serde_json::Value =
            serde_json::from_str(&record.definition).unwrap_or_default();
        // A reply joins its thread: the thread's first comment, its path.
        let (reply_to, path) = match new.reply_to {
            Some(id) => {
                let to = review::get_comment(&mut tx, id)
                    .await
                    .ok()
                    .filter(|c| c.version == record.id)
                    .ok_or(ServiceError::Invalid {
                        field: "reply_to",
                        message_id: "error-comment-reply-to",
                    })?;
                let root = match to.reply_to {
                    Some(root) => review::get_comment(&mut tx, root).await?,
                    None => to,
                };
                let path = root
                    .anchor
                    .as_deref()
                    .and_then(|a| locate(&definition, a))
                    .map(|(p, _)| p)
                    .or(root.path);
                (Some(root.id), path)
            }
            None => {
                let path = new.path.filter(|p| !p.trim().is_empty());
                if let Some(p) = &path
                    && (!is_comment_path(p) || definition.pointer(p).is_none())
                {
                    return Err(ServiceError::Invalid {
                        field: "path",
                        message_id: "error-comment-path",
                    });
                }
                (None, path)
            }
        };
        let anchor = path.as_deref().and_then(|p| anchor_of(&definition, p));
        let id = review::insert_comment(
            &mut tx,
            review::NewComment {
                version: record.id,
                path: path.as_deref(),
                anchor: anchor.as_deref(),
                body: &text,
                reply_to,
                author: user.id,
            },
        )
        .await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor.audit(),
                action: AuditAction::CommentAdded,
                target: AuditTarget::InstrumentVersion,
                target_id: Some(record.id.to_string()),
                details: json!({
                    "code": code,
                    "number": n,
                    "comment": id,
                    "path": path,
                    "reply_to": reply_to,
                    "characters": text.chars().count(),
                }),
            },
        )
        .await?;
        let all = review::comments_of(&mut tx, record.id).await?;
        tx.commit().await?;
        comment_views(&all, n, &definition)
            .into_iter()
            .find(|c| c.id == id)
            .ok_or(ServiceError::NotFound)
    }

    /// Resolves a comment's thread, or opens it again.
    #[tracing::instrument(skip_all)]
    pub async fn resolve_comment(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        n: i64,
        id: i64,
        resolved: bool,
    ) -> ServiceResult<CommentView> {
        actor.authorize(Permission::CommentOnVersions)?;
        let user = actor.user()?.clone();
        self.get_version(actor, code, n).await?;
        let mut tx = self.db.begin().await?;
        let record = instruments::get_version(&mut tx, code, n).await?;
        let comment = review::get_comment(&mut tx, id)
            .await
            .ok()
            .filter(|c| c.version == record.id)
            .ok_or(ServiceError::NotFound)?;
        let root = comment.reply_to.unwrap_or(comment.id);
        // Resolving a resolved thread (or reopening an open one) changes
        // nothing: no new resolver, no event.
        if review::set_resolved(&mut tx, root, resolved.then_some(user.id)).await? {
            audit::append(
                &mut tx,
                audit::NewEvent {
                    actor: &actor.audit(),
                    action: if resolved {
                        AuditAction::CommentResolved
                    } else {
                        AuditAction::CommentReopened
                    },
                    target: AuditTarget::InstrumentVersion,
                    target_id: Some(record.id.to_string()),
                    details: json!({ "code": code, "number": n, "comment": root }),
                },
            )
            .await?;
        }
        let all = review::comments_of(&mut tx, record.id).await?;
        tx.commit().await?;
        let definition: serde_json::Value =
            serde_json::from_str(&record.definition).unwrap_or_default();
        comment_views(&all, n, &definition)
            .into_iter()
            .find(|c| c.id == id)
            .ok_or(ServiceError::NotFound)
    }

    /// The comments of a version, oldest first (each with its thread's state).
    pub async fn version_comments(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        n: i64,
    ) -> ServiceResult<Vec<CommentView>> {
        actor.authorize(Permission::ViewReview)?;
        self.get_version(actor, code, n).await?;
        let mut conn = self.db.pool.acquire().await?;
        let record = instruments::get_version(&mut conn, code, n).await?;
        let all = review::comments_of(&mut conn, record.id).await?;
        let definition: serde_json::Value =
            serde_json::from_str(&record.definition).unwrap_or_default();
        Ok(comment_views(&all, n, &definition))
    }

    /// Every transition, comment, signature and sign-off of a version.
    #[tracing::instrument(skip_all)]
    pub async fn version_timeline(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        n: i64,
    ) -> ServiceResult<Timeline> {
        actor.authorize(Permission::ViewReview)?;
        self.get_version(actor, code, n).await?;
        let mut conn = self.db.pool.acquire().await?;
        let record = instruments::get_version(&mut conn, code, n).await?;
        let definition: serde_json::Value =
            serde_json::from_str(&record.definition).unwrap_or_default();
        let hash = definition_hash(&record.definition);
        let comments = review::comments_of(&mut conn, record.id).await?;
        let signatures = review::signatures_of(&mut conn, record.id).await?;
        let round = review::review_round(&mut conn, record.id).await?;
        let approvals = review::approvers(&mut conn, record.id, round).await?.len() as i64;
        let transitions = review::transitions_of(&mut conn, record.id)
            .await?
            .into_iter()
            .map(|t| TransitionView {
                from: t.from,
                to: t.to,
                by: t.actor,
                reason: t.reason,
                at: t.occurred_at,
            })
            .collect();
        let sign_offs = translations::sign_offs_of(&mut conn, record.id)
            .await?
            .into_iter()
            .map(|s| TimelineSignOff {
                locale: s.locale,
                signed_by: s.signed_by,
                at: s.signed_at,
            })
            .collect();
        let retired = review::retirement(&mut conn, record.instrument_id)
            .await?
            .map(|(at, reason)| Retirement { at, reason });
        Ok(Timeline {
            code: code.clone(),
            version: n,
            status: record.status,
            created_by: record.created_by.clone(),
            created_at: record.created_at.clone(),
            transitions,
            comments: comment_views(&comments, n, &definition),
            signatures: signatures
                .into_iter()
                .map(|s| SignatureView {
                    matches_definition: s.definition_sha256 == hash,
                    signer: s.signer,
                    meaning: s.meaning,
                    definition_sha256: s.definition_sha256,
                    review_round: s.review_round,
                    reason: s.reason,
                    at: s.signed_at,
                })
                .collect(),
            sign_offs,
            approvals,
            approvals_required: self.approvals_required(&mut conn).await?,
            retired,
        })
    }

    /// Everything the review page of a version shows.
    #[tracing::instrument(skip_all)]
    pub async fn version_review(
        &self,
        actor: &Actor,
        code: &InstrumentCode,
        n: i64,
    ) -> ServiceResult<VersionReview> {
        let timeline = self.version_timeline(actor, code, n).await?;
        let version = self.get_version(actor, code, n).await?;
        let mut conn = self.db.pool.acquire().await?;
        let record = instruments::get_version(&mut conn, code, n).await?;
        let published = instruments::versions_of(&mut conn, code)
            .await?
            .into_iter()
            .rev()
            .find(|v| v.status == VersionStatus::Published && v.number != n);
        let changes = match &published {
            Some(p) => domain::definition::diff(&parse(p)?, &parse(&record)?)
                .into_iter()
                .map(Into::into)
                .collect(),
            None => vec![],
        };
        let status = record.status;
        let can = |p: Permission| actor.authorize(p).is_ok();
        let may_decide = status == VersionStatus::InReview
            && self.may_decide(&mut conn, actor, record.id).await?;
        let retired = timeline.retired.is_some();
        Ok(VersionReview {
            may_edit: status.is_editable() && can(Permission::EditDrafts),
            may_submit: status.after(VersionAction::Submit).is_some()
                && can(Permission::EditDrafts),
            may_decide,
            may_publish: status.after(VersionAction::Publish).is_some()
                && can(Permission::PublishVersions),
            may_retire: !retired
                && status == VersionStatus::Published
                && can(Permission::PublishVersions),
            may_comment: can(Permission::CommentOnVersions),
            published_version: published.map(|p| p.number),
            changes,
            version,
            timeline,
        })
    }

    /// Whether `user` may decide on a version in review: wrote none of it
    /// and has not approved it in this round.
    async fn may_decide(
        &self,
        conn: &mut Conn,
        actor: &Actor,
        version: domain::VersionId,
    ) -> ServiceResult<bool> {
        let Ok(user) = actor.user() else {
            return Ok(false);
        };
        if actor.authorize(Permission::ReviewVersions).is_err()
            || review::wrote(conn, version, user.id).await?
        {
            return Ok(false);
        }
        let round = review::review_round(conn, version).await?;
        Ok(!review::approvers(conn, version, round)
            .await?
            .contains(&user.id))
    }

    /// The versions waiting for review, each with who submitted it, when,
    /// and how it differs from the published version; then the caller's
    /// own versions that a reviewer sent back.
    #[tracing::instrument(skip_all)]
    pub async fn review_inbox(&self, actor: &Actor) -> ServiceResult<Vec<ReviewItem>> {
        actor.authorize(Permission::ViewReview)?;
        let mut conn = self.db.pool.acquire().await?;
        let required = self.approvals_required(&mut conn).await?;
        let mut items = Vec::new();
        let mut waiting = review::versions_in(&mut conn, VersionStatus::InReview).await?;
        if let Ok(user) = actor.user() {
            for v in review::versions_in(&mut conn, VersionStatus::ChangesRequested).await? {
                if review::wrote(&mut conn, v.0, user.id).await? {
                    waiting.push(v);
                }
            }
        }
        for (id, code, number) in waiting {
            let code: InstrumentCode = code
                .parse()
                .map_err(|_| ServiceError::Internal(format!("stored code {code} unreadable")))?;
            let record = instruments::get_version(&mut conn, &code, number).await?;
            let definition = parse(&record)?;
            let published = instruments::versions_of(&mut conn, &code)
                .await?
                .into_iter()
                .rev()
                .find(|v| v.status == VersionStatus::Published);
            let mut changes: BTreeMap<String, i64> = BTreeMap::new();
            if let Some(p) = &published {
                for change in domain::definition::diff(&parse(p)?, &definition) {
                    let class = crate::model::VersionChange::from(change).class;
                    *changes.entry(class).or_default() += 1;
                }
            }
            let (submitted_by, submitted_at) = review::last_submission(&mut conn, id)
                .await?
                .map(|(by, at)| (by, Some(at)))
                .unwrap_or((None, None));
            let json: serde_json::Value =
                serde_json::from_str(&record.definition).unwrap_or_default();
            let comments = review::comments_of(&mut conn, id).await?;
            let open = open_threads(&comment_views(&comments, number, &json)).len() as i64;
            let round = review::review_round(&mut conn, id).await?;
            let approvals = review::approvers(&mut conn, id, round).await?.len() as i64;
            items.push(ReviewItem {
                status: record.status,
                title: crate::instruments::titles(&definition),
                code,
                version: number,
                submitted_by,
                submitted_at,
                published_version: published.map(|p| p.number),
                changes,
                open_comments: open,
                approvals,
                approvals_required: required,
                may_decide: self.may_decide(&mut conn, actor, id).await?,
            });
        }
        Ok(items)
    }

    /// The counts in the header: versions waiting for the caller's review,
    /// and versions of theirs sent back with changes requested.
    pub async fn review_counts(&self, actor: &Actor) -> ServiceResult<ReviewCounts> {
        let Ok(user) = actor.user() else {
            return Ok(ReviewCounts::default());
        };
        if actor.authorize(Permission::ViewReview).is_err() {
            return Ok(ReviewCounts::default());
        }
        let mut conn = self.db.pool.acquire().await?;
        let mut counts = ReviewCounts::default();
        if actor.authorize(Permission::ReviewVersions).is_ok() {
            for (id, _, _) in review::versions_in(&mut conn, VersionStatus::InReview).await? {
                if self.may_decide(&mut conn, actor, id).await? {
                    counts.waiting_for_me += 1;
                }
            }
        }
        for (id, _, _) in review::versions_in(&mut conn, VersionStatus::ChangesRequested).await? {
            if review::wrote(&mut conn, id, user.id).await? {
                counts.changes_requested += 1;
            }
        }
        Ok(counts)
    }

    /// Makes a version sent back a draft again, when it is saved: called
    /// inside the saving transaction. Audited once (the first save).
    pub(crate) async fn reopen_if_sent_back(
        &self,
        tx: &mut Conn,
        actor: &Actor,
        record: &VersionRecord,
    ) -> ServiceResult<()> {
        if record.status != VersionStatus::ChangesRequested {
            return Ok(());
        }
        let user = actor.user().ok().map(|u| u.id);
        if review::transition(
            tx,
            record.id,
            VersionStatus::ChangesRequested,
            VersionStatus::Draft,
            user,
            None,
        )
        .await?
        {
            audit::append(
                tx,
                audit::NewEvent {
                    actor: &actor.audit(),
                    action: AuditAction::VersionReopened,
                    target: AuditTarget::InstrumentVersion,
                    target_id: Some(record.id.to_string()),
                    details: json!({ "code": record.code, "number": record.number }),
                },
            )
            .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_name_a_section_or_an_item_and_nothing_else() {
        for ok in ["/sections/0", "/sections/12/items/3"] {
            assert!(is_comment_path(ok), "{ok}");
        }
        for bad in [
            "",
            "/",
            "/sections",
            "/sections/x",
            "/sections/0/items",
            "/sections/0/label",
            "/meta/title",
            "/sections/0/items/1/label",
            "/sections/-1",
            "/sections/99999999",
        ] {
            assert!(!is_comment_path(bad), "{bad}");
        }
    }

    #[test]
    fn a_blocker_names_the_locale_and_the_variant_by_their_terms() {
        let p = translation_blocker(
            "/sections/0/label",
            Locale::Ru,
            Variant::Female,
            TextStatus::Stale,
        );
        assert_eq!(p.message_id, "review-blocker-stale-variant");
        assert_eq!(p.path, "/sections/0/label");
        assert_eq!(
            p.args.get("gender"),
            Some(&MessageArg::Term {
                term: "check-term-gender-female".to_owned()
            })
        );
        let p = translation_blocker(
            "/meta/title",
            Locale::Tg,
            Variant::Neutral,
            TextStatus::Missing,
        );
        assert_eq!(p.message_id, "review-blocker-missing");
        assert!(!p.args.contains_key("gender"));
    }
}
