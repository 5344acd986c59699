//! What the audit log can say: one closed list of actions and target kinds.
//!
//! Every service names its audit event with these enums, never with a string
//! literal, so that the list below is the whole vocabulary of the log: the
//! interface has a localised name for each (a test walks [`AuditAction::ALL`])
//! and a row with an action outside the list is a decoding error, not text
//! that silently shows up as something nobody knows.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! code_enum {
    (
        $(#[$doc:meta])*
        $name:ident, $unknown:literal {
            $($(#[$vdoc:meta])* $variant:ident => $code:literal,)+
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "&'static str")]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name {
            $($(#[$vdoc])* #[cfg_attr(feature = "openapi", schema(rename = $code))] $variant,)+
        }

        impl $name {
            /// Every value, in a fixed order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stable code stored in the database and shown in exports.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl FromStr for $name {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.code() == s)
                    .ok_or_else(|| UnknownCode { kind: $unknown, code: s.to_owned() })
            }
        }

        impl TryFrom<String> for $name {
            type Error = UnknownCode;
            fn try_from(s: String) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        impl From<$name> for &'static str {
            fn from(value: $name) -> Self {
                value.code()
            }
        }
    };
}

/// A stored code that is not in the list (a newer server wrote it, or the
/// row was altered).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{code}`")]
pub struct UnknownCode {
    pub kind: &'static str,
    pub code: String,
}

code_enum! {
    /// What happened.
    AuditAction, "audit action" {
        SignIn => "auth.sign_in",
        SignInFailed => "auth.sign_in_failed",
        SignInThrottled => "auth.sign_in_throttled",
        SignOut => "auth.sign_out",
        /// A signed-in user typed a wrong current password (a password
        /// change, or any later re-authentication).
        PasswordCheckFailed => "auth.password_check_failed",
        /// A password check refused unchecked: too many recent failures.
        PasswordCheckThrottled => "auth.password_check_throttled",
        PasswordChanged => "auth.password_changed",
        UserCreated => "user.created",
        UserUpdated => "user.updated",
        PasswordReset => "user.password_reset",
        PreferredLocaleChanged => "user.preferred_locale_changed",
        TokenCreated => "token.created",
        TokenRevoked => "token.revoked",
        InstrumentLibraryLoaded => "instrument.library_loaded",
        InstrumentImported => "instrument.imported",
        /// A new instrument, started in the browser as draft version 1.
        InstrumentCreated => "instrument.created",
        /// A new draft version, copied from the latest published one.
        DraftStarted => "instrument.draft_started",
        /// A draft saved (one event per save, not per keystroke).
        DraftSaved => "instrument.draft_saved",
        /// A protected action answered 401 or 403 (rate-limited).
        AccessRefused => "access.refused",
        /// A state-changing request from another site was turned away.
        CrossSiteRefused => "access.cross_site_refused",
        /// Someone read the audit log (a page of it, with its filters).
        AuditLogRead => "audit.log_read",
        /// Someone read user records (the list, or one account).
        UserRead => "user.read",
        /// An administrator said which facilities an account works at.
        UserFacilitiesChanged => "user.facilities_changed",
        FacilityCreated => "facility.created",
        /// A subject recorded (never their name in the details).
        SubjectCreated => "subject.created",
        /// A subject's record changed (the details say which fields).
        SubjectUpdated => "subject.updated",
        /// A subject moved to another facility, with their history.
        SubjectTransferred => "subject.transferred",
        /// Someone read one subject's record.
        SubjectRead => "subject.read",
        /// Someone searched or listed subjects (the codes shown in the details).
        SubjectsSearched => "subject.searched",
        /// An assessment started (subject, instrument version, locale).
        AssessmentStarted => "assessment.started",
        /// A draft assessment's answers saved (one event per save).
        AssessmentSaved => "assessment.saved",
        /// An assessment submitted and locked (with its outcome's bands).
        AssessmentSubmitted => "assessment.submitted",
        /// A correction of a submitted assessment started (with the reason).
        AssessmentAmended => "assessment.amended",
        /// Someone read an assessment (its answers and outcome).
        AssessmentRead => "assessment.read",
        /// Someone exported the submitted assessments of an instrument
        /// version (the count and the ids in the details, never answers).
        AssessmentsExported => "assessment.exported",
        /// Someone read the list of a subject's assessments (their page).
        AssessmentsListed => "assessment.listed",
        /// Wordings of one locale of a draft written (one event per save
        /// or upload; the ids and what happened to each in the details).
        TranslationsSaved => "translation.saved",
        /// A locale of a version signed off as a whole by a reviewer.
        TranslationsSignedOff => "translation.signed_off",
        /// A version sent to review by its author (open comments listed).
        VersionSubmitted => "version.submitted",
        /// A reviewer sent a version back to its author, with the reason.
        VersionChangesRequested => "version.changes_requested",
        /// A version sent back was saved again: a draft once more.
        VersionReopened => "version.reopened",
        /// A reviewer approved a version with an electronic signature.
        VersionApproved => "version.approved",
        /// A version published with an electronic signature (the one it
        /// supersedes in the details).
        VersionPublished => "version.published",
        /// An instrument withdrawn (with the reason): no new assessments.
        InstrumentRetired => "instrument.retired",
        /// A comment on a version, an item or a section (or a reply).
        CommentAdded => "comment.added",
        /// A comment thread marked resolved.
        CommentResolved => "comment.resolved",
        /// A resolved comment thread opened again.
        CommentReopened => "comment.reopened",
        /// An administrator changed a setting (which, from what, to what).
        SettingChanged => "setting.changed",
    }
}

code_enum! {
    /// What kind of record an event is about.
    AuditTarget, "audit target" {
        /// A user account (its id).
        User => "user",
        /// An account name that was tried at sign-in (no id: it may not exist).
        Account => "account",
        /// An API token (its id).
        ApiToken => "api_token",
        /// One version of an instrument (its id).
        InstrumentVersion => "instrument_version",
        /// An HTTP request (refusals: its method and path in the details).
        Request => "request",
        /// The audit log itself.
        AuditLog => "audit_log",
        /// A facility (its id).
        Facility => "facility",
        /// A subject (its id; the code is in the details).
        Subject => "subject",
        /// An assessment (its id).
        Assessment => "assessment",
        /// A setting of the whole installation (its name).
        Setting => "setting",
    }
}

impl AuditAction {
    /// The Fluent message that names this action in the interface:
    /// `user.password_reset` → `audit-action-user-password-reset`.
    pub fn message_id(self) -> String {
        format!("audit-action-{}", self.code().replace(['.', '_'], "-"))
    }
}

impl AuditTarget {
    /// The Fluent message that names this kind of record.
    pub fn message_id(self) -> String {
        format!("audit-target-{}", self.code().replace('_', "-"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        for action in AuditAction::ALL {
            assert_eq!(action.code().parse::<AuditAction>(), Ok(*action));
            let json = serde_json::to_string(action).unwrap();
            assert_eq!(serde_json::from_str::<AuditAction>(&json).unwrap(), *action);
        }
        for target in AuditTarget::ALL {
            assert_eq!(target.code().parse::<AuditTarget>(), Ok(*target));
        }
        let mut codes: Vec<_> = AuditAction::ALL.iter().map(|a| a.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), AuditAction::ALL.len());
    }

    #[test]
    fn an_unknown_code_is_an_error_not_a_default() {
        assert!("user.deleted".parse::<AuditAction>().is_err());
        assert!(serde_json::from_str::<AuditTarget>("\"prisoner\"").is_err());
        assert_eq!(
            AuditAction::PasswordReset.message_id(),
            "audit-action-user-password-reset"
        );
    }
}
