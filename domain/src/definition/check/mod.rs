//! Semantic checks of a parsed definition (`Definition::check`).
//!
//! Run at import, on every save of a draft and before review. They find
//! *every* problem at once — a methodologist fixes a list, not one error at
//! a time — and locate each by a JSON pointer into the document.

mod logic;
mod scores;
mod structure;
mod texts;

pub(crate) use scores::{counts_in, score_entries};
pub use texts::TextRef;

use super::error::DefinitionError;
use super::index::Index;
use super::model::Definition;

impl Definition {
    /// Every semantic problem: duplicate keys, broken references, missing
    /// translations, bad conditions, inconsistent scales, scores and bands.
    /// An empty list means the version may go to review.
    pub fn check(&self) -> Vec<DefinitionError> {
        let index = Index::new(self);
        let mut errors = Vec::new();
        structure::check_meta(self, &mut errors);
        structure::check_unique_keys(self, &mut errors);
        structure::check_scales(self, &mut errors);
        structure::check_sections(self, &index, &mut errors);
        logic::check_conditions(&index, &mut errors);
        scores::check_scores(&index, &mut errors);
        scores::check_flags(&index, &mut errors);
        scores::check_judgements(&index, &mut errors);
        texts::check_texts(self, &mut errors);
        errors
    }
}

/// A JSON pointer to item `ii` of section `si`.
pub(crate) fn item_path(si: usize, ii: usize) -> String {
    format!("/sections/{si}/items/{ii}")
}
