//! One text of the side-by-side page: its source wording on the left (and,
//! when stale, the source it was translated from), the target wording's
//! form on the right, and the item as the assessor will see it in the
//! target locale and the chosen gender.

use super::SaveTranslation;
use crate::components::{ErrorMessage, FormState};
use crate::features::instruments::preview::state::resolve;
use crate::i18n::{t, tr, use_i18n};
use crate::model::TextStatus;
use domain::definition::translation::{Variant, identical_variants, tajik_warnings};
use domain::definition::{Definition, Wording};
use domain::{Gender, InstrumentCode, Locale};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The letters of Tajik that a Russian keyboard lacks.
const TAJIK_LETTERS: [&str; 6] = ["ғ", "ӣ", "қ", "ӯ", "ҳ", "ҷ"];

/// One row's data, in the target locale of the page.
#[derive(Clone, Debug)]
pub struct Row {
    pub id: String,
    pub path: String,
    pub group: String,
    pub source: Option<Wording>,
    pub target: Option<Wording>,
    pub genders: Vec<Gender>,
    /// Per variant the locale needs: its status and, when stale, the
    /// source wording it was made from.
    pub statuses: Vec<(Variant, TextStatus, Option<serde_json::Value>)>,
    pub source_hash: String,
    /// The hash of the target wording shown.
    pub was: String,
}

/// What kind of text a path is, as a message id.
fn kind(path: &str) -> &'static str {
    let s: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    match s.as_slice() {
        ["meta", "title"] => "translations-kind-title",
        ["meta", _] => "translations-kind-purpose",
        ["scales", _, "omit", _] => "translations-kind-omit",
        ["scales", _, _, _, "hint"] => "translations-kind-option-hint",
        ["scales", ..] => "translations-kind-option",
        ["sections", _, "title"] => "translations-kind-section-title",
        ["sections", _, "intro"] => "translations-kind-section-intro",
        ["sections", _, "items", _, "hint"] => "translations-kind-item-hint",
        ["sections", _, "items", _, "guidance"] => "translations-kind-item-guidance",
        ["sections", ..] => "translations-kind-item-label",
        ["scores", _, "bands", ..] => "translations-kind-band",
        ["scores", ..] => "translations-kind-score",
        ["flags", _, "guidance"] => "translations-kind-flag-guidance",
        ["flags", ..] => "translations-kind-flag",
        ["judgements", _, "levels", ..] => "translations-kind-level",
        ["judgements", _, "guidance"] => "translations-kind-judgement-guidance",
        _ => "translations-kind-judgement",
    }
}

/// A wording as lines: one, or one per gender variant.
fn wording_lines(w: &Wording, locale: Locale) -> Vec<String> {
    match w {
        Wording::Neutral(s) => vec![s.clone()],
        Wording::Gendered { male, female } => [(Gender::Male, male), (Gender::Female, female)]
            .into_iter()
            .filter_map(|(g, v)| {
                v.as_ref().map(|v| {
                    format!(
                        "{}: {v}",
                        tr(locale, &format!("editor-variant-{}", g.code()))
                    )
                })
            })
            .collect(),
    }
}

#[component]
#[allow(clippy::too_many_arguments)]
pub fn TextRow(
    row: Row,
    next: Option<String>,
    autofocus: bool,
    definition: Definition,
    code: InstrumentCode,
    number: i64,
    locale: Locale,
    gender: Gender,
    back: String,
    may_translate: bool,
) -> impl IntoView {
    let interface = use_i18n().locale.get_untracked();
    let source = definition.meta.source_locale;
    let form = FormState::of(SaveTranslation::PATH);
    let mine = form.sent("edit[id]", &row.id).unwrap_or(false)
        && form.sent("edit[locale]", locale.code()).unwrap_or(false);
    let error = mine.then(|| form.error()).flatten();
    let typed = |name: &str| {
        mine.then(|| form.sent_value(&format!("edit[{name}]")))
            .flatten()
    };
    let (one, male, female) = match &row.target {
        Some(Wording::Neutral(s)) => (s.clone(), String::new(), String::new()),
        Some(Wording::Gendered { male, female }) => (
            String::new(),
            male.clone().unwrap_or_default(),
            female.clone().unwrap_or_default(),
        ),
        None => Default::default(),
    };
    let one = typed("one").unwrap_or(one);
    let male = typed("male").unwrap_or(male);
    let female = typed("female").unwrap_or(female);
    // Gendered fields open when the wording is gendered, or (missing) when
    // the source is.
    let gendered_now = !male.is_empty()
        || !female.is_empty()
        || (row.target.is_none() && matches!(row.source, Some(Wording::Gendered { .. })));
    let stale = row.statuses.iter().any(|(_, s, _)| *s == TextStatus::Stale);
    let was: Option<Wording> = row
        .statuses
        .iter()
        .find_map(|(_, _, m)| m.clone())
        .and_then(|m| serde_json::from_value(m).ok());
    let status_tags = row
        .statuses
        .iter()
        .map(|(v, s, _)| {
            let variant = if *v == Variant::Neutral {
                String::new()
            } else {
                format!("{}: ", tr(interface, &format!("editor-variant-{}", v.code())))
            };
            view! {
                <span class=format!("tag tr-status tr-{}", s.code()) data-variant=v.code() data-status=s.code()>
                    {variant}
                    {tr(interface, &format!("translations-status-{}", s.code()))}
                </span>
            }
        })
        .collect_view();
    let data_status = row
        .statuses
        .iter()
        .map(|(_, s, _)| s.code())
        .collect::<Vec<_>>()
        .join(" ");
    let source_lines = row
        .source
        .as_ref()
        .map(|w| wording_lines(w, interface))
        .unwrap_or_default()
        .into_iter()
        .map(|l| view! { <p>{l}</p> })
        .collect_view();
    let was_view = (stale && was.is_some()).then(|| {
        let lines = was
            .as_ref()
            .map(|w| wording_lines(w, interface))
            .unwrap_or_default()
            .into_iter()
            .map(|l| view! { <p>{l}</p> })
            .collect_view();
        view! {
            <div class="tr-was">
                <p class="tr-label">{t("translations-was")}</p>
                <del>{lines}</del>
            </div>
        }
        .into_any()
    });
    let field = |suffix: &str| format!("f-{}-{suffix}", row.id);
    let warnings: Vec<String> = if locale == Locale::Tg {
        [&one, &male, &female]
            .iter()
            .flat_map(|s| tajik_warnings(s))
            .map(|w| match w {
                domain::definition::translation::TajikWarning::RussianLetter { letter, .. } => {
                    letter.to_string()
                }
                domain::definition::translation::TajikWarning::LatinInCyrillic { word, .. } => word,
            })
            .collect()
    } else {
        vec![]
    };
    let identical = locale == Locale::Ru
        && identical_variants(&Wording::Gendered {
            male: Some(male.clone()),
            female: Some(female.clone()),
        });
    let both = row.genders.len() > 1;
    let lang = locale.code();
    // Every row has the same field labels: the text's kind and its source
    // say which text a field is for.
    let described = format!("h-{} s-{}", row.id, row.id);
    let textarea = move |id: String,
                         name: &'static str,
                         label: String,
                         value: String,
                         focus: bool| {
        view! {
            <div class="field">
                <label for=id.clone()>{label}</label>
                <textarea id=id name=name rows="2" lang=lang autofocus=focus data-tr-field aria-describedby=described.clone()>{value}</textarea>
            </div>
        }
        .into_any()
    };
    let variant_label = |g: Gender| tr(interface, &format!("editor-variant-{}", g.code()));
    let gendered_fields = {
        let m = row.genders.contains(&Gender::Male).then(|| {
            textarea(
                field("male"),
                "edit[male]",
                variant_label(Gender::Male),
                male.clone(),
                autofocus && gendered_now,
            )
        });
        let f = row.genders.contains(&Gender::Female).then(|| {
            textarea(
                field("female"),
                "edit[female]",
                variant_label(Gender::Female),
                female.clone(),
                autofocus && gendered_now && !row.genders.contains(&Gender::Male),
            )
        });
        view! {
            <details class="tr-gendered" open=gendered_now>
                <summary>{t(if both { "translations-gendered" } else { "translations-gendered-one" })}</summary>
                {m}
                {f}
            </details>
        }
        .into_any()
    };
    let preview = preview(
        &definition,
        &row.path,
        locale,
        gender,
        source,
        &format!("f-{}", row.id),
    );
    let form_view = may_translate.then(|| {
        view! {
            <form class="form tr-target" method="post" action=SaveTranslation::PATH>
                <input type="hidden" name="edit[code]" value=code.to_string() />
                <input type="hidden" name="edit[number]" value=number.to_string() />
                <input type="hidden" name="edit[locale]" value=locale.code() />
                <input type="hidden" name="edit[id]" value=row.id.clone() />
                <input type="hidden" name="edit[source_hash]" value=row.source_hash.clone() />
                <input type="hidden" name="edit[was]" value=row.was.clone() />
                <input type="hidden" name="edit[back]" value=back.clone() />
                <input type="hidden" name="edit[next]" value=next.clone().unwrap_or_default() />
                <ErrorMessage error />
                {(mine && form.succeeded())
                    .then(|| view! { <p class="message success" role="status">{t("translations-saved")}</p> })}
                {textarea(field("one"), "edit[one]", tr(interface, "translations-one"), one.clone(), autofocus && !gendered_now)}
                {gendered_fields}
                {(locale == Locale::Tg)
                    .then(|| {
                        view! {
                            <div class="tr-letters" hidden role="group" aria-label=tr(interface, "translations-letters")>
                                {TAJIK_LETTERS
                                    .iter()
                                    .map(|l| view! { <button type="button" class="letter" data-letter=*l>{*l}</button> })
                                    .collect_view()}
                            </div>
                        }
                    })}
                <p class="message warning tr-tajik-warning" role="status" aria-live="polite" data-tajik-warning=(locale == Locale::Tg).then_some("") hidden=warnings.is_empty()>
                    {t("translations-tajik-warning")} " " <span class="tr-found">{warnings.join(", ")}</span>
                </p>
                {identical.then(|| view! { <p class="hint tr-identical">{t("translations-identical")}</p> })}
                <div class="actions">
                    <button type="submit" class="primary">{t("translations-save")}</button>
                    {stale.then(|| view! { <span class="hint">{t("translations-keep-hint")}</span> })}
                </div>
            </form>
        }
        .into_any()
    });
    let target_read = (!may_translate).then(|| {
        let lines = row
            .target
            .as_ref()
            .map(|w| wording_lines(w, interface))
            .unwrap_or_default()
            .into_iter()
            .map(|l| view! { <p>{l}</p> })
            .collect_view();
        view! { <div class="tr-target" lang=lang>{lines}</div> }.into_any()
    });
    view! {
        <article class="tr-row" id=format!("t-{}", row.id) data-id=row.id.clone() data-status=data_status data-group=row.group.clone() tabindex="-1">
            <header class="tr-head">
                <strong id=format!("h-{}", row.id)>{t(kind(&row.path))}</strong> " " <code class="tr-id">{row.id.clone()}</code> " " {status_tags}
            </header>
            <div class="tr-pair">
                <div class="tr-source" lang=source.code() id=format!("s-{}", row.id)>
                    <p class="tr-label">{source.endonym()}</p>
                    {source_lines}
                    {was_view}
                </div>
                {form_view}
                {target_read}
            </div>
            {preview}
        </article>
    }
    .into_any()
}

/// An item's text as the assessor sees it: the label (with hint) and the
/// options, in the target locale and gender. `field` is the start of the
/// label's field ids (`f-ID`): the script shows in the label what is typed
/// for the preview's gender, else for everybody.
fn preview(
    definition: &Definition,
    path: &str,
    locale: Locale,
    gender: Gender,
    source: Locale,
    field: &str,
) -> Option<AnyView> {
    let s: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let (si, ii) = match s.as_slice() {
        ["sections", si, "items", ii, _] => (si.parse::<usize>().ok()?, ii.parse::<usize>().ok()?),
        _ => return None,
    };
    let item = definition.sections.get(si)?.items.get(ii)?;
    let interface = use_i18n().locale.get_untracked();
    let type_name = serde_json::to_value(item.item_type)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', "-")))
        .map(|t| tr(interface, &format!("editor-type-{t}")))
        .unwrap_or_default();
    let options = item
        .scale
        .as_ref()
        .and_then(|k| definition.scales.iter().find(|c| &c.key == k))
        .map(|scale| {
            scale
                .options
                .iter()
                .map(|o| view! { <li>{resolve(&o.label, locale, gender, source)}</li> })
                .collect_view()
        });
    let label = resolve(&item.label, locale, gender, source);
    let hint = item
        .hint
        .as_ref()
        .map(|h| resolve(h, locale, gender, source));
    let on_label = s.last() == Some(&"label");
    Some(view! {
        <aside class="tr-preview" lang=locale.code() aria-label=tr(interface, "translations-preview")>
            <p class="tr-label">{t("translations-preview")} " · " {type_name}</p>
            <p
                class="tr-preview-label"
                data-preview-of=on_label.then(|| field.to_owned())
                data-gender=gender.code()
            >
                {label}
            </p>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            {options.map(|o| view! { <ul class="tr-options">{o}</ul> })}
        </aside>
    }
    .into_any())
}
