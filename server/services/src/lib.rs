//! Every action Mizon takes, written once.
//!
//! A page's server function (in `app`), a handler of the public JSON API and
//! the command line (both in `server`) all call the same method of
//! [`Services`]; that method checks the actor's role, opens the transaction,
//! writes the audit event and calls the store. Nothing in between forwards.
//!
//! [`model`] holds the request and response types those callers share; it
//! is the only part compiled without the `server` feature (the browser's
//! wasm needs the types, not the database).

pub mod model;

#[cfg(feature = "server")]
mod error;
#[cfg(feature = "server")]
pub use error::{ServiceError, ServiceResult};

#[cfg(feature = "server")]
pub mod account;
#[cfg(feature = "server")]
pub mod answers_check;
#[cfg(feature = "server")]
pub mod assessments;
#[cfg(feature = "server")]
pub mod audit;
#[cfg(feature = "server")]
pub mod audit_checkpoint;
#[cfg(feature = "server")]
pub mod auth;
#[cfg(feature = "server")]
pub mod db;
#[cfg(feature = "server")]
pub mod definition_check;
#[cfg(feature = "server")]
pub mod drafts;
#[cfg(feature = "server")]
pub mod exports;
#[cfg(feature = "server")]
pub mod facilities;
#[cfg(feature = "server")]
pub mod instruments;
#[cfg(feature = "server")]
pub mod library;
#[cfg(feature = "server")]
pub mod limiter;
#[cfg(feature = "server")]
pub mod password;
#[cfg(feature = "server")]
pub mod refusals;
#[cfg(feature = "server")]
pub mod review;
#[cfg(feature = "server")]
pub mod store;
#[cfg(feature = "server")]
pub mod subjects;
#[cfg(feature = "server")]
pub mod throttle;
#[cfg(feature = "server")]
pub mod time;
#[cfg(feature = "server")]
pub mod tokens;
#[cfg(feature = "server")]
pub mod translations;
#[cfg(feature = "server")]
pub mod users;

#[cfg(feature = "server")]
mod actor;
#[cfg(feature = "server")]
pub use actor::Actor;

/// Everything a service needs; cheap to clone. On the server it travels to
/// the pages and the API in each request's extensions.
#[cfg(feature = "server")]
#[derive(Clone, Debug)]
pub struct Services {
    pub db: db::Db,
    /// This instance's count of refusal events (see [`refusals`]).
    refusals: std::sync::Arc<refusals::RefusalLimiter>,
    /// Published versions as assessments use them (see [`assessments`]).
    rules: std::sync::Arc<assessments::RulesCache>,
}

#[cfg(feature = "server")]
impl Services {
    pub fn new(db: db::Db) -> Self {
        Services {
            db,
            refusals: Default::default(),
            rules: Default::default(),
        }
    }
}

/// A short random id that ties a user's "something went wrong" to the one
/// log line with the details.
#[cfg(feature = "server")]
pub fn new_correlation_id() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 6];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}
