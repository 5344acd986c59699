//! `/instruments/:code/versions/:number/translations?locale=ru`: every text
//! of a version with its source wording on the left and the target
//! locale's on the right, grouped as the form is (the instrument, the
//! scales, each section, the scoring), filtered by status and section; the
//! progress of each locale, its sign-off, and the files for external
//! translators. Plain HTML and plain forms (see the module doc).

use super::text_row::{Row, TextRow};
use super::{
    SignOffLocale, UPLOAD_PATH, get_translation_workspace, script_path, style_path,
    translations_path,
};
use crate::components::{ErrorMessage, FormState, PercentMeter, Protected};
use crate::error::AppError;
use crate::i18n::{arg, t, tr, tr_args, use_i18n};
use crate::model::{LocaleProgress, TextStatus, TranslationWorkspace, UploadReport};
use domain::definition::Definition;
use domain::definition::translation::Variant;
use domain::{Gender, InstrumentCode, Locale, Permission};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn TranslationsPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ViewInstruments
            children=move |_| view! { <Loader /> }.into_any()
        />
    }
    .into_any()
}

#[component]
fn Loader() -> impl IntoView {
    let params = use_params_map();
    let key = move || {
        let p = params.read();
        (
            p.get("code").and_then(|c| c.parse::<InstrumentCode>().ok()),
            p.get("number").and_then(|n| n.parse::<i64>().ok()),
        )
    };
    let data = Resource::new(key, |(code, number)| async move {
        match (code, number) {
            (Some(code), Some(number)) => get_translation_workspace(code, number).await,
            _ => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || {
                data.get()
                    .map(|result| match result {
                        Ok(w) => match Definition::from_json(w.version.definition.get()) {
                            Ok(definition) => view! { <Workspace w definition /> }.into_any(),
                            Err(_) => {
                                view! {
                                    <ErrorMessage error=Some(AppError::conflict("error-definition-unreadable")) />
                                }
                                    .into_any()
                            }
                        },
                        Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                    })
            }}
        </Suspense>
    }
    .into_any()
}

/// What the query string asks for, each checked against the version.
#[derive(Clone)]
struct Filters {
    locale: Locale,
    gender: Gender,
    status: Option<TextStatus>,
    /// A section key, `general` (instrument and scales) or `scoring`.
    group: Option<String>,
    focus: Option<String>,
}

fn filters(definition: &Definition, targets: &[Locale], interface: Locale) -> Filters {
    let query = use_query_map();
    let q = query.read_untracked();
    let locale = q
        .get("locale")
        .and_then(|l| l.parse::<Locale>().ok())
        .filter(|l| targets.contains(l))
        .or_else(|| targets.contains(&interface).then_some(interface))
        .or_else(|| targets.first().copied())
        .unwrap_or(interface);
    let gender = q
        .get("gender")
        .and_then(|g| g.parse::<Gender>().ok())
        .filter(|g| definition.meta.genders.contains(g))
        .or_else(|| definition.meta.genders.first().copied())
        .unwrap_or(Gender::Male);
    Filters {
        locale,
        gender,
        status: q.get("status").and_then(|s| TextStatus::parse(&s)),
        group: q.get("section").filter(|s| !s.is_empty()),
        focus: q.get("focus"),
    }
}

/// Which group a text belongs to, from its path.
fn group_of(definition: &Definition, path: &str) -> String {
    let mut s = path.trim_start_matches('/').split('/');
    match s.next() {
        Some("meta") | Some("scales") => "general".to_owned(),
        Some("sections") => s
            .next()
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| definition.sections.get(i))
            .map(|sec| sec.key.as_str().to_owned())
            .unwrap_or_default(),
        _ => "scoring".to_owned(),
    }
}

#[component]
fn Workspace(w: TranslationWorkspace, definition: Definition) -> impl IntoView {
    let interface = use_i18n().locale.get_untracked();
    let targets: Vec<Locale> = w.translations.locales.keys().copied().collect();
    let f = filters(&definition, &targets, interface);
    let code = w.version.code.clone();
    let number = w.version.version;
    let page = translations_path(&code, number);
    let source = definition.meta.source_locale;
    let status_name = tr(
        interface,
        &format!("version-status-{}", w.version.status.code()),
    );

    // The query string of this view, for the forms to come back to.
    let mut query = vec![format!("locale={}", f.locale.code())];
    if let Some(s) = f.status {
        query.push(format!("status={}", s.code()));
    }
    if let Some(g) = &f.group {
        query.push(format!("section={g}"));
    }
    query.push(format!("gender={}", f.gender.code()));
    let back = format!("{page}?{}", query.join("&"));

    // The rows shown: this locale's, through the filters, in order.
    let texts = definition.translatable_texts();
    let mut rows: Vec<Row> = Vec::new();
    for text in &texts {
        let group = group_of(&definition, &text.path);
        if f.group.as_ref().is_some_and(|g| *g != group) {
            continue;
        }
        let statuses: Vec<(Variant, TextStatus, Option<serde_json::Value>)> = w
            .translations
            .texts
            .iter()
            .filter(|s| s.id == text.id && s.locale == f.locale)
            .map(|s| (s.variant, s.status, s.made_from.clone()))
            .collect();
        if f.status
            .is_some_and(|want| !statuses.iter().any(|(_, s, _)| *s == want))
        {
            continue;
        }
        rows.push(Row {
            id: text.id.clone(),
            path: text.path.clone(),
            group,
            source: text.text.get(source).cloned(),
            target: text.text.get(f.locale).cloned(),
            genders: text.genders.clone(),
            statuses,
            source_hash: w.source_hashes.get(&text.id).cloned().unwrap_or_default(),
            was: w
                .wording_hashes
                .get(&format!("{}/{}", f.locale.code(), text.id))
                .cloned()
                .unwrap_or_default(),
        });
    }
    let needs_work = |r: &Row| {
        r.statuses
            .iter()
            .any(|(_, s, _)| matches!(s, TextStatus::Missing | TextStatus::Stale))
    };
    // Each row's "next": the next row that needs work, else the next row.
    let nexts: Vec<Option<String>> = (0..rows.len())
        .map(|i| {
            rows[i + 1..]
                .iter()
                .find(|r| needs_work(r))
                .or_else(|| rows.get(i + 1))
                .map(|r| r.id.clone())
        })
        .collect();
    let first_missing = rows.iter().find(|r| needs_work(r)).map(|r| r.id.clone());
    let focus = f.focus.clone();
    let row_views = rows
        .into_iter()
        .zip(nexts)
        .map(|(row, next)| {
            let autofocus = focus.as_deref() == Some(row.id.as_str());
            view! {
                <TextRow
                    row
                    next
                    autofocus
                    definition=definition.clone()
                    code=code.clone()
                    number
                    locale=f.locale
                    gender=f.gender
                    back=back.clone()
                    may_translate=w.may_translate
                />
            }
            .into_any()
        })
        .collect_view();
    let shown_none = first_missing.is_none();

    view! {
        <leptos_meta::Stylesheet href=style_path() />
        <p><a href=format!("/instruments/{code}")>{t("instruments-back")}</a></p>
        <section class="card">
            <div class="card-head">
                <h1>
                    {t("translations-title")} " " <code>{code.to_string()}</code> " "
                    {tr_args(interface, "translations-version", &[("number", arg(number))])}
                </h1>
                <span class="tag">{status_name}</span>
            </div>
            <Progress
                progress=w.translations.progress.clone()
                counts=w.translations.locales.clone()
                sign_offs=w.translations.sign_offs.clone()
            />
            <SignOffForms code=code.clone() number may=w.may_sign_off.clone() />
        </section>
        <Files
            code=code.clone()
            number
            targets=targets.clone()
            source
            current=f.locale
            may_translate=w.may_translate
        />
        <section class="card" id="translation-texts" aria-labelledby="texts-title">
            <h2 id="texts-title">
                {tr_args(
                    interface,
                    "translations-texts",
                    &[("language", arg(f.locale.endonym()))],
                )}
            </h2>
            <FilterForm definition=definition.clone() targets f=f.clone() />
            <p class="tr-next">
                {first_missing
                    .map(|id| {
                        view! {
                            <a id="next-missing" href=format!("#t-{id}") accesskey="n">
                                {t("translations-next-missing")}
                            </a>
                            " "
                            <span class="hint">{t("translations-keys-hint")}</span>
                        }
                    })}
                {shown_none.then(|| view! { <span class="hint">{t("translations-nothing-missing")}</span> })}
            </p>
            <div class="tr-rows">{row_views}</div>
        </section>
        <script src=script_path() defer></script>
    }
    .into_any()
}

/// Per locale: a bar of what is translated (draft or approved) and what is
/// approved, the counts per variant, and the sign-off.
#[component]
fn Progress(
    progress: Vec<LocaleProgress>,
    counts: std::collections::BTreeMap<
        Locale,
        std::collections::BTreeMap<Variant, crate::model::StatusCounts>,
    >,
    sign_offs: Vec<crate::model::SignOffView>,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let rows = progress
        .into_iter()
        .map(|p| {
            let percent = p.percent();
            let approved = match p.total {
                0 => 100,
                total => (u64::from(p.approved) * 100 / u64::from(total)) as u32,
            };
            let words = tr_args(
                locale,
                "translations-progress",
                &[
                    ("language", arg(p.locale.endonym())),
                    ("percent", arg(percent)),
                    ("approved", arg(approved)),
                ],
            );
            // Per variant: its own bar (wordings made from the current
            // source, of those needed) and its counts in words.
            let variants = counts
                .get(&p.locale)
                .map(|by_variant| {
                    by_variant
                        .iter()
                        .filter(|(_, c)| c.total() > 0)
                        .map(|(v, c)| {
                            let done = c.draft + c.approved;
                            let percent = done * 100 / c.total();
                            let words = tr_args(
                                locale,
                                "translations-variant-counts",
                                &[
                                    (
                                        "variant",
                                        arg(tr(
                                            locale,
                                            &format!("translations-variant-{}", v.code()),
                                        )),
                                    ),
                                    ("missing", arg(c.missing)),
                                    ("stale", arg(c.stale)),
                                    ("draft", arg(c.draft)),
                                    ("approved", arg(c.approved)),
                                ],
                            );
                            view! {
                                <span class="tr-variant" data-variant=v.code() data-percent=percent.to_string()>
                                    <PercentMeter percent />
                                    " "
                                    {words}
                                </span>
                            }
                        })
                        .collect_view()
                });
            let sign_off = sign_offs.iter().find(|s| s.locale == p.locale).map(|s| {
                let id = if s.current {
                    "translations-signed-off"
                } else {
                    "translations-reopened"
                };
                tr_args(
                    locale,
                    id,
                    &[
                        ("who", arg(s.signed_by.clone())),
                        ("when", arg(locale.format_timestamp(&s.signed_at))),
                    ],
                )
            });
            view! {
                <li
                    data-locale=p.locale.code()
                    data-percent=percent.to_string()
                    data-approved=approved.to_string()
                    data-signed-off=p.signed_off.to_string()
                >
                    <span>{words}</span>
                    <PercentMeter percent />
                    <span class="hint tr-variants">{variants}</span>
                    {sign_off.map(|s| view! { <span class="hint">{s}</span> })}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="completeness tr-progress">{rows}</ul> }
}

/// A reviewer's sign-off of each locale they may sign off.
#[component]
fn SignOffForms(code: InstrumentCode, number: i64, may: Vec<Locale>) -> impl IntoView {
    let form = FormState::of(SignOffLocale::PATH);
    let locale = use_i18n().locale.get_untracked();
    let forms = may
        .into_iter()
        .map(|l| {
            let field = format!("sign-off-password-{}", l.code());
            let error = form
                .sent("locale", l.code())
                .unwrap_or(false)
                .then(|| form.error())
                .flatten();
            view! {
                <form class="form inline-fields" method="post" action=SignOffLocale::PATH>
                    <input type="hidden" name="code" value=code.to_string() />
                    <input type="hidden" name="number" value=number.to_string() />
                    <input type="hidden" name="locale" value=l.code() />
                    <ErrorMessage error />
                    <div class="field">
                        <label for=field.clone()>
                            {tr_args(locale, "translations-sign-off-label", &[("language", arg(l.endonym()))])}
                        </label>
                        <input id=field name="password" type="password" autocomplete="current-password" required />
                    </div>
                    <button type="submit">
                        {tr_args(locale, "translations-sign-off", &[("language", arg(l.endonym()))])}
                    </button>
                </form>
            }
        })
        .collect_view();
    view! {
        <div class="tr-sign-off">
            <p class="hint">{t("translations-sign-off-hint")}</p>
            {forms}
        </div>
    }
    .into_any()
}

/// Files for external translators: each locale down as Fluent or XLSX,
/// and up again into this draft.
#[component]
fn Files(
    code: InstrumentCode,
    number: i64,
    targets: Vec<Locale>,
    source: Locale,
    /// The language the page shows, which the upload form proposes.
    current: Locale,
    may_translate: bool,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let form = FormState::of(UPLOAD_PATH);
    let report = form.result::<UploadReport>();
    let base = format!("/instruments/{code}/versions/{number}/translations");
    let links = std::iter::once(source)
        .chain(targets.iter().copied())
        .map(|l| {
            let label = if l == source {
                tr_args(locale, "translations-file-source", &[("language", arg(l.endonym()))])
            } else {
                l.endonym().to_owned()
            };
            view! {
                <li>
                    <span>{label}</span> " "
                    <a href=format!("{base}/{}.ftl", l.code()) download>{t("translations-download-ftl")}</a>
                    " · "
                    <a href=format!("{base}/{}.xlsx", l.code()) download>{t("translations-download-xlsx")}</a>
                </li>
            }
        })
        .collect_view();
    let upload = may_translate.then(|| {
        let options = targets
            .iter()
            .map(|l| view! { <option value=l.code() selected=*l == current>{l.endonym()}</option> })
            .collect_view();
        let problems = form.error().map(|e| e.file_problems()).unwrap_or_default();
        view! {
            <form class="form" method="post" action=UPLOAD_PATH enctype="multipart/form-data">
                <input type="hidden" name="code" value=code.to_string() />
                <input type="hidden" name="number" value=number.to_string() />
                <ErrorMessage error=form.error() />
                {(!problems.is_empty())
                    .then(|| {
                        view! {
                            <ul class="problems">
                                {problems
                                    .into_iter()
                                    .map(|p| {
                                        let message = crate::i18n::tr_problem(locale, &p);
                                        view! { <li>{message}</li> }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })}
                <div class="inline-fields">
                    <div class="field">
                        <label for="upload-locale">{t("translations-upload-language")}</label>
                        <select id="upload-locale" name="locale">{options}</select>
                    </div>
                    <div class="field">
                        <label for="upload-file">{t("translations-upload-file")}</label>
                        <input id="upload-file" name="file" type="file" accept=".ftl,.xlsx" required />
                    </div>
                    <button type="submit">{t("translations-upload")}</button>
                </div>
                <p class="hint">{t("translations-upload-hint")}</p>
            </form>
        }
    });
    let report = report.map(|r| {
        let refused = r
            .refused
            .iter()
            .map(|x| {
                view! {
                    <li>
                        <code>{x.id.clone()}</code> " "
                        {tr(locale, &format!("translations-refused-{}", serde_json::to_value(x.reason).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default().replace('_', "-")))}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="message success" role="status" id="upload-report">
                <p>
                    {tr_args(
                        locale,
                        "translations-upload-report",
                        &[("applied", arg(r.applied)), ("refused", arg(r.refused.len()))],
                    )}
                </p>
                <ul>{refused}</ul>
            </div>
        }
    });
    view! {
        <section class="card" id="translation-files">
            <h2>{t("translations-files")}</h2>
            {report}
            <ul class="tr-files">{links}</ul>
            {upload}
        </section>
    }
    .into_any()
}

/// Which locale, status, part and preview gender to show: a GET form.
#[component]
fn FilterForm(definition: Definition, targets: Vec<Locale>, f: Filters) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let source = definition.meta.source_locale;
    let locales = targets
        .iter()
        .map(|l| view! { <option value=l.code() selected=*l == f.locale>{l.endonym()}</option> })
        .collect_view();
    let statuses = std::iter::once(None)
        .chain(TextStatus::ALL.into_iter().map(Some))
        .map(|s| {
            let (value, label) = match s {
                None => (String::new(), tr(locale, "translations-status-all")),
                Some(s) => (
                    s.code().to_owned(),
                    tr(locale, &format!("translations-status-{}", s.code())),
                ),
            };
            view! { <option value=value selected=s == f.status>{label}</option> }
        })
        .collect_view();
    let mut groups: Vec<(String, String)> = vec![
        (String::new(), tr(locale, "translations-section-all")),
        ("general".into(), tr(locale, "translations-section-general")),
    ];
    for s in &definition.sections {
        groups.push((
            s.key.as_str().to_owned(),
            crate::features::instruments::preview::state::resolve(
                &s.title,
                locale,
                Gender::Male,
                source,
            ),
        ));
    }
    groups.push(("scoring".into(), tr(locale, "translations-section-scoring")));
    let chosen = f.group.clone().unwrap_or_default();
    let groups = groups
        .into_iter()
        .map(|(value, label)| {
            let selected = value == chosen;
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    let genders = definition
        .meta
        .genders
        .iter()
        .map(|g| {
            view! {
                <option value=g.code() selected=*g == f.gender>
                    {tr(locale, &format!("preview-gender-{}", g.code()))}
                </option>
            }
        })
        .collect_view();
    view! {
        <form class="form inline-fields tr-filters" method="get">
            <div class="field">
                <label for="filter-locale">{t("translations-filter-language")}</label>
                <select id="filter-locale" name="locale">{locales}</select>
            </div>
            <div class="field">
                <label for="filter-status">{t("translations-filter-status")}</label>
                <select id="filter-status" name="status">{statuses}</select>
            </div>
            <div class="field">
                <label for="filter-section">{t("translations-filter-section")}</label>
                <select id="filter-section" name="section">{groups}</select>
            </div>
            <div class="field">
                <label for="filter-gender">{t("translations-filter-gender")}</label>
                <select id="filter-gender" name="gender">{genders}</select>
            </div>
            <button type="submit">{t("translations-filter-show")}</button>
        </form>
    }
    .into_any()
}
