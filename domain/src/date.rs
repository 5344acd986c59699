//! A calendar day, `yyyy-mm-dd`: a subject's date of birth, the date of a
//! release or a transfer. Parsed once, so that "2026-02-30" never reaches
//! the database; compared in calendar order (the derived order of year,
//! month, day). No clock here: the caller says which day is today.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Days in `month` of `year` (Gregorian).
pub(crate) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A day of the Gregorian calendar, from 1900-01-01 on (no subject was born
/// earlier; a year like 0026 is a typing error, not a date).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(value_type = String, format = Date, example = "1994-03-21"))]
pub struct Day(Ymd);

/// Year, month and day, in this order: the derived order is the calendar's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Ymd {
    year: u16,
    month: u8,
    day: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not a date in the form yyyy-mm-dd from 1900 on")]
pub struct DayError;

impl Day {
    pub const EARLIEST: Day = Day(Ymd {
        year: 1900,
        month: 1,
        day: 1,
    });

    /// Parses exactly `yyyy-mm-dd` (what `<input type="date">` sends).
    pub fn parse(s: &str) -> Result<Day, DayError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DayError);
        }
        let number = |r: std::ops::Range<usize>| -> Result<u16, DayError> {
            if b[r.clone()].iter().all(u8::is_ascii_digit) {
                s[r].parse().map_err(|_| DayError)
            } else {
                Err(DayError)
            }
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let (month, day) = (month as u8, day as u8);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return Err(DayError);
        }
        let parsed = Day(Ymd { year, month, day });
        if parsed < Day::EARLIEST {
            return Err(DayError);
        }
        Ok(parsed)
    }

    /// The day of an ISO 8601 timestamp (`2026-12-03T10:00:00Z` → 2026-12-03).
    pub fn of_timestamp(iso: &str) -> Result<Day, DayError> {
        Day::parse(iso.get(..10).ok_or(DayError)?)
    }

    /// Days since 1970-01-01 (negative before): the distance between two
    /// days is the difference of their numbers. Howard Hinnant's
    /// `days_from_civil`.
    pub fn number(self) -> i64 {
        let Ymd { year, month, day } = self.0;
        let y = i64::from(year) - i64::from(month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Ymd { year, month, day } = self.0;
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

impl std::str::FromStr for Day {
    type Err = DayError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Day::parse(s)
    }
}

impl TryFrom<String> for Day {
    type Error = DayError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Day::parse(&s)
    }
}

impl From<Day> for String {
    fn from(d: Day) -> String {
        d.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_count_days_from_1970() {
        let n = |s: &str| Day::parse(s).unwrap().number();
        assert_eq!(n("1970-01-01"), 0);
        assert_eq!(n("1969-12-31"), -1);
        assert_eq!(n("2000-03-01") - n("2000-02-28"), 2);
        assert_eq!(n("1900-03-01") - n("1900-02-28"), 1);
        assert_eq!(n("2026-12-03"), 20_790);
    }

    #[test]
    fn only_real_days_in_the_exact_form_parse() {
        assert_eq!(Day::parse("1994-03-21").unwrap().to_string(), "1994-03-21");
        assert!(Day::parse("2024-02-29").is_ok());
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-04-31",
            "2026-00-10",
            "2026-1-01",
            "21.03.1994",
            "1899-12-31",
            "0026-01-01",
            "+994-03-21",
            "",
        ] {
            assert_eq!(Day::parse(bad), Err(DayError), "{bad}");
        }
    }

    #[test]
    fn days_order_as_the_calendar_does() {
        let d = |s| Day::parse(s).unwrap();
        assert!(d("1999-12-31") < d("2000-01-01"));
        assert!(d("2000-02-10") < d("2000-10-02"));
        assert_eq!(
            Day::of_timestamp("2026-12-03T10:00:00.000000Z"),
            Ok(d("2026-12-03"))
        );
    }
}
