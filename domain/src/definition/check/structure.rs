//! Checks of shape beyond what serde enforces: metadata, unique keys,
//! scales, and the fields each item type may carry.

use super::super::error::{DefinitionError, DefinitionErrorKind as K, gender_name, language_name};
use super::super::index::Index;
use super::super::model::{Definition, FORMAT_VERSION, ItemType, OptionValue};
use super::item_path;
use std::collections::HashMap;

pub(super) fn check_meta(def: &Definition, errors: &mut Vec<DefinitionError>) {
    if def.format != FORMAT_VERSION {
        errors.push(DefinitionError::new(
            "/format",
            K::UnsupportedFormat,
            format!(
                "this is format {}, but only format {FORMAT_VERSION} can be read",
                def.format
            ),
        ));
    }
    let meta = &def.meta;
    if meta.required_locales.is_empty() {
        errors.push(DefinitionError::new(
            "/meta/required_locales",
            K::InvalidMeta,
            "list at least one required language",
        ));
    }
    for (i, l) in meta.required_locales.iter().enumerate() {
        if meta.required_locales[..i].contains(l) {
            errors.push(DefinitionError::new(
                format!("/meta/required_locales/{i}"),
                K::DuplicateKey,
                format!("{} is listed twice", language_name(*l)),
            ));
        }
    }
    if !meta.required_locales.contains(&meta.source_locale) {
        errors.push(DefinitionError::new(
            "/meta/source_locale",
            K::InvalidMeta,
            format!(
                "the source language, {}, must be one of the required languages",
                language_name(meta.source_locale)
            ),
        ));
    }
    if meta.genders.is_empty() {
        errors.push(DefinitionError::new(
            "/meta/genders",
            K::InvalidMeta,
            "list at least one gender the instrument is used for",
        ));
    }
    for (i, g) in meta.genders.iter().enumerate() {
        if meta.genders[..i].contains(g) {
            errors.push(DefinitionError::new(
                format!("/meta/genders/{i}"),
                K::DuplicateKey,
                format!("{} is listed twice", gender_name(*g)),
            ));
        }
    }
}

/// Reports keys used twice among `keys` (each with its path).
fn unique<'a>(
    what: &str,
    keys: impl Iterator<Item = (&'a str, String)>,
    errors: &mut Vec<DefinitionError>,
) {
    let mut seen: HashMap<&str, String> = HashMap::new();
    for (key, path) in keys {
        if let Some(first) = seen.get(key) {
            errors.push(DefinitionError::new(
                format!("{path}/key"),
                K::DuplicateKey,
                format!("the {what} key `{key}` is already used at {first}"),
            ));
        } else {
            seen.insert(key, path);
        }
    }
}

pub(super) fn check_unique_keys(def: &Definition, errors: &mut Vec<DefinitionError>) {
    unique(
        "scale",
        def.scales
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.as_str(), format!("/scales/{i}"))),
        errors,
    );
    unique(
        "section",
        def.sections
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.as_str(), format!("/sections/{i}"))),
        errors,
    );
    let items = def.sections.iter().enumerate().flat_map(|(si, s)| {
        s.items
            .iter()
            .enumerate()
            .map(move |(ii, item)| (item.key.as_str(), item_path(si, ii)))
    });
    unique("item", items, errors);
    unique(
        "score",
        def.scores
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.as_str(), format!("/scores/{i}"))),
        errors,
    );
    unique(
        "flag",
        def.flags
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.as_str(), format!("/flags/{i}"))),
        errors,
    );
    unique(
        "judgement",
        def.judgements
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.as_str(), format!("/judgements/{i}"))),
        errors,
    );
}

pub(super) fn check_scales(def: &Definition, errors: &mut Vec<DefinitionError>) {
    for (ci, scale) in def.scales.iter().enumerate() {
        if scale.options.is_empty() {
            errors.push(DefinitionError::new(
                format!("/scales/{ci}/options"),
                K::EmptyScale,
                "a scale needs at least one option",
            ));
        }
        let numeric = matches!(
            scale.options.first().map(|o| &o.value),
            Some(OptionValue::Integer(_))
        );
        for (oi, option) in scale.options.iter().enumerate() {
            let path = format!("/scales/{ci}/options/{oi}/value");
            if scale.options[..oi].iter().any(|o| o.value == option.value) {
                errors.push(DefinitionError::new(
                    &path,
                    K::DuplicateOptionValue,
                    format!("the value {} is used by an earlier option", option.value),
                ));
            }
            if numeric != matches!(option.value, OptionValue::Integer(_)) {
                errors.push(DefinitionError::new(
                    &path,
                    K::MixedOptionValues,
                    "all values of a scale must be numbers, or all must be texts",
                ));
            }
        }
    }
}

pub(super) fn check_sections(def: &Definition, index: &Index, errors: &mut Vec<DefinitionError>) {
    if def.sections.is_empty() {
        errors.push(DefinitionError::new(
            "/sections",
            K::NoSections,
            "an instrument needs at least one section",
        ));
    }
    let declared = &def.meta.genders;
    for (si, section) in def.sections.iter().enumerate() {
        if section.items.is_empty() {
            errors.push(DefinitionError::new(
                format!("/sections/{si}/items"),
                K::EmptySection,
                "a section needs at least one item",
            ));
        }
        if let Some(g) = section.applies_to
            && !declared.contains(&g)
        {
            errors.push(DefinitionError::new(
                format!("/sections/{si}/applies_to"),
                K::GenderNotDeclared,
                format!("this section is for {} subjects, but the instrument does not list that gender in meta.genders", gender_name(g)),
            ));
        }
        for (ii, item) in section.items.iter().enumerate() {
            let base = item_path(si, ii);
            if let Some(g) = item.applies_to {
                if !declared.contains(&g) {
                    errors.push(DefinitionError::new(
                        format!("{base}/applies_to"),
                        K::GenderNotDeclared,
                        format!("this item is for {} subjects, but the instrument does not list that gender in meta.genders", gender_name(g)),
                    ));
                }
                if section.applies_to.is_some_and(|s| s != g) {
                    errors.push(DefinitionError::new(
                        format!("{base}/applies_to"),
                        K::ConflictingApplicability,
                        format!("this item is for {} subjects, but its section is only for the other gender", gender_name(g)),
                    ));
                }
            }
            check_item_fields(def, index, &base, si, ii, errors);
        }
    }
}

fn check_item_fields(
    def: &Definition,
    index: &Index,
    base: &str,
    si: usize,
    ii: usize,
    errors: &mut Vec<DefinitionError>,
) {
    let item = &def.sections[si].items[ii];
    let t = item.item_type;
    match (&item.scale, t.uses_scale()) {
        (None, true) => errors.push(DefinitionError::new(base, K::MissingScale, "this item needs a `scale` with its response options")),
        (Some(_), false) => errors.push(DefinitionError::new(format!("{base}/scale"), K::UnexpectedField, "only rating and choice items have a scale")),
        (Some(key), true) => match index.scales.get(key.as_str()) {
            None => errors.push(DefinitionError::new(format!("{base}/scale"), K::UnknownReference, format!("there is no scale `{key}`"))),
            Some(scale) if t == ItemType::Rating && scale.options.iter().any(|o| o.effective_score().is_none()) => {
                errors.push(DefinitionError::new(
                    format!("{base}/scale"),
                    K::NotScorable,
                    format!("a rating needs a scale whose options are numbers or have scores; `{key}` has options without"),
                ))
            }
            Some(_) => {}
        },
        (None, false) => {}
    }
    if t != ItemType::Number {
        for (field, present) in [("min", item.min.is_some()), ("max", item.max.is_some())] {
            if present {
                errors.push(DefinitionError::new(
                    format!("{base}/{field}"),
                    K::UnexpectedField,
                    format!("only number items have `{field}`"),
                ));
            }
        }
    }
    if let (Some(min), Some(max)) = (
        item.min.as_ref().and_then(|n| n.as_f64()),
        item.max.as_ref().and_then(|n| n.as_f64()),
    ) && min > max
    {
        errors.push(DefinitionError::new(
            format!("{base}/max"),
            K::InvalidRange,
            format!("the largest value ({max}) is below the smallest ({min})"),
        ));
    }
    if item.required && item.required_if.is_some() {
        errors.push(DefinitionError::new(
            format!("{base}/required_if"),
            K::UnexpectedField,
            "`required_if` has no effect on an item that is always required; add \"required\": false",
        ));
    }
}
