//! `/instruments/:code/versions/:number/form?locale=tg&gender=female`: a
//! version as a blank paper form, in one of its languages and for one
//! gender: stamped with instrument, version and definition hash, with
//! lines for the subject's code, the assessor and the date; every section
//! and item that applies to that gender, numbered, with boxes for the
//! options and room for evidence, sources, trend and the judgements. An
//! item shown only under a condition says so (with the condition, whose
//! item keys the numbers carry). The paper is all in the chosen language;
//! the choice above it in the interface's. Plain HTML, no code sent.

use super::preview::outcome::level_name;
use super::preview::state::{offered_locales, resolve};
use crate::components::{ErrorMessage, Protected};
use crate::error::AppError;
use crate::i18n::{t, tr, use_i18n};
use crate::model::VersionView;
use domain::definition::{Definition, Item, ItemType, Judgement, Requirement, Section};
use domain::{Gender, Locale, Permission};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn BlankFormPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ViewInstruments
            children=move |_| view! { <BlankFormLoader /> }.into_any()
        />
    }
}

#[component]
fn BlankFormLoader() -> impl IntoView {
    let version = super::get_version::version_from_path();
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || {
                version
                    .get()
                    .map(|result| match result {
                        Ok(v) => match Definition::from_json(v.definition.get()) {
                            Ok(definition) => view! { <BlankForm version=v definition /> }.into_any(),
                            Err(_) => {
                                view! { <ErrorMessage error=Some(AppError::conflict("error-definition-unreadable")) /> }
                                    .into_any()
                            }
                        },
                        Err(e) => view! { <ErrorMessage error=Some(e) /> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

/// The language and gender asked for in the query, if the definition has
/// them; else the interface's language (or the source's) and the first
/// gender.
fn chosen(definition: &Definition, interface: Locale) -> (Locale, Gender) {
    let query = use_query_map();
    let query = query.read_untracked();
    let offered = offered_locales(&definition.meta);
    let locale = query
        .get("locale")
        .and_then(|l| l.parse::<Locale>().ok())
        .filter(|l| offered.contains(l))
        .unwrap_or(if offered.contains(&interface) {
            interface
        } else {
            definition.meta.source_locale
        });
    let genders = &definition.meta.genders;
    let gender = query
        .get("gender")
        .and_then(|g| g.parse::<Gender>().ok())
        .filter(|g| genders.contains(g))
        .or_else(|| genders.first().copied())
        .unwrap_or(Gender::Male);
    (locale, gender)
}

/// The texts of the paper: the definition's in the chosen language and
/// variant, and Mizon's own words in that language too.
#[derive(Clone, Copy)]
struct Paper {
    locale: Locale,
    gender: Gender,
    source: Locale,
}

impl Paper {
    fn of(&self, text: &domain::definition::Text) -> String {
        resolve(text, self.locale, self.gender, self.source)
    }

    fn say(&self, id: &str) -> String {
        tr(self.locale, id)
    }

    fn lang(&self) -> &'static str {
        self.locale.code()
    }
}

#[component]
fn BlankForm(version: VersionView, definition: Definition) -> impl IntoView {
    let interface = use_i18n().locale.get_untracked();
    let (locale, gender) = chosen(&definition, interface);
    let paper = Paper {
        locale,
        gender,
        source: definition.meta.source_locale,
    };
    let code = version.code.to_string();
    vec![
        view! {
            <p class="screen-only">
                <a href=format!("/instruments/{code}")>{t("instruments-back")}</a>
            </p>
        }
        .into_any(),
        view! { <FormChoice definition=definition.clone() locale gender /> }.into_any(),
        view! { <PaperStamp version definition=definition.clone() paper /> }.into_any(),
        view! { <PaperSections definition paper /> }.into_any(),
    ]
}

/// Which language and gender the paper is in (a plain GET form).
#[component]
fn FormChoice(definition: Definition, locale: Locale, gender: Gender) -> impl IntoView {
    let locales = offered_locales(&definition.meta);
    let genders = definition.meta.genders.clone();
    view! {
        <form method="get" class="card screen-only" id="blank-form-choice">
            <h1>{t("blank-form-title")}</h1>
            <div class="field">
                <label for="blank-locale">{t("blank-form-locale")}</label>
                <select id="blank-locale" name="locale">
                    {locales
                        .into_iter()
                        .map(|l| {
                            view! {
                                <option value=l.code() selected=l == locale lang=l.code()>
                                    {l.endonym()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="blank-gender">{t("blank-form-gender")}</label>
                <select id="blank-gender" name="gender">
                    {genders
                        .into_iter()
                        .map(|g| {
                            let label = match g {
                                Gender::Male => "preview-gender-male",
                                Gender::Female => "preview-gender-female",
                            };
                            view! {
                                <option value=g.code() selected=g == gender>
                                    {t(label)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <div class="actions">
                <button type="submit">{t("blank-form-show")}</button>
            </div>
            <p class="hint">{t("blank-form-print-hint")}</p>
        </form>
    }
}

#[component]
fn PaperStamp(version: VersionView, definition: Definition, paper: Paper) -> impl IntoView {
    let hash: String = version.definition_hash.chars().take(16).collect();
    let gender = match paper.gender {
        Gender::Male => "preview-gender-male",
        Gender::Female => "preview-gender-female",
    };
    view! {
        <section class="card assessment-stamp blank-stamp" id="blank-form-stamp" lang=paper.lang()>
            <h2>{paper.of(&definition.meta.title)}</h2>
            <dl class="facts">
                <dt>{paper.say("field-instrument")}</dt>
                <dd>{format!("{} v{}", version.code, version.version)}</dd>
                <dt>{paper.say("assessment-definition-hash")}</dt>
                <dd><code title=version.definition_hash.clone()>{hash}</code></dd>
                <dt>{paper.say("assessment-items-language")}</dt>
                <dd>{paper.locale.endonym()}</dd>
                <dt>{paper.say("blank-form-gender")}</dt>
                <dd>{paper.say(gender)}</dd>
                <dt>{paper.say("field-subject-code")}</dt>
                <dd class="blank-line"></dd>
                <dt>{paper.say("field-assessor")}</dt>
                <dd class="blank-line"></dd>
                <dt>{paper.say("blank-form-date")}</dt>
                <dd class="blank-line"></dd>
            </dl>
        </section>
    }
}

fn applies(to: Option<Gender>, gender: Gender) -> bool {
    to.is_none_or(|g| g == gender)
}

#[component]
fn PaperSections(definition: Definition, paper: Paper) -> impl IntoView {
    let sections = definition
        .sections
        .iter()
        .filter(|s| applies(s.applies_to, paper.gender))
        .enumerate()
        .map(|(n, section)| {
            view! { <PaperSection definition=definition.clone() section=section.clone() number=n + 1 paper /> }
        })
        .collect_view();
    let judgements = definition
        .judgements
        .iter()
        .map(|j| view! { <PaperJudgement judgement=j.clone() paper /> })
        .collect_view();
    view! {
        <div id="blank-form" lang=paper.lang()>
            {sections}
            {(!definition.judgements.is_empty())
                .then(|| {
                    view! {
                        <section class="card blank-section">
                            <h2>{paper.say("preview-judgements")}</h2>
                            {judgements}
                        </section>
                    }
                })}
        </div>
    }
}

#[component]
fn PaperSection(
    definition: Definition,
    section: Section,
    number: usize,
    paper: Paper,
) -> impl IntoView {
    let only_if = section.show_if.as_ref().map(|c| c.source().to_owned());
    let items = section
        .items
        .iter()
        .filter(|i| applies(i.applies_to, paper.gender))
        .enumerate()
        .map(|(n, item)| {
            view! {
                <PaperItem
                    definition=definition.clone()
                    item=item.clone()
                    number=format!("{number}.{}", n + 1)
                    paper
                />
            }
        })
        .collect_view();
    view! {
        <section class="card blank-section" data-section=section.key.to_string()>
            <h2>{format!("{number}. {}", paper.of(&section.title))}</h2>
            {section.intro.as_ref().map(|i| view! { <p>{paper.of(i)}</p> })}
            {only_if.map(|c| view! { <OnlyIf condition=c paper /> })}
            {items}
        </section>
    }
}

#[component]
fn OnlyIf(condition: String, paper: Paper) -> impl IntoView {
    view! {
        <p class="blank-only-if">{paper.say("blank-form-only-if")} " " <code>{condition}</code></p>
    }
}

/// Boxes to tick, one per choice.
fn boxes(labels: Vec<String>) -> impl IntoView {
    view! {
        <ul class="blank-options">
            {labels.into_iter().map(|l| view! { <li>"☐ " {l}</li> }).collect_view()}
        </ul>
    }
}

#[component]
fn PaperItem(definition: Definition, item: Item, number: String, paper: Paper) -> impl IntoView {
    let scale = item
        .scale
        .as_ref()
        .and_then(|s| definition.scale(s.as_str()));
    let options: Vec<String> = scale
        .map(|s| s.options.iter().map(|o| paper.of(&o.label)).collect())
        .unwrap_or_default();
    let response = match item.item_type {
        ItemType::Rating | ItemType::SingleChoice | ItemType::MultipleChoice => {
            boxes(options).into_any()
        }
        ItemType::YesNoUnknown => boxes(vec![
            paper.say("preview-answer-yes"),
            paper.say("preview-answer-no"),
            paper.say("preview-answer-unknown"),
        ])
        .into_any(),
        ItemType::LongText => view! { <div class="blank-box tall"></div> }.into_any(),
        ItemType::Number | ItemType::Date | ItemType::ShortText => {
            view! { <div class="blank-box"></div> }.into_any()
        }
    };
    let omit = scale.and_then(|s| s.omit.as_ref()).map(|o| {
        view! {
            <p class="blank-extra">
                "☐ " {paper.of(&o.label)} " — " {paper.say("preview-omit-reason")} ": "
                <span class="blank-line inline"></span>
            </p>
        }
    });
    let extra = |requirement: Requirement, id: &'static str| {
        (!requirement.is_none()).then(|| {
            view! {
                <p class="blank-extra">
                    {paper.say(id)} ": " <span class="blank-line inline"></span>
                </p>
            }
        })
    };
    let trend = (!item.trend.is_none()).then(|| {
        view! {
            <p class="blank-extra">
                {paper.say("preview-trend")} ": "
                {["preview-trend-improved", "preview-trend-unchanged", "preview-trend-worsened"]
                    .map(|id| format!("☐ {}  ", paper.say(id)))
                    .concat()}
            </p>
        }
    });
    let only_if = item.show_if.as_ref().map(|c| c.source().to_owned());
    view! {
        <div class="blank-item" data-item=item.key.to_string()>
            <p class="blank-label">
                <strong>{number}</strong> " " {paper.of(&item.label)} " "
                <span class="blank-key">"[" {item.key.to_string()} "]"</span>
                {item.required.then_some(" *")}
            </p>
            {item.hint.as_ref().map(|h| view! { <p class="hint">{paper.of(h)}</p> })}
            {only_if.map(|c| view! { <OnlyIf condition=c paper /> })}
            {response}
            {omit}
            {extra(item.evidence, "preview-evidence")}
            {extra(item.sources, "preview-sources")}
            {trend}
        </div>
    }
}

#[component]
fn PaperJudgement(judgement: Judgement, paper: Paper) -> impl IntoView {
    let levels = judgement
        .levels
        .iter()
        .map(|l| {
            let label = paper.of(&l.label);
            if label.is_empty() {
                level_name(paper.locale, l.level)
            } else {
                label
            }
        })
        .collect();
    view! {
        <div class="blank-item" data-judgement=judgement.key.to_string()>
            <p class="blank-label"><strong>{paper.of(&judgement.label)}</strong></p>
            {judgement.guidance.as_ref().map(|g| view! { <p class="hint">{paper.of(g)}</p> })}
            {boxes(levels)}
            <p class="blank-extra">{paper.say("preview-rationale")} ":"</p>
            <div class="blank-box tall"></div>
            <p class="blank-extra">
                {paper.say("preview-override-reason")} ": " <span class="blank-line inline"></span>
            </p>
        </div>
    }
}
