//! What an administrator narrows the audit log to: who, which action, a
//! date range, which record. The filters travel as plain query parameters
//! of the audit log page (a GET form that works without JavaScript), so
//! they are parsed here once, from text, and an invalid date is an error
//! that names its field rather than a filter silently ignored.

use crate::audit::{AuditAction, AuditTarget};
use crate::date::days_in_month;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar day, `YYYY-MM-DD` (what `<input type="date">` sends). Stored
/// timestamps are ISO 8601 UTC text, so days compare with them as text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AuditDate {
    year: u16,
    month: u8,
    day: u8,
}

impl AuditDate {
    /// Parses `YYYY-MM-DD`; the Fluent id of the error otherwise.
    pub fn parse(s: &str) -> Result<AuditDate, &'static str> {
        const INVALID: &str = "audit-filter-invalid-date";
        let b = s.as_bytes();
        let digits =
            |r: std::ops::Range<usize>| b[r.clone()].iter().all(u8::is_ascii_digit).then(|| &s[r]);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(INVALID);
        }
        let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
            return Err(INVALID);
        };
        let (year, month, day) = (
            y.parse::<u16>().map_err(|_| INVALID)?,
            m.parse::<u8>().map_err(|_| INVALID)?,
            d.parse::<u8>().map_err(|_| INVALID)?,
        );
        if year == 0 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(INVALID);
        }
        Ok(AuditDate { year, month, day })
    }

    /// The day after (the end of an inclusive "to" range, exclusive).
    pub fn next_day(self) -> AuditDate {
        let AuditDate { year, month, day } = self;
        if day < days_in_month(year, month) {
            AuditDate {
                day: day + 1,
                ..self
            }
        } else if month < 12 {
            AuditDate {
                month: month + 1,
                day: 1,
                ..self
            }
        } else {
            AuditDate {
                year: year + 1,
                month: 1,
                day: 1,
            }
        }
    }
}

impl fmt::Display for AuditDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl TryFrom<String> for AuditDate {
    type Error = &'static str;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        AuditDate::parse(&s)
    }
}

impl From<AuditDate> for String {
    fn from(d: AuditDate) -> String {
        d.to_string()
    }
}

/// The audit log's filters; `None` (or an empty text) matches everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    /// Part of the actor's name (case-insensitive).
    pub actor: Option<String>,
    pub action: Option<AuditAction>,
    /// From this day on (UTC), inclusive.
    pub from: Option<AuditDate>,
    /// Up to this day (UTC), inclusive.
    pub to: Option<AuditDate>,
    pub target: Option<AuditTarget>,
    /// The record's id, exactly.
    pub target_id: Option<String>,
    /// Only events up to this sequence number: the view as it was when its
    /// first page was shown, so that paging is not shifted by events
    /// written meanwhile (each read of the log is one).
    pub until: Option<i64>,
}

/// The filters as the page's form sends them: text, empty when unused.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilterForm {
    pub actor: Option<String>,
    pub action: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub target: Option<String>,
    pub target_id: Option<String>,
    pub until: Option<String>,
}

fn given(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl AuditFilterForm {
    /// The filter, or the field that is wrong and the Fluent id saying why.
    pub fn parse(&self) -> Result<AuditFilter, (&'static str, &'static str)> {
        let date = |field, s: &Option<String>| {
            given(s)
                .map(|d| AuditDate::parse(d).map_err(|e| (field, e)))
                .transpose()
        };
        Ok(AuditFilter {
            actor: given(&self.actor).map(str::to_owned),
            action: given(&self.action)
                .map(|a| {
                    a.parse()
                        .map_err(|_| ("action", "audit-filter-invalid-choice"))
                })
                .transpose()?,
            from: date("from", &self.from)?,
            to: date("to", &self.to)?,
            target: given(&self.target)
                .map(|t| {
                    t.parse()
                        .map_err(|_| ("target", "audit-filter-invalid-choice"))
                })
                .transpose()?,
            target_id: given(&self.target_id).map(str::to_owned),
            until: given(&self.until)
                .map(|u| {
                    u.parse::<i64>()
                        .ok()
                        .filter(|n| *n >= 0)
                        .ok_or(("until", "audit-filter-invalid-choice"))
                })
                .transpose()?,
        })
    }
}

impl AuditFilter {
    /// Back to the form's text (for links that keep the filters).
    pub fn to_form(&self) -> AuditFilterForm {
        AuditFilterForm {
            actor: self.actor.clone(),
            action: self.action.map(|a| a.code().to_owned()),
            from: self.from.map(|d| d.to_string()),
            to: self.to.map(|d| d.to_string()),
            target: self.target.map(|t| t.code().to_owned()),
            target_id: self.target_id.clone(),
            until: self.until.map(|u| u.to_string()),
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == AuditFilter::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_strictly_and_roll_over_months_and_years() {
        assert_eq!(
            AuditDate::parse("2026-02-28")
                .unwrap()
                .next_day()
                .to_string(),
            "2026-03-01"
        );
        assert_eq!(
            AuditDate::parse("2028-02-28")
                .unwrap()
                .next_day()
                .to_string(),
            "2028-02-29"
        );
        assert_eq!(
            AuditDate::parse("2026-12-31")
                .unwrap()
                .next_day()
                .to_string(),
            "2027-01-01"
        );
        assert_eq!(
            AuditDate::parse("2026-04-30")
                .unwrap()
                .next_day()
                .to_string(),
            "2026-05-01"
        );
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-01-01",
            "2026-01-00",
            "2026/01/01",
            "2026-01-0x",
        ] {
            assert!(AuditDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn empty_fields_match_everything_and_bad_ones_name_their_field() {
        let empty = AuditFilterForm {
            actor: Some("  ".into()),
            action: Some(String::new()),
            ..Default::default()
        };
        assert!(empty.parse().unwrap().is_empty());
        let form = AuditFilterForm {
            actor: Some("chief".into()),
            action: Some("user.created".into()),
            from: Some("2026-11-01".into()),
            target: Some("user".into()),
            target_id: Some("7".into()),
            until: Some("42".into()),
            ..Default::default()
        };
        let filter = form.parse().unwrap();
        assert_eq!(filter.action, Some(AuditAction::UserCreated));
        assert_eq!(filter.to_form().parse().unwrap(), filter);
        let bad = AuditFilterForm {
            to: Some("yesterday".into()),
            ..Default::default()
        };
        assert_eq!(bad.parse(), Err(("to", "audit-filter-invalid-date")));
        let bad = AuditFilterForm {
            action: Some("user.deleted".into()),
            ..Default::default()
        };
        assert_eq!(bad.parse(), Err(("action", "audit-filter-invalid-choice")));
    }
}
