//! Submitting: the server checks the saved answers as complete, scores
//! them itself and locks the assessment; a refusal lists every problem,
//! each linking to its item.

use super::super::submit_assessment;
use super::save::{SaveState, SaveStatus, forget};
use crate::error::AppError;
use crate::features::instruments::preview::state::PreviewState;
use crate::i18n::{arg, t, t_args, tr, use_i18n};
use crate::model::Problem;
use leptos::either::EitherOf4;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
enum Submission {
    Idle,
    Sending,
    Refused(Vec<Problem>),
    Failed(String),
}

/// `/items/KEY/…` → `#item-KEY`: where the item is on the page.
fn anchor(path: &str) -> Option<String> {
    let mut parts = path.split('/').skip(1);
    match (parts.next(), parts.next()) {
        (Some("items"), Some(key)) => Some(format!("#item-{key}")),
        (Some("judgements"), Some(key)) => Some(format!("#pvj-{key}-rationale")),
        _ => None,
    }
}

#[component]
pub fn SubmitPanel(state: PreviewState, saving: SaveState) -> impl IntoView {
    let locale = use_i18n().locale;
    let submission = RwSignal::new(Submission::Idle);
    let ready = move || saving.status.get() == SaveStatus::Saved;
    let submit = move |_| {
        if !ready() || submission.get_untracked() == Submission::Sending {
            return;
        }
        submission.set(Submission::Sending);
        let (id, revision) = (saving.id(), saving.revision.get_untracked());
        leptos::task::spawn_local(async move {
            match submit_assessment(id.clone(), revision).await {
                Ok(_) => {
                    forget(&id);
                    let _ = window().location().reload();
                }
                Err(AppError::InvalidAnswers { problems }) => {
                    submission.set(Submission::Refused(problems));
                }
                Err(e) => submission.set(Submission::Failed(e.message_id().to_owned())),
            }
        });
    };
    let pending = t_args("preview-pending", move || {
        vec![("count", arg(state.pending.get()))]
    });
    let outcome = move || match submission.get() {
        Submission::Idle => EitherOf4::A(()),
        Submission::Sending => EitherOf4::B(view! { <p role="status">{t("fill-submitting")}</p> }),
        Submission::Failed(id) => EitherOf4::C(
            view! { <p class="message error" role="alert">{tr(locale.get_untracked(), &id)}</p> },
        ),
        Submission::Refused(problems) => EitherOf4::D(view! {
            <div class="message error" role="alert">
                <p>{t("fill-problems")}</p>
                <ul class="problems">
                    {problems
                        .into_iter()
                        .map(|p| {
                            // Each links to its item where it is on the page.
                            let href = anchor(&p.path).unwrap_or_default();
                            view! {
                                <li>
                                    <a href=href>{p.message}</a>
                                    " "
                                    <code>{p.path}</code>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </div>
        }),
    };
    view! {
        <section class="card fill-submit" aria-labelledby="fill-submit-title">
            <h2 id="fill-submit-title">{t("fill-submit")}</h2>
            <p>{pending}</p>
            <p class="hint" id="fill-submit-hint">{t("fill-submit-hint")}</p>
            <p class="hint" hidden=ready>{t("fill-submit-wait")}</p>
            {outcome}
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    id="fill-submit"
                    aria-describedby="fill-submit-hint"
                    disabled=move || !ready()
                    on:click=submit
                >
                    {t("fill-submit")}
                </button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::anchor;

    #[test]
    fn a_problem_links_to_its_item_or_judgement() {
        assert_eq!(
            anchor("/items/self_harm/evidence").as_deref(),
            Some("#item-self_harm")
        );
        assert_eq!(
            anchor("/items/self_harm").as_deref(),
            Some("#item-self_harm")
        );
        assert_eq!(
            anchor("/judgements/screening_priority/rationale").as_deref(),
            Some("#pvj-screening_priority-rationale")
        );
        assert_eq!(anchor(""), None);
        assert_eq!(anchor("/locale"), None);
    }
}
