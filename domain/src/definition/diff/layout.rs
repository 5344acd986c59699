//! The diff of what an assessor fills in: metadata, scales and their
//! options, sections and items.
//!
//! Items are matched across the whole definition, so an item that changed
//! section is one "moved" change (plus whatever else changed in it) rather
//! than a removal and an unrelated addition.

use super::ChangeClass::{Scoring, Structural};
use super::keyed::{match_keys, out_of_order};
use super::{At, Differ, value};
use crate::definition::model::{Item, Meta, Scale, ScaleOption, Section};

pub(super) fn meta(d: &mut Differ, root: &At, b: &Meta, a: &Meta) {
    let at = root.join("meta");
    let what = "meta";
    d.field(Structural, &at, "code", what, &b.code, &a.code);
    d.text(&at, "title", what, Some(&b.title), Some(&a.title));
    d.text(&at, "purpose", what, Some(&b.purpose), Some(&a.purpose));
    d.field(
        Structural,
        &at,
        "source_locale",
        what,
        &b.source_locale,
        &a.source_locale,
    );
    d.field(
        Structural,
        &at,
        "required_locales",
        what,
        &b.required_locales,
        &a.required_locales,
    );
    d.field(Structural, &at, "genders", what, &b.genders, &a.genders);
    d.field(
        Structural,
        &at,
        "reassessment_interval_days",
        what,
        &b.reassessment_interval_days,
        &a.reassessment_interval_days,
    );
}

pub(super) fn scales(d: &mut Differ, root: &At, before: &[Scale], after: &[Scale]) {
    d.list(
        Structural,
        root,
        "scales",
        before,
        after,
        |s| s.key.clone(),
        |s| format!("scale {}", s.key),
        scale,
    );
}

fn scale(d: &mut Differ, at: &At, what: &str, b: &Scale, a: &Scale) {
    d.list(
        Structural,
        at,
        "options",
        &b.options,
        &a.options,
        |o| o.value.clone(),
        |o| format!("{what} option {}", o.value),
        option,
    );
    let at = at.join("omit");
    let omit = format!("{what} omit option");
    match (&b.omit, &a.omit) {
        (None, None) => {}
        (Some(b), Some(a)) => d.text(&at, "label", &omit, Some(&b.label), Some(&a.label)),
        (b, a) => {
            let verb = if a.is_some() { "added" } else { "removed" };
            d.push(
                Structural,
                &at,
                value(b),
                value(a),
                format!("{omit} {verb}"),
            );
        }
    }
}

fn option(d: &mut Differ, at: &At, what: &str, b: &ScaleOption, a: &ScaleOption) {
    d.text(at, "label", what, Some(&b.label), Some(&a.label));
    d.optional_text(at, "hint", what, &b.hint, &a.hint);
    d.field(Scoring, at, "score", what, &b.score, &a.score);
}

/// Sections by key, then each section's items, its own and the ones that
/// moved into it; items and sections removed follow.
pub(super) fn sections(d: &mut Differ, root: &At, before: &[Section], after: &[Section]) {
    let at = root.join("sections");
    let section_keys = |list: &[Section]| list.iter().map(|s| s.key.clone()).collect::<Vec<_>>();
    let sections = match_keys(&section_keys(before), &section_keys(after));
    // Every item as (section index, index in section), in document order.
    let places = |list: &[Section]| -> Vec<(usize, usize)> {
        let each = list.iter().enumerate();
        each.flat_map(|(s, section)| (0..section.items.len()).map(move |i| (s, i)))
            .collect()
    };
    let (old, new) = (places(before), places(after));
    let item_keys = |list: &[Section], places: &[(usize, usize)]| {
        let key = |&(s, i): &(usize, usize)| list[s].items[i].key.clone();
        places.iter().map(key).collect::<Vec<_>>()
    };
    let items = match_keys(&item_keys(before, &old), &item_keys(after, &new));
    let mut first = 0;
    for (s, section) in after.iter().enumerate() {
        let what = format!("section {}", section.key);
        let matched = sections.after[s];
        match matched {
            None => d.push(
                Structural,
                &at.join(s),
                None,
                value(section),
                format!("{what} added"),
            ),
            Some(t) => {
                let here = at.element(t, s);
                if sections.moved[s] {
                    let summary = format!("{what} moved from position {} to {}", t + 1, s + 1);
                    d.moved(Structural, &here, summary);
                }
                section_fields(d, &here, &what, &before[t], section);
            }
        }
        let range = first..first + section.items.len();
        first = range.end;
        // Items that were in this same section: did they keep their order?
        let stayed: Vec<Option<usize>> = range
            .clone()
            .map(|k| {
                let (bs, bi) = old[items.after[k]?];
                (Some(bs) == matched).then_some(bi)
            })
            .collect();
        let reordered = out_of_order(&stayed);
        for (i, item) in section.items.iter().enumerate() {
            let what = format!("item {}", item.key);
            let Some(m) = items.after[range.start + i] else {
                // Items of a new section come with it.
                if matched.is_some() {
                    let added = format!("{what} added to section {}", section.key);
                    let here = at.join(s).join("items").join(i);
                    d.push(Structural, &here, None, value(item), added);
                }
                continue;
            };
            let (bs, bi) = old[m];
            let here = At {
                before: at.join(bs).join("items").join(bi).before,
                after: at.join(s).join("items").join(i).after,
            };
            if Some(bs) != matched {
                let from = &before[bs].key;
                let summary = format!("{what} moved from section {from} to {}", section.key);
                d.moved(Structural, &here, summary);
            } else if reordered[i] {
                let summary = format!("{what} moved within section {}", section.key);
                d.moved(Structural, &here, summary);
            }
            item_fields(d, &here, &what, &before[bs].items[bi], item);
        }
        // Items gone from the definition; those of a removed section go with it.
        for &m in &items.removed {
            let (bs, bi) = old[m];
            if Some(bs) == matched {
                let gone = &before[bs].items[bi];
                let summary = format!("item {} removed from section {}", gone.key, section.key);
                let here = at.join(bs).join("items").join(bi);
                d.push(Structural, &here, value(gone), None, summary);
            }
        }
    }
    for &t in &sections.removed {
        let summary = format!("section {} removed", before[t].key);
        d.push(Structural, &at.join(t), value(&before[t]), None, summary);
    }
}

fn section_fields(d: &mut Differ, at: &At, what: &str, b: &Section, a: &Section) {
    d.text(at, "title", what, Some(&b.title), Some(&a.title));
    d.optional_text(at, "intro", what, &b.intro, &a.intro);
    d.field(
        Structural,
        at,
        "applies_to",
        what,
        &b.applies_to,
        &a.applies_to,
    );
    d.field(Structural, at, "show_if", what, &b.show_if, &a.show_if);
    d.field(
        Structural,
        at,
        "required_if",
        what,
        &b.required_if,
        &a.required_if,
    );
}

fn item_fields(d: &mut Differ, at: &At, what: &str, b: &Item, a: &Item) {
    d.field(Structural, at, "type", what, &b.item_type, &a.item_type);
    d.text(at, "label", what, Some(&b.label), Some(&a.label));
    d.optional_text(at, "hint", what, &b.hint, &a.hint);
    d.optional_text(at, "guidance", what, &b.guidance, &a.guidance);
    d.field(Structural, at, "scale", what, &b.scale, &a.scale);
    d.field(Structural, at, "min", what, &b.min, &a.min);
    d.field(Structural, at, "max", what, &b.max, &a.max);
    d.field(Structural, at, "required", what, &b.required, &a.required);
    d.field(
        Structural,
        at,
        "required_if",
        what,
        &b.required_if,
        &a.required_if,
    );
    d.field(Structural, at, "show_if", what, &b.show_if, &a.show_if);
    d.field(
        Structural,
        at,
        "applies_to",
        what,
        &b.applies_to,
        &a.applies_to,
    );
    d.field(Structural, at, "evidence", what, &b.evidence, &a.evidence);
    d.field(Structural, at, "sources", what, &b.sources, &a.sources);
    d.field(Structural, at, "trend", what, &b.trend, &a.trend);
}
