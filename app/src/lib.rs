#![recursion_limit = "512"]
//! Mizon's interface (Leptos): pages, components and server-function
//! declarations. With `ssr` it is rendered by the server; with `hydrate` it
//! is compiled to wasm and takes over the page in the browser.

pub mod app;
pub mod components;
pub mod error;
pub mod features;
pub mod home;
pub mod i18n;
#[cfg(feature = "ssr")]
pub mod request;

/// The request and response types, defined once beside the services.
pub use services::model;

pub use app::{App, shell};

/// The browser's entry point: readies the islands of the server-rendered
/// page (the rest of the page is plain HTML and stays as it is).
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
