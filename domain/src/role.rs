//! Roles and what each may do.
//!
//! The server asks `Roles::allows(Permission)` before every action; the
//! interface asks the same question only to decide what to show.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(rename_all = "lowercase"))]
pub enum Role {
    Administrator,
    Methodologist,
    Translator,
    Reviewer,
    Assessor,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role `{0}`")]
pub struct UnknownRole(pub String);

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::Methodologist,
        Role::Translator,
        Role::Reviewer,
        Role::Assessor,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Role::Administrator => "administrator",
            Role::Methodologist => "methodologist",
            Role::Translator => "translator",
            Role::Reviewer => "reviewer",
            Role::Assessor => "assessor",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == s.trim())
            .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

/// An action that needs a role. Add a variant per guarded action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    /// List, create, change and deactivate accounts and their roles.
    ManageUsers,
    /// Page through the audit log.
    ReadAuditLog,
    /// See the instrument library and preview published versions.
    ViewInstruments,
    /// Bring a definition into the library as a new draft version.
    ImportInstruments,
    /// Start an instrument or a new draft version, and edit a draft.
    EditDrafts,
    /// Create facilities and say who works at which.
    ManageFacilities,
    /// See the list of facilities (codes and names).
    ViewFacilities,
    /// Record, find, read, change and transfer subjects (which ones: see
    /// `SubjectAccess`).
    WorkWithSubjects,
    /// Complete assessments about subjects of one's facilities.
    Assess,
    /// Read assessments of subjects of one's facilities (administrators:
    /// of every facility).
    ReadAssessments,
    /// Export every submitted assessment of an instrument version as one
    /// table (CSV, XLSX) — of one's facilities (administrators: of all).
    /// For those who analyse results, not for those who assess.
    ExportAssessments,
    /// Write the wordings of a draft in the locales other than its source
    /// (the side-by-side editor, uploads of translation files).
    Translate,
    /// Download a version's translation files.
    ReadTranslationFiles,
    /// Sign a locale of a version off as a whole (four eyes: never one's
    /// own translations; the service checks that).
    SignOffTranslations,
    /// Approve a version or send it back with a reason (four eyes: never
    /// one's own; the service checks that).
    ReviewVersions,
    /// Publish an approved version; retire an instrument.
    PublishVersions,
    /// Comment on a version, its sections and items; resolve threads.
    CommentOnVersions,
    /// See a version's timeline, comments and the review inbox (everyone
    /// who works on instruments; not assessors).
    ViewReview,
    /// Change the installation's settings (approvals required…).
    ManageSettings,
}

/// The set of roles one account holds, kept sorted and free of duplicates.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Roles(Vec<Role>);

impl Roles {
    pub fn new(roles: impl IntoIterator<Item = Role>) -> Self {
        let mut v: Vec<Role> = roles.into_iter().collect();
        v.sort();
        v.dedup();
        Roles(v)
    }

    pub fn contains(&self, role: Role) -> bool {
        self.0.contains(&role)
    }

    pub fn iter(&self) -> impl Iterator<Item = Role> + '_ {
        self.0.iter().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether any held role grants the permission.
    pub fn allows(&self, permission: Permission) -> bool {
        match permission {
            Permission::ManageUsers
            | Permission::ReadAuditLog
            | Permission::ManageFacilities
            | Permission::ManageSettings => self.contains(Role::Administrator),
            // Every role works with instruments in some way.
            Permission::ViewInstruments | Permission::ViewFacilities => !self.is_empty(),
            Permission::Assess => self.contains(Role::Assessor),
            Permission::ReadAssessments => {
                self.contains(Role::Assessor)
                    || self.contains(Role::Reviewer)
                    || self.contains(Role::Administrator)
            }
            Permission::ExportAssessments => {
                self.contains(Role::Reviewer) || self.contains(Role::Administrator)
            }
            Permission::WorkWithSubjects => {
                self.contains(Role::Assessor) || self.contains(Role::Administrator)
            }
            Permission::ImportInstruments | Permission::EditDrafts => {
                self.contains(Role::Methodologist) || self.contains(Role::Administrator)
            }
            Permission::Translate => {
                self.contains(Role::Translator)
                    || self.contains(Role::Methodologist)
                    || self.contains(Role::Administrator)
            }
            Permission::ReadTranslationFiles => {
                self.contains(Role::Translator)
                    || self.contains(Role::Methodologist)
                    || self.contains(Role::Reviewer)
                    || self.contains(Role::Administrator)
            }
            Permission::SignOffTranslations | Permission::ReviewVersions => {
                self.contains(Role::Reviewer)
            }
            Permission::PublishVersions => {
                self.contains(Role::Reviewer) || self.contains(Role::Administrator)
            }
            Permission::CommentOnVersions => {
                self.contains(Role::Methodologist)
                    || self.contains(Role::Translator)
                    || self.contains(Role::Reviewer)
            }
            Permission::ViewReview => self.iter().any(|r| r != Role::Assessor),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translators_translate_and_only_reviewers_sign_off() {
        let translator = Roles::new([Role::Translator]);
        assert!(translator.allows(Permission::Translate));
        assert!(translator.allows(Permission::ReadTranslationFiles));
        assert!(!translator.allows(Permission::SignOffTranslations));
        assert!(!translator.allows(Permission::EditDrafts));
        let reviewer = Roles::new([Role::Reviewer]);
        assert!(!reviewer.allows(Permission::Translate));
        assert!(reviewer.allows(Permission::ReadTranslationFiles));
        assert!(reviewer.allows(Permission::SignOffTranslations));
        let assessor = Roles::new([Role::Assessor]);
        assert!(!assessor.allows(Permission::ReadTranslationFiles));
        assert!(!Roles::new([Role::Administrator]).allows(Permission::SignOffTranslations));
    }

    #[test]
    fn only_administrators_manage_users_and_read_the_audit_log() {
        for role in Role::ALL {
            let roles = Roles::new([role]);
            let admin = role == Role::Administrator;
            assert_eq!(roles.allows(Permission::ManageUsers), admin, "{role}");
            assert_eq!(roles.allows(Permission::ReadAuditLog), admin, "{role}");
            assert!(roles.allows(Permission::ViewInstruments), "{role}");
            let imports = matches!(role, Role::Administrator | Role::Methodologist);
            assert_eq!(
                roles.allows(Permission::ImportInstruments),
                imports,
                "{role}"
            );
        }
        assert!(!Roles::default().allows(Permission::ViewInstruments));
    }

    #[test]
    fn administrators_manage_facilities_and_assessors_work_with_subjects() {
        for role in Role::ALL {
            let roles = Roles::new([role]);
            let admin = role == Role::Administrator;
            assert_eq!(roles.allows(Permission::ManageFacilities), admin, "{role}");
            assert!(roles.allows(Permission::ViewFacilities), "{role}");
            assert_eq!(
                roles.allows(Permission::WorkWithSubjects),
                admin || role == Role::Assessor,
                "{role}"
            );
        }
        assert!(!Roles::default().allows(Permission::ViewFacilities));
    }

    #[test]
    fn only_reviewers_and_administrators_export_assessments() {
        for role in Role::ALL {
            let exports = matches!(role, Role::Reviewer | Role::Administrator);
            assert_eq!(
                Roles::new([role]).allows(Permission::ExportAssessments),
                exports,
                "{role}"
            );
        }
        assert!(!Roles::default().allows(Permission::ExportAssessments));
    }

    #[test]
    fn reviewers_decide_and_publish_and_assessors_see_no_review() {
        for role in Role::ALL {
            let roles = Roles::new([role]);
            assert_eq!(
                roles.allows(Permission::ReviewVersions),
                role == Role::Reviewer,
                "{role}"
            );
            assert_eq!(
                roles.allows(Permission::PublishVersions),
                matches!(role, Role::Reviewer | Role::Administrator),
                "{role}"
            );
            assert_eq!(
                roles.allows(Permission::CommentOnVersions),
                matches!(
                    role,
                    Role::Methodologist | Role::Translator | Role::Reviewer
                ),
                "{role}"
            );
            assert_eq!(
                roles.allows(Permission::ViewReview),
                role != Role::Assessor,
                "{role}"
            );
        }
        assert!(Roles::new([Role::Assessor, Role::Reviewer]).allows(Permission::ViewReview));
    }

    #[test]
    fn roles_are_sorted_and_deduplicated() {
        let roles = Roles::new([Role::Assessor, Role::Administrator, Role::Assessor]);
        assert_eq!(
            roles.iter().collect::<Vec<_>>(),
            vec![Role::Administrator, Role::Assessor]
        );
    }

    #[test]
    fn role_codes_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.code().parse::<Role>(), Ok(role));
        }
        assert!("root".parse::<Role>().is_err());
    }
}
