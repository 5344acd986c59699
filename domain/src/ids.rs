//! Typed identifiers: a `UserId` can never be passed where another id is meant.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// A user account's database identity.
    UserId
);

id_type!(
    /// An instrument's database identity (its stable code is `InstrumentCode`).
    InstrumentId
);

id_type!(
    /// One version of an instrument.
    VersionId
);
