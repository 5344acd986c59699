//! The live, read-only preview of one instrument version (being written).

use domain::definition::Definition;
use leptos::prelude::*;

#[component]
pub fn InstrumentPreview(definition: Definition) -> impl IntoView {
    let code = definition.meta.code.to_string();
    view! { <section class="card" data-preview=code></section> }
}
