//! Subjects (assessors and administrators): search, record a new subject,
//! and a subject's page with their record, its edit and transfer forms and
//! their assessment history.
//!
//! A subject's name is personal data: it travels only in the bodies of
//! posts and pages, never in a URL (pages are addressed by the code; the
//! search is a post, not a `?q=` link) nor in the audit log.

mod create_subject;
mod due_date;
mod get_subject;
mod new_subject_page;
mod reassessments_due;
mod search_subjects;
mod subject_assessments;
mod subject_facilities;
mod subject_forms;
mod subject_page;
mod subjects_page;
pub(crate) mod texts;
mod transfer_subject;
mod trend;
mod update_subject;

pub use create_subject::{CreateSubject, create_subject};
pub use get_subject::{GetSubject, get_subject};
pub use new_subject_page::NewSubjectPage;
pub use reassessments_due::{ReassessmentsDue, reassessments_due};
pub use search_subjects::{SearchSubjects, search_subjects};
pub use subject_assessments::{SubjectAssessments, subject_assessments};
pub use subject_facilities::{SubjectFacilities, subject_facilities};
pub use subject_page::SubjectPage;
pub use subjects_page::SubjectsPage;
pub use transfer_subject::{TransferSubject, transfer_subject};
pub use update_subject::{UpdateSubject, update_subject};
