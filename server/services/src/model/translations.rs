//! Request and response types of the translation workflow (issue 9).

use domain::Locale;
use domain::definition::translation::Variant;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[cfg(feature = "server")]
use utoipa::ToSchema;

/// Where one wording (a text × locale × variant) stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TextStatus {
    /// No wording yet.
    Missing,
    /// A wording made from a source text that has changed since.
    Stale,
    /// A wording made from the current source, not yet approved.
    Draft,
    /// Approved (by a locale's sign-off) and its source unchanged since.
    Approved,
}

impl TextStatus {
    pub const ALL: [TextStatus; 4] = [
        TextStatus::Missing,
        TextStatus::Stale,
        TextStatus::Draft,
        TextStatus::Approved,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TextStatus::Missing => "missing",
            TextStatus::Stale => "stale",
            TextStatus::Draft => "draft",
            TextStatus::Approved => "approved",
        }
    }

    pub fn parse(s: &str) -> Option<TextStatus> {
        TextStatus::ALL.into_iter().find(|t| t.code() == s)
    }
}

/// How many wordings of one locale and variant are in each status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct StatusCounts {
    pub missing: u32,
    pub stale: u32,
    pub draft: u32,
    pub approved: u32,
}

impl StatusCounts {
    pub fn add(&mut self, status: TextStatus) {
        match status {
            TextStatus::Missing => self.missing += 1,
            TextStatus::Stale => self.stale += 1,
            TextStatus::Draft => self.draft += 1,
            TextStatus::Approved => self.approved += 1,
        }
    }

    pub fn total(&self) -> u32 {
        self.missing + self.stale + self.draft + self.approved
    }
}

/// One wording's status, as listed by the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct TextStatusView {
    /// Stable id: the JSON path with indices replaced by keys.
    pub id: String,
    /// JSON pointer to the text in this version's definition.
    pub path: String,
    pub locale: Locale,
    pub variant: Variant,
    pub status: TextStatus,
    /// For a stale wording: the source wording it was made from (a string,
    /// or `{"male", "female"}`), to compare with today's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "server", schema(value_type = Option<Object>))]
    pub made_from: Option<serde_json::Value>,
}

/// Progress of one locale, counted in the units of
/// `domain::definition::completeness` (a neutral wording of a text both
/// genders see counts twice), so the bars of two locales compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct LocaleProgress {
    pub locale: Locale,
    /// Wordings present and made from the current source (draft or approved).
    pub done: u32,
    pub approved: u32,
    pub total: u32,
    /// Signed off as a whole, and nothing changed since.
    pub signed_off: bool,
}

impl LocaleProgress {
    /// Whole percent, rounded down: 100 only when nothing is missing or stale.
    pub fn percent(&self) -> u32 {
        match self.total {
            0 => 100,
            t => (u64::from(self.done) * 100 / u64::from(t)) as u32,
        }
    }
}

/// A locale's current sign-off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct SignOffView {
    pub locale: Locale,
    /// Username of the reviewer who signed the locale off.
    pub signed_by: String,
    pub signed_at: String,
    /// False once any wording of the locale changed after the sign-off.
    pub current: bool,
}

/// The body of `GET /api/v1/instruments/{code}/versions/{n}/translations`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct TranslationsView {
    /// Per target locale (every required locale but the source), per
    /// variant: how many wordings are in each status.
    pub locales: BTreeMap<Locale, BTreeMap<Variant, StatusCounts>>,
    pub texts: Vec<TextStatusView>,
    #[serde(default)]
    pub progress: Vec<LocaleProgress>,
    #[serde(default)]
    pub sign_offs: Vec<SignOffView>,
}

/// Why one row of an upload (or one field of the side-by-side editor) was
/// not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RefusalReason {
    /// The source text changed since the file was exported.
    StaleSource,
    /// No text of this version has that id.
    UnknownId,
    /// The row carries no source hash to check against.
    NoSourceHash,
    /// The wording was changed by someone else since the form showed it.
    ChangedMeanwhile,
    /// The value is not a wording (e.g. a Fluent selector on something
    /// other than `$gender`).
    BadValue,
    /// The row names the source locale, or a variant of a gender that
    /// never sees the text.
    NotTranslatable,
}

/// What happened to one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RowOutcome {
    Added,
    Changed,
    Unchanged,
    Refused,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct RowReport {
    pub id: String,
    pub outcome: RowOutcome,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<RefusalReason>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct Refused {
    pub id: String,
    pub reason: RefusalReason,
}

/// The body of a translation upload's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct UploadReport {
    /// Rows whose wording was added or changed.
    pub applied: u32,
    pub refused: Vec<Refused>,
    /// Every row, in file order, with what happened to it.
    pub rows: Vec<RowReport>,
}

/// The body of `POST …/translations/{locale}/sign-off`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct SignOffLocale {
    #[serde(default)]
    pub password: String,
}

/// Everything the side-by-side translation page shows of a version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TranslationWorkspace {
    pub version: crate::model::VersionView,
    pub translations: TranslationsView,
    /// Each text's source hash, by id: a save names the one it was made
    /// against.
    pub source_hashes: BTreeMap<String, String>,
    /// The hash of each target wording now, by `locale/id`: the page's
    /// form sends it back, so a save over someone else's newer wording is
    /// refused.
    pub wording_hashes: BTreeMap<String, String>,
    /// Whether the caller may write wordings (a draft, and the role).
    pub may_translate: bool,
    /// The locales the caller may sign off: a reviewer who wrote no
    /// wording of it in this version.
    pub may_sign_off: Vec<Locale>,
}

/// How far one gender variant of one locale has got (wordings made from
/// the current source, of those the variant needs), for the instruments
/// list's per-variant bars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct VariantCompleteness {
    pub locale: Locale,
    pub variant: Variant,
    pub done: u32,
    pub total: u32,
}

impl VariantCompleteness {
    pub fn percent(&self) -> u32 {
        match self.total {
            0 => 100,
            t => (u64::from(self.done) * 100 / u64::from(t)) as u32,
        }
    }
}
