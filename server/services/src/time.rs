//! Timestamps as stored: ISO 8601 UTC with fixed width (microseconds), so
//! that both SQLite and PostgreSQL order them correctly as text.

use chrono::{DateTime, Duration, SecondsFormat, Utc};

pub fn iso(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub fn now() -> DateTime<Utc> {
    Utc::now()
}

pub fn now_iso() -> String {
    iso(now())
}

pub fn ago_iso(d: Duration) -> String {
    iso(now() - d)
}

pub fn parse(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_timestamps_sort_as_text_in_time_order() {
        let a = iso(DateTime::from_timestamp(1_700_000_000, 5_000).unwrap());
        let b = iso(DateTime::from_timestamp(1_700_000_000, 120_000_000).unwrap());
        let c = iso(DateTime::from_timestamp(1_800_000_000, 0).unwrap());
        assert_eq!(a.len(), b.len());
        assert!(a < b && b < c);
        assert_eq!(parse(&b).map(iso), Some(b));
    }
}
