//! Interface translation.
//!
//! Every interface string lives in `locales/{en,ru,tg}/*.ftl` and is compiled
//! into both the server and the wasm bundle, so a page renders in the right
//! language on the server and re-renders instantly in the browser when the
//! user switches. Components never hold user-facing text: they call [`t`].
//!
//! Instrument wording is *not* here: it is versioned data in the database.

use domain::Locale;
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
}
