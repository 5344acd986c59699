//! The server functions of authoring: a new instrument, a new draft
//! version, saving a draft (the editor's autosave).

use crate::error::AppError;
use crate::model::{CurrentDraft, NewInstrument, SavedDraft};
use domain::InstrumentCode;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Where a draft is edited (a new one opens there).
pub fn draft_path(code: &InstrumentCode, number: i64) -> String {
    format!("/instruments/{code}/versions/{number}/edit")
}

/// Starts an instrument as draft version 1 and shows it on its instrument's page.
#[server(endpoint = "create_instrument", prefix = "/api")]
pub async fn create_instrument(instrument: NewInstrument) -> Result<i64, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let version = services
                .create_instrument(&ctx.actor()?, instrument)
                .await?;
            crate::features::auth::redirect_plain_form(&draft_path(&version.code, version.version));
            Ok(version.version)
        }
        .await,
    )
}

/// Starts the next draft version from the latest published one and shows
/// it on its instrument's page.
#[server(endpoint = "start_draft", prefix = "/api")]
pub async fn start_draft(code: InstrumentCode) -> Result<i64, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let version = services.start_draft(&ctx.actor()?, &code).await?;
            crate::features::auth::redirect_plain_form(&draft_path(&version.code, version.version));
            Ok(version.version)
        }
        .await,
    )
}

/// Saves a draft's whole definition (JSON text) when `revision` is still
/// the draft's; the editor's autosave. JSON in (the island's only caller;
/// no form-encoding code in the browser bundle).
#[server(endpoint = "save_draft", prefix = "/api", input = Json)]
pub async fn save_draft(
    code: InstrumentCode,
    number: i64,
    revision: i64,
    definition: String,
) -> Result<SavedDraft, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            let mut saved = services
                .save_draft(&ctx.actor()?, &code, number, revision, &definition)
                .await?;
            // The editor shows them as they are: in the user's language.
            for p in &mut saved.problems {
                p.message = crate::i18n::tr_problem(ctx.locale, p);
            }
            Ok(saved)
        }
        .await,
    )
}

/// The draft as it is now, what changed since `base` (the definition the
/// editor last saved or loaded), and the editor's own edits (`base` →
/// `mine`) merged on top: shown when a save was refused.
#[server(endpoint = "draft_changes", prefix = "/api", input = Json)]
pub async fn draft_changes(
    code: InstrumentCode,
    number: i64,
    base: String,
    mine: String,
) -> Result<CurrentDraft, AppError> {
    use crate::request::*;
    respond(
        async {
            let (services, ctx) = request()?;
            Ok(services
                .draft_changes(&ctx.actor()?, &code, number, &base, &mine)
                .await?)
        }
        .await,
    )
}
