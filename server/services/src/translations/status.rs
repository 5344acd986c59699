//! The status of every wording, from a definition and its records.

use crate::model::{
    LocaleProgress, SignOffView, StatusCounts, TextStatus, TextStatusView, TranslationsView,
};
use crate::store::translations::{SignOffRecord, TranslationRecord};
use domain::Locale;
use domain::definition::translation::{TranslatableText, Unit, Variant};
use domain::definition::{Definition, Text};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap, HashSet};

fn short_hash(bytes: &[u8]) -> String {
    hex::encode(&Sha256::digest(bytes)[..8])
}

/// The hash of a text's source-language wording (both variants, if
/// gendered): what a translation records it was made from. 16 hex digits.
pub fn source_hash(text: &Text, source: Locale) -> String {
    let json = serde_json::to_string(&text.get(source)).unwrap_or_default();
    short_hash(json.as_bytes())
}

/// The hash of one wording, to notice a change made outside the workflow.
pub fn wording_hash(wording: &str) -> String {
    short_hash(wording.as_bytes())
}

type Key = (String, Locale, Variant);

/// A definition's texts with the records of its wordings.
pub struct StatusTable<'d> {
    pub definition: &'d Definition,
    pub texts: Vec<TranslatableText<'d>>,
    records: HashMap<Key, TranslationRecord>,
}

/// One wording a target locale needs, and where it stands.
#[derive(Debug, Clone)]
pub struct UnitStatus<'d> {
    pub locale: Locale,
    pub unit: Unit<'d>,
    pub status: TextStatus,
}

impl<'d> StatusTable<'d> {
    pub fn new(definition: &'d Definition, records: Vec<TranslationRecord>) -> StatusTable<'d> {
        StatusTable {
            definition,
            texts: definition.translatable_texts(),
            records: records
                .into_iter()
                .map(|r| ((r.text_id.clone(), r.locale, r.variant), r))
                .collect(),
        }
    }

    pub fn source(&self) -> Locale {
        self.definition.meta.source_locale
    }

    /// The locales translators work on: the required ones but the source.
    pub fn target_locales(&self) -> Vec<Locale> {
        Locale::ALL
            .into_iter()
            .filter(|l| *l != self.source() && self.definition.meta.required_locales.contains(l))
            .collect()
    }

    pub fn source_hash(&self, text: &TranslatableText<'_>) -> String {
        source_hash(text.text, self.source())
    }

    pub fn record(&self, id: &str, locale: Locale, variant: Variant) -> Option<&TranslationRecord> {
        self.records.get(&(id.to_owned(), locale, variant))
    }

    /// Where each wording `locale` needs of `text` stands.
    pub fn units(&self, text: &TranslatableText<'d>, locale: Locale) -> Vec<UnitStatus<'d>> {
        let current = self.source_hash(text);
        text.units(locale, self.source())
            .into_iter()
            .map(|unit| {
                let status = match unit.wording {
                    None => TextStatus::Missing,
                    Some(w) => match self.record(&text.id, locale, unit.variant) {
                        // Written outside the workflow (or before it): a
                        // draft whose source we cannot know.
                        None => TextStatus::Draft,
                        Some(r) if r.wording_hash != wording_hash(w) => TextStatus::Draft,
                        Some(r) if r.source_hash != current => TextStatus::Stale,
                        Some(r) if r.approved => TextStatus::Approved,
                        Some(_) => TextStatus::Draft,
                    },
                };
                UnitStatus {
                    locale,
                    unit,
                    status,
                }
            })
            .collect()
    }

    /// Counts of one locale in the units of `completeness()`.
    pub fn progress(&self, locale: Locale, signed_off: bool) -> LocaleProgress {
        let mut p = LocaleProgress {
            locale,
            done: 0,
            approved: 0,
            total: 0,
            signed_off: false,
        };
        let mut all_approved = true;
        for text in &self.texts {
            for u in self.units(text, locale) {
                p.total += u.unit.weight;
                match u.status {
                    TextStatus::Draft => p.done += u.unit.weight,
                    TextStatus::Approved => {
                        p.done += u.unit.weight;
                        p.approved += u.unit.weight;
                    }
                    TextStatus::Missing | TextStatus::Stale => {}
                }
                all_approved &= u.status == TextStatus::Approved;
            }
        }
        p.signed_off = signed_off && all_approved;
        p
    }

    /// The API's view of the whole table.
    pub fn view(&self, sign_offs: &[SignOffRecord]) -> TranslationsView {
        let mut locales: BTreeMap<Locale, BTreeMap<Variant, StatusCounts>> = BTreeMap::new();
        let mut texts = Vec::new();
        for locale in self.target_locales() {
            let counts = locales.entry(locale).or_default();
            for v in Variant::ALL {
                counts.entry(v).or_default();
            }
            for text in &self.texts {
                for u in self.units(text, locale) {
                    counts.entry(u.unit.variant).or_default().add(u.status);
                    let made_from = (u.status == TextStatus::Stale)
                        .then(|| self.record(&text.id, locale, u.unit.variant))
                        .flatten()
                        .and_then(|r| serde_json::from_str(&r.source_text).ok());
                    texts.push(TextStatusView {
                        id: text.id.clone(),
                        path: text.path.clone(),
                        locale,
                        variant: u.unit.variant,
                        status: u.status,
                        made_from,
                    });
                }
            }
        }
        let progress: Vec<LocaleProgress> = self
            .target_locales()
            .into_iter()
            .map(|l| self.progress(l, sign_offs.iter().any(|s| s.locale == l)))
            .collect();
        let sign_offs = sign_offs
            .iter()
            .map(|s| SignOffView {
                locale: s.locale,
                signed_by: s.signed_by.clone(),
                signed_at: s.signed_at.clone(),
                current: progress
                    .iter()
                    .any(|p| p.locale == s.locale && p.signed_off),
            })
            .collect();
        TranslationsView {
            locales,
            texts,
            progress,
            sign_offs,
        }
    }

    /// Records to (re)write and records to delete so that every present
    /// wording of a non-source locale has an up-to-date record.
    pub fn out_of_date(
        &self,
        confirmed: &HashSet<(String, Locale)>,
    ) -> (Vec<TranslationRecord>, Vec<Key>) {
        let mut writes = Vec::new();
        let mut present: HashSet<Key> = HashSet::new();
        for text in &self.texts {
            let source_hash = self.source_hash(text);
            for locale in Locale::ALL.into_iter().filter(|l| *l != self.source()) {
                for unit in text.units(locale, self.source()) {
                    let Some(w) = unit.wording else { continue };
                    let key = (text.id.clone(), locale, unit.variant);
                    present.insert(key.clone());
                    let hash = wording_hash(w);
                    let fresh = self
                        .records
                        .get(&key)
                        .is_some_and(|r| r.wording_hash == hash);
                    if fresh && !confirmed.contains(&(text.id.clone(), locale)) {
                        continue;
                    }
                    writes.push(TranslationRecord {
                        text_id: text.id.clone(),
                        locale,
                        variant: unit.variant,
                        source_hash: source_hash.clone(),
                        source_text: serde_json::to_string(&text.text.get(self.source()))
                            .unwrap_or_default(),
                        wording_hash: hash,
                        approved: false,
                    });
                }
            }
        }
        let deletes = self
            .records
            .keys()
            .filter(|k| !present.contains(*k))
            .cloned()
            .collect();
        (writes, deletes)
    }
}
