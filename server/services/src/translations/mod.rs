//! The translation workflow (issue 9): where each wording of a draft
//! stands (missing, stale, draft, approved), writing wordings of one
//! locale (the side-by-side editor and uploaded files alike), signing a
//! locale off, and the files for external translators.
//!
//! The wordings live in the definition; the status of each comes from the
//! definition and its record (`store::translations`): a wording with a
//! record made from another source text than today's is stale, whatever
//! path changed the source (the editor, an import). Every write of a
//! definition goes through [`sync`], so each wording's record says from
//! which source it was made and by whom.

pub mod files;
pub mod ftl;
mod notes;
mod service;
mod status;
pub mod xlsx;

pub use service::FileFormat;
pub use status::{StatusTable, UnitStatus, source_hash, wording_hash};

use crate::ServiceResult;
use crate::store::{Conn, translations};
use domain::definition::Definition;
use domain::{Locale, UserId, VersionId};
use std::collections::HashSet;

/// Brings the records of `version` in line with its definition after a
/// write: a wording that is new or changed (or whose id is in `confirmed`,
/// a stale wording its translator kept on purpose for the new source) gets
/// a fresh draft record made from today's source, by `by`; the records of
/// wordings that are gone are deleted. `by: None` writes no contributor
/// (a copied draft: nobody translated anything).
pub(crate) async fn sync(
    conn: &mut Conn,
    version: VersionId,
    definition: &Definition,
    by: Option<UserId>,
    confirmed: &HashSet<(String, Locale)>,
) -> ServiceResult<()> {
    let records = translations::records_of(conn, version).await?;
    let table = StatusTable::new(definition, records);
    let (writes, deletes) = table.out_of_date(confirmed);
    for record in writes {
        translations::put(conn, version, &record, by).await?;
    }
    for (id, locale, variant) in deletes {
        translations::delete(conn, version, &id, locale, variant).await?;
    }
    Ok(())
}
