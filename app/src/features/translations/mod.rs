//! Translating a version side by side (issue 9): the page
//! `/instruments/:code/versions/:number/translations`, its plain forms
//! (save one text, sign a locale off) and the upload that a multipart form
//! posts (`server/src/web/translation_files.rs`).
//!
//! The page is plain HTML: every action works without code. A small
//! script (`translate.js`, no framework) adds what only a browser can:
//! the Tajik letter buttons, warnings and the item's preview updated as
//! one types, and single keys to go to the next missing text.

mod text_row;
mod translations_page;

pub use translations_page::TranslationsPage;

use crate::error::AppError;
use crate::model::{TranslationWorkspace, UploadReport};
use domain::{InstrumentCode, Locale};
use leptos::prelude::*;

/// Where the page's upload form posts (multipart; see module doc).
pub const UPLOAD_PATH: &str = "/api/upload_translations";

/// The page's script, served at [`script_path`].
pub const SCRIPT: &str = include_str!("translate.js");

/// The page's own styles, served at [`style_path`] (only this page
/// loads them).
pub const STYLE: &str = include_str!("translate.css");

fn versioned(path: &str, content: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    content.hash(&mut h);
    format!("{path}?v={:016x}", h.finish())
}

/// `/translate.js?v=HASH`: the hash changes with the script, so a browser
/// may keep it for a long time.
pub fn script_path() -> String {
    versioned("/translate.js", SCRIPT)
}

/// `/translate.css?v=HASH`, likewise.
pub fn style_path() -> String {
    versioned("/translate.css", STYLE)
}

/// The page of a version's translations.
pub fn translations_path(code: &InstrumentCode, number: i64) -> String {
    format!("/instruments/{code}/versions/{number}/translations")
}

#[server(endpoint = "get_translation_workspace", prefix = "/api")]
pub async fn get_translation_workspace(
    code: InstrumentCode,
    number: i64,
) -> Result<TranslationWorkspace, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services
                .translation_workspace(&ctx.actor()?, &code, number)
                .await?)
        }
        .await,
    )
}

/// Where a plain form of the page returns: the page (with its filters)
/// at the text named, which gets the focus. Only a path of this page.
#[cfg(feature = "ssr")]
fn back_to(code: &InstrumentCode, number: i64, back: &str, focus: &str) -> String {
    let page = translations_path(code, number);
    let query = back
        .strip_prefix(&page)
        .and_then(|rest| rest.strip_prefix('?'))
        .map(|q| {
            q.split('&')
                .filter(|p| !p.is_empty() && !p.starts_with("focus="))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let mut query: Vec<String> = query.into_iter().map(str::to_owned).collect();
    let focus = focus
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        .then_some(focus)
        .filter(|f| !f.is_empty());
    if let Some(f) = focus {
        query.push(format!("focus={f}"));
    }
    let anchor = focus.map(|f| format!("#t-{f}")).unwrap_or_default();
    if query.is_empty() {
        format!("{page}{anchor}")
    } else {
        format!("{page}?{}{anchor}", query.join("&"))
    }
}

/// One text's wording from the page's plain form (fields `edit[…]`).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct TranslationEdit {
    pub code: String,
    pub number: i64,
    pub locale: String,
    pub id: String,
    pub source_hash: String,
    /// The hash of the wording the form showed (see `UploadRow::base`).
    #[serde(default)]
    pub was: Option<String>,
    /// A wording for everybody.
    #[serde(default)]
    pub one: Option<String>,
    /// Different wordings for men and women.
    #[serde(default)]
    pub male: Option<String>,
    #[serde(default)]
    pub female: Option<String>,
    /// The page (with its filters) to come back to.
    #[serde(default)]
    pub back: Option<String>,
    /// The text to come back at.
    #[serde(default)]
    pub next: Option<String>,
}

/// Saves the wording of one text in one locale, from the page's plain
/// form: `one` (a wording for everybody) or `male`/`female` (different
/// wordings), made against `source_hash`. Saving a stale wording unchanged
/// keeps it for the new source. Back to the page, at the text `next`.
#[server(endpoint = "save_translation", prefix = "/api")]
pub async fn save_translation(edit: TranslationEdit) -> Result<UploadReport, AppError> {
    use crate::request::*;
    use domain::definition::Wording;
    use services::model::RefusalReason;
    use services::translations::files::UploadRow;
    respond(
        async {
            let (services, ctx) = request()?;
            let code: InstrumentCode = edit.code.parse().map_err(|_| AppError::NotFound)?;
            let locale: Locale = edit
                .locale
                .parse()
                .map_err(|_| AppError::invalid("locale", "error-translation-not-a-target"))?;
            let filled = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
            let wording = match (filled(edit.male), filled(edit.female), filled(edit.one)) {
                (None, None, None) => {
                    return Err(AppError::invalid("one", "error-translation-empty"));
                }
                (None, None, Some(one)) => Wording::Neutral(one),
                (male, female, _) => Wording::Gendered { male, female },
            };
            let report = services
                .save_translations(
                    &ctx.actor()?,
                    &code,
                    edit.number,
                    locale,
                    vec![UploadRow {
                        id: edit.id.clone(),
                        source_hash: Some(edit.source_hash),
                        target: Ok(Some(wording)),
                        at: String::new(),
                        base: edit.was,
                    }],
                    "page",
                )
                .await?;
            if let Some(refused) = report.refused.first() {
                return Err(match refused.reason {
                    RefusalReason::StaleSource => {
                        AppError::conflict("error-translation-source-changed")
                    }
                    RefusalReason::ChangedMeanwhile => {
                        AppError::conflict("error-translation-changed-meanwhile")
                    }
                    RefusalReason::NotTranslatable => {
                        AppError::invalid("one", "error-translation-not-seen")
                    }
                    _ => AppError::NotFound,
                });
            }
            let back = edit.back.unwrap_or_default();
            let next = edit.next.unwrap_or_else(|| edit.id.clone());
            crate::features::auth::redirect_plain_form(&back_to(&code, edit.number, &back, &next));
            Ok(report)
        }
        .await,
    )
}

/// A reviewer signs a locale off, with their password; back to the page.
#[server(endpoint = "sign_off_locale", prefix = "/api")]
pub async fn sign_off_locale(
    code: InstrumentCode,
    number: i64,
    locale: Locale,
    password: String,
) -> Result<(), AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            services
                .sign_off_translations(
                    &ctx.actor()?,
                    ctx.client_ip.as_deref(),
                    &code,
                    number,
                    locale,
                    &password,
                )
                .await?;
            Ok(())
        }
        .await,
    )
}
