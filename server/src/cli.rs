//! The `mizon` command line. Every subcommand that touches data takes the
//! same `--database-url` (env `MIZON_DATABASE_URL`).

use crate::config::{DatabaseArgs, ServeArgs};
use clap::{Parser, Subcommand};
use domain::Role;

#[derive(Parser, Debug)]
#[command(
    name = "mizon",
    version,
    about = "Mizon: prison risk and needs assessment instruments, in Tajik, Russian and English."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Serve the web application (creates and migrates the database on first start,
    /// and prints the first administrator's one-time password).
    Serve(ServeArgs),
    /// Apply database migrations and exit.
    Migrate(DatabaseArgs),
    /// Account administration from the command line.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Audit log tools.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Instrument definitions: check, import, export, compare.
    #[command(subcommand)]
    Instrument(InstrumentCommand),
}

#[derive(Subcommand, Debug)]
pub enum InstrumentCommand {
    /// Check definition files (JSON syntax, the JSON Schema, then every
    /// semantic rule) and print every problem with its path. Exits non-zero
    /// if any file has a problem. Needs no database.
    Validate {
        #[arg(required = true)]
        files: Vec<std::path::PathBuf>,
    },
    /// Import a definition file as the next draft version of its instrument.
    Import {
        file: std::path::PathBuf,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Print a stored definition: `CODE` (newest published version) or
    /// `CODE@NUMBER`. Its output imports back unchanged.
    Export {
        /// `CODE` or `CODE@VERSION`, e.g. `IRNS@1`.
        what: String,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Show what changed between two versions: one line per change,
    /// `class  path  summary`, where class is structural, scoring, wording
    /// (source-language text) or translation, and path a JSON pointer.
    /// Exits 0 whether or not anything changed, non-zero when a version
    /// cannot be read. Two files need no database.
    Diff {
        /// The older version: a definition file, or `CODE@VERSION` read
        /// from the database (`--database-url`), e.g. `IRNS@1`.
        before: String,
        /// The newer version, likewise.
        after: String,
        /// Print `{"changes": [{"class", "path", "before", "after", "summary"}]}`.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(Subcommand, Debug)]
pub enum AdminCommand {
    /// Create an account. The password is read from standard input when
    /// `--password-stdin` is given, otherwise generated and printed once.
    CreateUser {
        #[arg(long)]
        username: String,
        #[arg(long)]
        display_name: String,
        /// A role to grant; repeat for several (administrator, methodologist,
        /// translator, reviewer, assessor).
        #[arg(long = "role", required = true)]
        roles: Vec<Role>,
        #[arg(long)]
        password_stdin: bool,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Make an API token for an account and print it once: the last word of
    /// the last line is the token. Requests send it as
    /// `Authorization: Bearer TOKEN`.
    CreateToken {
        #[arg(long)]
        username: String,
        /// A label to recognise the token by.
        #[arg(long, default_value = "command line")]
        name: String,
        /// Days until the token stops working (default: no expiry).
        #[arg(long)]
        expires_days: Option<u32>,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Set a new password for an account (from standard input with
    /// `--password-stdin`, otherwise generated and printed once) and end its sessions.
    ResetPassword {
        #[arg(long)]
        username: String,
        #[arg(long)]
        password_stdin: bool,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Check the audit log's hash chain; exits non-zero if it was tampered with.
    /// With `--checkpoint`, also that the log still reaches the checkpoint's
    /// event with the same hash (events cut off the end fail this).
    Verify {
        /// A file written by `mizon audit checkpoint`.
        #[arg(long)]
        checkpoint: Option<std::path::PathBuf>,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Write the newest event's number and hash to a small JSON file, to keep
    /// outside the database (another host, a timer): `verify --checkpoint`
    /// later proves nothing was cut off the end of the log since.
    Checkpoint {
        /// Where to write it (replaced atomically); `-` prints it instead.
        #[arg(long)]
        out: std::path::PathBuf,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}
