//! Interface translation.
//!
//! Every interface string lives in `locales/{en,ru,tg}/*.ftl` and is compiled
//! into both the server and the wasm bundle, so a page renders in the right
//! language on the server and re-renders instantly in the browser when the
//! user switches. Components never hold user-facing text: they call [`t`].
//!
//! Instrument wording is *not* here: it is versioned data in the database.

use domain::Locale;
use domain::definition::{MessageArg, frame_of};
use fluent_templates::{Loader, fluent_bundle::FluentValue, static_loader};
use leptos::prelude::*;
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
pub fn tr_args(locale: Locale, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
        .iter()
        .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
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

/// The interface language of this page, shared by every component.
#[derive(Clone, Copy)]
pub struct I18n {
    pub locale: RwSignal<Locale>,
}

pub fn provide_i18n(initial: Locale) -> I18n {
    let i18n = I18n {
        locale: RwSignal::new(initial),
    };
    provide_context(i18n);
    i18n
}

pub fn use_i18n() -> I18n {
    use_context::<I18n>().expect("provide_i18n runs in App")
}

/// A reactive translation: re-renders when the interface language changes.
pub fn t(id: &'static str) -> Signal<String> {
    let locale = use_i18n().locale;
    Signal::derive(move || tr(locale.get(), id))
}

/// A reactive translation with arguments computed each time it renders.
pub fn t_args<F>(id: &'static str, args: F) -> Signal<String>
where
    F: Fn() -> Vec<(&'static str, FluentValue<'static>)> + Send + Sync + 'static,
{
    let locale = use_i18n().locale;
    Signal::derive(move || tr_args(locale.get(), id, &args()))
}

/// Turns a number or text into a Fluent argument.
pub fn arg(value: impl Into<FluentValue<'static>>) -> FluentValue<'static> {
    value.into()
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn an_unknown_message_id_falls_back_to_the_message() {
        let mut problem = crate::model::Problem::text("/x", "as it came");
        assert_eq!(tr_problem(Locale::Ru, &problem), "as it came");
        problem.message_id = "check-no-such-message".into();
        assert_eq!(tr_problem(Locale::Tg, &problem), "as it came");
    }
}
