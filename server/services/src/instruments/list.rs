//! The instruments list (issue 8): per instrument its titles, latest
//! published version, open version (for those who may see it) and how far
//! each translation has got; optionally only those a search finds.
//!
//! Why computed here from every stored version rather than in SQL: the
//! titles and translation counts live inside the definition documents, and
//! the library holds tens of instruments, not thousands.

use super::visible;
use crate::model::{InstrumentSummary, OpenVersion};
use crate::store::instruments::{self, VersionRecord};
use crate::{Actor, ServiceResult, Services};
use domain::definition::{Definition, Wording};
use domain::{Gender, Locale, Permission, VersionStatus, search};
use std::collections::BTreeMap;

/// A stored definition, or `None` when it no longer parses (the instrument
/// is then listed by its code alone).
fn parsed(record: &VersionRecord) -> Option<Definition> {
    Definition::from_json(&record.definition).ok()
}

/// The title in each required locale that has one.
pub(crate) fn titles(definition: &Definition) -> BTreeMap<Locale, String> {
    let title = &definition.meta.title;
    definition
        .meta
        .required_locales
        .iter()
        .filter_map(|l| {
            let wording = title
                .resolve(*l, Gender::Male)
                .or_else(|| title.resolve(*l, Gender::Female));
            wording.map(|t| (*l, t.to_owned()))
        })
        .collect()
}

/// Every wording of the title, in any locale and gender variant: what a
/// search looks in besides the code.
fn title_wordings(definition: &Definition) -> impl Iterator<Item = &str> {
    definition
        .meta
        .title
        .entries()
        .iter()
        .flat_map(|(_, wording)| match wording {
            Wording::Neutral(s) => vec![s.as_str()],
            Wording::Gendered { male, female } => {
                male.iter().chain(female).map(String::as_str).collect()
            }
        })
}

/// One instrument's summary from its versions the actor may see (oldest
/// first), or `None` when `query` does not find it by its code or a title
/// of the versions summarised.
fn summarise(actor: &Actor, versions: &[VersionRecord], query: &str) -> Option<InstrumentSummary> {
    let newest = versions.last()?;
    let published = versions
        .iter()
        .rev()
        .find(|v| v.status == VersionStatus::Published);
    let open = versions
        .iter()
        .rev()
        .find(|v| v.status.is_open())
        .filter(|_| actor.sees_unpublished());
    let shown = published.unwrap_or(newest);
    let shown_definition = parsed(shown);
    // The translation a methodologist is working on, else what is in use.
    let other = open
        .or(published)
        .filter(|v| v.number != shown.number)
        .map(parsed);
    let measured = match &other {
        Some(d) => d.as_ref(),
        None => shown_definition.as_ref(),
    };
    let names = std::iter::once(newest.code.as_str())
        .chain(shown_definition.iter().flat_map(title_wordings))
        .chain(other.iter().flatten().flat_map(title_wordings));
    if !search::matches(query, names) {
        return None;
    }
    Some(InstrumentSummary {
        code: newest.code.clone(),
        title: shown_definition.as_ref().map(titles).unwrap_or_default(),
        published_version: published.map(|v| v.number),
        status: newest.status,
        locales: match (published, &shown_definition) {
            (Some(_), Some(d)) => d.meta.required_locales.clone(),
            _ => vec![],
        },
        draft: open.map(|v| OpenVersion {
            version: v.number,
            status: v.status,
        }),
        completeness: measured.map(Definition::completeness).unwrap_or_default(),
        variants: vec![],
    })
}

impl Services {
    /// Every instrument the actor may see — assessors those with a
    /// published version; the people who write and review instruments
    /// every one — by code. With a `query`, only those whose code or a
    /// title holds each of its words (see [`domain::search`]: «Чалбшави»
    /// finds «Ҷалбшавӣ»).
    #[tracing::instrument(skip_all)]
    pub async fn list_instruments(
        &self,
        actor: &Actor,
        query: Option<&str>,
    ) -> ServiceResult<Vec<InstrumentSummary>> {
        actor.authorize(Permission::ViewInstruments)?;
        let mut conn = self.db.pool.acquire().await?;
        let versions = instruments::all_versions(&mut conn).await?;
        drop(conn);
        let mut by_code: BTreeMap<String, Vec<VersionRecord>> = BTreeMap::new();
        for v in versions.into_iter().filter(|v| visible(actor, v.status)) {
            by_code.entry(v.code.to_string()).or_default().push(v);
        }
        let query = query.unwrap_or_default();
        let mut summaries = Vec::new();
        let mut conn = self.db.pool.acquire().await?;
        for versions in by_code.values() {
            let Some(mut summary) = summarise(actor, versions, query) else {
                continue;
            };
            // A draft's translations: a wording made from a source text
            // that changed since is not done (it is stale).
            let open = summary
                .draft
                .as_ref()
                .and_then(|d| versions.iter().find(|v| v.number == d.version));
            if let Some(open) = open
                && let Some(definition) = parsed(open)
            {
                let records = crate::store::translations::records_of(&mut conn, open.id).await?;
                let table = crate::translations::StatusTable::new(&definition, records);
                for locale in table.target_locales() {
                    for variant in domain::definition::translation::Variant::ALL {
                        let units: Vec<_> = table
                            .texts
                            .iter()
                            .flat_map(|t| table.units(t, locale))
                            .filter(|u| u.unit.variant == variant)
                            .collect();
                        if units.is_empty() {
                            continue;
                        }
                        let done = units
                            .iter()
                            .filter(|u| {
                                matches!(
                                    u.status,
                                    crate::model::TextStatus::Draft
                                        | crate::model::TextStatus::Approved
                                )
                            })
                            .count();
                        summary.variants.push(crate::model::VariantCompleteness {
                            locale,
                            variant,
                            done: done as u32,
                            total: units.len() as u32,
                        });
                    }
                    let progress = table.progress(locale, false);
                    if let Some(c) = summary.completeness.iter_mut().find(|c| c.locale == locale) {
                        c.done = progress.done;
                        c.total = progress.total;
                    }
                }
            }
            summaries.push(summary);
        }
        Ok(summaries)
    }
}
