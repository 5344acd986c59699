//! A percentage as a bar. The bar only repeats the words shown beside it,
//! so screen readers skip it.

use leptos::prelude::*;

#[component]
pub fn PercentMeter(percent: u32) -> impl IntoView {
    view! {
        <meter
            min="0"
            max="100"
            low="50"
            high="99.5"
            optimum="100"
            value=percent.to_string()
            aria-hidden="true"
        ></meter>
    }
}
