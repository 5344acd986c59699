//! Refusals as audit events, without letting a flood of them fill the disk.
//!
//! A 401/403 on a protected action, and a cross-site write turned away, say
//! that someone tried what they may not: worth an audit event. But anyone
//! can send refusals as fast as the network allows, so they are counted
//! first, in memory, per instance, in one-minute windows: at most
//! [`PER_KEY_PER_MINUTE`] events per (actor or client address, action) and
//! [`PER_INSTANCE_PER_MINUTE`] in all. Refusals over the limit are not
//! written; the next written one carries how many were left out
//! (`"suppressed_before"`), so the log still shows that a flood happened.
//!
//! Why in memory, per instance: a counter in the shared database would
//! itself be a write per refusal — the very load the limit is there to
//! stop. With several instances on one PostgreSQL the bound is the per
//! instance bound times the number of instances, still a fixed ceiling
//! (30 events a minute is under 45 000 a day per instance, some 20 MB).

use crate::model::SessionUser;
use crate::store::audit::{self, AuditActor};
use crate::{ServiceResult, Services};
use domain::{AuditAction, AuditTarget};
use serde_json::json;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const PER_KEY_PER_MINUTE: u32 = 5;
pub const PER_INSTANCE_PER_MINUTE: u32 = 30;
const WINDOW: Duration = Duration::from_secs(60);

/// One refused request: what was asked, never its body, token or query.
#[derive(Debug, Clone)]
pub struct Refusal<'a> {
    /// `AccessRefused` or `CrossSiteRefused`.
    pub action: AuditAction,
    pub method: &'a str,
    /// The path alone (the caller drops the query string).
    pub path: &'a str,
    pub status: u16,
    /// The signed-in user, when known.
    pub user: Option<&'a SessionUser>,
    pub client: Option<&'a str>,
}

/// The counts of the current window (see the module doc).
#[derive(Debug)]
pub struct RefusalLimiter {
    state: Mutex<Window>,
}

#[derive(Debug)]
struct Window {
    started: Instant,
    per_key: HashMap<(String, String), u32>,
    total: u32,
    /// Refusals not written since the last written one.
    suppressed: u64,
}

impl Default for RefusalLimiter {
    fn default() -> Self {
        RefusalLimiter {
            state: Mutex::new(Window {
                started: Instant::now(),
                per_key: HashMap::new(),
                total: 0,
                suppressed: 0,
            }),
        }
    }
}

impl RefusalLimiter {
    /// `Some(n)`: write the event (n refusals were left out before it);
    /// `None`: over the limit, leave it out.
    fn admit(&self, who: &str, what: &str, now: Instant) -> Option<u64> {
        let mut w = self.state.lock().unwrap_or_else(|e| e.into_inner());
        if now.duration_since(w.started) >= WINDOW {
            w.started = now;
            w.per_key.clear();
            w.total = 0;
        }
        // Checked before the key is counted, so that the map never holds
        // more keys than the instance-wide limit, however many are tried.
        if w.total >= PER_INSTANCE_PER_MINUTE {
            w.suppressed += 1;
            return None;
        }
        let count = w
            .per_key
            .entry((who.to_owned(), what.to_owned()))
            .or_insert(0);
        if *count >= PER_KEY_PER_MINUTE {
            w.suppressed += 1;
            return None;
        }
        *count += 1;
        w.total += 1;
        Some(std::mem::take(&mut w.suppressed))
    }
}

impl Services {
    /// Writes a refusal as an audit event, unless over the limit. Returns
    /// whether it was written.
    #[tracing::instrument(skip_all, fields(path = refusal.path, status = refusal.status))]
    pub async fn record_refusal(&self, refusal: Refusal<'_>) -> ServiceResult<bool> {
        let actor = match refusal.user {
            Some(u) => AuditActor {
                id: Some(u.id),
                name: u.username.to_string(),
            },
            None => AuditActor {
                id: None,
                name: "anonymous".to_owned(),
            },
        };
        let who = match (refusal.user, refusal.client) {
            (Some(u), _) => format!("user {}", u.id),
            (None, Some(client)) => format!("client {client}"),
            (None, None) => "unknown".to_owned(),
        };
        let what = format!("{} {} {}", refusal.action, refusal.method, refusal.path);
        let Some(suppressed) = self.refusals.admit(&who, &what, Instant::now()) else {
            return Ok(false);
        };
        let mut details = json!({
            "method": refusal.method,
            "path": refusal.path,
            "status": refusal.status,
            "client": refusal.client,
        });
        if suppressed > 0 {
            details["suppressed_before"] = json!(suppressed);
        }
        let mut tx = self.db.begin().await?;
        audit::append(
            &mut tx,
            audit::NewEvent {
                actor: &actor,
                action: refusal.action,
                target: AuditTarget::Request,
                target_id: None,
                details,
            },
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_gets_its_share_then_the_instance_limit_holds() {
        let limiter = RefusalLimiter::default();
        let now = Instant::now();
        for _ in 0..PER_KEY_PER_MINUTE {
            assert_eq!(limiter.admit("client a", "POST /api/x", now), Some(0));
        }
        assert_eq!(limiter.admit("client a", "POST /api/x", now), None);
        assert_eq!(limiter.admit("client a", "POST /api/x", now), None);
        // Another action of the same client still counts, and says how many
        // were left out before it.
        assert_eq!(limiter.admit("client a", "POST /api/y", now), Some(2));
        let mut written = PER_KEY_PER_MINUTE + 1;
        for i in 0..100 {
            if limiter
                .admit(&format!("client {i}"), "POST /api/x", now)
                .is_some()
            {
                written += 1;
            }
        }
        assert_eq!(written, PER_INSTANCE_PER_MINUTE);
        // A new window starts afresh.
        let later = now + WINDOW;
        assert!(limiter.admit("client a", "POST /api/x", later).is_some());
    }

    #[test]
    fn keys_beyond_the_instance_limit_are_not_remembered() {
        let limiter = RefusalLimiter::default();
        let now = Instant::now();
        for i in 0..10_000 {
            limiter.admit(&format!("client {i}"), "GET /api/v1/me", now);
        }
        let w = limiter.state.lock().unwrap();
        assert_eq!(w.per_key.len(), PER_INSTANCE_PER_MINUTE as usize);
        assert_eq!(w.suppressed, 10_000 - u64::from(PER_INSTANCE_PER_MINUTE));
    }
}
