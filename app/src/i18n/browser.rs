//! The browser's side: the catalog an island brought with it.

use super::{Arg, Catalog};
use domain::Locale;
use std::cell::RefCell;
use std::collections::HashMap;

thread_local! {
    static MESSAGES: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new());
}

pub(super) fn install(catalog: Catalog) {
    MESSAGES.with(|m| m.borrow_mut().extend(catalog.0));
}

/// The message `id` from the catalog, or `None` when it did not come.
pub fn try_tr(_locale: Locale, id: &str) -> Option<String> {
    MESSAGES.with(|m| m.borrow().get(id).cloned())
}

/// The message `id`; its id when it did not come (a visible mistake).
pub fn tr(locale: Locale, id: &str) -> String {
    try_tr(locale, id).unwrap_or_else(|| id.to_owned())
}

/// A message with arguments: a count's own text from the catalog, else
/// the message with each `{ $name }` replaced.
pub fn tr_args(locale: Locale, id: &str, args: &[(&'static str, Arg)]) -> String {
    if let [(_, Arg::Int(n))] = args
        && let Some(text) = try_tr(locale, &format!("{id}#{n}"))
    {
        return text;
    }
    let mut text = tr(locale, id);
    for (name, value) in args {
        text = text.replace(&format!("{{ ${name} }}"), &value.to_string());
    }
    text
}

/// A problem in words: in the browser, the text the server already put in
/// the user's language.
pub fn tr_problem(_locale: Locale, problem: &crate::model::Problem) -> String {
    problem.message.clone()
}
