//! Features, each with its server functions (one per file) and its pages.

pub mod assessments;
pub mod audit;
pub mod auth;
pub mod facilities;
pub mod instruments;
pub mod review;
pub mod subjects;
pub mod tokens;
pub mod translations;
pub mod users;
