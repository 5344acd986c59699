//! The audit log page's filters (who, action, dates, record) and paging:
//! the server function answers only matching events, a page past the end
//! is the last page, and the page itself works as a plain GET form whose
//! pager keeps the filters.

use app::model::AuditPage;
use domain::{AuditAction, AuditTarget, Role};
use reqwest::StatusCode;
use tests::{TestApp, on_each_engine};

async fn filtered(
    app: &TestApp,
    admin: &reqwest::Client,
    page: u32,
    f: &[(&str, &str)],
) -> AuditPage {
    let response = app.list_audit_events_filtered(admin, page, f).await;
    assert_eq!(response.status(), StatusCode::OK, "{f:?}");
    response.json().await.unwrap()
}

#[tokio::test]
async fn filters_narrow_the_log_by_who_what_when_and_which_record() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        app.create_user("umed", &[Role::Assessor]).await;
        let umed = app.services.find_user("umed").await.unwrap().id;
        let reset = app.reset_password(&admin, umed, "temporary-secret-1").await;
        assert_eq!(reset.status(), StatusCode::OK);

        let created = filtered(&app, &admin, 1, &[("action", "user.created")]).await;
        assert!(created.total >= 3, "admin, chief, umed: {created:?}");
        assert!(
            created
                .events
                .iter()
                .all(|e| e.action == AuditAction::UserCreated)
        );

        let by_chief = filtered(&app, &admin, 1, &[("actor", "CHIEF")]).await;
        assert!(!by_chief.events.is_empty());
        assert!(by_chief.events.iter().all(|e| e.actor_name == "chief"));

        let about_umed = filtered(
            &app,
            &admin,
            1,
            &[("target", "user"), ("target_id", &umed.to_string())],
        )
        .await;
        let actions: Vec<_> = about_umed.events.iter().map(|e| e.action).collect();
        assert_eq!(
            actions,
            [AuditAction::PasswordReset, AuditAction::UserCreated]
        );
        assert!(
            about_umed
                .events
                .iter()
                .all(|e| e.target == AuditTarget::User)
        );

        let today = &created.events[0].occurred_at[..10];
        let on_today = filtered(&app, &admin, 1, &[("from", today), ("to", today)]).await;
        assert!(on_today.total >= created.total);
        let in_2001 = filtered(
            &app,
            &admin,
            1,
            &[("from", "2001-01-01"), ("to", "2001-12-31")],
        )
        .await;
        assert_eq!((in_2001.total, in_2001.page, in_2001.pages), (0, 1, 1));

        // Wildcards are text, not patterns.
        let wildcard = filtered(&app, &admin, 1, &[("actor", "%")]).await;
        assert_eq!(wildcard.total, 0);

        let bad = app
            .list_audit_events_filtered(&admin, 1, &[("from", "29.11.2026")])
            .await;
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let bad = app
            .list_audit_events_filtered(&admin, 1, &[("action", "user.deleted")])
            .await;
        assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_page_past_the_end_is_the_last_page_and_links_keep_the_filters() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        // 55 reads of the account list: 55 events of one action, two pages.
        for _ in 0..55 {
            assert_eq!(app.list_users(&admin).await.status(), StatusCode::OK);
        }
        let last = filtered(&app, &admin, 999_999, &[("action", "user.read")]).await;
        assert_eq!((last.page, last.pages, last.total), (2, 2, 55));
        assert_eq!(last.events.len(), 5);

        let html = app
            .get(&admin, "/admin/audit?page=999999&action=user.read")
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains("page 2 of 2"), "{html}");
        assert!(!html.contains("999999 of"), "{html}");
        assert!(
            html.contains(
                "rel=\"prev\" href=\"/admin/audit?page=1&amp;action=user.read&amp;until="
            ),
            "the previous page keeps the filter and the view: {html}"
        );
        assert!(
            html.contains("<form method=\"get\" action=\"/admin/audit\""),
            "{html}"
        );
        assert!(html.contains("value=\"user.read\" selected"), "{html}");
        app.stop().await;
    })
    .await;
}
