//! Message ids of the values a subject's pages show, and the date fields'
//! values (as `<input type=date>` sends and expects them: `yyyy-mm-dd`).

use crate::i18n::tr;
use crate::model::{Facility, SubjectView};
use domain::definition::Level;
use domain::{AssessmentStatus, FacilityCode, Gender, Locale, SubjectStatus};

pub fn gender_label(gender: Gender) -> &'static str {
    match gender {
        Gender::Male => "subject-gender-male",
        Gender::Female => "subject-gender-female",
    }
}

pub fn status_label(status: SubjectStatus) -> &'static str {
    match status {
        SubjectStatus::InCustody => "subject-status-in-custody",
        SubjectStatus::Released => "subject-status-released",
        SubjectStatus::Transferred => "subject-status-transferred",
    }
}

pub fn assessment_status_label(status: AssessmentStatus) -> &'static str {
    match status {
        AssessmentStatus::Draft => "assessment-status-draft",
        AssessmentStatus::Submitted => "assessment-status-submitted",
        AssessmentStatus::Superseded => "assessment-status-superseded",
    }
}

pub fn band_label(level: Level) -> &'static str {
    match level {
        Level::Low => "subject-band-low",
        Level::Moderate => "subject-band-moderate",
        Level::High => "subject-band-high",
    }
}

/// The status with its day, e.g. "Released 12.03.2026".
pub fn status_text(locale: Locale, subject: &SubjectView) -> String {
    let status = tr(locale, status_label(subject.status));
    match &subject.status_date {
        Some(day) => format!("{status} {}", locale.format_date(&day.to_string())),
        None => status,
    }
}

/// "CODE — name in the interface language", or the code alone for a
/// facility not in `all`.
pub fn facility_text(locale: Locale, code: &FacilityCode, all: &[Facility]) -> String {
    match all.iter().find(|f| &f.code == code) {
        Some(f) => format!("{code} — {}", f.name_in(locale)),
        None => code.to_string(),
    }
}
