//! Building blocks shared by pages: layout, guards, errors, form fields.

mod erase;
mod errors;
mod fields;
mod form_state;
mod guard;
mod header;
mod meter;
mod session;

pub use erase::EraseOnServer;
pub use errors::{ErrorMessage, Forbidden, NotFound, ProblemList};
pub use fields::{RoleLabel, TextField};
pub use form_state::{FormFlash, FormState};
pub use guard::Protected;
pub use header::Header;
pub use meter::PercentMeter;
pub use session::{Session, provide_session, use_session};
