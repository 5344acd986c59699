//! Facilities (administrators): the list, a new facility, and which
//! facilities an account works at (a form on the account's page).

mod create_facility;
mod facilities_page;
mod list_facilities;
mod set_user_facilities;
mod user_facilities;
mod user_facilities_form;

pub use create_facility::{CreateFacility, create_facility};
pub use facilities_page::FacilitiesPage;
pub use list_facilities::{ListFacilities, list_facilities};
pub use set_user_facilities::{SetUserFacilities, set_user_facilities};
pub use user_facilities::{UserFacilities, user_facilities};
pub use user_facilities_form::UserFacilitiesForm;
