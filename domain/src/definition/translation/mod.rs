//! What translators work on: every text of a definition under a stable id,
//! and which wordings ("variants") each target locale needs of it.
//!
//! Why ids and not JSON paths: a translation's status (who made it, from
//! which source text, whether it was approved) must follow its text when a
//! methodologist reorders items or a new version is drafted. So the id is
//! the text's JSON path with every index replaced by the key of what it
//! indexes — `/sections/2/items/0/label` becomes
//! `sections-risk-items-self_harm-label` — which stays the same while the
//! item lives, is a valid Fluent message id, and still reads like the path.
//! (Where a draft repeats a key, or a scale's option value is not a key,
//! the index stands in, so every id of one definition is distinct.)

mod help;
mod ids;

pub use help::{TajikWarning, identical_variants, tajik_warnings};

use super::model::Definition;
use super::text::{Text, Wording};
use crate::{Gender, Locale};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Which wording of a text in one locale: the one for everybody, or one
/// gender's variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    Neutral,
    Male,
    Female,
}

impl Variant {
    pub const ALL: [Variant; 3] = [Variant::Neutral, Variant::Male, Variant::Female];

    pub fn code(self) -> &'static str {
        match self {
            Variant::Neutral => "neutral",
            Variant::Male => "male",
            Variant::Female => "female",
        }
    }

    pub fn of_gender(g: Gender) -> Variant {
        match g {
            Gender::Male => Variant::Male,
            Gender::Female => Variant::Female,
        }
    }
}

impl fmt::Display for Variant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A stored variant code that is not one of ours.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown variant `{0}`; expected neutral, male or female")]
pub struct UnknownVariant(pub String);

impl FromStr for Variant {
    type Err = UnknownVariant;
    fn from_str(s: &str) -> Result<Variant, UnknownVariant> {
        Variant::ALL
            .into_iter()
            .find(|v| v.code() == s)
            .ok_or_else(|| UnknownVariant(s.to_owned()))
    }
}

/// One text of a definition, as a translator sees it.
#[derive(Debug, Clone)]
pub struct TranslatableText<'d> {
    /// Stable across reorderings and versions; see the module doc.
    pub id: String,
    /// JSON pointer into this definition, e.g. `/sections/1/items/0/label`.
    pub path: String,
    pub text: &'d Text,
    /// Genders that may see this text.
    pub genders: Vec<Gender>,
}

/// One wording a target locale needs of a text, and what it has now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit<'d> {
    pub variant: Variant,
    /// The present (non-blank) wording, or `None`: missing.
    pub wording: Option<&'d str>,
    /// How many subject genders this wording serves (2 for a neutral
    /// wording of a text both genders see), so counts compare like with
    /// like across locales, as in [`Definition::completeness`].
    pub weight: u32,
}

fn present(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|s| !s.trim().is_empty())
}

impl<'d> TranslatableText<'d> {
    /// The wordings `locale` needs of this text. A neutral wording is one
    /// unit; a gendered one a unit per gender that sees the text; a missing
    /// one is counted in the shape of the source wording (gendered source,
    /// gendered units), since that is what a translator will most likely
    /// write.
    pub fn units(&self, locale: Locale, source: Locale) -> Vec<Unit<'d>> {
        let genders: &[Gender] = if self.genders.is_empty() {
            &Gender::ALL
        } else {
            &self.genders
        };
        let all = genders.len() as u32;
        let per_gender = |male: Option<&'d str>, female: Option<&'d str>| -> Vec<Unit<'d>> {
            genders
                .iter()
                .map(|g| Unit {
                    variant: Variant::of_gender(*g),
                    wording: match g {
                        Gender::Male => male,
                        Gender::Female => female,
                    },
                    weight: 1,
                })
                .collect()
        };
        let text: &'d Text = self.text;
        match text.get(locale) {
            Some(Wording::Neutral(s)) if !s.trim().is_empty() => vec![Unit {
                variant: Variant::Neutral,
                wording: Some(s.as_str()),
                weight: all,
            }],
            Some(Wording::Gendered { male, female }) => per_gender(present(male), present(female)),
            _ => match text.get(source) {
                Some(Wording::Gendered { .. }) if locale != source => per_gender(None, None),
                _ => vec![Unit {
                    variant: Variant::Neutral,
                    wording: None,
                    weight: all,
                }],
            },
        }
    }
}

impl Definition {
    /// Every text in document order (as [`Definition::visit_texts`]) with
    /// its stable id.
    pub fn translatable_texts(&self) -> Vec<TranslatableText<'_>> {
        let mut paths: Vec<(String, Vec<Gender>)> = Vec::new();
        self.visit_texts(|t| paths.push((t.path.to_owned(), t.genders.to_vec())));
        let mut seen = std::collections::HashSet::new();
        paths
            .into_iter()
            .filter_map(|(path, genders)| {
                let text = self.text_at(&path)?;
                let mut id = ids::id_of(self, &path);
                if !seen.insert(id.clone()) {
                    id = ids::index_id(&path);
                    seen.insert(id.clone());
                }
                Some(TranslatableText {
                    id,
                    path,
                    text,
                    genders,
                })
            })
            .collect()
    }

    /// The text at a JSON pointer that [`Definition::visit_texts`] gives.
    pub fn text_at(&self, path: &str) -> Option<&Text> {
        ids::text_at(self, path)
    }

    /// The text at such a pointer, to change one locale's wording of it.
    pub fn text_at_mut(&mut self, path: &str) -> Option<&mut Text> {
        ids::text_at_mut(self, path)
    }
}

#[cfg(test)]
mod tests;
