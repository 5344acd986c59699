//! Puts the library into states the services cannot (yet) produce.
//!
//! Every version stored today has passed `Definition::check`, so its
//! translation is complete. A draft saved halfway through a translation —
//! what the translation progress bars are for — needs a draft editor;
//! until there is one, a test removes a wording from a stored draft
//! directly.

use crate::TestApp;
use domain::InstrumentCode;
use sqlx::Row;

impl TestApp {
    /// Removes the wording at `pointer` (a JSON pointer into the
    /// definition, e.g. `/sections/0/items/0/label/ru/female`) from the
    /// stored version `number` of `code`.
    pub async fn remove_stored_wording(&self, code: &InstrumentCode, number: i64, pointer: &str) {
        let pool = &self.services.db.pool;
        let which = "instrument_id = (SELECT id FROM instruments WHERE code = $1) AND number = $2";
        let row = sqlx::query(&format!(
            "SELECT definition FROM instrument_versions WHERE {which}"
        ))
        .bind(code.as_str())
        .bind(number)
        .fetch_one(pool)
        .await
        .expect("the version is stored");
        let mut definition: serde_json::Value =
            serde_json::from_str(&row.get::<String, _>("definition")).unwrap();
        let (parent, key) = pointer.rsplit_once('/').expect("a pointer");
        let removed = definition
            .pointer_mut(parent)
            .and_then(|p| p.as_object_mut())
            .and_then(|o| o.remove(key));
        assert!(removed.is_some(), "nothing at {pointer}");
        let updated = format!("UPDATE instrument_versions SET definition = $3 WHERE {which}");
        sqlx::query(&updated)
            .bind(code.as_str())
            .bind(number)
            .bind(serde_json::to_string_pretty(&definition).unwrap())
            .execute(pool)
            .await
            .expect("update the stored definition");
    }

    /// Marks version `number` of `code` published and its predecessors
    /// superseded, as publication does, without the review around it: for
    /// tests that need a published history, not a review (the review
    /// tests go through submission, approval and publication).
    pub async fn publish_directly(&self, code: &InstrumentCode, number: i64) {
        let pool = &self.services.db.pool;
        let instrument = "instrument_id = (SELECT id FROM instruments WHERE code = $1)";
        sqlx::query(&format!(
            "UPDATE instrument_versions SET status = 'superseded' \
             WHERE {instrument} AND status = 'published'"
        ))
        .bind(code.as_str())
        .execute(pool)
        .await
        .expect("supersede");
        sqlx::query(&format!(
            "UPDATE instrument_versions SET status = 'published' WHERE {instrument} AND number = $2"
        ))
        .bind(code.as_str())
        .bind(number)
        .execute(pool)
        .await
        .expect("publish");
    }
}
