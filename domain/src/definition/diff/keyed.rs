//! Matching the elements of two versions of a list by key, not by position.
//!
//! Why by key: inserting one item at the top of a section shifts every
//! position after it, and a positional comparison would then report every
//! item as changed. Keys are stable across versions (answers and reviews are
//! attached to them), so they say which element is "the same" one.
//!
//! An element that kept its key but changed its place among the others is
//! "moved". Of the elements present in both versions, the longest run that
//! kept its relative order stays put; only the rest count as moved, so
//! moving one item up reports one move, not one per item it passed.

/// How the elements of `before` and `after` correspond.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Matching {
    /// For each element of `after`: the index of the same element in `before`.
    pub after: Vec<Option<usize>>,
    /// For each element of `after`: whether it left its order among the
    /// elements both versions hold.
    pub moved: Vec<bool>,
    /// Indices of `before` elements that `after` no longer holds, in order.
    pub removed: Vec<usize>,
}

/// Matches equal keys; a key given twice (a definition `check()` would
/// refuse, but that can still be diffed) matches its occurrences in order.
pub(crate) fn match_keys<K: PartialEq>(before: &[K], after: &[K]) -> Matching {
    let mut used = vec![false; before.len()];
    let matched: Vec<Option<usize>> = after
        .iter()
        .map(|key| {
            let found = (0..before.len()).find(|&i| !used[i] && before[i] == *key)?;
            used[found] = true;
            Some(found)
        })
        .collect();
    let moved = out_of_order(&matched);
    let removed = (0..before.len()).filter(|&i| !used[i]).collect();
    Matching {
        after: matched,
        moved,
        removed,
    }
}

/// Marks the matched positions that are not in a longest increasing run of
/// `before` indices (`None` positions are never marked).
pub(crate) fn out_of_order(matched: &[Option<usize>]) -> Vec<bool> {
    // Patience method: `tails[k]` is the position in `matched` that ends the
    // best increasing run of length k + 1 found so far.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; matched.len()];
    for (position, value) in matched.iter().enumerate() {
        let Some(value) = value else { continue };
        let length = tails.partition_point(|&t| matched[t] < Some(*value));
        previous[position] = length.checked_sub(1).map(|k| tails[k]);
        if length == tails.len() {
            tails.push(position);
        } else {
            tails[length] = position;
        }
    }
    let mut moved: Vec<bool> = matched.iter().map(Option::is_some).collect();
    let mut kept = tails.last().copied();
    while let Some(position) = kept {
        moved[position] = false;
        kept = previous[position];
    }
    moved
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_keys_in_the_same_order_match_in_place() {
        let m = match_keys(&["a", "b", "c"], &["a", "b", "c"]);
        assert_eq!(m.after, vec![Some(0), Some(1), Some(2)]);
        assert_eq!(m.moved, vec![false; 3]);
        assert!(m.removed.is_empty());
    }

    #[test]
    fn an_insertion_shifts_no_other_element() {
        let m = match_keys(&["a", "b"], &["x", "a", "b"]);
        assert_eq!(m.after, vec![None, Some(0), Some(1)]);
        assert_eq!(m.moved, vec![false; 3]);
    }

    #[test]
    fn moving_one_element_to_the_top_reports_only_that_element() {
        let m = match_keys(&["a", "b", "c", "d"], &["d", "a", "b", "c"]);
        assert_eq!(m.moved, vec![true, false, false, false]);
    }

    #[test]
    fn removed_elements_are_listed_in_their_old_order() {
        let m = match_keys(&["a", "b", "c"], &["b"]);
        assert_eq!(m.removed, vec![0, 2]);
        assert_eq!(m.moved, vec![false]);
    }

    #[test]
    fn a_repeated_key_matches_its_occurrences_in_order() {
        let m = match_keys(&["a", "a"], &["a", "a", "a"]);
        assert_eq!(m.after, vec![Some(0), Some(1), None]);
    }
}
