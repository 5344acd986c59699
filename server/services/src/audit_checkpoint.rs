//! Tamper evidence that survives truncation. The hash chain shows a changed
//! or removed event in the middle, but someone with database access could
//! cut events off the end (and roll `audit_head` back): what is left is a
//! valid chain. A checkpoint — the newest event's number and hash, kept
//! outside the database — closes that gap: the log must still reach that
//! event, with that hash.

use crate::store::audit;
use crate::{ServiceError, ServiceResult, Services};
use serde::{Deserialize, Serialize};

/// What an operator keeps elsewhere (a small JSON file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    /// The newest event's sequence number when the checkpoint was taken.
    pub seq: i64,
    /// That event's hash (which covers every event before it).
    pub hash: String,
    /// When the checkpoint was taken (UTC), for the operator's eyes.
    pub taken_at: String,
}

/// How the log compares with a checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckpointCheck {
    /// The checkpoint's event is there with the same hash.
    Reached,
    /// The log ends before the checkpoint's event: events were cut off.
    Truncated { last_seq: Option<i64> },
    /// The event is there but its hash differs: the log was rewritten.
    HashDiffers,
}

impl Services {
    /// A checkpoint of the log as it is now; `NotFound` for an empty log.
    pub async fn audit_checkpoint(&self) -> ServiceResult<Checkpoint> {
        let mut conn = self.db.pool.acquire().await?;
        let (seq, hash) = audit::last_event(&mut conn)
            .await?
            .ok_or(ServiceError::NotFound)?;
        Ok(Checkpoint {
            seq,
            hash,
            taken_at: crate::time::now_iso(),
        })
    }

    /// Whether the log still reaches `checkpoint`'s event unchanged (the
    /// chain check itself is [`Services::verify_audit_chain`]).
    pub async fn check_audit_checkpoint(
        &self,
        checkpoint: &Checkpoint,
    ) -> ServiceResult<CheckpointCheck> {
        let mut conn = self.db.pool.acquire().await?;
        Ok(match audit::hash_of(&mut conn, checkpoint.seq).await? {
            Some(hash) if hash == checkpoint.hash => CheckpointCheck::Reached,
            Some(_) => CheckpointCheck::HashDiffers,
            None => CheckpointCheck::Truncated {
                last_seq: audit::last_event(&mut conn).await?.map(|(seq, _)| seq),
            },
        })
    }
}
