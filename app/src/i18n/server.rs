//! The server's side: Fluent, with every `locales/*/*.ftl` compiled in.

use super::Arg;
use domain::Locale;
use domain::definition::{MessageArg, frame_of};
use fluent_templates::{Loader, fluent_bundle::FluentValue, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::LanguageIdentifier;

static_loader! {
    static LOCALES = {
        locales: "../locales",
        fallback_language: "en",
        // Fluent would wrap every argument in invisible isolation marks
        // (U+2068/U+2069), which end up in HTML and in copied text.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn language_id(locale: Locale) -> LanguageIdentifier {
    locale
        .code()
        .parse()
        .expect("locale codes are valid language identifiers")
}

/// Translates a message id in a locale (no arguments).
pub fn tr(locale: Locale, id: &str) -> String {
    LOCALES.lookup(&language_id(locale), id)
}

/// Translates a message id, or `None` when no locale has it.
pub fn try_tr(locale: Locale, id: &str) -> Option<String> {
    LOCALES.try_lookup(&language_id(locale), id)
}

/// Translates a message id with named arguments.
pub fn tr_args(locale: Locale, id: &str, args: &[(&'static str, Arg)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(k, v)| (Cow::Borrowed(*k), fluent_value(v)))
        .collect();
    LOCALES.lookup_with_args(&language_id(locale), id, &map)
}

/// Puts a problem of a definition into words in `locale`: its message id
/// with its arguments (terms said first, a condition problem framed by
/// `check-condition`), or its `message` as it came when it has no id or
/// the id is unknown (an older server, a JSON Schema problem).
pub fn tr_problem(locale: Locale, problem: &crate::model::Problem) -> String {
    try_tr_check(locale, &problem.message_id, &problem.args)
        .unwrap_or_else(|| problem.message.clone())
}

fn try_tr_check(
    locale: Locale,
    id: &str,
    args: &std::collections::BTreeMap<String, MessageArg>,
) -> Option<String> {
    if id.is_empty() {
        return None;
    }
    let lang = language_id(locale);
    let mut values: HashMap<Cow<'static, str>, FluentValue<'static>> = HashMap::new();
    for (name, value) in args {
        let value = match value {
            MessageArg::Number(n) => FluentValue::from(*n),
            MessageArg::Text(t) => FluentValue::from(t.clone()),
            MessageArg::Term { term } => FluentValue::from(LOCALES.try_lookup(&lang, term)?),
        };
        values.insert(Cow::Owned(name.clone()), value);
    }
    let text = LOCALES.try_lookup_with_args(&lang, id, &values)?;
    match frame_of(id) {
        None => Some(text),
        Some(frame) => {
            values.insert(Cow::Borrowed("problem"), FluentValue::from(text));
            LOCALES.try_lookup_with_args(&lang, frame, &values)
        }
    }
}

fn fluent_value(value: &Arg) -> FluentValue<'static> {
    match value {
        Arg::Int(n) => FluentValue::from(*n),
        Arg::Text(t) => FluentValue::from(t.clone()),
    }
}

/// The messages an island needs, already said in `locale`: each message
/// of the Fluent `source` file (its English text, `locales/en/NAME.ftl`),
/// and a message with a `$count` once per count from 0 to `max_count`.
/// Islands take this instead of Fluent, which then never reaches the
/// browser.
pub fn catalog(locale: Locale, source: &str, max_count: i64) -> super::Catalog {
    let mut entries = Vec::new();
    for (id, counted) in message_ids(source) {
        if counted {
            for n in 0..=max_count {
                let text = tr_args(locale, &id, &[("count", Arg::Int(n))]);
                entries.push((format!("{id}#{n}"), text));
            }
        } else {
            // Other arguments stay as `{ $name }` for the browser to fill.
            let names = variables(source, &id);
            let placeholders: Vec<String> = names.iter().map(|n| format!("{{ ${n} }}")).collect();
            let args: Vec<(&'static str, Arg)> = names
                .iter()
                .zip(&placeholders)
                .map(|(n, p)| (leak_name(n), Arg::Text(p.clone())))
                .collect();
            entries.push((id.clone(), tr_args(locale, &id, &args)));
        }
    }
    super::Catalog(entries)
}

/// The variables (`$name`) of message `id` in a Fluent file.
fn variables(source: &str, id: &str) -> Vec<String> {
    let Some(line) = source
        .lines()
        .find(|l| l.split_once(" =").is_some_and(|(i, _)| i.trim() == id))
    else {
        return vec![];
    };
    let mut names = Vec::new();
    for part in line.split('$').skip(1) {
        let name: String = part
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// A message argument's name for the lifetime of the process (names come
/// from the compiled-in message files: a few, once each).
fn leak_name(name: &str) -> &'static str {
    use std::sync::{Mutex, OnceLock};
    static NAMES: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
    let mut names = NAMES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(known) = names.iter().find(|n| **n == name) {
        return known;
    }
    let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
    names.push(leaked);
    leaked
}

/// The message ids of a Fluent file, each with whether it takes `$count`.
fn message_ids(source: &str) -> Vec<(String, bool)> {
    let mut ids: Vec<(String, bool)> = Vec::new();
    for line in source.lines() {
        let starts_message = line.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        if starts_message && let Some((id, _)) = line.split_once(" =") {
            ids.push((id.trim().to_owned(), false));
        }
        if line.contains("$count")
            && let Some(last) = ids.last_mut()
        {
            last.1 = true;
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::arg;

    #[test]
    fn messages_resolve_in_every_locale_without_isolation_marks() {
        for locale in Locale::ALL {
            let text = tr_args(locale, "throttled", &[("minutes", arg(15))]);
            assert!(text.contains("15"), "{locale}: {text}");
            assert!(!text.contains('\u{2068}'), "{locale}: isolation marks");
        }
        assert_ne!(tr(Locale::Tg, "nav-home"), tr(Locale::En, "nav-home"));
        assert_ne!(tr(Locale::Ru, "nav-home"), tr(Locale::En, "nav-home"));
    }

    fn problem_of(source: &str) -> crate::model::Problem {
        let def = domain::definition::Definition::from_json(source).expect("it parses");
        let mut errors = def.check();
        assert_eq!(errors.len(), 1, "{errors:?}");
        errors.remove(0).into()
    }

    const MINIMAL: &str = r#"{"format":1,"meta":{"code":"T","title":{"en":"t","ru":"т"},
        "purpose":{"en":"p","ru":"ц"},"source_locale":"en","required_locales":["en","ru"],
        "genders":["male"]},"scales":[],"sections":[{"key":"s","title":{"en":"S","ru":"Р"},
        "items":[{"key":"a","type":"number","label":{"en":"A","ru":"А"}SHOW}]}]}"#;

    #[test]
    fn a_problem_is_said_in_the_interface_language_with_its_words() {
        let source = MINIMAL.replace(r#","ru":"А""#, "").replace("SHOW", "");
        let problem = problem_of(&source);
        assert_eq!(problem.path, "/sections/0/items/0/label/ru");
        let ru = tr_problem(Locale::Ru, &problem);
        assert_eq!(ru, "Нет формулировки на языке «русский».");
        let tg = tr_problem(Locale::Tg, &problem);
        assert_eq!(tg, "Матн бо забони «русӣ» нест.");
        assert_eq!(
            tr_problem(Locale::En, &problem),
            "The Russian wording is missing."
        );
    }

    #[test]
    fn a_condition_problem_says_where_in_the_condition() {
        let source = MINIMAL.replace("SHOW", r#","show_if":"answer(\"b\") == 1""#);
        let problem = problem_of(&source);
        assert_eq!(problem.path, "/sections/0/items/0/show_if");
        assert_eq!(
            tr_problem(Locale::Ru, &problem),
            "Условие, символ 1: Пункта `b` нет."
        );
        assert_eq!(
            tr_problem(Locale::En, &problem),
            "Condition, at character 1: There is no item `b`."
        );
    }

    #[test]
    fn a_catalog_says_every_message_of_its_file_and_each_count() {
        let source = "preview-a = A\npreview-b = { $count ->\n   *[other] { $count } b\n}\n# c\n";
        assert_eq!(
            message_ids(source),
            vec![
                ("preview-a".to_owned(), false),
                ("preview-b".to_owned(), true)
            ]
        );
        let catalog = catalog(
            Locale::Ru,
            include_str!("../../../locales/en/preview.ftl"),
            12,
        );
        let get = |key: &str| {
            catalog
                .0
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        assert_eq!(
            get("preview-pending#1").as_deref(),
            Some("Ещё 1 пункт требует ответа.")
        );
        assert_eq!(
            get("preview-pending#12").as_deref(),
            Some("Ещё 12 пунктов требуют ответа.")
        );
        assert_eq!(get("preview-scores").as_deref(), Some("Баллы"));
    }

    #[test]
    fn an_unknown_message_id_falls_back_to_the_message() {
        let mut problem = crate::model::Problem::text("/x", "as it came");
        assert_eq!(tr_problem(Locale::Ru, &problem), "as it came");
        problem.message_id = "check-no-such-message".into();
        assert_eq!(tr_problem(Locale::Tg, &problem), "as it came");
    }
}
