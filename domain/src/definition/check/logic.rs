//! Conditions on sections and items: each may use only answers given
//! before the place it guards (an item's condition: earlier items; a
//! section's: items of earlier sections), which also rules out cycles.

use super::super::error::DefinitionError;
use super::super::expr::Condition;
use super::super::expr::typecheck::{Scope, check_condition};
use super::super::index::Index;
use super::item_path;

fn check_one(cond: &Condition, path: String, scope: &Scope, errors: &mut Vec<DefinitionError>) {
    match cond.ast() {
        Err(e) => errors.push(DefinitionError::expression(&path, e.clone())),
        Ok(node) => {
            for e in check_condition(node, scope) {
                errors.push(DefinitionError::expression(&path, e));
            }
        }
    }
}

pub(super) fn check_conditions(index: &Index, errors: &mut Vec<DefinitionError>) {
    for (si, section) in index.def.sections.iter().enumerate() {
        let start: usize = index.def.sections[..si].iter().map(|s| s.items.len()).sum();
        let scope = Scope {
            index,
            before: Some(start),
            outcomes: false,
        };
        for (field, cond) in [
            ("show_if", &section.show_if),
            ("required_if", &section.required_if),
        ] {
            if let Some(c) = cond {
                check_one(c, format!("/sections/{si}/{field}"), &scope, errors);
            }
        }
    }
    for (pos, entry) in index.items.iter().enumerate() {
        let scope = Scope {
            index,
            before: Some(pos),
            outcomes: false,
        };
        let base = item_path(entry.section_index, entry.item_index);
        for (field, cond) in [
            ("show_if", &entry.item.show_if),
            ("required_if", &entry.item.required_if),
        ] {
            if let Some(c) = cond {
                check_one(c, format!("{base}/{field}"), &scope, errors);
            }
        }
    }
}

pub(super) fn check_flag_condition(
    index: &Index,
    cond: &Condition,
    path: String,
    errors: &mut Vec<DefinitionError>,
) {
    let scope = Scope {
        index,
        before: None,
        outcomes: true,
    };
    check_one(cond, path, &scope, errors);
}
