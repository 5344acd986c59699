//! Fluent (`.ftl`) files for external translators who work in a Fluent
//! editor (Pontoon, Weblate, a text editor) — the format Mizon's own
//! interface is translated in, and one Mozilla's `compare-locales` can lint.
//!
//! One message per text, its id the text's stable id. The comment above it
//! tells the translator what the text is and shows the source wording, and
//! carries the `# source-hash:` line an upload must bring back, the proof of
//! which source the translation was made against. A wording that differs by
//! the subject's gender is a select expression on `$gender` with `*[male]`
//! and `[female]` variants; no other selector (and no plural category) is
//! ever written or accepted.
//!
//! ```text
//! # Item label
//! # path: /sections/0/items/0/label
//! # source (male): Осуждённый отказался
//! # source (female): Осуждённая отказалась
//! # status: male: approved, female: missing
//! # source-hash: 3f2a…
//! sections-risk-items-refused-label =
//!     { $gender ->
//!        *[male] Маҳкумшуда рад кард
//!         [female] {""}
//!     }
//! ```
//!
//! Writing ([`write_ftl`]) is lossless: every wording reads back exactly,
//! whatever spaces, braces or line breaks it holds (see `write` for how).
//! Reading ([`read_ftl`]) returns what each message says; which rows apply
//! is the service's decision.

mod read;
mod write;

pub use read::read_ftl;
pub use write::write_ftl;

/// The comment line (up to its value) that carries a row's source hash.
const SOURCE_HASH: &str = "source-hash:";
/// The variable a gendered wording selects on.
const GENDER_VARIABLE: &str = "gender";

#[cfg(test)]
mod tests;
