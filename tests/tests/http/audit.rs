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
