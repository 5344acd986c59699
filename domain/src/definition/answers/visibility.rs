//! Skip logic: which sections and items are shown to this subject, given
//! the answers so far.
//!
//! A section is shown when it applies to the subject's gender and its
//! `show_if` is *true*; an item when its section is shown, it applies to the
//! subject's gender and its `show_if` is true. Conditions are evaluated in
//! document order, and an answer to a hidden item counts as no answer for
//! every later condition — so hiding cascades, and the result never depends
//! on stale answers.

use super::{Answers, Subject};
use crate::definition::expr::eval::{Env, holds};
use crate::definition::index::Index;
use crate::definition::keys::ItemKey;
use crate::definition::model::Definition;

/// Shown or not, by position: `sections[i]` for `def.sections[i]`, `items[p]`
/// for the p-th item in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visibility {
    pub sections: Vec<bool>,
    pub items: Vec<bool>,
}

pub(crate) fn compute(index: &Index, subject: &Subject, answers: &Answers) -> Visibility {
    let def = index.def;
    let mut sections = Vec::with_capacity(def.sections.len());
    let mut items: Vec<bool> = Vec::with_capacity(index.items.len());
    let mut pos = 0;
    for section in &def.sections {
        let gender_ok = section.applies_to.is_none_or(|g| g == subject.gender);
        let shown = gender_ok
            && section.show_if.as_ref().is_none_or(|c| {
                let env = Env {
                    index,
                    subject,
                    answers,
                    visible: &items,
                    scores: &[],
                };
                c.ast().ok().and_then(|n| holds(n, &env)) == Some(true)
            });
        sections.push(shown);
        for _ in &section.items {
            let entry = &index.items[pos];
            let item_shown = shown
                && entry.item.applies_to.is_none_or(|g| g == subject.gender)
                && entry.item.show_if.as_ref().is_none_or(|c| {
                    let env = Env {
                        index,
                        subject,
                        answers,
                        visible: &items,
                        scores: &[],
                    };
                    c.ast().ok().and_then(|n| holds(n, &env)) == Some(true)
                });
            items.push(item_shown);
            pos += 1;
        }
    }
    Visibility { sections, items }
}

/// Sections and items shown to this subject with these answers.
pub fn visibility(def: &Definition, subject: &Subject, answers: &Answers) -> Visibility {
    compute(&Index::new(def), subject, answers)
}

/// The keys of the items shown, in document order.
pub fn visible_items(def: &Definition, subject: &Subject, answers: &Answers) -> Vec<ItemKey> {
    let index = Index::new(def);
    let v = compute(&index, subject, answers);
    index
        .items
        .iter()
        .zip(v.items)
        .filter(|(_, shown)| *shown)
        .map(|(e, _)| e.item.key.clone())
        .collect()
}
