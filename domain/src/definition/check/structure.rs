//! Checks of shape beyond what serde enforces: metadata, unique keys,
//! scales, and the fields each item type may carry.

use super::super::error::{DefinitionError, DefinitionErrorKind as K, gender_name, language_name};
use super::super::index::Index;
use super::super::message::{gender_term, locale_term, thing_term};
use super::super::model::{Definition, FORMAT_VERSION, ItemType, OptionValue};
use super::item_path;
use std::collections::HashMap;

pub(super) fn check_meta(def: &Definition, errors: &mut Vec<DefinitionError>) {
    if def.format != FORMAT_VERSION {
        errors.push(
            DefinitionError::new(
                "/format",
                K::UnsupportedFormat,
                "check-unsupported-format",
                format!(
                    "this is format {}, but only format {FORMAT_VERSION} can be read",
                    def.format
                ),
            )
            .arg("found", def.format)
            .arg("supported", FORMAT_VERSION),
        );
    }
    let meta = &def.meta;
    if meta.required_locales.is_empty() {
        errors.push(DefinitionError::new(
            "/meta/required_locales",
            K::InvalidMeta,
            "check-meta-no-locales",
            "list at least one required language",
        ));
    }
    for (i, l) in meta.required_locales.iter().enumerate() {
        if meta.required_locales[..i].contains(l) {
            errors.push(
                DefinitionError::new(
                    format!("/meta/required_locales/{i}"),
                    K::DuplicateKey,
                    "check-duplicate-locale",
                    format!("{} is listed twice", language_name(*l)),
                )
                .arg("locale", locale_term(*l)),
            );
        }
    }
    if !meta.required_locales.contains(&meta.source_locale) {
        errors.push(
            DefinitionError::new(
                "/meta/source_locale",
                K::InvalidMeta,
                "check-meta-source-not-required",
                format!(
                    "the source language, {}, must be one of the required languages",
                    language_name(meta.source_locale)
                ),
            )
            .arg("locale", locale_term(meta.source_locale)),
        );
    }
    if meta.genders.is_empty() {
        errors.push(DefinitionError::new(
            "/meta/genders",
            K::InvalidMeta,
            "check-meta-no-genders",
            "list at least one gender the instrument is used for",
        ));
    }
    for (i, g) in meta.genders.iter().enumerate() {
        if meta.genders[..i].contains(g) {
            errors.push(
                DefinitionError::new(
                    format!("/meta/genders/{i}"),
                    K::DuplicateKey,
                    "check-duplicate-gender",
                    format!("{} is listed twice", gender_name(*g)),
                )
                .arg("gender", gender_term(*g)),
            );
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
            errors.push(
                DefinitionError::new(
                    format!("{path}/key"),
                    K::DuplicateKey,
                    "check-duplicate-key",
                    format!("the {what} key `{key}` is already used at {first}"),
                )
                .arg("what", thing_term(what))
                .arg("key", key)
                .arg("first", first.as_str()),
            );
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
                "check-empty-scale",
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
                errors.push(
                    DefinitionError::new(
                        &path,
                        K::DuplicateOptionValue,
                        "check-duplicate-option-value",
                        format!("the value {} is used by an earlier option", option.value),
                    )
                    .arg("value", option.value.to_string()),
                );
            }
            if numeric != matches!(option.value, OptionValue::Integer(_)) {
                errors.push(DefinitionError::new(
                    &path,
                    K::MixedOptionValues,
                    "check-mixed-option-values",
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
            "check-no-sections",
            "an instrument needs at least one section",
        ));
    }
    let declared = &def.meta.genders;
    for (si, section) in def.sections.iter().enumerate() {
        if section.items.is_empty() {
            errors.push(DefinitionError::new(
                format!("/sections/{si}/items"),
                K::EmptySection,
                "check-empty-section",
                "a section needs at least one item",
            ));
        }
        if let Some(g) = section.applies_to
            && !declared.contains(&g)
        {
            errors.push(DefinitionError::new(
                    format!("/sections/{si}/applies_to"),
                    K::GenderNotDeclared,
                    "check-section-gender-not-declared",
                    format!("this section is for {} subjects, but the instrument does not list that gender in meta.genders", gender_name(g)),
                )
                .arg("gender", gender_term(g)),
            );
        }
        for (ii, item) in section.items.iter().enumerate() {
            let base = item_path(si, ii);
            if let Some(g) = item.applies_to {
                if !declared.contains(&g) {
                    errors.push(DefinitionError::new(
                            format!("{base}/applies_to"),
                            K::GenderNotDeclared,
                            "check-item-gender-not-declared",
                            format!("this item is for {} subjects, but the instrument does not list that gender in meta.genders", gender_name(g)),
                        )
                        .arg("gender", gender_term(g)),
                    );
                }
                if section.applies_to.is_some_and(|s| s != g) {
                    errors.push(DefinitionError::new(
                            format!("{base}/applies_to"),
                            K::ConflictingApplicability,
                            "check-conflicting-applicability",
                            format!("this item is for {} subjects, but its section is only for the other gender", gender_name(g)),
                        )
                        .arg("gender", gender_term(g)),
                    );
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
        (None, true) => errors.push(DefinitionError::new(base, K::MissingScale, "check-missing-scale", "this item needs a `scale` with its response options")),
        (Some(_), false) => errors.push(DefinitionError::new(format!("{base}/scale"), K::UnexpectedField, "check-unexpected-scale", "only rating and choice items have a scale")),
        (Some(key), true) => match index.scales.get(key.as_str()) {
            None => errors.push(DefinitionError::new(format!("{base}/scale"), K::UnknownReference, "check-unknown-scale", format!("there is no scale `{key}`")).arg("key", key.as_str())),
            Some(scale) if t == ItemType::Rating && scale.options.iter().any(|o| o.effective_score().is_none()) => {
                errors.push(DefinitionError::new(
                    format!("{base}/scale"),
                    K::NotScorable,
                    "check-rating-scale-not-scorable",
                    format!("a rating needs a scale whose options are numbers or have scores; `{key}` has options without"),
                ).arg("key", key.as_str()))
            }
            Some(_) => {}
        },
        (None, false) => {}
    }
    if t != ItemType::Number {
        for (field, present) in [("min", item.min.is_some()), ("max", item.max.is_some())] {
            if present {
                errors.push(
                    DefinitionError::new(
                        format!("{base}/{field}"),
                        K::UnexpectedField,
                        "check-unexpected-min-max",
                        format!("only number items have `{field}`"),
                    )
                    .arg("field", field),
                );
            }
        }
    }
    if let (Some(min), Some(max)) = (
        item.min.as_ref().and_then(|n| n.as_f64()),
        item.max.as_ref().and_then(|n| n.as_f64()),
    ) && min > max
    {
        errors.push(
            DefinitionError::new(
                format!("{base}/max"),
                K::InvalidRange,
                "check-invalid-range",
                format!("the largest value ({max}) is below the smallest ({min})"),
            )
            .arg("min", min.to_string())
            .arg("max", max.to_string()),
        );
    }
    if item.required && item.required_if.is_some() {
        errors.push(DefinitionError::new(
            format!("{base}/required_if"),
            K::UnexpectedField,
            "check-unexpected-required-if",
            "`required_if` has no effect on an item that is always required; add \"required\": false",
        ));
    }
}
