//! `mizon audit verify` and `mizon audit checkpoint`: the operator's proof
//! that the audit log was neither altered (the hash chain) nor cut short
//! (a checkpoint kept outside the database; see `services::audit_checkpoint`).

use crate::cli::AuditCommand;
use services::Services;
use services::audit_checkpoint::{Checkpoint, CheckpointCheck};
use services::db::Db;
use std::path::Path;
use std::process::ExitCode;

type CommandResult = Result<ExitCode, Box<dyn std::error::Error>>;

pub async fn run(command: AuditCommand) -> CommandResult {
    match command {
        AuditCommand::Verify { checkpoint, db } => {
            let checkpoint = checkpoint.as_deref().map(read_checkpoint).transpose()?;
            let services = Services::new(Db::connect(&db.database_url).await?);
            verify(&services, checkpoint.as_ref()).await
        }
        AuditCommand::Checkpoint { out, db } => {
            let services = Services::new(Db::connect(&db.database_url).await?);
            let checkpoint = services
                .audit_checkpoint()
                .await
                .map_err(|_| "the audit log is empty: nothing to checkpoint")?;
            let json = serde_json::to_string_pretty(&checkpoint)? + "\n";
            if out.as_os_str() == "-" {
                print!("{json}");
            } else {
                write_atomically(&out, &json)?;
                println!(
                    "Checkpoint of event {} written to {}.",
                    checkpoint.seq,
                    out.display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

async fn verify(services: &Services, checkpoint: Option<&Checkpoint>) -> CommandResult {
    let (intact, report) = verify_report(services, checkpoint).await?;
    println!("{report}");
    Ok(if intact {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// What `mizon audit verify` finds: whether the log is intact, and the
/// sentence it prints (naming the first broken event when it is not).
pub async fn verify_report(
    services: &Services,
    checkpoint: Option<&Checkpoint>,
) -> Result<(bool, String), Box<dyn std::error::Error>> {
    if let Some(seq) = services.verify_audit_chain().await? {
        return Ok((false, format!("The audit log was altered at event {seq}.")));
    }
    let Some(checkpoint) = checkpoint else {
        return Ok((true, "The audit log is intact.".to_owned()));
    };
    Ok(match services.check_audit_checkpoint(checkpoint).await? {
        CheckpointCheck::Reached => (
            true,
            format!(
                "The audit log is intact and reaches the checkpoint's event {} (taken {}).",
                checkpoint.seq, checkpoint.taken_at
            ),
        ),
        CheckpointCheck::Truncated { last_seq } => (
            false,
            format!(
                "The audit log was cut short: it ends at event {}, before the checkpoint's event {} (taken {}).",
                last_seq.unwrap_or(0),
                checkpoint.seq,
                checkpoint.taken_at
            ),
        ),
        CheckpointCheck::HashDiffers => (
            false,
            format!(
                "The audit log was rewritten: event {} no longer has the checkpoint's hash (taken {}).",
                checkpoint.seq, checkpoint.taken_at
            ),
        ),
    })
}

fn read_checkpoint(path: &Path) -> Result<Checkpoint, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::from_str(&text)
        .map_err(|e| format!("{}: not a checkpoint file: {e}", path.display()))
}

/// Writes next to the target, then renames: a timer that is interrupted
/// never leaves half a checkpoint where the last good one was.
fn write_atomically(path: &Path, contents: &str) -> std::io::Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".partial");
    std::fs::write(&temporary, contents)?;
    std::fs::rename(&temporary, path)
}
