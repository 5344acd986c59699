//! Black-box tests through HTTP: the real application on a random port,
//! a fresh database per test, on SQLite and (when configured) PostgreSQL.

mod api_errors;
mod api_instruments;
mod api_roles;
mod api_tokens;
mod assessment_pages;
mod assessments;
mod assets;
mod audit;
mod audit_filters;
mod audit_refusals;
mod auth;
mod auth_hardening;
mod cross_site;
mod drafts;
mod edge;
mod exports;
mod facilities;
mod first_start;
mod forms;
mod input_limits;
mod instruments;
mod language;
mod pages;
mod review;
mod review_pages;
mod roles;
mod subject_pages;
mod subjects;
mod translation_pages;
mod translations;
mod users;
