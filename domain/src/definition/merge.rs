//! Re-applying one person's edits on top of another's: a three-way merge
//! of definitions as JSON.
//!
//! When a draft's save is refused because someone else saved first, the
//! editor offers to apply *its* edits (what changed from the definition it
//! started from, `base`, to its own, `mine`) to the other person's version
//! (`theirs`). What only one side changed is taken from that side, so the
//! other person's changes elsewhere are kept; where both changed the same
//! thing differently, the user's own edit wins (that is what they asked
//! for, and they saw the other change listed before choosing).

use serde_json::{Map, Value};

/// Merges `mine` and `theirs`, both changed from `base`.
///
/// Objects merge key by key; arrays of the same length in all three merge
/// element by element (an edit in one section and an item added in another
/// both stay); anything else changed on both sides is taken from `mine`.
pub fn three_way(base: &Value, mine: &Value, theirs: &Value) -> Value {
    merge(Some(base), Some(mine), Some(theirs)).unwrap_or(Value::Null)
}

fn merge(base: Option<&Value>, mine: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    if mine == base {
        return theirs.cloned();
    }
    if theirs == base || mine == theirs {
        return mine.cloned();
    }
    match (base, mine, theirs) {
        (Some(Value::Object(b)), Some(Value::Object(m)), Some(Value::Object(t))) => {
            let mut out = Map::new();
            // Keys in their order, then keys only mine has.
            for key in t.keys().chain(m.keys().filter(|k| !t.contains_key(*k))) {
                if let Some(v) = merge(b.get(key), m.get(key), t.get(key)) {
                    out.insert(key.clone(), v);
                }
            }
            Some(Value::Object(out))
        }
        (Some(Value::Array(b)), Some(Value::Array(m)), Some(Value::Array(t)))
            if b.len() == m.len() && m.len() == t.len() =>
        {
            Some(Value::Array(
                b.iter()
                    .zip(m)
                    .zip(t)
                    .map(|((b, m), t)| merge(Some(b), Some(m), Some(t)).unwrap_or(Value::Null))
                    .collect(),
            ))
        }
        _ => mine.cloned(),
    }
}

#[cfg(test)]
mod tests {
    use super::three_way;
    use serde_json::json;

    #[test]
    fn each_side_keeps_what_only_it_changed() {
        let base = json!({"title": {"ru": "А"}, "purpose": {"ru": "Б"}, "sections": [{"items": [1]}, {"items": [2]}]});
        let mine = json!({"title": {"ru": "А2"}, "purpose": {"ru": "Б"}, "sections": [{"items": [1]}, {"items": [2]}]});
        let theirs = json!({"title": {"ru": "А"}, "purpose": {"ru": "Б3"}, "sections": [{"items": [1]}, {"items": [2, 3]}]});
        assert_eq!(
            three_way(&base, &mine, &theirs),
            json!({"title": {"ru": "А2"}, "purpose": {"ru": "Б3"}, "sections": [{"items": [1]}, {"items": [2, 3]}]})
        );
    }

    #[test]
    fn where_both_changed_one_thing_mine_wins() {
        let base = json!({"title": "A", "list": [1, 2]});
        let mine = json!({"title": "mine", "list": [1]});
        let theirs = json!({"title": "theirs", "list": [1, 2, 3]});
        assert_eq!(
            three_way(&base, &mine, &theirs),
            json!({"title": "mine", "list": [1]})
        );
    }

    #[test]
    fn removals_and_additions_of_keys_are_kept() {
        let base = json!({"a": 1, "b": 2});
        let mine = json!({"a": 1, "b": 2, "c": 3});
        let theirs = json!({"a": 1});
        assert_eq!(three_way(&base, &mine, &theirs), json!({"a": 1, "c": 3}));
        // Nothing of mine changed: theirs exactly.
        assert_eq!(three_way(&base, &base, &theirs), theirs);
    }
}
