//! Data that crosses between server and browser (server-function results).

use domain::{Locale, Role, Roles, UserId};
use serde::{Deserialize, Serialize};

/// The signed-in user, as the interface needs to know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub roles: Roles,
    pub preferred_locale: Option<Locale>,
    pub must_change_password: bool,
}

/// One account as an administrator sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub roles: Roles,
    pub active: bool,
    pub preferred_locale: Option<Locale>,
    pub created_at: String,
    /// Optimistic-concurrency token: an edit names the revision it started from.
    pub revision: i64,
}

/// What an administrator submits to create an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub password: String,
    pub roles: Vec<Role>,
    pub preferred_locale: Option<Locale>,
}

/// An administrator's edit of an account, made from `revision`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserChange {
    pub id: UserId,
    pub revision: i64,
    pub display_name: String,
    pub roles: Vec<Role>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEvent {
    pub seq: i64,
    pub occurred_at: String,
    pub actor_name: String,
    pub action: String,
    pub target_type: String,
    pub target_id: Option<String>,
    pub details: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub events: Vec<AuditEvent>,
    pub page: u32,
    pub pages: u32,
    pub total: i64,
}

/// One instrument in the library list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InstrumentSummary {
    pub code: String,
    /// The title in each locale that has one.
    pub titles: Vec<(Locale, String)>,
    /// The latest published version, if any.
    pub published_version: Option<i64>,
    /// The locales that version is complete in.
    pub locales: Vec<Locale>,
}

impl InstrumentSummary {
    /// The title in `locale`, else English, else the first one there is.
    pub fn title(&self, locale: Locale) -> &str {
        let find = |l: Locale| {
            self.titles
                .iter()
                .find(|(x, _)| *x == l)
                .map(|(_, t)| t.as_str())
        };
        find(locale)
            .or_else(|| find(Locale::En))
            .or_else(|| self.titles.first().map(|(_, t)| t.as_str()))
            .unwrap_or(&self.code)
    }
}

/// One stored version of an instrument, with its definition as canonical JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VersionView {
    pub code: String,
    pub number: i64,
    /// `draft`, `in_review`, `published`, … (see `domain::VersionStatus`).
    pub status: String,
    pub definition: String,
}
