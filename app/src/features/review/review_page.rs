//! `/instruments/:code/versions/:number/review`: where a version stands in
//! review and everything done to it; the forms of whoever may act on it.

use super::{
    CommentOnVersion, DecideOnVersion, PublishReviewedVersion, ResolveThread, RetireAnInstrument,
    SubmitForReview, get_version_review, review_path,
};
use crate::components::{ErrorMessage, FormState, Protected};
use crate::error::AppError;
use crate::features::instruments::Changes;
use crate::i18n::{arg, t, tr, tr_args, tr_problem, use_i18n};
use crate::model::{CommentView, Problem, Timeline, VersionReview};
use domain::definition::Definition;
use domain::{Gender, InstrumentCode, Locale, Permission};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_params_map;

fn path_key() -> (Option<InstrumentCode>, Option<i64>) {
    let params = use_params_map();
    let p = params.read_untracked();
    (
        p.get("code").and_then(|c| c.parse().ok()),
        p.get("number").and_then(|n| n.parse().ok()),
    )
}

#[component]
pub fn ReviewPage() -> impl IntoView {
    view! {
        <Protected
            permission=Permission::ViewReview
            children=move |_| view! { <Loader /> }.into_any()
        />
    }
    .into_any()
}

#[component]
fn Loader() -> impl IntoView {
    let data = Resource::new(path_key, |(code, number)| async move {
        match (code, number) {
            (Some(code), Some(number)) => get_version_review(code, number).await,
            _ => Err(AppError::NotFound),
        }
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading">{t("loading")}</p> }>
            {move || {
                data.get()
                    .map(|result| match result {
                        Ok(r) => match Definition::from_json(r.version.definition.get()) {
                            Ok(definition) => view! { <Review r definition /> }.into_any(),
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

/// A text in the interface language, else the source's.
fn wording(text: &domain::definition::Text, locale: Locale, source: Locale) -> String {
    [locale, source]
        .into_iter()
        .flat_map(|l| [(l, Gender::Male), (l, Gender::Female)])
        .find_map(|(l, g)| text.resolve(l, g))
        .unwrap_or_default()
        .to_owned()
}

/// What a comment's path names: the version, a section or an item.
fn place(definition: &Definition, path: Option<&str>, locale: Locale) -> String {
    let source = definition.meta.source_locale;
    let Some(path) = path else {
        return tr(locale, "review-place-version");
    };
    let parts: Vec<&str> = path.split('/').collect();
    let section = parts
        .get(2)
        .and_then(|i| i.parse::<usize>().ok())
        .and_then(|i| definition.sections.get(i));
    let item = parts
        .get(4)
        .and_then(|i| i.parse::<usize>().ok())
        .zip(section)
        .and_then(|(i, s)| s.items.get(i));
    match (section, item) {
        (_, Some(item)) => format!(
            "{} {} — {}",
            tr(locale, "review-place-item"),
            item.key.as_str(),
            wording(&item.label, locale, source)
        ),
        (Some(s), None) => format!(
            "{} {} — {}",
            tr(locale, "review-place-section"),
            s.key.as_str(),
            wording(&s.title, locale, source)
        ),
        _ => path.to_owned(),
    }
}

/// What a comment is on, as it stands in the version now.
fn comment_place(definition: &Definition, c: &CommentView, locale: Locale) -> String {
    match (&c.path, &c.target) {
        (Some(path), None) => format!("{} ({path})", tr(locale, "review-place-gone")),
        (path, _) => place(definition, path.as_deref(), locale),
    }
}

/// Where a blocker is fixed: a translation on the translation page at its
/// text, anything else in the editor.
fn blocker_link(
    definition: &Definition,
    code: &InstrumentCode,
    number: i64,
    p: &Problem,
) -> String {
    if let Some(locale) = p.path.strip_prefix("/translations/") {
        return format!("/instruments/{code}/versions/{number}/translations?locale={locale}");
    }
    let text = definition
        .translatable_texts()
        .into_iter()
        .find(|t| t.path == p.path);
    match (text, p.message_id.starts_with("review-blocker-")) {
        (Some(text), true) => format!(
            "/instruments/{code}/versions/{number}/translations?status=stale&focus={}#t-{}",
            text.id, text.id
        ),
        _ => format!("/instruments/{code}/versions/{number}/edit"),
    }
}

#[component]
fn Review(r: VersionReview, definition: Definition) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let code = r.version.code.clone();
    let number = r.version.version;
    let status = r.version.status;
    let status_name = tr(locale, &format!("version-status-{}", status.code()));
    let approvals = tr_args(
        locale,
        "review-approvals",
        &[
            ("count", arg(r.timeline.approvals)),
            ("required", arg(r.timeline.approvals_required)),
        ],
    );
    let retired = r.timeline.retired.clone().map(|ret| {
        view! {
            <p class="message" role="status">
                {tr_args(
                    locale,
                    "review-retired",
                    &[("date", arg(locale.format_timestamp(&ret.at))), ("reason", arg(ret.reason))],
                )}
            </p>
        }
    });
    let base = format!("/instruments/{code}/versions/{number}");
    let links = view! {
        <p class="actions">
            <a href=base.clone()>{t("instrument-preview")}</a>
            {r.may_edit.then(|| view! { <a href=format!("{base}/edit")>{t("history-edit")}</a> })}
            <a href=format!("{base}/translations")>{t("history-translations")}</a>
            <a href=format!("/instruments/{code}")>{t("review-history")}</a>
        </p>
    };
    let changes = match r.published_version {
        Some(from) => {
            view! { <Changes changes=r.changes.clone() from=Some(from) to=Some(number) /> }
                .into_any()
        }
        None => view! {
            <section class="card" id="changes">
                <h2>{t("history-changes")}</h2>
                <p>{t("review-nothing-published")}</p>
            </section>
        }
        .into_any(),
    };
    view! {
        <p><a href="/review">{t("review-inbox-back")}</a></p>
        <section class="card">
            <div class="card-head">
                <h1>
                    {t("review-title")} " " <code>{code.to_string()}</code> " "
                    {tr_args(locale, "translations-version", &[("number", arg(number))])}
                </h1>
                <span class="tag" data-status=status.code()>{status_name}</span>
            </div>
            <p>{approvals}</p>
            {retired}
            {links}
            <Actions r=r.clone() definition=definition.clone() />
        </section>
        {changes}
        <Comments
            code=code.clone()
            number
            comments=r.timeline.comments.clone()
            definition=definition.clone()
            may_comment=r.may_comment
            back=review_path(&code, number)
        />
        <TimelineList timeline=r.timeline.clone() definition />
    }
    .into_any()
}

/// The forms of whoever may act on the version now.
#[component]
fn Actions(r: VersionReview, definition: Definition) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let code = r.version.code.clone();
    let number = r.version.version;
    let hash = r.version.definition_hash.clone();
    let submit = r.may_submit.then(|| {
        let form = FormState::of(SubmitForReview::PATH);
        let problems = form.error().map(|e| e.file_problems()).unwrap_or_default();
        let blockers = (!problems.is_empty()).then(|| {
            let items = problems
                .iter()
                .map(|p| {
                    let href = blocker_link(&definition, &code, number, p);
                    view! {
                        <li>
                            <a href=href>{tr_problem(locale, p)}</a>
                            " "
                            <code class="diff-path">{p.path.clone()}</code>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <div class="message error" role="alert" id="blockers">
                    <p>{t("error-review-not-ready")}</p>
                    <ul>{items}</ul>
                </div>
            }
        });
        let general = if problems.is_empty() {
            form.error()
        } else {
            None
        };
        view! {
            <form class="form" method="post" action=SubmitForReview::PATH id="submit-form">
                <h2>{t("review-submit-title")}</h2>
                <ErrorMessage error=general />
                {blockers}
                <input type="hidden" name="code" value=code.to_string() />
                <input type="hidden" name="number" value=number.to_string() />
                <p class="hint">{t("review-submit-hint")}</p>
                <button type="submit" class="primary">{t("review-submit")}</button>
            </form>
        }
    });
    let signature_hint = tr_args(
        locale,
        "review-signature-hint",
        &[("hash", arg(hash.clone()))],
    );
    let decide = r.may_decide.then(|| {
        let form = FormState::of(DecideOnVersion::PATH);
        let reason = form.value("decision[reason]").unwrap_or_default();
        let chose_changes = form.value("decision[decision]").as_deref() == Some("request_changes");
        view! {
            <form class="form" method="post" action=DecideOnVersion::PATH id="decision-form">
                <h2>{t("review-decision-title")}</h2>
                <ErrorMessage error=form.error() />
                <input type="hidden" name="decision[code]" value=code.to_string() />
                <input type="hidden" name="decision[number]" value=number.to_string() />
                <fieldset class="choices">
                    <legend>{t("review-decision")}</legend>
                    <label class="choice">
                        <input type="radio" name="decision[decision]" value="approve" checked=!chose_changes required />
                        {t("review-approve")}
                    </label>
                    <label class="choice">
                        <input type="radio" name="decision[decision]" value="request_changes" checked=chose_changes />
                        {t("review-request-changes")}
                    </label>
                </fieldset>
                <div class="field">
                    <label for="decision-reason">{t("review-reason")}</label>
                    <textarea id="decision-reason" name="decision[reason]" rows="3" maxlength="4000">{reason}</textarea>
                    <p class="hint">{t("review-reason-hint")}</p>
                </div>
                <div class="field">
                    <label for="decision-password">{t("review-password")}</label>
                    <input id="decision-password" name="decision[password]" type="password" autocomplete="current-password" required />
                    <p class="hint">{signature_hint.clone()}</p>
                </div>
                <button type="submit" class="primary">{t("review-sign-decision")}</button>
            </form>
        }
    });
    let publish = r.may_publish.then(|| {
        let form = FormState::of(PublishReviewedVersion::PATH);
        view! {
            <form class="form" method="post" action=PublishReviewedVersion::PATH id="publish-form">
                <h2>{t("review-publish-title")}</h2>
                <ErrorMessage error=form.error() />
                <input type="hidden" name="code" value=code.to_string() />
                <input type="hidden" name="number" value=number.to_string() />
                <p class="hint">{t("review-publish-hint")}</p>
                <div class="field">
                    <label for="publish-password">{t("review-password")}</label>
                    <input id="publish-password" name="password" type="password" autocomplete="current-password" required />
                    <p class="hint">{signature_hint.clone()}</p>
                </div>
                <button type="submit" class="primary">{t("review-publish")}</button>
            </form>
        }
    });
    let retire = r.may_retire.then(|| {
        let form = FormState::of(RetireAnInstrument::PATH);
        let reason = form.value("reason").unwrap_or_default();
        view! {
            <details class="retire" open=form.error().is_some()>
                <summary>{t("review-retire-title")}</summary>
                <form class="form" method="post" action=RetireAnInstrument::PATH id="retire-form">
                    <ErrorMessage error=form.error() />
                    <input type="hidden" name="code" value=code.to_string() />
                    <input type="hidden" name="number" value=number.to_string() />
                    <p class="hint">{t("review-retire-hint")}</p>
                    <div class="field">
                        <label for="retire-reason">{t("review-reason")}</label>
                        <textarea id="retire-reason" name="reason" rows="2" maxlength="4000" required>{reason}</textarea>
                    </div>
                    <div class="field">
                        <label for="retire-password">{t("review-password")}</label>
                        <input id="retire-password" name="password" type="password" autocomplete="current-password" required />
                    </div>
                    <button type="submit" class="danger">{t("review-retire")}</button>
                </form>
            </details>
        }
    });
    let nothing = !(r.may_submit || r.may_decide || r.may_publish || r.may_retire);
    let why_not = (nothing && r.version.status == domain::VersionStatus::InReview)
        .then(|| view! { <p class="hint">{t("review-not-yours")}</p> });
    view! { {submit} {decide} {publish} {retire} {why_not} }.into_any()
}

/// A version's comment threads, each with its replies and a reply form,
/// and a form for a new thread on the version, a section or an item.
#[component]
pub fn CommentThreads(
    code: InstrumentCode,
    number: i64,
    comments: Vec<CommentView>,
    definition: Definition,
    may_comment: bool,
    /// The page the forms come back to.
    back: String,
    /// Only the open threads (the editor shows what is left to do).
    #[prop(optional)]
    open_only: bool,
) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    // A refused comment comes back to the form it was typed in: a reply to
    // its thread's reply form, a new thread to the new-thread form.
    let form = FormState::of(CommentOnVersion::PATH);
    let refused_reply = form.value("comment[reply_to]").filter(|r| !r.is_empty());
    let threads = comments
        .iter()
        .filter(|c| c.reply_to.is_none() && !(open_only && c.resolved))
        .map(|root| {
            let replies = comments
                .iter()
                .filter(|c| c.reply_to == Some(root.id))
                .map(|c| {
                    view! {
                        <li class="comment reply">
                            <p class="comment-meta">
                                <strong>{c.author.clone()}</strong> " · " {locale.format_timestamp(&c.created_at)}
                            </p>
                            <p class="comment-text">{c.text.clone()}</p>
                        </li>
                    }
                })
                .collect_view();
            let field = format!("reply-{}", root.id);
            let refused = (refused_reply.as_deref() == Some(root.id.to_string().as_str()))
                .then_some(&form);
            let (reply_error, reply_text) = (
                refused.and_then(FormState::error),
                refused
                    .and_then(|f| f.value("comment[text]"))
                    .unwrap_or_default(),
            );
            let state = if root.resolved {
                tr_args(
                    locale,
                    "review-comment-resolved-by",
                    &[("name", arg(root.resolved_by.clone().unwrap_or_default()))],
                )
            } else {
                tr(locale, "review-comment-open")
            };
            let actions = may_comment.then(|| {
                view! {
                    <form class="form inline-fields" method="post" action=ResolveThread::PATH>
                        <input type="hidden" name="code" value=code.to_string() />
                        <input type="hidden" name="number" value=number.to_string() />
                        <input type="hidden" name="id" value=root.id.to_string() />
                        <input type="hidden" name="resolved" value=(!root.resolved).to_string() />
                        <input type="hidden" name="back" value=back.clone() />
                        <button type="submit" class="link-button">
                            {if root.resolved { t("review-comment-reopen") } else { t("review-comment-resolve") }}
                        </button>
                    </form>
                    <form class="form" method="post" action=CommentOnVersion::PATH>
                        <ErrorMessage error=reply_error />
                        <input type="hidden" name="comment[code]" value=code.to_string() />
                        <input type="hidden" name="comment[number]" value=number.to_string() />
                        <input type="hidden" name="comment[reply_to]" value=root.id.to_string() />
                        <input type="hidden" name="comment[back]" value=back.clone() />
                        <div class="field">
                            <label for=field.clone()>{t("review-reply")}</label>
                            <textarea id=field name="comment[text]" rows="2" maxlength="4000" required>
                                {reply_text}
                            </textarea>
                        </div>
                        <button type="submit">{t("review-reply-send")}</button>
                    </form>
                }
            });
            view! {
                <li
                    class="comment thread"
                    class:resolved=root.resolved
                    id=format!("comment-{}", root.id)
                    data-target=root.target.clone().unwrap_or_default()
                >
                    <p class="comment-place">
                        <span class="tag">{state}</span> " " {comment_place(&definition, root, locale)}
                    </p>
                    <p class="comment-meta">
                        <strong>{root.author.clone()}</strong> " · " {locale.format_timestamp(&root.created_at)}
                    </p>
                    <p class="comment-text">{root.text.clone()}</p>
                    <ul class="replies">{replies}</ul>
                    {actions}
                </li>
            }
        })
        .collect_view();
    let form = if refused_reply.is_some() {
        FormState::default()
    } else {
        form
    };
    let mut places = vec![(String::new(), tr(locale, "review-place-version"))];
    for (i, s) in definition.sections.iter().enumerate() {
        let path = format!("/sections/{i}");
        places.push((path.clone(), place(&definition, Some(&path), locale)));
        for j in 0..s.items.len() {
            let path = format!("/sections/{i}/items/{j}");
            let name = place(&definition, Some(&path), locale);
            places.push((path, format!("\u{a0}\u{a0}{name}")));
        }
    }
    let chosen = form.value("comment[path]").unwrap_or_default();
    let options = places
        .into_iter()
        .map(|(path, name)| {
            let selected = path == chosen;
            view! { <option value=path selected=selected>{name}</option> }
        })
        .collect_view();
    let new_thread = may_comment.then(|| {
        view! {
            <form class="form" method="post" action=CommentOnVersion::PATH id="comment-form">
                <h3>{t("review-comment-new")}</h3>
                <ErrorMessage error=form.error() />
                <input type="hidden" name="comment[code]" value=code.to_string() />
                <input type="hidden" name="comment[number]" value=number.to_string() />
                <input type="hidden" name="comment[reply_to]" value="" />
                <input type="hidden" name="comment[back]" value=back.clone() />
                <div class="field">
                    <label for="comment-path">{t("review-comment-place")}</label>
                    <select id="comment-path" name="comment[path]">{options}</select>
                </div>
                <div class="field">
                    <label for="comment-text">{t("review-comment-text")}</label>
                    <textarea id="comment-text" name="comment[text]" rows="3" maxlength="4000" required>
                        {form.value("comment[text]").unwrap_or_default()}
                    </textarea>
                </div>
                <button type="submit">{t("review-comment-send")}</button>
            </form>
        }
    });
    let none = comments
        .is_empty()
        .then(|| view! { <p class="hint">{t("review-no-comments")}</p> });
    view! {
        <ol class="comments">{threads}</ol>
        {none}
        {new_thread}
    }
    .into_any()
}

#[component]
fn Comments(
    code: InstrumentCode,
    number: i64,
    comments: Vec<CommentView>,
    definition: Definition,
    may_comment: bool,
    back: String,
) -> impl IntoView {
    view! {
        <section class="card" id="comments" aria-labelledby="comments-title">
            <h2 id="comments-title">{t("review-comments")}</h2>
            <CommentThreads code number comments definition may_comment back />
        </section>
    }
    .into_any()
}

/// The open comment threads of a version, on the editor's page: what the
/// reviewers asked, each at its section or item, answered or resolved
/// there. Nothing when there are none.
#[component]
pub fn ReviewComments(
    code: InstrumentCode,
    number: i64,
    definition: Definition,
    comments: Vec<CommentView>,
) -> impl IntoView {
    if !comments.iter().any(|c| c.reply_to.is_none() && !c.resolved) {
        return ().into_any();
    }
    let back = format!("/instruments/{code}/versions/{number}/edit");
    // An administrator edits drafts but does not comment: no forms.
    let may_comment = crate::components::use_session()
        .user()
        .is_some_and(|u| u.roles.allows(Permission::CommentOnVersions));
    view! {
        <section class="card review-comments" id="comments" aria-labelledby="comments-title">
            <h2 id="comments-title">{t("review-comments-open")}</h2>
            <CommentThreads
                code=code.clone()
                number
                comments
                definition
                may_comment
                back
                open_only=true
            />
            <p><a href=review_path(&code, number)>{t("review-page-link")}</a></p>
        </section>
    }
    .into_any()
}

/// The open threads on items, as the editor shows them on each item's
/// form, each as a `Problem` at the item's key saying "LABEL — who: what",
/// replies after their thread.
pub fn item_notes(comments: &[CommentView], label: &str) -> Vec<Problem> {
    let mut notes = Vec::new();
    for root in comments
        .iter()
        .filter(|c| c.reply_to.is_none() && !c.resolved)
    {
        let Some(key) = root
            .target
            .clone()
            .filter(|_| root.path.as_deref().is_some_and(|p| p.contains("/items/")))
        else {
            continue;
        };
        notes.push(Problem::text(
            key.clone(),
            format!("{label} — {}: {}", root.author, root.text),
        ));
        for reply in comments.iter().filter(|c| c.reply_to == Some(root.id)) {
            notes.push(Problem::text(
                key.clone(),
                format!("↳ {}: {}", reply.author, reply.text),
            ));
        }
    }
    notes
}

/// Every transition, comment, signature and sign-off, oldest first.
#[component]
fn TimelineList(timeline: Timeline, definition: Definition) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    let status = |s: domain::VersionStatus| tr(locale, &format!("version-status-{}", s.code()));
    let mut entries: Vec<(String, String, String, Option<String>)> = Vec::new();
    entries.push((
        timeline.created_at.clone(),
        "created".into(),
        tr_args(
            locale,
            "review-event-created",
            &[(
                "name",
                arg(timeline
                    .created_by
                    .clone()
                    .unwrap_or_else(|| tr(locale, "history-system"))),
            )],
        ),
        None,
    ));
    for m in &timeline.transitions {
        entries.push((
            m.at.clone(),
            "transition".into(),
            tr_args(
                locale,
                "review-event-transition",
                &[
                    ("from", arg(status(m.from))),
                    ("to", arg(status(m.to))),
                    (
                        "name",
                        arg(m.by.clone().unwrap_or_else(|| tr(locale, "history-system"))),
                    ),
                ],
            ),
            m.reason.clone(),
        ));
    }
    for c in &timeline.comments {
        entries.push((
            c.created_at.clone(),
            "comment".into(),
            tr_args(
                locale,
                "review-event-comment",
                &[
                    ("name", arg(c.author.clone())),
                    ("place", arg(comment_place(&definition, c, locale))),
                ],
            ),
            Some(c.text.clone()),
        ));
    }
    for s in &timeline.signatures {
        let meaning = tr(locale, &format!("review-meaning-{}", s.meaning));
        let mut detail = format!("SHA-256 {}", s.definition_sha256);
        if !s.matches_definition {
            detail.push_str(" — ");
            detail.push_str(&tr(locale, "review-signature-mismatch"));
        }
        if let Some(reason) = &s.reason {
            detail = format!("{reason} · {detail}");
        }
        entries.push((
            s.at.clone(),
            "signature".into(),
            tr_args(
                locale,
                "review-event-signature",
                &[("name", arg(s.signer.clone())), ("meaning", arg(meaning))],
            ),
            Some(detail),
        ));
    }
    for s in &timeline.sign_offs {
        entries.push((
            s.at.clone(),
            "sign-off".into(),
            tr_args(
                locale,
                "review-event-sign-off",
                &[
                    ("name", arg(s.signed_by.clone())),
                    ("language", arg(s.locale.endonym())),
                ],
            ),
            None,
        ));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let items = entries
        .into_iter()
        .map(|(at, kind, what, detail)| {
            view! {
                <li data-kind=kind>
                    <time datetime=at.clone()>{locale.format_timestamp(&at)}</time>
                    " "
                    <span>{what}</span>
                    {detail.map(|d| view! { <p class="hint timeline-detail">{d}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card" id="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t("review-timeline")}</h2>
            <ol class="timeline">{items}</ol>
        </section>
    }
    .into_any()
}
