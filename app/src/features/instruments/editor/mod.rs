//! The draft editor: an island beside the live preview.
//!
//! Why it exists: methodologists build and change instruments without
//! touching JSON. The whole definition is one signal; every button and
//! field is one change to it ([`ops`]), saved automatically a moment after
//! the last change ([`save`]) with the revision it started from, so two
//! people editing one draft never overwrite each other silently. The
//! problems panel lists what the server's `check()` found at the last
//! save, in the interface language, each a link to its field.
//!
//! Layout of the module: [`ops`] the pure changes; [`save`] autosave and
//! conflicts; [`outline`] sections and items (add, duplicate, delete with
//! undo, reorder by keyboard and drag); [`fields`] the form of what is
//! selected.

mod builder;
mod fields;
pub mod ops;
mod outline;
mod save;
mod scoring;
mod widgets;

use crate::i18n::{Catalog, start_island, t};
use crate::model::Problem;
use domain::definition::Definition;
use domain::{InstrumentCode, Locale};
use leptos::prelude::*;
use ops::Selected;
use save::SaveState;

/// Every reactive value of the editor; `Copy`, passed to each part.
#[derive(Clone, Copy)]
pub struct Editor {
    pub draft: RwSignal<Definition>,
    pub selected: RwSignal<Selected>,
    /// Snapshots before each structural change, newest last (undo).
    pub undo: RwSignal<Vec<(Definition, Selected)>>,
    pub save: SaveState,
    /// Every problem of the draft at the last save (server `check()`).
    pub problems: RwSignal<Vec<Problem>>,
    /// Open review comments on items, shown on the item's form: each a
    /// "problem" whose path is the item's key and whose message is the
    /// note (the problems' own type and code: a smaller bundle).
    pub comments: RwSignal<Vec<Problem>>,
}

impl Editor {
    /// The draft's source language: the one texts are written in here.
    pub fn source(self) -> Locale {
        self.draft.with_untracked(|d| d.meta.source_locale)
    }

    /// A change to a field: applied, then saved after a pause.
    pub fn edit(self, change: impl FnOnce(&mut Definition)) {
        self.draft.update(change);
        self.save.changed();
    }

    /// A structural change (add, delete, move): can be undone.
    pub fn restructure(self, change: impl FnOnce(&mut Definition) -> Option<Selected>) {
        let before = (self.draft.get_untracked(), self.selected.get_untracked());
        let mut next = None;
        self.draft.update(|d| next = change(d));
        if let Some(selected) = next {
            self.undo.update(|u| {
                u.push(before);
                if u.len() > 50 {
                    u.remove(0);
                }
            });
            self.selected.set(selected);
            self.save.generation.update(|g| *g += 1);
            self.save.changed();
        }
    }

    pub fn undo_last(self) {
        if let Some((definition, selected)) = self.undo.try_update(|u| u.pop()).flatten() {
            self.draft.set(definition);
            self.selected.set(selected);
            self.save.generation.update(|g| *g += 1);
            self.save.changed();
        }
    }

    /// The problems whose path is `path` or inside it.
    pub fn problems_at(self, path: String) -> Signal<Vec<String>> {
        messages_at(self.problems, path)
    }
}

/// The messages of `list` whose path is `path` or inside it.
pub fn messages_at(list: RwSignal<Vec<Problem>>, path: String) -> Signal<Vec<String>> {
    Signal::derive(move || {
        list.with(|all| {
            all.iter()
                .filter(|p| {
                    p.path == path
                        || p.path
                            .strip_prefix(path.as_str())
                            .is_some_and(|rest| rest.starts_with('/'))
                })
                .map(|p| p.message.clone())
                .collect()
        })
    })
}

/// The element id of the field a JSON pointer names (problems link there).
pub fn field_id(path: &str) -> String {
    format!("f{}", path.replace('/', "-"))
}

/// Where a problem's link goes: its field; for a text's wording
/// (`…/label/ru/female`), the text's field group (one field per text).
fn problem_target(path: &str) -> String {
    let mut text = path;
    while let Some((rest, last)) = text.rsplit_once('/') {
        let is_variant = domain::Gender::ALL.iter().any(|g| g.code() == last)
            || Locale::ALL.iter().any(|l| l.code() == last);
        if !is_variant {
            break;
        }
        text = rest;
    }
    if text.len() < path.len() {
        format!("{}-text", field_id(text))
    } else {
        field_id(path)
    }
}

/// Shows a field once its form is there: scrolled to and focused.
#[cfg(not(feature = "ssr"))]
fn reveal(target: String) {
    use wasm_bindgen::JsCast;
    set_timeout(
        move || {
            let Some(element) = document().get_element_by_id(&target) else {
                return;
            };
            element.scroll_into_view();
            let field = if element.matches("input, select, textarea").unwrap_or(false) {
                Some(element)
            } else {
                element
                    .query_selector("input, select, textarea")
                    .ok()
                    .flatten()
            };
            if let Some(field) = field.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = field.focus();
            }
        },
        std::time::Duration::from_millis(50),
    );
}

#[cfg(feature = "ssr")]
fn reveal(_: String) {}

/// The editor as an island. It gets the draft, its revision and the
/// messages it shows (already translated) from the server-rendered page.
/// Only the editor's bundle (feature `editor`) carries it as an island:
/// the preview's bundle stays as light as the preview.
#[cfg_attr(any(feature = "ssr", feature = "editor"), island)]
#[cfg_attr(not(any(feature = "ssr", feature = "editor")), component)]
pub fn EditorIsland(
    code: InstrumentCode,
    number: i64,
    revision: i64,
    definition: Definition,
    problems: Vec<Problem>,
    interface: Locale,
    messages: Catalog,
    /// Open review comments on items: path = the item's key, message =
    /// "who: what".
    comments: Vec<Problem>,
) -> impl IntoView {
    start_island(messages, interface);
    let draft = RwSignal::new(definition.clone());
    let problems = RwSignal::new(problems);
    let save = SaveState::new(code, number, revision, definition, draft, problems);
    let editor = Editor {
        draft,
        selected: RwSignal::new(Selected::Meta),
        undo: RwSignal::new(vec![]),
        save,
        problems,
        comments: RwSignal::new(comments),
    };
    save::warn_before_leaving(save);
    // The editor is built in the browser, not hydrated: the server sends
    // an empty place for it (the editor does nothing without its code),
    // and the bundle carries no hydration code for its many forms.
    let place = NodeRef::<leptos::html::Div>::new();
    // On the server the layout is named, never rendered.
    #[cfg(feature = "ssr")]
    let _ = move || view! { <EditorLayout editor /> };
    #[cfg(not(feature = "ssr"))]
    Effect::new(move |_| {
        use leptos::tachys::view::{Mountable, Render};
        if let Some(element) = place.get() {
            let mut built = view! { <EditorLayout editor /> }.build();
            built.mount(&element, None);
            // Lives as long as the page.
            std::mem::forget(built);
        }
    });
    view! {
        <div class="editor-root" node_ref=place>
            <noscript>
                <p class="message error">{t("editor-needs-script")}</p>
            </noscript>
        </div>
    }
}

#[component]
fn EditorLayout(editor: Editor) -> impl IntoView {
    // The preview follows the draft a moment after typing stops.
    let shown = RwSignal::new(editor.draft.get_untracked());
    let pending = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    Effect::new(move |first: Option<()>| {
        let next = editor.draft.get();
        if first.is_none() {
            return;
        }
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || shown.set(next),
            std::time::Duration::from_millis(400),
        )
        .ok();
        pending.set_value(handle);
    });
    view! {
        <div class="editor" data-editor="">
            <save::SaveBar save=editor.save />
            <div class="editor-layout">
                <nav class="editor-outline" aria-label=t("editor-outline")>
                    <outline::Outline editor />
                </nav>
                <div class="editor-form">
                    <fields::SelectedForm editor />
                </div>
                <aside class="editor-side">
                    <ProblemsPanel editor />
                    <section class="editor-preview" aria-label=t("editor-preview")>
                        <h2>{t("editor-preview")}</h2>
                        {move || {
                            let definition = shown.get();
                            view! { <super::preview::InstrumentPreview definition /> }
                        }}
                    </section>
                </aside>
            </div>
        </div>
    }
}

/// Which part of the draft a problem's path points into.
fn selection_of(path: &str) -> Selected {
    let parts: Vec<&str> = path.split('/').skip(1).collect();
    let n = |i: usize| parts.get(i).and_then(|p| p.parse::<usize>().ok());
    match (parts.first().copied(), n(1), parts.get(2).copied(), n(3)) {
        (Some("sections"), Some(s), Some("items"), Some(i)) => Selected::Item(s, i),
        (Some("sections"), Some(s), _, _) => Selected::Section(s),
        (Some("scales"), Some(k), _, _) => Selected::Scale(k),
        (Some("scores"), Some(n), _, _) => Selected::Score(n),
        (Some("flags"), Some(n), _, _) => Selected::Flag(n),
        (Some("judgements"), Some(n), _, _) => Selected::Judgement(n),
        _ => Selected::Meta,
    }
}

#[component]
fn ProblemsPanel(editor: Editor) -> impl IntoView {
    let count = move || editor.problems.with(Vec::len);
    view! {
        <section class="editor-problems" aria-live="polite">
            <h2>
                {t("editor-problems")} " " <span class="tag" data-problems=move || count().to_string()>{count}</span>
            </h2>
            <Show when=move || count() == 0>
                <p class="hint">{t("editor-no-problems")}</p>
            </Show>
            <ul class="problems">
                <For
                    each=move || editor.problems.get()
                    key=|p| (p.path.clone(), p.message.clone())
                    let(problem)
                >
                    {
                        let path = problem.path.clone();
                        let target = problem_target(&path);
                        let href = format!("#{target}");
                        view! {
                            <li>
                                <a
                                    href=href
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        editor.selected.set(selection_of(&path));
                                        reveal(target.clone());
                                    }
                                >
                                    <code class="diff-path">{problem.path.clone()}</code>
                                </a>
                                " "
                                {problem.message.clone()}
                            </li>
                        }
                    }
                </For>
            </ul>
        </section>
    }
}

/// The messages the editor (and the preview inside it) shows, in `locale`.
#[cfg(feature = "ssr")]
pub fn editor_messages(locale: Locale, items: usize) -> Catalog {
    let mut catalog = super::preview::preview_messages(locale, items);
    let own = crate::i18n::catalog(
        locale,
        include_str!("../../../../../locales/en/editor.ftl"),
        0,
    );
    catalog.0.extend(own.0);
    catalog
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_problem_selects_the_part_it_is_in() {
        assert_eq!(
            selection_of("/sections/2/items/0/label/ru"),
            Selected::Item(2, 0)
        );
        assert_eq!(selection_of("/sections/1/show_if"), Selected::Section(1));
        assert_eq!(selection_of("/scales/0/options/1"), Selected::Scale(0));
        assert_eq!(selection_of("/meta/title"), Selected::Meta);
        assert_eq!(selection_of("/scores/1/bands/0/min"), Selected::Score(1));
        assert_eq!(selection_of("/flags/0/when"), Selected::Flag(0));
        assert_eq!(selection_of("/judgements/2"), Selected::Judgement(2));
        assert_eq!(selection_of(""), Selected::Meta);
        assert_eq!(
            field_id("/sections/0/items/1/label"),
            "f-sections-0-items-1-label"
        );
        assert_eq!(problem_target("/meta/purpose/ru"), "f-meta-purpose-text");
        assert_eq!(
            problem_target("/sections/0/items/1/label/ru/female"),
            "f-sections-0-items-1-label-text"
        );
        assert_eq!(problem_target("/flags/0/when"), "f-flags-0-when");
    }
}
