//! Review, approval and publication (issue 10): a version's review page
//! (`/instruments/:code/versions/:number/review`: the changes against the
//! published version, scoring first; comments; the decision, publication
//! and retirement, each signed with the password; the timeline), the
//! reviewer's inbox (`/review`) and the counts in the header.
//!
//! Plain HTML and plain forms: nothing here runs in the browser.

mod inbox_page;
mod review_page;

pub use inbox_page::InboxPage;
pub use review_page::{ReviewComments, ReviewPage, item_notes};

use crate::error::AppError;
use crate::model::{CommentView, ReviewCounts, ReviewItem, VersionReview};
use domain::InstrumentCode;
use leptos::prelude::*;

/// The review page of a version.
pub fn review_path(code: &InstrumentCode, number: i64) -> String {
    format!("/instruments/{code}/versions/{number}/review")
}

#[server(endpoint = "get_version_review", prefix = "/api")]
pub async fn get_version_review(
    code: InstrumentCode,
    number: i64,
) -> Result<VersionReview, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services
                .version_review(&ctx.actor()?, &code, number)
                .await?)
        }
        .await,
    )
}

#[server(endpoint = "get_version_comments", prefix = "/api")]
pub async fn get_version_comments(
    code: InstrumentCode,
    number: i64,
) -> Result<Vec<CommentView>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services
                .version_comments(&ctx.actor()?, &code, number)
                .await?)
        }
        .await,
    )
}

#[server(endpoint = "get_review_inbox", prefix = "/api")]
pub async fn get_review_inbox() -> Result<Vec<ReviewItem>, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.review_inbox(&ctx.actor()?).await?)
        }
        .await,
    )
}

#[server(endpoint = "get_review_counts", prefix = "/api")]
pub async fn get_review_counts() -> Result<ReviewCounts, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.review_counts(&ctx.actor()?).await?)
        }
        .await,
    )
}

/// Sends a version to review; back to its review page. Refused with every
/// blocker (`AppError::NotReady`), which the page lists.
#[server(endpoint = "submit_for_review", prefix = "/api")]
pub async fn submit_for_review(code: InstrumentCode, number: i64) -> Result<(), AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            services
                .submit_version(&ctx.actor()?, &code, number)
                .await?;
            crate::features::auth::redirect_plain_form(&review_path(&code, number));
            Ok(())
        }
        .await,
    )
}

/// A reviewer's decision from the page's form (fields `decision[…]`).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct DecisionForm {
    pub code: String,
    pub number: i64,
    /// `approve` or `request_changes`.
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub password: String,
}

#[server(endpoint = "decide_on_version", prefix = "/api")]
pub async fn decide_on_version(decision: DecisionForm) -> Result<(), AppError> {
    use crate::request::*;
    use services::model::{Decision, DecisionRequest};
    respond(
        async {
            let (services, ctx) = request()?;
            let code: InstrumentCode = decision.code.parse().map_err(|_| AppError::NotFound)?;
            let choice = match decision.decision.as_str() {
                "approve" => Decision::Approve,
                "request_changes" => Decision::RequestChanges,
                _ => return Err(AppError::invalid("decision", "error-review-decision")),
            };
            services
                .decide_version(
                    &ctx.actor()?,
                    ctx.client_ip.as_deref(),
                    &code,
                    decision.number,
                    DecisionRequest {
                        decision: choice,
                        reason: decision.reason,
                        password: decision.password,
                    },
                )
                .await?;
            crate::features::auth::redirect_plain_form(&review_path(&code, decision.number));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "publish_reviewed_version", prefix = "/api")]
pub async fn publish_reviewed_version(
    code: InstrumentCode,
    number: i64,
    password: String,
) -> Result<(), AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            services
                .publish_version(
                    &ctx.actor()?,
                    ctx.client_ip.as_deref(),
                    &code,
                    number,
                    &password,
                )
                .await?;
            crate::features::auth::redirect_plain_form(&review_path(&code, number));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "retire_an_instrument", prefix = "/api")]
pub async fn retire_an_instrument(
    code: InstrumentCode,
    number: i64,
    reason: String,
    password: String,
) -> Result<(), AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            services
                .retire_instrument(
                    &ctx.actor()?,
                    ctx.client_ip.as_deref(),
                    &code,
                    &password,
                    &reason,
                )
                .await?;
            crate::features::auth::redirect_plain_form(&review_path(&code, number));
            Ok(())
        }
        .await,
    )
}

/// A comment or a reply from the page's forms (fields `comment[…]`).
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct CommentForm {
    pub code: String,
    pub number: i64,
    /// A section's or an item's JSON pointer; empty: the version.
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub text: String,
    /// The thread replied to; empty: a new thread.
    #[serde(default)]
    pub reply_to: String,
    /// The page to come back to (the review page or the editor).
    #[serde(default)]
    pub back: String,
}

/// Where a comment form returns: the page it came from, if it is one of
/// this version's pages, else the review page; at the comments.
#[cfg(feature = "ssr")]
fn comment_back(code: &InstrumentCode, number: i64, back: &str) -> String {
    let review = review_path(code, number);
    let edit = format!("/instruments/{code}/versions/{number}/edit");
    let page = if back == edit { edit } else { review };
    format!("{page}#comments")
}

#[server(endpoint = "comment_on_version", prefix = "/api")]
pub async fn comment_on_version(comment: CommentForm) -> Result<(), AppError> {
    use crate::request::*;
    use services::model::NewComment;
    respond(
        async {
            let (services, ctx) = request()?;
            let code: InstrumentCode = comment.code.parse().map_err(|_| AppError::NotFound)?;
            let reply_to = match comment.reply_to.trim() {
                "" => None,
                id => Some(
                    id.parse()
                        .map_err(|_| AppError::invalid("reply_to", "error-comment-reply-to"))?,
                ),
            };
            services
                .add_comment(
                    &ctx.actor()?,
                    &code,
                    comment.number,
                    NewComment {
                        path: Some(comment.path).filter(|p| !p.is_empty()),
                        text: comment.text,
                        reply_to,
                    },
                )
                .await?;
            crate::features::auth::redirect_plain_form(&comment_back(
                &code,
                comment.number,
                &comment.back,
            ));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "resolve_thread", prefix = "/api")]
pub async fn resolve_thread(
    code: InstrumentCode,
    number: i64,
    id: i64,
    resolved: bool,
    back: String,
) -> Result<(), AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            services
                .resolve_comment(&ctx.actor()?, &code, number, id, resolved)
                .await?;
            crate::features::auth::redirect_plain_form(&comment_back(&code, number, &back));
            Ok(())
        }
        .await,
    )
}

#[server(endpoint = "get_review_settings", prefix = "/api")]
pub async fn get_review_settings() -> Result<crate::model::Settings, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services.settings(&ctx.actor()?).await?)
        }
        .await,
    )
}

/// An administrator sets how many reviewers must approve a version; back
/// to the inbox.
#[server(endpoint = "change_review_settings", prefix = "/api")]
pub async fn change_review_settings(approvals_required: String) -> Result<(), AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let approvals_required = approvals_required
                .trim()
                .parse()
                .map_err(|_| AppError::invalid("approvals_required", "error-approvals-required"))?;
            services
                .change_settings(&ctx.actor()?, crate::model::Settings { approvals_required })
                .await?;
            crate::features::auth::redirect_plain_form("/review#settings");
            Ok(())
        }
        .await,
    )
}
