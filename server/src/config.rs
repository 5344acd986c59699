//! The one typed configuration, from flags or environment variables.
//! Defaults make a bare `mizon serve` work from the repository root.

use clap::Args;
use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Args, Clone)]
pub struct DatabaseArgs {
    /// Where the data lives: `sqlite://PATH` (embedded, the default: a file
    /// created on first start) or `postgres://USER@HOST/DB` for deployments
    /// that run several server instances.
    #[arg(
        long,
        env = "MIZON_DATABASE_URL",
        default_value = "sqlite://data/mizon.db"
    )]
    pub database_url: String,
}

impl fmt::Debug for DatabaseArgs {
    /// Never prints the URL: it may hold a password.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scheme = self.database_url.split(':').next().unwrap_or("?");
        write!(f, "DatabaseArgs {{ database_url: {scheme}://… }}")
    }
}

#[derive(Args, Clone, Debug)]
pub struct ServeArgs {
    /// Address and port to listen on; port 0 picks a free one.
    #[arg(long, env = "MIZON_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    #[command(flatten)]
    pub db: DatabaseArgs,

    /// Folder of the built site: `pkg/` (wasm, JS, CSS), favicon and fonts.
    /// `.ci/build-site` writes it to `target/site`.
    #[arg(long, env = "MIZON_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,

    /// Mark cookies `Secure`. Turn on whenever users reach Mizon over https.
    #[arg(long, env = "MIZON_SECURE_COOKIES")]
    pub secure_cookies: bool,

    /// Trust `X-Forwarded-For` and `X-Forwarded-Proto` from a reverse proxy
    /// (for sign-in throttling by address and secure cookies). Only behind one.
    #[arg(long, env = "MIZON_TRUST_PROXY")]
    pub trust_proxy: bool,
}

impl ServeArgs {
    /// Settings for tests and tools: a random local port, the given database.
    pub fn for_database(database_url: &str) -> Self {
        ServeArgs {
            addr: "127.0.0.1:0".parse().expect("valid address"),
            db: DatabaseArgs {
                database_url: database_url.to_owned(),
            },
            site_root: PathBuf::from("target/site"),
            secure_cookies: false,
            trust_proxy: false,
        }
    }
}
