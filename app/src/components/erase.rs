//! Type erasure for island code, on the server only.
//!
//! Leptos views are deeply nested types. On the server, erasing them at
//! component boundaries (`AnyView`) keeps the page types and the render's
//! stack small. In the browser an `AnyView` costs a second, async
//! hydration path compiled for its whole subtree (about a fifth of the
//! preview's wasm), so island code erases only on the server, and uses
//! `Either` where branches differ.

use leptos::prelude::*;

pub trait EraseOnServer: Sized {
    type Erased: IntoView;
    /// `into_any()` on the server; the view itself in the browser.
    fn erase_on_server(self) -> Self::Erased;
}

#[cfg(feature = "ssr")]
impl<V: IntoView + 'static> EraseOnServer for V {
    type Erased = AnyView;
    fn erase_on_server(self) -> AnyView {
        self.into_any()
    }
}

#[cfg(not(feature = "ssr"))]
impl<V: IntoView + 'static> EraseOnServer for V {
    type Erased = V;
    fn erase_on_server(self) -> V {
        self
    }
}
