//! Translatable texts: one wording per locale, optionally split by gender.
//!
//! Russian wording agrees with the subject's gender («Осуждённый отказался» /
//! «Осуждённая отказалась»), Tajik has no grammatical gender, and English
//! rarely needs it. So each locale independently holds either one neutral
//! wording or a `{male, female}` pair:
//!
//! ```json
//! { "tg": "…", "ru": { "male": "…", "female": "…" }, "en": "…" }
//! ```
//!
//! Locales are kept (and exported) in the fixed order tg, ru, en whatever
//! order they were written in, so exports are canonical and diffs between
//! versions stay small. A blank (whitespace-only) wording counts as missing
//! everywhere.

use crate::{Gender, Locale};
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The wording of one text in one locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wording {
    /// One wording for every subject.
    Neutral(String),
    /// Wording that differs by the subject's gender. A variant may be absent
    /// while a translation is in progress; `check()` reports it.
    Gendered {
        male: Option<String>,
        female: Option<String>,
    },
}

/// A translatable string: per locale, optionally per gender variant.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text(Vec<(Locale, Wording)>);

/// One wording that a text lacks: `gender` is `None` when the whole locale is
/// missing (or blank), `Some` when one variant of a gendered wording is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MissingWording {
    pub locale: Locale,
    pub gender: Option<Gender>,
}

/// A resolved wording and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved<'a> {
    pub text: &'a str,
    pub locale: Locale,
    /// False when the wording is from a fallback locale or the other gender.
    pub exact: bool,
}

fn locale_rank(l: Locale) -> usize {
    Locale::ALL
        .iter()
        .position(|x| *x == l)
        .unwrap_or(usize::MAX)
}

fn present(s: &Option<String>) -> Option<&str> {
    s.as_deref().filter(|s| !s.trim().is_empty())
}

impl Wording {
    /// The wording for `gender`, and whether it was the asked-for variant.
    fn pick(&self, gender: Gender) -> Option<(&str, bool)> {
        match self {
            Wording::Neutral(s) => (!s.trim().is_empty()).then_some((s.as_str(), true)),
            Wording::Gendered { male, female } => {
                let (wanted, other) = match gender {
                    Gender::Male => (male, female),
                    Gender::Female => (female, male),
                };
                present(wanted)
                    .map(|s| (s, true))
                    .or_else(|| present(other).map(|s| (s, false)))
            }
        }
    }
}

impl Text {
    /// A text with the same neutral wording in each given locale (handy in
    /// tests and generated definitions).
    pub fn neutral(locales: &[Locale], wording: &str) -> Text {
        Text(
            locales
                .iter()
                .map(|l| (*l, Wording::Neutral(wording.to_owned())))
                .collect(),
        )
    }

    /// A text from (locale, wording) pairs; a repeated locale keeps the
    /// first wording.
    pub fn from_entries(entries: Vec<(Locale, Wording)>) -> Text {
        let mut out: Vec<(Locale, Wording)> = Vec::new();
        for (l, w) in entries {
            if !out.iter().any(|(o, _)| *o == l) {
                out.push((l, w));
            }
        }
        out.sort_by_key(|(l, _)| locale_rank(*l));
        Text(out)
    }

    pub fn entries(&self) -> &[(Locale, Wording)] {
        &self.0
    }

    /// Replaces (or, with `None`, removes) one locale's wording, keeping the
    /// canonical locale order.
    pub fn set(&mut self, locale: Locale, wording: Option<Wording>) {
        self.0.retain(|(l, _)| *l != locale);
        if let Some(w) = wording {
            self.0.push((locale, w));
            self.0.sort_by_key(|(l, _)| locale_rank(*l));
        }
    }

    pub fn get(&self, locale: Locale) -> Option<&Wording> {
        self.0.iter().find(|(l, _)| *l == locale).map(|(_, w)| w)
    }

    /// The wording to show in `locale` to a subject of `gender`.
    ///
    /// Rules: a neutral wording serves both genders; a gendered wording gives
    /// the subject's variant, or — while a translation is incomplete — the
    /// other variant (language matters more than agreement). There is no
    /// fallback to another locale here: `None` means "not translated".
    pub fn resolve(&self, locale: Locale, gender: Gender) -> Option<&str> {
        self.get(locale)
            .and_then(|w| w.pick(gender))
            .map(|(s, _)| s)
    }

    /// Like [`Text::resolve`], then tries each of `fallbacks` in order (e.g.
    /// the instrument's source locale). `exact` tells whether the result is
    /// the asked-for locale and variant, so a UI can mark fallbacks.
    pub fn resolve_with_fallback(
        &self,
        locale: Locale,
        gender: Gender,
        fallbacks: &[Locale],
    ) -> Option<Resolved<'_>> {
        std::iter::once(locale)
            .chain(fallbacks.iter().copied())
            .find_map(|l| {
                let (text, exact_variant) = self.get(l)?.pick(gender)?;
                Some(Resolved {
                    text,
                    locale: l,
                    exact: exact_variant && l == locale,
                })
            })
    }

    /// Which wordings are missing for a text shown in `locales` to subjects
    /// of `genders`.
    ///
    /// Completeness rule: every listed locale needs a non-blank wording;
    /// when a locale's wording is gendered, every listed gender needs its
    /// variant (a female-only item needs only `female`). A locale that is
    /// present but not listed is checked the same way, since a half-written
    /// wording is never intended.
    pub fn missing(&self, locales: &[Locale], genders: &[Gender]) -> Vec<MissingWording> {
        let mut out = Vec::new();
        let mut seen: Vec<Locale> = Vec::new();
        for locale in locales.iter().chain(self.0.iter().map(|(l, _)| l)) {
            if seen.contains(locale) {
                continue;
            }
            seen.push(*locale);
            match self.get(*locale) {
                None => out.push(MissingWording {
                    locale: *locale,
                    gender: None,
                }),
                Some(Wording::Neutral(s)) if s.trim().is_empty() => out.push(MissingWording {
                    locale: *locale,
                    gender: None,
                }),
                Some(Wording::Neutral(_)) => {}
                Some(Wording::Gendered { male, female }) => {
                    for g in genders {
                        let variant = match g {
                            Gender::Male => male,
                            Gender::Female => female,
                        };
                        if present(variant).is_none() {
                            out.push(MissingWording {
                                locale: *locale,
                                gender: Some(*g),
                            });
                        }
                    }
                }
            }
        }
        out
    }
}

impl Serialize for Wording {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Wording::Neutral(s) => serializer.serialize_str(s),
            Wording::Gendered { male, female } => {
                let len = male.is_some() as usize + female.is_some() as usize;
                let mut map = serializer.serialize_map(Some(len))?;
                if let Some(m) = male {
                    map.serialize_entry("male", m)?;
                }
                if let Some(f) = female {
                    map.serialize_entry("female", f)?;
                }
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for Wording {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct WordingVisitor;
        impl<'de> Visitor<'de> for WordingVisitor {
            type Value = Wording;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a wording: a string, or an object with `male` and `female` strings")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Wording, E> {
                Ok(Wording::Neutral(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Wording, A::Error> {
                let (mut male, mut female) = (None, None);
                while let Some(key) = map.next_key::<String>()? {
                    let slot = match key.as_str() {
                        "male" => &mut male,
                        "female" => &mut female,
                        other => return Err(de::Error::unknown_field(other, &["male", "female"])),
                    };
                    if slot.is_some() {
                        return Err(de::Error::custom(format!("`{key}` is given twice")));
                    }
                    *slot = Some(map.next_value::<String>()?);
                }
                Ok(Wording::Gendered { male, female })
            }
        }
        deserializer.deserialize_any(WordingVisitor)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (locale, wording) in &self.0 {
            map.serialize_entry(locale.code(), wording)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text: an object from locale (tg, ru, en) to wording")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                let mut entries: Vec<(Locale, Wording)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let locale = match key.as_str() {
                        "tg" => Locale::Tg,
                        "ru" => Locale::Ru,
                        "en" => Locale::En,
                        other => {
                            return Err(de::Error::custom(format!(
                                "unknown locale `{other}`; expected tg, ru or en"
                            )));
                        }
                    };
                    if entries.iter().any(|(l, _)| *l == locale) {
                        return Err(de::Error::custom(format!("locale `{key}` is given twice")));
                    }
                    entries.push((locale, map.next_value()?));
                }
                Ok(Text::from_entries(entries))
            }
        }
        deserializer.deserialize_map(TextVisitor)
    }
}

#[cfg(test)]
mod tests;
