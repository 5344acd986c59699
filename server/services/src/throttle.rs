//! One throttle for every password check: sign-in, the current password on
//! a password change, and any later re-authentication.
//!
//! Why this shape: the old rule (5 failures lock a name for 15 minutes, 50
//! lock an address for 10) let anyone lock a colleague out by typing wrong
//! passwords for their name, and one person behind a prison's NAT lock out
//! everyone behind it. Now failures count against three keys, each with a
//! [`Rule`] that *delays* rather than locks — a refused attempt is answered
//! with the computed wait and is not itself a check, so it does not grow
//! the wait:
//!
//! - the **source**, one account name from one address ([`PER_SOURCE`]):
//!   the guesser is slowed hard (to a few guesses an hour) and only they
//!   are — the same account from another address is not;
//! - the **account** from anywhere ([`PER_ACCOUNT`]), against guesses spread
//!   over many addresses: a wait of at most a minute;
//! - the **address** for any account ([`PER_ADDRESS`]), against trying one
//!   password on many accounts: 50 failures free, then at most a minute.
//!
//! Keys are bounded: the name is a valid username or a fixed marker, the
//! address a parsed IP (an IPv6 client counts as its /64).

use crate::store::{Conn, throttle};
use crate::{ServiceResult, Services};
use chrono::{DateTime, Duration, Utc};
use std::net::IpAddr;

/// How much waiting recent failures of one key cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Failures answered without any wait.
    pub free: i64,
    /// The wait after the first failure past `free`; each further one doubles it…
    pub first: Duration,
    /// …up to this.
    pub cap: Duration,
}

pub const PER_SOURCE: Rule = Rule {
    free: 3,
    first: Duration::seconds(1),
    cap: Duration::minutes(15),
};
pub const PER_ACCOUNT: Rule = Rule {
    free: 10,
    first: Duration::seconds(1),
    cap: Duration::minutes(1),
};
pub const PER_ADDRESS: Rule = Rule {
    free: 50,
    first: Duration::seconds(1),
    cap: Duration::minutes(1),
};
/// Failures older than this are forgotten.
pub const WINDOW: Duration = Duration::hours(1);

impl Rule {
    /// The wait that `failures` recent failures call for after the last one.
    pub fn delay(&self, failures: i64) -> Duration {
        if failures <= self.free {
            return Duration::zero();
        }
        // 2^20 seconds is past any cap: stop doubling before overflow.
        let doublings = (failures - self.free - 1).min(20) as u32;
        (self.first * 2i32.pow(doublings)).min(self.cap)
    }

    /// The seconds (rounded up) still to wait at `now`, if any.
    pub fn wait(&self, failures: i64, last: DateTime<Utc>, now: DateTime<Utc>) -> Option<i64> {
        let left = last + self.delay(failures) - now;
        (left > Duration::zero()).then(|| (left.num_milliseconds() + 999) / 1000)
    }

    /// Beyond this many failures the wait no longer grows: no need to count further.
    fn enough(&self) -> i64 {
        self.free + 24
    }
}

/// The throttle keys of one password check.
#[derive(Debug, Clone)]
pub struct Keys {
    source: String,
    account: String,
    address: String,
}

/// A client address as a key: an IP (IPv6 by its /64, which one client
/// usually holds whole), or a fixed marker for anything else.
fn address_key(client_ip: Option<&str>) -> String {
    match client_ip.and_then(|ip| ip.trim().parse::<IpAddr>().ok()) {
        Some(IpAddr::V4(v4)) => v4.to_string(),
        Some(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
        None => "(unknown)".to_owned(),
    }
}

impl Keys {
    /// `name` must already be bounded (a valid username or a marker).
    pub fn new(name: &str, client_ip: Option<&str>) -> Keys {
        let address = address_key(client_ip);
        Keys {
            source: format!("source:{name}@{address}"),
            account: format!("account:{name}"),
            address: format!("address:{address}"),
        }
    }

    fn with_rules(&self) -> [(&str, Rule); 3] {
        [
            (&self.source, PER_SOURCE),
            (&self.account, PER_ACCOUNT),
            (&self.address, PER_ADDRESS),
        ]
    }
}

impl Services {
    /// Seconds to wait before these keys may have another password check,
    /// if any (the longest wait of the three).
    pub(crate) async fn password_check_wait(
        &self,
        conn: &mut Conn,
        keys: &Keys,
    ) -> ServiceResult<Option<i64>> {
        let now = crate::time::now();
        let mut longest = None;
        for (key, rule) in keys.with_rules() {
            let recent = throttle::recent_failures(conn, key, WINDOW, rule.enough()).await?;
            let last = recent.first().and_then(|t| crate::time::parse(t));
            if let Some(last) = last
                && let Some(wait) = rule.wait(recent.len() as i64, last, now)
            {
                longest = longest.max(Some(wait));
            }
        }
        Ok(longest)
    }

    /// Counts a failed check against every key.
    pub(crate) async fn record_password_failure(
        &self,
        conn: &mut Conn,
        keys: &Keys,
    ) -> ServiceResult<()> {
        for (key, _) in keys.with_rules() {
            throttle::record_failure(conn, key).await?;
        }
        Ok(())
    }

    /// After the right password: forgets the failures of this account from
    /// this address and from anywhere (not the address's: signing in to
    /// one's own account must not reset a spray over others).
    pub(crate) async fn clear_password_failures(
        &self,
        conn: &mut Conn,
        keys: &Keys,
    ) -> ServiceResult<()> {
        throttle::clear(conn, &keys.source).await?;
        throttle::clear(conn, &keys.account).await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_starts_after_the_free_failures_doubles_and_is_capped() {
        let waits: Vec<i64> = (0..=16)
            .map(|n| PER_SOURCE.delay(n).num_seconds())
            .collect();
        assert_eq!(
            waits,
            [
                0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900
            ]
        );
        assert_eq!(PER_ADDRESS.delay(50), Duration::zero());
        assert_eq!(PER_ADDRESS.delay(1_000_000), Duration::minutes(1));
        assert_eq!(PER_ACCOUNT.delay(i64::MAX), Duration::minutes(1));
    }

    #[test]
    fn the_wait_left_counts_from_the_last_failure_rounded_up() {
        let last = crate::time::now();
        let rule = PER_SOURCE;
        assert_eq!(rule.wait(3, last, last), None);
        assert_eq!(rule.wait(6, last, last), Some(4));
        assert_eq!(
            rule.wait(6, last, last + Duration::milliseconds(500)),
            Some(4)
        );
        assert_eq!(rule.wait(6, last, last + Duration::seconds(4)), None);
    }

    #[test]
    fn keys_are_bounded_whatever_the_client_sends() {
        let keys = Keys::new("nilufar", Some(&"9".repeat(100_000)));
        assert_eq!(keys.address, "address:(unknown)");
        let keys = Keys::new("nilufar", Some("2001:db8:1:2:aaaa:bbbb:cccc:dddd"));
        assert_eq!(keys.source, "source:nilufar@2001:db8:1:2::/64");
        let keys = Keys::new("nilufar", Some(" ::ffff:10.0.0.7 "));
        assert_eq!(keys.address, "address:10.0.0.7");
        assert_eq!(Keys::new("a", None).address, "address:(unknown)");
    }
}
