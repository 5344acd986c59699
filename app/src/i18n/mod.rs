//! Interface translation.
//!
//! Every interface string lives in `locales/{en,ru,tg}/*.ftl`. The server
//! renders every page in the user's language with Fluent ([`server`]).
//! Islands, the only code that runs in the browser, get the few messages
//! they need already translated, as a [`Catalog`] in their props
//! ([`browser`]): Fluent and the message files never reach the browser.
//! Components never hold user-facing text: they call [`t`].
//!
//! Instrument wording is *not* here: it is versioned data in the database.

use domain::Locale;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
mod server;
#[cfg(feature = "ssr")]
pub use server::{catalog, tr, tr_args, tr_problem, try_tr};

#[cfg(not(feature = "ssr"))]
mod browser;
#[cfg(not(feature = "ssr"))]
pub use browser::{tr, tr_args, tr_problem, try_tr};

/// A message's argument: a number or a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    Int(i64),
    Text(String),
}

macro_rules! int_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
int_arg!(i32, i64, u32, u64, usize);

impl From<String> for Arg {
    fn from(t: String) -> Arg {
        Arg::Text(t)
    }
}

impl From<&str> for Arg {
    fn from(t: &str) -> Arg {
        Arg::Text(t.to_owned())
    }
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Int(n) => write!(f, "{n}"),
            Arg::Text(t) => f.write_str(t),
        }
    }
}

/// Messages already translated for an island: `(id, text)`, and for a
/// message with a count `(id#n, text)` per count (see `catalog`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Serialize))]
pub struct Catalog(pub Vec<(String, String)>);

/// The browser only reads a catalog (from an island's props); the island
/// wrapper's second serialization of its props writes nothing for it, so
/// no bundle carries a serializer for it.
#[cfg(not(feature = "ssr"))]
impl Serialize for Catalog {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit()
    }
}

/// Makes an island's catalog the source of [`tr`] in the browser (on the
/// server, Fluent is).
pub fn install_catalog(catalog: Catalog) {
    #[cfg(not(feature = "ssr"))]
    browser::install(catalog);
    #[cfg(feature = "ssr")]
    let _ = catalog;
}

/// What every island does first: its messages and interface language,
/// and `<html data-hydrated>` once it is live (browser tests wait for it).
pub fn start_island(catalog: Catalog, interface: Locale) {
    install_catalog(catalog);
    provide_i18n(interface);
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
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
    F: Fn() -> Vec<(&'static str, Arg)> + Send + Sync + 'static,
{
    let locale = use_i18n().locale;
    Signal::derive(move || tr_args(locale.get(), id, &args()))
}

/// Turns a number or text into a message argument.
pub fn arg(value: impl Into<Arg>) -> Arg {
    value.into()
}
