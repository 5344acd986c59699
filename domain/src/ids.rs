//! Typed identifiers: a `UserId` can never be passed where another id is meant.
//!
//! The number inside is private: an id comes from the database (the store
//! builds it with `from_db`) or from a request (deserialised), and code in
//! between passes the id on, never the bare number.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[cfg_attr(feature = "openapi", schema(value_type = i64))]
        pub struct $name(i64);

        impl $name {
            /// The id of a stored row (for the store, and for parsing a URL).
            pub const fn from_db(raw: i64) -> Self {
                $name(raw)
            }

            /// The number to bind in a query or to put in a URL.
            pub const fn get(self) -> i64 {
                self.0
            }
        }

        impl From<i64> for $name {
            fn from(raw: i64) -> Self {
                $name(raw)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
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

id_type!(
    /// One API token of a user.
    TokenId
);

id_type!(
    /// A facility (its stable code is `FacilityCode`).
    FacilityId
);

id_type!(
    /// A subject (its pseudonymous code is `SubjectCode`, the only one that
    /// appears in URLs).
    SubjectId
);
