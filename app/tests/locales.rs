//! The three interface locales must say the same things: the same message
//! ids, the same variables, Tajik plural forms only `other` (CLDR gives
//! Tajik no other category, and fluent would silently use English rules),
//! and every message id the code asks for must exist.

use fluent_syntax::ast::{
    Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey,
};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[derive(Default)]
struct Facts {
    variables: BTreeSet<String>,
    plural_keys: BTreeSet<String>,
}

fn walk_pattern(p: &Pattern<&str>, facts: &mut Facts) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            walk_expression(expression, facts);
        }
    }
}

fn walk_inline(e: &InlineExpression<&str>, facts: &mut Facts) {
    match e {
        InlineExpression::VariableReference { id } => {
            facts.variables.insert(id.name.to_owned());
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, facts),
        _ => {}
    }
}

fn walk_expression(e: &Expression<&str>, facts: &mut Facts) {
    match e {
        Expression::Inline(inline) => walk_inline(inline, facts),
        Expression::Select { selector, variants } => {
            walk_inline(selector, facts);
            for v in variants {
                if let VariantKey::Identifier { name } = &v.key {
                    facts.plural_keys.insert((*name).to_owned());
                }
                walk_pattern(&v.value, facts);
            }
        }
    }
}

/// message id → facts, for one locale folder.
fn load(locale: &str) -> BTreeMap<String, Facts> {
    let mut messages = BTreeMap::new();
    let dir = repo().join("locales").join(locale);
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let mut facts = Facts::default();
                if let Some(value) = &m.value {
                    walk_pattern(value, &mut facts);
                }
                let previous = messages.insert(m.id.name.to_owned(), facts);
                assert!(previous.is_none(), "{locale}: {} defined twice", m.id.name);
            }
        }
    }
    assert!(!messages.is_empty(), "{locale} has no messages");
    messages
}

#[test]
fn the_three_locales_have_the_same_messages_and_variables() {
    let en = load("en");
    for locale in ["ru", "tg"] {
        let other = load(locale);
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{locale} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{locale} has messages English lacks: {extra:?}"
        );
        for (id, facts) in &en {
            assert_eq!(
                facts.variables, other[id].variables,
                "{locale}: variables of {id}"
            );
        }
    }
}

#[test]
fn tajik_uses_only_the_other_plural_category() {
    for (id, facts) in load("tg") {
        let wrong: Vec<_> = facts.plural_keys.iter().filter(|k| *k != "other").collect();
        assert!(
            wrong.is_empty(),
            "tg {id} uses plural categories {wrong:?}; Tajik has only `other`"
        );
    }
}

#[test]
fn russian_plurals_cover_one_few_and_many() {
    for (id, facts) in load("ru") {
        if !facts.plural_keys.is_empty() {
            for needed in ["one", "few", "many", "other"] {
                assert!(
                    facts.plural_keys.contains(needed),
                    "ru {id} lacks [{needed}]"
                );
            }
        }
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Message ids named in code: arguments of t()/t_args()/tr()/tr_args(),
/// `label=`/`hint=` props, and `error-…` (and the answers check's
/// `answer-…`) literals anywhere in the crates.
fn ids_used_in_code() -> BTreeSet<(String, String)> {
    let mut files = Vec::new();
    for krate in ["app/src", "server/src", "server/services/src", "domain/src"] {
        rust_files(&repo().join(krate), &mut files);
    }
    let mut ids = BTreeSet::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for (i, _) in source.match_indices('"') {
            let rest = &source[i + 1..];
            let Some(end) = rest.find('"') else { continue };
            let literal = &rest[..end];
            let before = source[..i].trim_end();
            let is_message_call = [
                "t(",
                "t_args(",
                "label=",
                "hint=",
                "tr(locale,",
                "tr(locale.get(),",
                "tr(i18n.locale.get(),",
            ]
            .iter()
            .any(|p| {
                before.strip_suffix(p).is_some_and(|head| {
                    // A whole name: `get(` is not `t(`.
                    !head.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.')
                })
            });
            let looks_like_id = !literal.is_empty()
                && literal.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && literal.contains('-')
                // A prefix such as "error-" (stripped, not shown) is no id.
                && !literal.ends_with('-');
            let by_prefix = literal.starts_with("error-")
                || (literal.starts_with("answer-") && file.ends_with("answers_check.rs"));
            if looks_like_id && (is_message_call || by_prefix) {
                ids.insert((literal.to_owned(), file.display().to_string()));
            }
        }
    }
    ids
}

#[test]
fn every_message_id_used_in_code_exists() {
    let en = load("en");
    let used = ids_used_in_code();
    assert!(
        used.len() > 40,
        "the scan found too few ids ({}); is it broken?",
        used.len()
    );
    let missing: Vec<_> = used.iter().filter(|(id, _)| !en.contains_key(id)).collect();
    assert!(
        missing.is_empty(),
        "message ids used in code but not in locales/en: {missing:?}"
    );
    for role in domain::Role::ALL {
        assert!(
            en.contains_key(&format!("role-{}", role.code())),
            "role-{role}"
        );
    }
}

#[test]
fn every_audit_action_and_target_has_a_name_in_every_language() {
    for locale in ["en", "ru", "tg"] {
        let messages = load(locale);
        for action in domain::AuditAction::ALL {
            let id = action.message_id();
            assert!(
                messages.contains_key(&id),
                "{locale}: audit action {action} has no message {id}"
            );
        }
        for target in domain::AuditTarget::ALL {
            let id = target.message_id();
            assert!(
                messages.contains_key(&id),
                "{locale}: audit target {target} has no message {id}"
            );
        }
    }
}

#[test]
fn every_definition_check_message_exists_in_every_language() {
    let ids = domain::definition::all_message_ids();
    assert!(ids.len() > 80, "too few check message ids: {}", ids.len());
    for locale in ["en", "ru", "tg"] {
        let messages = load(locale);
        let missing: Vec<_> = ids
            .iter()
            .filter(|id| !messages.contains_key(*id))
            .collect();
        assert!(
            missing.is_empty(),
            "{locale}/definition-check.ftl lacks {missing:?}"
        );
    }
    // And nothing there that no check can say.
    let en = load("en");
    let unused: Vec<_> = en
        .keys()
        .filter(|id| id.starts_with("check-") || id.starts_with("expr-"))
        .filter(|id| !ids.contains(id))
        .collect();
    assert!(unused.is_empty(), "messages no check produces: {unused:?}");
}
