//! Helpers for the sign-in hardening tests: an application that trusts a
//! reverse proxy, so that a test can say which address each request comes
//! from (`X-Forwarded-For`); time travel for recorded password failures, so
//! that growing waits are tested without sleeping; and the raw audit rows.

use crate::{TestApp, TestDb};
use reqwest::{Client, Response};
use services::model::PasswordChange;
use sqlx::Row;

impl TestApp {
    /// Like [`TestApp::spawn`], behind a (pretended) reverse proxy.
    pub async fn spawn_behind_proxy(db: &TestDb) -> TestApp {
        Self::spawn_with(db, |config| config.trust_proxy = true).await
    }

    /// Signs in as a browser at `address` would (through the proxy).
    pub async fn sign_in_from(
        &self,
        client: &Client,
        address: &str,
        username: &str,
        password: &str,
    ) -> Response {
        client
            .post(self.url("/api/sign_in"))
            .header("x-forwarded-for", address)
            .form(&[("username", username), ("password", password)])
            .send()
            .await
            .expect("request")
    }

    /// Changes one's password from `address` (through the proxy).
    pub async fn change_password_from(
        &self,
        client: &Client,
        address: &str,
        change: &PasswordChange,
    ) -> Response {
        client
            .post(self.url("/api/change_password"))
            .header("x-forwarded-for", address)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(crate::form_body(change))
            .send()
            .await
            .expect("request")
    }

    /// Makes every recorded password failure `seconds` older, as if that
    /// time had passed (failures stay counted; their waits run out).
    pub async fn age_password_failures(&self, seconds: u64) {
        let rows = sqlx::query("SELECT DISTINCT failed_at FROM sign_in_failures")
            .fetch_all(&self.services.db.pool)
            .await
            .expect("read failures");
        for row in rows {
            let at: String = row.get("failed_at");
            let t = services::time::parse(&at).expect("a stored time");
            let older = services::time::iso(t - std::time::Duration::from_secs(seconds));
            sqlx::query("UPDATE sign_in_failures SET failed_at = $1 WHERE failed_at = $2")
                .bind(older)
                .bind(at)
                .execute(&self.services.db.pool)
                .await
                .expect("age failures");
        }
    }

    /// Every audit row as `action actor_name target_id details`, oldest first.
    pub async fn audit_rows(&self) -> Vec<String> {
        sqlx::query(
            "SELECT action, actor_name, COALESCE(target_id, '') AS target_id, details \
             FROM audit_events ORDER BY seq",
        )
        .fetch_all(&self.services.db.pool)
        .await
        .expect("read the audit log")
        .iter()
        .map(|r| {
            let field = |name: &str| r.get::<String, _>(name);
            format!(
                "{} {} {} {}",
                field("action"),
                field("actor_name"),
                field("target_id"),
                field("details")
            )
        })
        .collect()
    }

    /// The longest throttle key stored.
    pub async fn longest_throttle_key(&self) -> i64 {
        sqlx::query("SELECT COALESCE(MAX(LENGTH(throttle_key)), 0) AS n FROM sign_in_failures")
            .fetch_one(&self.services.db.pool)
            .await
            .expect("read failures")
            .get::<i64, _>("n")
    }
}
