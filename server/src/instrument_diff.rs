//! `mizon instrument diff A B`: what changed between two versions of an
//! instrument, for a reviewer or a script, from files or stored versions.
//!
//! The comparison itself is `domain::definition::diff`, the same one the
//! pages and the API show; this module only reads the two definitions and
//! prints. Two files need no database, so a change can be checked before it
//! is ever imported; the database is opened only for `CODE@VERSION`.

use crate::config::DatabaseArgs;
use domain::InstrumentCode;
use domain::definition::{Definition, diff};
use services::db::Db;
use services::{Actor, ServiceError, Services};
use std::path::Path;
use std::process::ExitCode;

type CommandResult = Result<ExitCode, Box<dyn std::error::Error>>;

/// Prints every change; succeeds whether or not anything changed.
pub async fn run(before: &str, after: &str, json: bool, db: &DatabaseArgs) -> CommandResult {
    let mut services = None;
    let before = read(before, db, &mut services).await?;
    let after = read(after, db, &mut services).await?;
    let changes = diff(&before, &after);
    if json {
        let document = serde_json::json!({ "changes": changes });
        println!("{}", serde_json::to_string_pretty(&document)?);
    } else {
        for change in &changes {
            println!("{:<11}  {}  {}", change.class, change.path, change.summary);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads `what`: an existing file, otherwise `CODE@VERSION` from the
/// database (connected on first use, then shared by both sides).
async fn read(
    what: &str,
    db: &DatabaseArgs,
    services: &mut Option<Services>,
) -> Result<Definition, Box<dyn std::error::Error>> {
    let path = Path::new(what);
    let (source, origin) = if path.exists() {
        let source =
            std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        (source, path.display().to_string())
    } else {
        let (code, number) = stored(what)?;
        if services.is_none() {
            *services = Some(Services::new(Db::connect(&db.database_url).await?));
        }
        let services = services.as_ref().expect("connected just above");
        let source = services
            .export_definition(&Actor::System("command line"), &code, Some(number))
            .await
            .map_err(|e| match e {
                ServiceError::NotFound => format!("no instrument version {what}"),
                other => other.to_string(),
            })?;
        (source, what.to_owned())
    };
    Definition::from_json(&source).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("{origin}: {p}")).collect();
        lines.join("\n").into()
    })
}

/// `CODE@VERSION`, e.g. `IRNS@2`.
fn stored(what: &str) -> Result<(InstrumentCode, i64), String> {
    let not_found = || {
        format!(
            "{what}: no such file, and not a stored version (written CODE@VERSION, e.g. IRNS@1)"
        )
    };
    let (code, number) = what.split_once('@').ok_or_else(not_found)?;
    let code = code.parse().map_err(|_| not_found())?;
    let number = number.parse().map_err(|_| not_found())?;
    Ok((code, number))
}
