//! Help for translators typing Tajik and Russian.
//!
//! Tajik is often typed on a Russian keyboard, so two slips are common:
//! a Russian-only letter where a Tajik one belongs (ч for ҷ is fine to
//! search, but ц, щ, ы and ь do not exist in Tajik), and a Latin letter
//! that looks Cyrillic (a, e, o, p, c, x…) pasted into a Cyrillic word,
//! which no search or spell checker will then match. The hard sign ъ is a
//! Tajik letter (маълумот, санъат, маъюб); only its Russian use before е
//! or ё (объект, подъезд), which Tajik spells otherwise, is flagged.

use crate::definition::text::Wording;
use serde::{Deserialize, Serialize};

/// A likely slip in a Tajik wording. `at` counts characters from 0.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum TajikWarning {
    /// A letter of the Russian alphabet that Tajik does not use.
    RussianLetter { letter: char, at: usize },
    /// A Latin letter inside a word that is otherwise Cyrillic.
    LatinInCyrillic {
        letter: char,
        at: usize,
        word: String,
    },
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}' | '\u{0500}'..='\u{052F}')
}

/// Every likely slip in a Tajik wording, in reading order.
pub fn tajik_warnings(text: &str) -> Vec<TajikWarning> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut word_start = 0;
    for i in 0..=chars.len() {
        let in_word = chars.get(i).is_some_and(|c| c.is_alphabetic());
        if in_word {
            continue;
        }
        let word = &chars[word_start..i];
        let cyrillic = word.iter().any(|c| is_cyrillic(*c));
        for (k, &c) in word.iter().enumerate() {
            let at = word_start + k;
            let lower = c.to_lowercase().next().unwrap_or(c);
            let russian = match lower {
                'ц' | 'щ' | 'ы' | 'ь' => true,
                'ъ' => word
                    .get(k + 1)
                    .and_then(|n| n.to_lowercase().next())
                    .is_some_and(|n| matches!(n, 'е' | 'ё')),
                _ => false,
            };
            if russian {
                out.push(TajikWarning::RussianLetter { letter: c, at });
            } else if cyrillic && c.is_ascii_alphabetic() {
                out.push(TajikWarning::LatinInCyrillic {
                    letter: c,
                    at,
                    word: word.iter().collect(),
                });
            }
        }
        word_start = i + 1;
    }
    out
}

/// True when a gendered wording gives both genders the same words: in
/// Russian usually a variant copied and not yet changed.
pub fn identical_variants(wording: &Wording) -> bool {
    match wording {
        Wording::Gendered {
            male: Some(m),
            female: Some(f),
        } => !m.trim().is_empty() && m.trim() == f.trim(),
        _ => false,
    }
}
