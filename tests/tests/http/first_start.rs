//! Several instances started at once on one fresh database (a deployment
//! behind a load balancer, all restarted together): exactly one does the
//! first-start work, every one of them serves.

use domain::AuditAction;
use reqwest::StatusCode;
use std::collections::BTreeMap;
use tests::{TestApp, on_each_engine};

#[tokio::test]
async fn three_instances_starting_together_share_one_first_start() {
    on_each_engine(|db| async move {
        let (a, b, c) = tokio::join!(
            TestApp::spawn(&db),
            TestApp::spawn(&db),
            TestApp::spawn(&db)
        );
        let client = TestApp::client();
        for app in [&a, &b, &c] {
            assert_eq!(
                app.get(&client, "/healthz").await.status(),
                StatusCode::OK,
                "{} serves",
                app.base
            );
        }
        let passwords = [&a, &b, &c]
            .iter()
            .filter(|app| app.admin_password.is_some())
            .count();
        assert_eq!(passwords, 1, "one instance reports the first password");

        let created = a.stored_events_of(AuditAction::UserCreated).await;
        let admins: Vec<_> = created
            .iter()
            .filter(|e| e.details["username"] == "admin")
            .collect();
        assert_eq!(admins.len(), 1, "one first administrator: {created:?}");

        let mut loads = BTreeMap::<String, usize>::new();
        for event in a
            .stored_events_of(AuditAction::InstrumentLibraryLoaded)
            .await
        {
            *loads
                .entry(
                    event.details["code"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned(),
                )
                .or_default() += 1;
        }
        assert_eq!(
            loads,
            BTreeMap::from([
                ("IRNS".to_owned(), 1),
                ("SPNC".to_owned(), 1),
                ("VESPJ".to_owned(), 1)
            ])
        );
        assert_eq!(a.services.verify_audit_chain().await.unwrap(), None);
        for app in [a, b, c] {
            app.stop().await;
        }
    })
    .await;
}
