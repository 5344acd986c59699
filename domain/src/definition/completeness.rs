//! How far the translation of a definition has got, per required locale:
//! the numbers behind the progress bars of the instruments list.
//!
//! Why a count and not just `check()`: a methodologist wants to see that
//! Tajik is at 85 % and Russian at 100 %, not a list of forty problems.
//! The rule is `check()`'s own — each text from [`Definition::visit_texts`],
//! what it lacks from [`Text::missing`](super::Text::missing) — so a locale
//! is at 100 % exactly when `check()` reports nothing missing in it.
//!
//! The unit counted is one wording for one subject gender that may see the
//! text: a text shown to both genders needs two per locale, a neutral
//! wording fills both, a gendered one fills each variant it has, a missing
//! (or blank) one fills none. So every locale has the same total, and the
//! percentages of two locales compare like with like.

use super::model::Definition;
use crate::Locale;
use serde::{Deserialize, Serialize};

/// The translation progress of one locale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocaleCompleteness {
    pub locale: Locale,
    /// Wordings present (one per text and subject gender that may see it).
    pub done: u32,
    /// Wordings needed.
    pub total: u32,
}

impl LocaleCompleteness {
    /// Whole percent, rounded down: 100 only when nothing is missing.
    pub fn percent(&self) -> u32 {
        match self.total {
            0 => 100,
            total => (u64::from(self.done) * 100 / u64::from(total)) as u32,
        }
    }

    pub fn is_complete(&self) -> bool {
        self.done >= self.total
    }
}

impl Definition {
    /// The translation progress of each required locale, in the order
    /// locales are shown (tg, ru, en).
    pub fn completeness(&self) -> Vec<LocaleCompleteness> {
        let mut locales = self.meta.required_locales.clone();
        locales.sort();
        locales.dedup();
        let mut counts: Vec<LocaleCompleteness> = locales
            .iter()
            .map(|&locale| LocaleCompleteness {
                locale,
                done: 0,
                total: 0,
            })
            .collect();
        self.visit_texts(|t| {
            // A text nobody's gender narrows to still needs one wording.
            let needed = t.genders.len().max(1) as u32;
            for count in &mut counts {
                let lacking: u32 = t
                    .text
                    .missing(&[count.locale], t.genders)
                    .iter()
                    .filter(|m| m.locale == count.locale)
                    .map(|m| if m.gender.is_some() { 1 } else { needed })
                    .sum();
                count.total += needed;
                count.done += needed.saturating_sub(lacking);
            }
        });
        counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::tests::{minimal_value, parse};
    use serde_json::json;

    /// The minimal example's wordings per locale, counted by hand: title and
    /// purpose 4; three scale options and the omit label 8; the safety
    /// section's title and two labels 6; the female-only caregiving section
    /// (title, one label) 2; the score and three bands 8; the flag 2; the
    /// judgement and three levels 8.
    const MINIMAL_PER_LOCALE: u32 = 38;

    fn of(def: &Definition, locale: Locale) -> LocaleCompleteness {
        *def.completeness()
            .iter()
            .find(|c| c.locale == locale)
            .expect("a required locale")
    }

    #[test]
    fn a_checked_definition_is_complete_in_every_required_locale() {
        let def = parse(&minimal_value());
        assert!(def.check().is_empty());
        let all = def.completeness();
        assert_eq!(
            all.iter().map(|c| c.locale).collect::<Vec<_>>(),
            [Locale::Tg, Locale::Ru, Locale::En]
        );
        for c in all {
            assert_eq!((c.done, c.total), (MINIMAL_PER_LOCALE, MINIMAL_PER_LOCALE));
            assert_eq!(c.percent(), 100);
        }
    }

    #[test]
    fn one_missing_russian_female_variant_costs_russian_one_wording() {
        let mut v = minimal_value();
        v["sections"][0]["items"][0]["label"]["ru"] =
            json!({ "male": "Осуждённый может причинить себе вред" });
        let def = parse(&v);
        let ru = of(&def, Locale::Ru);
        assert_eq!((ru.done, ru.total), (37, MINIMAL_PER_LOCALE));
        assert_eq!(ru.percent(), 97);
        assert!(!ru.is_complete());
        assert!(of(&def, Locale::Tg).is_complete());
        assert!(of(&def, Locale::En).is_complete());
        // The same gap `check()` reports, and only it.
        let missing: Vec<String> = def.check().into_iter().map(|e| e.path).collect();
        assert_eq!(missing, ["/sections/0/items/0/label/ru/female"]);
    }

    #[test]
    fn a_missing_locale_costs_every_gender_that_sees_the_text() {
        let mut v = minimal_value();
        // Shown to both genders: two wordings.
        v["meta"]["title"].as_object_mut().unwrap().remove("tg");
        // The female-only section's title: one.
        v["sections"][1]["title"]["tg"] = json!("  ");
        let tg = of(&parse(&v), Locale::Tg);
        assert_eq!((tg.done, tg.total), (35, MINIMAL_PER_LOCALE));
    }

    #[test]
    fn only_required_locales_are_counted() {
        let mut v = minimal_value();
        v["meta"]["required_locales"] = json!(["ru", "tg"]);
        let locales: Vec<Locale> = parse(&v).completeness().iter().map(|c| c.locale).collect();
        assert_eq!(locales, [Locale::Tg, Locale::Ru]);
    }
}
