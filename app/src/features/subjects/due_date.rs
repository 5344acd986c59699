//! A reassessment's due day, with a mark once it has passed: the same on a
//! subject's history and on the list of those due.

use crate::i18n::{t, use_i18n};
use leptos::prelude::*;

#[component]
pub fn DueDate(
    /// `yyyy-mm-dd`, if a reassessment is due at all.
    day: Option<String>,
    overdue: bool,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    view! {
        {day.map(|d| locale.format_date(&d))}
        {overdue.then(|| view! { " " <strong class="badge overdue">{t("subject-overdue")}</strong> })}
    }
}
