//! The three interface and instrument locales, and gender variants.
//!
//! Locale negotiation (`Accept-Language`) lives here because it is a pure
//! function of a header value; the server only passes the header in.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A locale Mizon speaks. The order here is the order shown to users.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(rename_all = "lowercase"))]
pub enum Locale {
    Tg,
    Ru,
    #[default]
    En,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale `{0}`; expected tg, ru or en")]
pub struct UnknownLocale(pub String);

impl Locale {
    pub const ALL: [Locale; 3] = [Locale::Tg, Locale::Ru, Locale::En];

    /// The BCP 47 tag, as used in `<html lang>` and in cookies.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Tg => "tg",
            Locale::Ru => "ru",
            Locale::En => "en",
        }
    }

    /// The language's own name for itself, for the language switcher.
    pub fn endonym(self) -> &'static str {
        match self {
            Locale::Tg => "Тоҷикӣ",
            Locale::Ru => "Русский",
            Locale::En => "English",
        }
    }

    /// Picks the best supported locale from an `Accept-Language` header value.
    ///
    /// Entries are ordered by their `q` weight (stable for ties); the first
    /// whose primary subtag we support wins. `q=0` means "not this one".
    pub fn negotiate(accept_language: &str) -> Option<Locale> {
        let mut candidates: Vec<(f32, usize, Locale)> = accept_language
            .split(',')
            .enumerate()
            .filter_map(|(position, entry)| {
                let mut parts = entry.trim().split(';');
                let tag = parts.next()?.trim();
                let primary = tag.split(['-', '_']).next()?;
                let locale = primary.parse::<Locale>().ok()?;
                let weight = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .map(|q| q.trim().parse::<f32>().unwrap_or(0.0))
                    .unwrap_or(1.0);
                (weight > 0.0).then_some((weight, position, locale))
            })
            .collect();
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        candidates.first().map(|c| c.2)
    }

    /// Formats an ISO date (`yyyy-mm-dd…`) the way this locale's readers expect:
    /// `dd.MM.yyyy` for ru and tg, ISO for en.
    pub fn format_date(self, iso: &str) -> String {
        let date = iso.get(..10).unwrap_or(iso);
        let mut parts = date.split('-');
        match (self, parts.next(), parts.next(), parts.next()) {
            (Locale::Ru | Locale::Tg, Some(y), Some(m), Some(d)) => format!("{d}.{m}.{y}"),
            _ => date.to_owned(),
        }
    }

    /// Formats an ISO timestamp as date and minutes in this locale.
    pub fn format_timestamp(self, iso: &str) -> String {
        let time = iso.get(11..16).unwrap_or("");
        format!("{} {time}", self.format_date(iso))
            .trim_end()
            .to_owned()
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Locale {
    type Err = UnknownLocale;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "tg" => Ok(Locale::Tg),
            "ru" => Ok(Locale::Ru),
            "en" => Ok(Locale::En),
            _ => Err(UnknownLocale(s.to_owned())),
        }
    }
}

/// Which wording variant a text uses; follows the subject's gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(rename_all = "lowercase"))]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    pub const ALL: [Gender; 2] = [Gender::Male, Gender::Female];

    pub fn code(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown gender `{0}`; expected male or female")]
pub struct UnknownGender(pub String);

impl FromStr for Gender {
    type Err = UnknownGender;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Gender::ALL
            .into_iter()
            .find(|g| g.code() == s.trim())
            .ok_or_else(|| UnknownGender(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiation_prefers_the_highest_weight_supported_language() {
        assert_eq!(
            Locale::negotiate("de, ru;q=0.8, en;q=0.9"),
            Some(Locale::En)
        );
        assert_eq!(Locale::negotiate("tg-TJ,ru;q=0.9"), Some(Locale::Tg));
        assert_eq!(Locale::negotiate("fr, de;q=0.5"), None);
        assert_eq!(Locale::negotiate("ru;q=0, en;q=0.1"), Some(Locale::En));
        assert_eq!(Locale::negotiate(""), None);
    }

    #[test]
    fn dates_are_day_first_in_russian_and_tajik() {
        assert_eq!(Locale::Ru.format_date("2026-11-28T10:00:00Z"), "28.11.2026");
        assert_eq!(Locale::Tg.format_date("2026-11-28"), "28.11.2026");
        assert_eq!(Locale::En.format_date("2026-11-28"), "2026-11-28");
        assert_eq!(
            Locale::Tg.format_timestamp("2026-11-28T10:05:00.000Z"),
            "28.11.2026 10:05"
        );
    }

    #[test]
    fn locale_codes_round_trip() {
        for locale in Locale::ALL {
            assert_eq!(locale.code().parse::<Locale>(), Ok(locale));
        }
        assert!("de".parse::<Locale>().is_err());
        for gender in Gender::ALL {
            assert_eq!(gender.code().parse::<Gender>(), Ok(gender));
        }
        assert!("m".parse::<Gender>().is_err());
    }
}
