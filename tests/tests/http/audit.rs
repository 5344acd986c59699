use app::model::AuditPage;
use domain::{AuditAction, Role};
use reqwest::StatusCode;
use tests::{TestApp, on_each_engine};

async fn audit_page(app: &TestApp, admin: &reqwest::Client, page: u32) -> AuditPage {
    let response = app.list_audit_events(admin, page).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn all_actions(app: &TestApp, admin: &reqwest::Client) -> Vec<AuditAction> {
    let page = audit_page(app, admin, 1).await;
    page.events.into_iter().map(|e| e.action).collect()
}

#[tokio::test]
async fn sign_ins_sign_outs_failures_and_account_changes_are_audited() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let password = app.create_user("umed", &[Role::Assessor]).await;
        let umed = TestApp::client();
        app.sign_in(&umed, "umed", "wrong-password-here").await;
        app.sign_in(&umed, "umed", &password).await;
        app.sign_out(&umed).await;
        let id = app.services.find_user("umed").await.unwrap().id;
        let reset = app.reset_password(&admin, id, "temporary-secret-1").await;
        assert_eq!(reset.status(), StatusCode::OK);
        let actions = all_actions(&app, &admin).await;
        for expected in [
            AuditAction::UserCreated,
            AuditAction::SignIn,
            AuditAction::SignInFailed,
            AuditAction::SignOut,
            AuditAction::PasswordReset,
        ] {
            assert!(
                actions.contains(&expected),
                "{expected} missing from {actions:?}"
            );
        }
        // Newest first; details never carry a password.
        assert_eq!(actions[0], AuditAction::PasswordReset);
        let page = audit_page(&app, &admin, 1).await;
        assert!(
            page.events.iter().all(
                |e| !e.details.contains(&password) && !e.details.contains("temporary-secret-1")
            )
        );
        assert_eq!(app.services.verify_audit_chain().await.unwrap(), None);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn the_audit_log_is_append_only_and_tampering_is_detected() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        app.signed_in_as("chief", &[Role::Administrator]).await;
        let pool = &app.services.db.pool;
        let update =
            sqlx::query("UPDATE audit_events SET actor_name = 'someone else' WHERE seq = 1")
                .execute(pool)
                .await;
        assert!(update.is_err(), "an UPDATE of the audit log must fail");
        let delete = sqlx::query("DELETE FROM audit_events WHERE seq = 1")
            .execute(pool)
            .await;
        assert!(delete.is_err(), "a DELETE from the audit log must fail");
        assert_eq!(app.services.verify_audit_chain().await.unwrap(), None);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn an_administrator_pages_through_the_audit_log() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        // Failed and then throttled sign-ins: each one is an audit event.
        for _ in 0..55 {
            app.sign_in(&TestApp::client(), "nobody", "wrong-password-here")
                .await;
        }
        let first = audit_page(&app, &admin, 1).await;
        assert_eq!(first.events.len(), 50);
        assert!(first.pages >= 2 && first.total > 50);
        // The second page of the same view (reading the log is itself an
        // event, written meanwhile: `until` keeps the pages from shifting).
        let second: AuditPage = app
            .list_audit_events_filtered(&admin, 2, &[("until", &first.until.to_string())])
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(second.page, 2);
        assert!(second.events[0].seq < first.events[49].seq);
        let html = app.get(&admin, "/admin/audit?page=2").await;
        assert_eq!(html.status(), StatusCode::OK);
        let html = html.text().await.unwrap();
        assert!(html.contains("rel=\"prev\"") && html.contains("/admin/audit?page=1"));
        // Actions are named in the interface language, with their code.
        assert!(html.contains("Failed sign-in") && html.contains("auth.sign_in_failed"));
        app.stop().await;
    })
    .await;
}

/// How someone with database access who first drops the append-only
/// triggers might tamper with the log.
#[derive(Debug, Clone, Copy)]
enum Tampering {
    /// A past event's actor changed in place.
    Edit,
    /// A past event removed.
    Delete,
    /// Two events swapped places (their numbers exchanged).
    Reorder,
    /// A past event changed and its own hash recomputed to match: only the
    /// next event's link gives it away.
    EditAndRehash,
}

async fn drop_append_only_triggers(app: &TestApp, engine: tests::Engine) {
    let statements: &[&str] = match engine {
        tests::Engine::Sqlite => &[
            "DROP TRIGGER audit_events_no_update",
            "DROP TRIGGER audit_events_no_delete",
        ],
        tests::Engine::Postgres => &["DROP TRIGGER audit_events_no_change ON audit_events"],
    };
    for statement in statements {
        sqlx::query(statement)
            .execute(&app.services.db.pool)
            .await
            .expect(statement);
    }
}

async fn tamper(app: &TestApp, how: Tampering) {
    let pool = &app.services.db.pool;
    let statements: Vec<String> = match how {
        Tampering::Edit => {
            vec!["UPDATE audit_events SET actor_name = 'someone else' WHERE seq = 3".into()]
        }
        Tampering::Delete => vec!["DELETE FROM audit_events WHERE seq = 3".into()],
        Tampering::Reorder => vec![
            "UPDATE audit_events SET seq = -1 WHERE seq = 3".into(),
            "UPDATE audit_events SET seq = 3 WHERE seq = 4".into(),
            "UPDATE audit_events SET seq = 4 WHERE seq = -1".into(),
        ],
        Tampering::EditAndRehash => {
            // The event's fields, as the chain hashes them, with another actor.
            let row = sqlx::query(
                "SELECT seq, occurred_at, actor_id, action, target_type, target_id, details, prev_hash \
                 FROM audit_events WHERE seq = 3",
            )
            .fetch_one(pool)
            .await
            .unwrap();
            use sqlx::Row;
            let canonical = serde_json::to_string(&(
                row.get::<i64, _>("seq"),
                row.get::<String, _>("occurred_at"),
                row.get::<Option<i64>, _>("actor_id"),
                "someone else",
                row.get::<String, _>("action"),
                row.get::<String, _>("target_type"),
                row.get::<Option<String>, _>("target_id"),
                row.get::<String, _>("details"),
                row.get::<String, _>("prev_hash"),
            ))
            .unwrap();
            use sha2::Digest;
            let hash = hex::encode(sha2::Sha256::digest(canonical.as_bytes()));
            vec![format!(
                "UPDATE audit_events SET actor_name = 'someone else', hash = '{hash}' WHERE seq = 3"
            )]
        }
    };
    for statement in statements {
        sqlx::query(&statement).execute(pool).await.expect("tamper");
    }
}

#[tokio::test]
async fn audit_verify_names_the_first_broken_link_even_without_the_triggers() {
    for (how, first_broken) in [
        (Tampering::Edit, 3),
        (Tampering::Delete, 3),
        (Tampering::Reorder, 3),
        (Tampering::EditAndRehash, 4),
    ] {
        on_each_engine(move |db| async move {
            let app = TestApp::spawn(&db).await;
            // A few events: accounts created, sign-ins.
            for name in ["one", "two", "three"] {
                app.signed_in_as(name, &[Role::Methodologist]).await;
            }
            let command = || server::cli::AuditCommand::Verify {
                checkpoint: None,
                db: server::config::DatabaseArgs {
                    database_url: db.url.clone(),
                },
            };
            assert_eq!(
                server::audit_commands::run(command()).await.unwrap(),
                std::process::ExitCode::SUCCESS
            );
            drop_append_only_triggers(&app, db.engine).await;
            tamper(&app, how).await;
            let services =
                services::Services::new(services::db::Db::connect(&db.url).await.unwrap());
            let (intact, report) = server::audit_commands::verify_report(&services, None)
                .await
                .unwrap();
            assert!(!intact, "{how:?}");
            assert_eq!(
                report,
                format!("The audit log was altered at event {first_broken}."),
                "{how:?}"
            );
            assert_eq!(
                server::audit_commands::run(command()).await.unwrap(),
                std::process::ExitCode::FAILURE,
                "{how:?}"
            );
            app.stop().await;
        })
        .await;
    }
}
