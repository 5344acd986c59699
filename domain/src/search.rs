//! Forgiving search over short names (instrument codes and titles).
//!
//! Why: many staff type Tajik on a Russian keyboard, which lacks қ ҳ ҷ ғ ӣ ӯ,
//! and few type ё. So «Чалбшави» must find «Ҷалбшавӣ», and «Перечен» must
//! find «Перечень» whatever the case. Both the query and the text are
//! *folded* — lowercased, each Tajik letter replaced by its Russian
//! look-alike, ё by е — and compared as substrings.
//!
//! Folding is character by character (no context-dependent lowercasing), so
//! the fold of a substring is always a substring of the fold.

/// Tajik letters (and ё) and the plain Cyrillic letter typed in their place.
const LOOK_ALIKES: [(char, char); 7] = [
    ('қ', 'к'),
    ('ҳ', 'х'),
    ('ҷ', 'ч'),
    ('ғ', 'г'),
    ('ӣ', 'и'),
    ('ӯ', 'у'),
    ('ё', 'е'),
];

fn fold_char(c: char) -> char {
    LOOK_ALIKES
        .iter()
        .find(|(from, _)| *from == c)
        .map_or(c, |(_, to)| *to)
}

/// `text` lowercased, with Tajik letters and ё folded to their Russian
/// look-alikes: `fold("Ҷалбшавӣ") == "чалбшави"`.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect()
}

/// Whether every whitespace-separated word of `query` is found (folded) in
/// at least one of `candidates` (folded). Words may match different
/// candidates, so «IRNS скрининг» finds an instrument by code and title.
/// A blank query matches everything.
pub fn matches<'a>(query: &str, candidates: impl IntoIterator<Item = &'a str>) -> bool {
    let folded: Vec<String> = candidates.into_iter().map(fold).collect();
    query.split_whitespace().all(|word| {
        let word = fold(word);
        folded.iter().any(|c| c.contains(&word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn tajik_letters_fold_to_their_russian_look_alikes_in_both_cases() {
        assert_eq!(fold("Ҷалбшавӣ"), "чалбшави");
        assert_eq!(fold("ҚҲҶҒӢӮЁ қҳҷғӣӯё"), "кхчгиуе кхчгиуе");
        assert_eq!(fold("IRNS"), "irns");
    }

    #[test]
    fn a_query_typed_without_tajik_letters_finds_the_tajik_title() {
        assert!(matches("Чалбшави", ["Ҷалбшавӣ"]));
        assert!(matches(
            "руйхати накшаи",
            ["Рӯйхати эҳтиёҷот барои нақшаи адои ҷазо"]
        ));
        assert!(matches("ЕЛКА", ["ёлка"]));
        assert!(!matches("чалбшавй", ["Ҷалбшавӣ"]), "й is not и");
    }

    #[test]
    fn every_word_must_match_but_each_may_match_another_candidate() {
        let candidates = ["SPNC", "Перечень потребностей"];
        assert!(matches("spnc перечень", candidates));
        assert!(matches("  потреб  ", candidates));
        assert!(!matches("spnc риск", candidates));
    }

    #[test]
    fn a_blank_query_matches_everything_even_no_candidates() {
        assert!(matches("", ["x"]));
        assert!(matches(" \t ", std::iter::empty()));
        assert!(!matches("x", std::iter::empty()));
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC*") {
            prop_assert_eq!(fold(&fold(&s)), fold(&s));
        }

        #[test]
        fn any_slice_of_a_text_finds_it_whatever_its_case(
            s in "[a-zA-Zа-яА-ЯёЁқҚҳҲҷҶғҒӣӢӯӮ ]{1,40}",
            start in 0usize..40,
            len in 0usize..40,
        ) {
            let chars: Vec<char> = s.chars().collect();
            let start = start.min(chars.len());
            let end = (start + len).min(chars.len());
            let slice: String = chars[start..end].iter().collect();
            prop_assert!(matches(&slice.to_uppercase(), [s.as_str()]));
            prop_assert!(matches(&fold(&slice), [s.as_str()]));
        }
    }
}
