//! The page header: product name, navigation by role, language, the user.

use super::use_session;
use crate::features::auth::{SetLanguage, SignOut};
use crate::i18n::{t, use_i18n};
use domain::{Locale, Permission};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn Header() -> impl IntoView {
    let session = use_session();
    let nav = move || {
        session.user().map(|user| {
            let admin = user.roles.allows(Permission::ManageUsers);
            let audit = user.roles.allows(Permission::ReadAuditLog);
            let instruments = user.roles.allows(Permission::ViewInstruments);
            let subjects = user.roles.allows(Permission::WorkWithSubjects);
            let facilities = user.roles.allows(Permission::ManageFacilities);
            let review = user.roles.allows(Permission::ViewReview);
            view! {
                <nav class="site-nav" aria-label=t("nav-label")>
                    <a href="/">{t("nav-home")}</a>
                    {instruments.then(|| view! { <a href="/instruments">{t("nav-instruments")}</a> })}
                    {review.then(|| view! { <ReviewLink /> })}
                    {subjects.then(|| view! { <a href="/subjects">{t("nav-subjects")}</a> })}
                    {admin.then(|| view! { <a href="/admin/users">{t("nav-users")}</a> })}
                    {facilities
                        .then(|| view! { <a href="/admin/facilities">{t("nav-facilities")}</a> })}
                    {audit.then(|| view! { <a href="/admin/audit">{t("nav-audit")}</a> })}
                    <a href="/account">{t("nav-account")}</a>
                </nav>
            }
        })
    };
    let user_menu = move || {
        session.user().map(|user| {
            view! {
                <div class="user-menu">
                    <span class="user-name">{user.display_name}</span>
                    <form class="inline" method="post" action=SignOut::PATH>
                        <button type="submit" class="link-button">{t("sign-out")}</button>
                    </form>
                </div>
            }
        })
    };
    view! {
        <header class="site-header">
            <a class="brand" href="/">{t("app-name")}</a>
            <Transition>{nav}</Transition>
            <div class="header-end">
                <LanguageSwitcher />
                <Transition>{user_menu}</Transition>
            </div>
        </header>
    }
}

/// The review inbox, with the caller's counts: versions waiting for their
/// review, and versions of theirs a reviewer sent back.
#[component]
fn ReviewLink() -> impl IntoView {
    let counts = Resource::new(|| (), |_| crate::features::review::get_review_counts());
    let locale = use_i18n().locale.get_untracked();
    let badge = move || {
        counts.get().and_then(Result::ok).map(|c| {
            let waiting = (c.waiting_for_me > 0).then(|| {
                let label = crate::i18n::tr_args(
                    locale,
                    "nav-review-waiting",
                    &[("count", crate::i18n::arg(c.waiting_for_me))],
                );
                view! {
                    <span class="count" id="review-waiting" title=label.clone() aria-label=label>
                        {c.waiting_for_me}
                    </span>
                }
            });
            let sent_back = (c.changes_requested > 0).then(|| {
                let label = crate::i18n::tr_args(
                    locale,
                    "nav-review-sent-back",
                    &[("count", crate::i18n::arg(c.changes_requested))],
                );
                view! {
                    <span class="count warn" id="review-sent-back" title=label.clone() aria-label=label>
                        {c.changes_requested}
                    </span>
                }
            });
            view! { {waiting} {sent_back} }
        })
    };
    view! {
        <a href="/review">
            {t("nav-review")}
            <Transition>{badge}</Transition>
        </a>
    }
}

/// Three buttons, each naming its language in that language, so that a
/// reader of any one of them can find their own. A plain form post: the
/// page comes back in the chosen language (its assets are cached, so only
/// the HTML travels).
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let current = use_i18n().locale.get_untracked();
    view! {
        <form class="lang-switcher" method="post" action=SetLanguage::PATH>
            <span class="visually-hidden" id="lang-label">{t("language-switcher-label")}</span>
            <div role="group" aria-labelledby="lang-label">
                {Locale::ALL
                    .into_iter()
                    .map(|locale| {
                        view! {
                            <button
                                type="submit"
                                name="locale"
                                value=locale.code()
                                lang=locale.code()
                                aria-pressed=(current == locale).to_string()
                            >
                                {locale.endonym()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </form>
    }
}
