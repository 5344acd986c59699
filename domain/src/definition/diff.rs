//! What changed between two versions of an instrument, classed so that a
//! reviewer can see at a glance that a "translation fix" changed no scoring.
//!
//! Elements are compared by key, not by position (see [`keyed`]): sections,
//! items (across sections, so a move is a move and not a removal plus an
//! addition), scale options (by value), scores, bands and judgement levels
//! (by level), flags and judgements. Texts are compared per locale and, when
//! gendered, per variant, so fixing only the Russian female wording of one
//! label is exactly one `translation` change at `…/label/ru/female`.
//!
//! Every difference between the two documents is reported: an empty diff
//! means the definitions are equal. A field the document leaves out because
//! it holds its default (`required: true`, `evidence: "none"`) is reported
//! with that default value. Changes come in document order; within
//! a list, removed elements follow the ones still there.

mod keyed;
mod layout;
mod rules;

use super::model::Definition;
use super::text::{Text, Wording};
use crate::Locale;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// What kind of change a [`Change`] is; reviewers weigh them differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeClass {
    /// Items, sections, options or conditions added, removed, moved or
    /// retyped; what is required or asked, and for whom.
    Structural,
    /// Scores, bands, flags, judgements and option scores.
    Scoring,
    /// A text in the definition's source locale.
    Wording,
    /// A text in any other locale.
    Translation,
}

impl ChangeClass {
    pub const ALL: [ChangeClass; 4] = [
        ChangeClass::Structural,
        ChangeClass::Scoring,
        ChangeClass::Wording,
        ChangeClass::Translation,
    ];

    /// The name used in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeClass::Structural => "structural",
            ChangeClass::Scoring => "scoring",
            ChangeClass::Wording => "wording",
            ChangeClass::Translation => "translation",
        }
    }
}

impl fmt::Display for ChangeClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// What happened at a change's path (the summary says it in English; the
/// interface says it in the user's language from this).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    Moved,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
            ChangeKind::Moved => "moved",
        }
    }
}

/// One difference between two versions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub class: ChangeClass,
    pub kind: ChangeKind,
    /// RFC 6901 JSON pointer into the *after* document; into the *before*
    /// document when the change removes something (`after` is `None`).
    pub path: String,
    /// The value at the path before; `None` when it was added. For a move:
    /// the element's pointer in the before document.
    pub before: Option<Value>,
    /// The value at the path after; `None` when it was removed. For a move:
    /// the element's pointer in the after document (the same as `path`).
    pub after: Option<Value>,
    /// A short English description, e.g. "item d3 moved from section a to b".
    pub summary: String,
}

/// Every change from `before` to `after`, in document order.
pub fn diff(before: &Definition, after: &Definition) -> Vec<Change> {
    let mut differ = Differ {
        source_locales: vec![before.meta.source_locale, after.meta.source_locale],
        changes: Vec::new(),
    };
    let root = At::root();
    differ.field(
        ChangeClass::Structural,
        &root,
        "format",
        "definition",
        &before.format,
        &after.format,
    );
    layout::meta(&mut differ, &root, &before.meta, &after.meta);
    layout::scales(&mut differ, &root, &before.scales, &after.scales);
    layout::sections(&mut differ, &root, &before.sections, &after.sections);
    rules::scores(&mut differ, &root, &before.scores, &after.scores);
    rules::flags(&mut differ, &root, &before.flags, &after.flags);
    rules::judgements(&mut differ, &root, &before.judgements, &after.judgements);
    differ.changes
}

/// The same place in both documents: JSON pointers into each.
#[derive(Debug, Clone)]
struct At {
    before: String,
    after: String,
}

impl At {
    fn root() -> At {
        At {
            before: String::new(),
            after: String::new(),
        }
    }

    fn join(&self, segment: impl fmt::Display) -> At {
        At {
            before: pointer_join(&self.before, segment.to_string()),
            after: pointer_join(&self.after, segment.to_string()),
        }
    }

    /// An element at `before_index` in the old list and `after_index` in the new.
    fn element(&self, before_index: usize, after_index: usize) -> At {
        At {
            before: pointer_join(&self.before, before_index.to_string()),
            after: pointer_join(&self.after, after_index.to_string()),
        }
    }
}

/// Appends one RFC 6901 reference token (`~` → `~0`, `/` → `~1`).
fn pointer_join(base: &str, segment: String) -> String {
    format!("{base}/{}", segment.replace('~', "~0").replace('/', "~1"))
}

/// The value as it appears in JSON; `None` for an absent (null) one.
fn value<T: Serialize>(t: &T) -> Option<Value> {
    serde_json::to_value(t).ok().filter(|v| !v.is_null())
}

/// A value short enough to quote in a summary.
fn brief(v: &Option<Value>) -> Option<String> {
    let text = match v {
        None => "none".to_owned(),
        Some(Value::String(s)) => s.clone(),
        Some(v @ (Value::Number(_) | Value::Bool(_))) => v.to_string(),
        Some(_) => return None,
    };
    (text.chars().count() <= 40).then_some(text)
}

struct Differ {
    /// Texts in these locales are `wording`, in any other `translation`.
    source_locales: Vec<Locale>,
    changes: Vec<Change>,
}

impl Differ {
    fn push(
        &mut self,
        class: ChangeClass,
        at: &At,
        before: Option<Value>,
        after: Option<Value>,
        summary: String,
    ) {
        let path = if after.is_none() {
            &at.before
        } else {
            &at.after
        };
        let kind = match (&before, &after) {
            (None, _) => ChangeKind::Added,
            (_, None) => ChangeKind::Removed,
            _ => ChangeKind::Changed,
        };
        self.changes.push(Change {
            class,
            kind,
            path: path.clone(),
            before,
            after,
            summary,
        });
    }

    /// A move: `before` and `after` are the element's pointers in each document.
    fn moved(&mut self, class: ChangeClass, at: &At, summary: String) {
        let (from, to) = (at.before.clone().into(), at.after.clone().into());
        self.push(class, at, Some(from), Some(to), summary);
        if let Some(last) = self.changes.last_mut() {
            last.kind = ChangeKind::Moved;
        }
    }

    /// Compares one plain field of `what` (e.g. "item d3").
    fn field<T: Serialize + PartialEq>(
        &mut self,
        class: ChangeClass,
        at: &At,
        name: &str,
        what: &str,
        before: &T,
        after: &T,
    ) {
        if before == after {
            return;
        }
        let (b, a) = (value(before), value(after));
        let summary = match (brief(&b), brief(&a)) {
            (Some(from), Some(to)) => format!("{what}: {name} changed from {from} to {to}"),
            _ => format!("{what}: {name} changed"),
        };
        self.push(class, &at.join(name), b, a, summary);
    }

    /// Compares one text field per locale and gender variant; an absent
    /// text compares like one without wordings.
    fn text(
        &mut self,
        at: &At,
        name: &str,
        what: &str,
        before: Option<&Text>,
        after: Option<&Text>,
    ) {
        let at = at.join(name);
        for locale in Locale::ALL {
            let b = before.and_then(|t| t.get(locale));
            let a = after.and_then(|t| t.get(locale));
            if b == a {
                continue;
            }
            let class = if self.source_locales.contains(&locale) {
                ChangeClass::Wording
            } else {
                ChangeClass::Translation
            };
            let at = at.join(locale.code());
            let code = locale.code();
            if let (
                Some(Wording::Gendered {
                    male: bm,
                    female: bf,
                }),
                Some(Wording::Gendered {
                    male: am,
                    female: af,
                }),
            ) = (b, a)
            {
                for (gender, b, a) in [("male", bm, am), ("female", bf, af)] {
                    if b != a {
                        let verb = verb(b.is_some(), a.is_some());
                        let summary = format!("{what}: {name} ({code}, {gender}) {verb}");
                        self.push(class, &at.join(gender), value(b), value(a), summary);
                    }
                }
            } else {
                let summary = format!("{what}: {name} ({code}) {}", verb(b.is_some(), a.is_some()));
                self.push(class, &at, value(&b), value(&a), summary);
            }
        }
    }

    fn optional_text(
        &mut self,
        at: &At,
        name: &str,
        what: &str,
        before: &Option<Text>,
        after: &Option<Text>,
    ) {
        self.text(at, name, what, before.as_ref(), after.as_ref());
    }

    /// Compares a list keyed by `key`: additions, moves and removals are
    /// `class`; `each` compares the elements present in both versions.
    /// `label` names an element in summaries, e.g. "score total".
    #[allow(clippy::too_many_arguments)]
    fn list<T: Serialize, K: PartialEq>(
        &mut self,
        class: ChangeClass,
        at: &At,
        name: &str,
        before: &[T],
        after: &[T],
        key: impl Fn(&T) -> K,
        label: impl Fn(&T) -> String,
        mut each: impl FnMut(&mut Differ, &At, &str, &T, &T),
    ) {
        let at = at.join(name);
        let keys = |list: &[T]| list.iter().map(&key).collect::<Vec<K>>();
        let matching = keyed::match_keys(&keys(before), &keys(after));
        for (i, element) in after.iter().enumerate() {
            let what = label(element);
            match matching.after[i] {
                None => self.push(
                    class,
                    &at.join(i),
                    None,
                    value(element),
                    format!("{what} added"),
                ),
                Some(j) => {
                    let here = at.element(j, i);
                    if matching.moved[i] {
                        let summary = format!("{what} moved from position {} to {}", j + 1, i + 1);
                        self.moved(class, &here, summary);
                    }
                    each(self, &here, &what, &before[j], element);
                }
            }
        }
        for &j in &matching.removed {
            let what = label(&before[j]);
            self.push(
                class,
                &at.join(j),
                value(&before[j]),
                None,
                format!("{what} removed"),
            );
        }
    }
}

fn verb(was: bool, is: bool) -> &'static str {
    match (was, is) {
        (false, _) => "added",
        (_, false) => "removed",
        _ => "changed",
    }
}
