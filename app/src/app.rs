//! The HTML shell and the router: which page answers which path.

use crate::components::{Header, NotFound, provide_session};
use crate::features::assessments::AssessmentPage;
use crate::features::audit::AuditLogPage;
use crate::features::auth::{AccountPage, SignInPage};
use crate::features::facilities::FacilitiesPage;
use crate::features::instruments::{
    BlankFormPage, EditorPage, HistoryPage, InstrumentsPage, NewInstrumentPage, PreviewPage,
};
use crate::features::review::{InboxPage, ReviewPage};
use crate::features::subjects::{NewSubjectPage, SubjectPage, SubjectsPage};
use crate::features::translations::TranslationsPage;
use crate::features::users::{NewUserPage, UserPage, UsersPage};
use crate::home::HomePage;
use crate::i18n::{provide_i18n, t, tr};
use domain::Locale;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::{
    SsrMode,
    components::{Route, Router, Routes},
    path,
};

/// The language the page starts in: on the server, the one the request's
/// middleware picked; in the browser, the one the server wrote into `<html lang>`.
fn initial_locale() -> Locale {
    #[cfg(feature = "ssr")]
    {
        crate::request::request_ctx()
            .map(|c| c.locale)
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|lang| lang.parse().ok())
            .unwrap_or_default()
    }
}

/// The Content-Security-Policy of a page: scripts only from this origin or
/// inline with this response's nonce (the hydration script), wasm allowed
/// to compile, nothing else inline, no framing, no plugins, and violations
/// reported to `/csp-report` (they show in the server log).
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let scripts = match nonce {
        Some(n) => format!("'self' 'nonce-{n}' 'wasm-unsafe-eval'"),
        None => "'self' 'wasm-unsafe-eval'".to_owned(),
    };
    format!(
        "default-src 'self'; script-src {scripts}; style-src 'self'; img-src 'self'; \
         font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; \
         form-action 'self'; frame-ancestors 'none'; report-uri /csp-report"
    )
}

/// The browser bundle a page with islands loads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// The live preview's (`/pkg/mizon.HASH.js`).
    Preview,
    /// The editor's, which holds the preview too (`/pkg/mizon.HASH-editor.js`).
    Editor,
    /// The assessment form's (`/pkg/mizon.HASH-fill.js`).
    Fill,
}

/// Which bundle the page at `path` loads: only pages with islands, the
/// only parts of Mizon that run in the browser, load one. Every other page
/// is plain HTML and loads no script and no wasm at all.
pub fn page_bundle(path: &str) -> Option<Bundle> {
    let parts: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    match parts.as_slice() {
        // /instruments/:code/versions/:number — the live preview.
        ["", "instruments", _, "versions", _] => Some(Bundle::Preview),
        // /assessments/:id — the assessment form.
        ["", "assessments", _] => Some(Bundle::Fill),
        // …/edit — the draft editor.
        ["", "instruments", _, "versions", _, "edit"] => Some(Bundle::Editor),
        _ => None,
    }
}

/// The whole document, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = initial_locale().code();
    // Islands mode: only islands hydrate, so nothing else's data is sent
    // along for hydration.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    #[cfg(feature = "ssr")]
    let bundle = crate::request::request_path().and_then(|p| page_bundle(&p));
    #[cfg(not(feature = "ssr"))]
    let bundle = None::<Bundle>;
    let stylesheet = format!("/pkg/{}.css", options.output_name);
    let scripts = bundle.map(|bundle| {
        let mut options = options.clone();
        match bundle {
            Bundle::Preview => {}
            Bundle::Editor => {
                options.output_name = format!("{}-editor", options.output_name).into();
            }
            Bundle::Fill => {
                options.output_name = format!("{}-fill", options.output_name).into();
            }
        }
        view! { <HydrationScripts options islands=true /> }
    });
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(value) = http::HeaderValue::from_str(&content_security_policy(
            leptos::nonce::use_nonce().as_deref(),
        ))
    {
        response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
    }
    view! {
        <!DOCTYPE html>
        <html lang=lang>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="stylesheet" href=stylesheet />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                {scripts}
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = provide_i18n(initial_locale());
    provide_session();
    // Pages render completely before the response starts (`SsrMode::Async`),
    // so that a refusal or a redirect found while rendering sets the status.
    view! {
        // A plain string, not a closure: the server reads the title after
        // the page's reactive owner may be gone (a closure panicked under
        // load).
        <Title text=tr(i18n.locale.get_untracked(), "app-name") />
        <Router>
            <a class="skip-link" href="#main">{t("skip-to-content")}</a>
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async />
                    <Route path=path!("/signin") view=SignInPage ssr=SsrMode::Async />
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/users/new") view=NewUserPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/users/:id") view=UserPage ssr=SsrMode::Async />
                    <Route path=path!("/admin/audit") view=AuditLogPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/admin/facilities")
                        view=FacilitiesPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/subjects") view=SubjectsPage ssr=SsrMode::Async />
                    <Route path=path!("/subjects/new") view=NewSubjectPage ssr=SsrMode::Async />
                    <Route path=path!("/subjects/:code") view=SubjectPage ssr=SsrMode::Async />
                    <Route path=path!("/assessments/:id") view=AssessmentPage ssr=SsrMode::Async />
                    <Route path=path!("/instruments") view=InstrumentsPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/instruments/new")
                        view=NewInstrumentPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/instruments/:code") view=HistoryPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/instruments/:code/versions/:number")
                        view=PreviewPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/instruments/:code/versions/:number/form")
                        view=BlankFormPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/instruments/:code/versions/:number/translations")
                        view=TranslationsPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=path!("/instruments/:code/versions/:number/review")
                        view=ReviewPage
                        ssr=SsrMode::Async
                    />
                    <Route path=path!("/review") view=InboxPage ssr=SsrMode::Async />
                    <Route
                        path=path!("/instruments/:code/versions/:number/edit")
                        view=EditorPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
        </Router>
    }
}
