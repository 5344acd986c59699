//! Refusals and reads of sensitive records are audit events: a 401/403 from
//! a server function or the JSON API, a cross-site write turned away, a
//! look at the audit log or at accounts. Refusals are rate-limited so that
//! a flood of them cannot fill the disk.

use domain::{AuditAction, Role};
use reqwest::{Method, StatusCode};
use services::refusals::PER_KEY_PER_MINUTE;
use tests::audit_helpers::StoredEvent;
use tests::{TestApp, on_each_engine};

fn find<'a>(events: &'a [StoredEvent], path: &str, status: u16) -> &'a StoredEvent {
    events
        .iter()
        .find(|e| e.details["path"] == path && e.details["status"] == status)
        .unwrap_or_else(|| panic!("no refusal of {path} with {status} in {events:#?}"))
}

#[tokio::test]
async fn refused_actions_are_audited_with_who_and_what_but_no_secrets() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let assessor = app.signed_in_as("nodira", &[Role::Assessor]).await;
        assert_eq!(
            app.list_users(&assessor).await.status(),
            StatusCode::FORBIDDEN
        );
        let anonymous = TestApp::client();
        let refused = anonymous
            .post(app.url("/api/list_users?secret=in-the-query"))
            .send()
            .await
            .unwrap();
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
        let token = app.api_user("statistics", &[Role::Assessor]).await;
        let api = app
            .api(Method::POST, "/api/v1/instruments/IRNS/versions")
            .token(&token)
            .body("{}")
            .send()
            .await;
        assert_eq!(api.status(), StatusCode::FORBIDDEN);
        let bad_token = app
            .api(Method::GET, "/api/v1/me")
            .token("mizon_nonsense")
            .send()
            .await;
        assert_eq!(bad_token.status(), StatusCode::UNAUTHORIZED);
        // A failed sign-in is its own event, not a refusal as well.
        app.sign_in(&anonymous, "nodira", "not-the-password").await;

        let events = app.stored_events_of(AuditAction::AccessRefused).await;
        assert_eq!(events.len(), 4, "{events:#?}");
        assert_eq!(find(&events, "/api/list_users", 403).actor_name, "nodira");
        let anonymous_event = find(&events, "/api/list_users", 401);
        assert_eq!(anonymous_event.actor_name, "anonymous");
        assert_eq!(anonymous_event.details["method"], "POST");
        assert_eq!(anonymous_event.details["client"], "127.0.0.1");
        assert_eq!(
            find(&events, "/api/v1/instruments/IRNS/versions", 403).actor_name,
            "statistics"
        );
        assert_eq!(find(&events, "/api/v1/me", 401).actor_name, "anonymous");
        let all = format!("{:?}", app.stored_audit_events().await);
        for secret in ["in-the-query", "mizon_nonsense", &token, "not-the-password"] {
            assert!(!all.contains(secret), "{secret} reached the audit log");
        }
        assert_eq!(app.services.verify_audit_chain().await.unwrap(), None);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_cross_site_write_is_audited_as_such() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let response = TestApp::client()
            .post(app.url("/api/sign_out"))
            .header("origin", "https://evil.example")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
        let events = app.stored_events_of(AuditAction::CrossSiteRefused).await;
        assert_eq!(events.len(), 1, "{events:#?}");
        assert_eq!(events[0].details["path"], "/api/sign_out");
        assert_eq!(events[0].details["status"], 403);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_flood_of_refusals_writes_a_few_events_and_counts_the_rest() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let client = TestApp::client();
        for _ in 0..20 {
            let r = app.list_users(&client).await;
            assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        }
        let events = app.stored_events_of(AuditAction::AccessRefused).await;
        assert_eq!(events.len(), PER_KEY_PER_MINUTE as usize);
        // The next refusal of another action is written, and says how many
        // were left out before it.
        assert_eq!(app.current_user(&client).await.status(), StatusCode::OK);
        let r = app.get_user(&client, domain::UserId::from(1)).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
        let events = app.stored_events_of(AuditAction::AccessRefused).await;
        let last = events.last().unwrap();
        assert_eq!(last.details["path"], "/api/get_user");
        assert_eq!(last.details["suppressed_before"], 20 - PER_KEY_PER_MINUTE);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn reading_accounts_and_the_audit_log_is_audited() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let id = app.services.find_user("chief").await.unwrap().id;
        assert_eq!(app.list_users(&admin).await.status(), StatusCode::OK);
        assert_eq!(app.get_user(&admin, id).await.status(), StatusCode::OK);
        let filtered = app
            .list_audit_events_filtered(&admin, 1, &[("action", "user.created")])
            .await;
        assert_eq!(filtered.status(), StatusCode::OK);

        let reads = app.stored_events_of(AuditAction::UserRead).await;
        assert_eq!(reads.len(), 2, "{reads:#?}");
        assert!(reads.iter().all(|e| e.actor_name == "chief"));
        assert_eq!(reads[0].target_id, None);
        assert_eq!(reads[1].target_id, Some(id.to_string()));
        let log_reads = app.stored_events_of(AuditAction::AuditLogRead).await;
        assert_eq!(log_reads.len(), 1);
        assert_eq!(log_reads[0].details["filter"]["action"], "user.created");
        app.stop().await;
    })
    .await;
}

/// How many events of this action the log holds.
async fn count(app: &TestApp, action: AuditAction) -> i64 {
    use sqlx::Row;
    let mut conn = app.services.db.pool.acquire().await.unwrap();
    sqlx::query("SELECT COUNT(*) AS n FROM audit_events WHERE action = $1")
        .bind(action.code())
        .fetch_one(&mut *conn)
        .await
        .unwrap()
        .get("n")
}

#[tokio::test]
async fn one_page_view_is_one_read_event_however_often_the_page_renders_its_data() {
    // The server renders a page's suspended parts more than once; each pass
    // fetched the data again, and an audited read logged itself each time,
    // so the data sent for hydration listed a read the HTML did not show
    // (a hydration panic in the browser). One view, one read.
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        for (page, action) in [
            ("/admin/audit", AuditAction::AuditLogRead),
            ("/admin/audit?page=2", AuditAction::AuditLogRead),
            ("/admin/users", AuditAction::UserRead),
            ("/admin/users/1", AuditAction::UserRead),
        ] {
            let before = count(&app, action).await;
            let response = app.get(&admin, page).await;
            assert_eq!(response.status(), StatusCode::OK, "{page}");
            assert_eq!(count(&app, action).await, before + 1, "{page}");
        }
        app.stop().await;
    })
    .await;
}
