//! `mizon`: parses the command line and runs one subcommand.

use clap::Parser;
use server::cli::{AdminCommand, AuditCommand, Cli, Command};
use server::db::Db;
use server::services::{Actor, Services};
use std::io::Read;
use std::process::ExitCode;

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
        Ok((server::password::generate(), true))
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    init_tracing();
    match run(Cli::parse().command).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("mizon: {e}");
            ExitCode::FAILURE
        }
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
            let new = app::model::NewUser {
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
            let id = services.find_user_id(&username).await?;
            let (password, generated) = read_password(password_stdin)?;
            services
                .reset_password(&Actor::System("command line"), id, &password)
                .await?;
            println!("The password of {username} was reset; its sessions have ended.");
            if generated {
                println!("Password (shown once): {password}");
            }
        }
        Command::Audit(AuditCommand::Verify { db }) => {
            let services = Services::new(Db::connect(&db.database_url).await?);
            match services.verify_audit_chain().await? {
                None => println!("The audit log is intact."),
                Some(seq) => {
                    println!("The audit log was altered at event {seq}.");
                    return Ok(ExitCode::FAILURE);
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
