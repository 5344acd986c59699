//! Request and response types of facilities and subjects (issue 11).
//!
//! Requests carry strings as typed, with every field defaulting to empty,
//! so that a missing or wrong value is a 422 naming its field rather than
//! a 400 about the JSON; the service parses them.

use domain::{Day, FacilityCode, Gender, Locale, SubjectCode, SubjectStatus};
use serde::{Deserialize, Serialize};

#[cfg(feature = "server")]
use utoipa::ToSchema;

/// A facility's name in each language of the interface.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct FacilityNames {
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(example = "Муассисаи ислоҳии №1"))]
    pub tg: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(example = "Исправительное учреждение №1"))]
    pub ru: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(example = "Correctional facility No. 1"))]
    pub en: String,
}

/// The body of `POST /api/v1/facilities`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct NewFacility {
    /// 1 to 16 Latin letters, digits, `-` or `_`, starting with a letter;
    /// stored in capitals.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(example = "FAC1"))]
    pub code: String,
    /// The name in Tajik, Russian and English (all three required).
    #[serde(default)]
    pub name: FacilityNames,
}

/// A facility as everyone signed in sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct Facility {
    pub code: FacilityCode,
    pub name: FacilityNames,
}

impl Facility {
    /// The name in `locale`.
    pub fn name_in(&self, locale: Locale) -> &str {
        match locale {
            Locale::Tg => &self.name.tg,
            Locale::Ru => &self.name.ru,
            Locale::En => &self.name.en,
        }
    }
}

/// The body of `POST /api/v1/subjects`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct NewSubject {
    /// The pseudonymous code: 1 to 32 Latin letters, digits, `-` or `_`;
    /// stored in capitals. The only thing about a subject that may appear
    /// in a URL.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(example = "S-2026-0001"))]
    pub code: String,
    /// The full name (shown only to those who work at the subject's facility).
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Gender))]
    pub gender: String,
    /// `yyyy-mm-dd`, not after today.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Day))]
    pub birth_date: String,
    /// The code of the facility holding the subject; an assessor's own.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = FacilityCode))]
    pub facility: String,
    /// The subject's preferred language: instruments open in it by default.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Locale))]
    pub language: String,
}

/// A subject as the caller may see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct SubjectView {
    pub code: SubjectCode,
    /// The full name; `null` for a caller who does not work at the
    /// subject's facility (e.g. after transferring the subject away).
    /// Administrators see it.
    pub name: Option<String>,
    pub gender: Gender,
    pub birth_date: Day,
    pub facility: FacilityCode,
    pub language: Locale,
    pub status: SubjectStatus,
    /// The day of the release or transfer; `null` while in custody.
    pub status_date: Option<Day>,
    /// Optimistic-concurrency token: a change names the revision it started from.
    pub revision: i64,
    /// ISO 8601, UTC.
    pub created_at: String,
    /// ISO 8601, UTC.
    pub updated_at: String,
}

/// The body of `PUT /api/v1/subjects/{code}`: the whole record but the code
/// and the facility (a move is a transfer), made from `revision`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct SubjectChange {
    /// The `revision` of the record the change started from.
    pub revision: i64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Gender))]
    pub gender: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Day))]
    pub birth_date: String,
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Locale))]
    pub language: String,
    /// `in_custody` or `released`; `transferred` only if it is so already
    /// (a move is made with `POST …/transfer`).
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = SubjectStatus))]
    pub status: String,
    /// Required for `released` and `transferred`: `yyyy-mm-dd`.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Option<Day>))]
    pub status_date: Option<String>,
}

/// The body of `POST /api/v1/subjects/{code}/transfer`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "server", derive(ToSchema))]
pub struct SubjectTransfer {
    /// The `revision` of the record the transfer started from.
    pub revision: i64,
    /// The code of the facility the subject moves to.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = FacilityCode))]
    pub facility: String,
    /// The day of the move: `yyyy-mm-dd`, not after today.
    #[serde(default)]
    #[cfg_attr(feature = "server", schema(value_type = Day))]
    pub date: String,
}
