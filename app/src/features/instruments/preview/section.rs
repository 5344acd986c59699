//! Sections and items in document order, each in the DOM only while it is
//! shown to this subject with these answers (gender, `show_if`).
//!
//! Why a memo per section and per item: the visibility of the whole form is
//! recomputed on every answer, but a section or item is re-created only
//! when *its own* visibility flips — so the input being used keeps its
//! focus and a text being typed is never replaced.

use super::item::PreviewItem;
use super::state::PreviewState;
use domain::definition::{Item, Section};
use leptos::prelude::*;

/// Each section with its position in the definition and the position of
/// its first item in document order (how `Visibility::items` is indexed).
pub fn placed_sections(
    definition: &domain::definition::Definition,
) -> Vec<(usize, usize, Section)> {
    let mut first_item = 0;
    definition
        .sections
        .iter()
        .enumerate()
        .map(|(index, section)| {
            let start = first_item;
            first_item += section.items.len();
            (index, start, section.clone())
        })
        .collect()
}

#[component]
pub fn PreviewSection(
    state: PreviewState,
    /// Position of the section in the definition.
    index: usize,
    /// Document-order position of the section's first item.
    first_item: usize,
    section: Section,
) -> impl IntoView {
    let shown = Memo::new(move |_| {
        state
            .visibility
            .with(|v| v.sections.get(index).copied().unwrap_or(false))
    });
    move || {
        shown.get().then(|| {
            let key = section.key.to_string();
            let heading = format!("section-{key}");
            let labelled_by = heading.clone();
            let title = section.title.clone();
            let intro = section.intro.clone().map(|intro| {
                view! { <p class="section-intro" lang=state.lang()>{move || state.words(&intro)}</p> }
            });
            let items = section
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| {
                    view! { <ShownItem state position=first_item + i item=item.clone() /> }
                })
                .collect_view();
            view! {
                <section class="card preview-section" data-section=key aria-labelledby=labelled_by>
                    <h2 id=heading lang=state.lang()>
                        {move || state.words(&title)}
                        {super::item::alongside(state, section.title.clone())}
                    </h2>
                    {intro}
                    {items}
                </section>
            }
        })
    }
}

/// An item, present only while it is shown.
#[component]
fn ShownItem(state: PreviewState, position: usize, item: Item) -> impl IntoView {
    let shown = Memo::new(move |_| {
        state
            .visibility
            .with(|v| v.items.get(position).copied().unwrap_or(false))
    });
    move || {
        shown
            .get()
            .then(|| view! { <PreviewItem state item=item.clone() /> })
    }
}
