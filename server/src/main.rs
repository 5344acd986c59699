//! `mizon`: parses the command line and runs one subcommand.

use clap::Parser;
use server::cli::{AdminCommand, Cli, Command, InstrumentCommand};
use services::db::Db;
use services::{Actor, ServiceError, Services};
use std::io::Read;
use std::process::ExitCode;

/// See `server/Cargo.toml`: returns freed memory to the system promptly.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}

fn read_password(from_stdin: bool) -> std::io::Result<(String, bool)> {
    if from_stdin {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        Ok((s.trim_end_matches(['\n', '\r']).to_owned(), false))
    } else {
        Ok((services::password::generate(), true))
    }
}

/// `mi_option_purge_delay` in the mimalloc 2.x that libmimalloc-sys 0.1.49
/// builds (its bindings name no constant for it).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

#[tokio::main]
async fn main() -> ExitCode {
    // Give freed memory back at once, not after mimalloc's delay: under a
    // burst of password checks the freed argon2 buffers otherwise pile up
    // until the threads go quiet (measured: 85–105 MB peak instead of 66–68).
    // SAFETY: sets a plain integer option; mimalloc allows it at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) };
    init_tracing();
    match run(Cli::parse().command).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("mizon: {}", describe(e.as_ref()));
            ExitCode::FAILURE
        }
    }
}

/// A failure in words: a service's refusal as its English message (the
/// same text the pages show), anything else as it describes itself.
fn describe(e: &(dyn std::error::Error + 'static)) -> String {
    use app::i18n::tr;
    use domain::Locale::En;
    match e.downcast_ref::<ServiceError>() {
        Some(ServiceError::Invalid { field, message_id }) => {
            format!("{field}: {}", tr(En, message_id))
        }
        Some(ServiceError::Conflict(id) | ServiceError::BadRequest(id)) => tr(En, id),
        Some(ServiceError::NotFound) => tr(En, "error-not-found"),
        _ => e.to_string(),
    }
}

async fn run(command: Command) -> Result<ExitCode, Box<dyn std::error::Error>> {
    match command {
        Command::Serve(args) => {
            let app = server::startup::Application::build(args).await?;
            if let Some(admin) = &app.first_administrator {
                // Shown once, on the operator's terminal, never in the log.
                println!(
                    "\nFirst start: an administrator account was created.\n  username: {}\n  password: {}\n\
                     Sign in and choose a new password (you will be asked to).\n",
                    admin.username, admin.password
                );
            }
            println!("Mizon is listening on http://{}", app.address);
            app.run().await?;
        }
        Command::Migrate(db) => {
            Db::connect(&db.database_url).await?;
            println!("The database schema is up to date.");
        }
        Command::Admin(AdminCommand::CreateUser {
            username,
            display_name,
            roles,
            password_stdin,
            db,
        }) => {
            let services = Services::new(Db::connect(&db.database_url).await?);
            let (password, generated) = read_password(password_stdin)?;
            let new = services::model::NewUser {
                username: username.clone(),
                display_name,
                password: password.clone(),
                roles,
                preferred_locale: None,
            };
            let id = services
                .create_user(&Actor::System("command line"), new)
                .await?;
            println!("Created account {username} (id {id}).");
            if generated {
                println!("Password (shown once): {password}");
            }
        }
        Command::Admin(AdminCommand::ResetPassword {
            username,
            password_stdin,
            db,
        }) => {
            let services = Services::new(Db::connect(&db.database_url).await?);
            let user = services.find_user(&username).await?;
            let (password, generated) = read_password(password_stdin)?;
            services
                .reset_password(&Actor::System("command line"), user.id, &password)
                .await?;
            println!("The password of {username} was reset; its sessions have ended.");
            if generated {
                println!("Password (shown once): {password}");
            }
        }
        Command::Admin(AdminCommand::CreateToken {
            username,
            name,
            expires_days,
            db,
        }) => {
            let services = Services::new(Db::connect(&db.database_url).await?);
            let owner = services.find_user(&username).await?;
            let created = services
                .create_token_for(
                    &Actor::System("command line"),
                    &owner,
                    services::model::NewToken { name, expires_days },
                )
                .await?;
            let expiry = created
                .summary
                .expires_at
                .as_deref()
                .map(|t| format!("until {t}"))
                .unwrap_or_else(|| "with no expiry".to_owned());
            println!(
                "Created API token {} for {username}, valid {expiry}. It is shown once:",
                created.summary.id
            );
            println!("Token: {}", created.token);
        }
        Command::Audit(command) => return server::audit_commands::run(command).await,
        Command::Instrument(command) => return instrument(command).await,
    }
    Ok(ExitCode::SUCCESS)
}

async fn instrument(command: InstrumentCommand) -> Result<ExitCode, Box<dyn std::error::Error>> {
    match command {
        InstrumentCommand::Validate { files } => {
            let mut failed = false;
            for file in files {
                let source = std::fs::read_to_string(&file)
                    .map_err(|e| format!("{}: {e}", file.display()))?;
                match services::definition_check::check_definition(&source) {
                    Ok(definition) => println!("{}: ok ({})", file.display(), definition.meta.code),
                    Err(problems) => {
                        failed = true;
                        for problem in problems {
                            println!("{}: {problem}", file.display());
                        }
                    }
                }
            }
            Ok(if failed {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        InstrumentCommand::Import { file, db } => {
            let source =
                std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let services = Services::new(Db::connect(&db.database_url).await?);
            match services
                .import_version(&Actor::System("command line"), &source, None)
                .await
            {
                Ok(v) => {
                    println!(
                        "Imported {} as version {} ({}).",
                        v.code, v.version, v.status
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(ServiceError::InvalidDefinition(problems)) => {
                    for problem in problems {
                        println!("{}: {problem}", file.display());
                    }
                    Ok(ExitCode::FAILURE)
                }
                Err(e) => Err(e.into()),
            }
        }
        InstrumentCommand::Export { what, db } => {
            let (code, number) = match what.split_once('@') {
                Some((code, n)) => (
                    code,
                    Some(
                        n.parse::<i64>()
                            .map_err(|_| format!("not a version number: {n}"))?,
                    ),
                ),
                None => (what.as_str(), None),
            };
            let code: domain::InstrumentCode = code
                .parse()
                .map_err(|_| format!("not an instrument code: {code}"))?;
            let services = Services::new(Db::connect(&db.database_url).await?);
            let definition = services
                .export_definition(&Actor::System("command line"), &code, number)
                .await
                .map_err(|e| match e {
                    ServiceError::NotFound => {
                        format!("no instrument version {what}")
                    }
                    other => other.to_string(),
                })?;
            println!("{definition}");
            Ok(ExitCode::SUCCESS)
        }
        InstrumentCommand::Diff {
            before,
            after,
            json,
            db,
        } => server::instrument_diff::run(&before, &after, json, &db).await,
    }
}
