use domain::Role;
use reqwest::StatusCode;
use tests::{TestApp, on_each_engine};

#[tokio::test]
async fn an_unknown_address_gets_a_localised_404_page() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let response = TestApp::client()
            .get(app.url("/no/such/page"))
            .header("accept-language", "ru")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Страница не найдена")
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn the_health_check_reports_the_database() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let client = TestApp::client();
        let ok = app.get(&client, "/healthz").await;
        assert_eq!(ok.status(), StatusCode::OK);
        app.services.db.pool.close().await;
        assert_eq!(
            app.get(&client, "/healthz").await.status(),
            StatusCode::SERVICE_UNAVAILABLE
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn an_internal_error_gets_a_localised_500_page_with_a_reference_and_no_details() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let client = app.signed_in_as("mavjuda", &[Role::Assessor]).await;
        app.services.db.pool.close().await;
        let response = client
            .get(app.url("/"))
            .header("accept-language", "tg")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let html = response.text().await.unwrap();
        assert!(html.contains("Хатогӣ рух дод"), "{html}");
        let reference = html
            .split("маъмур диҳед: ")
            .nth(1)
            .expect("a reference")
            .chars()
            .take(12)
            .collect::<String>();
        assert!(
            reference.chars().all(|c| c.is_ascii_hexdigit()) && reference.len() == 12,
            "{reference}"
        );
        assert!(
            !html.to_lowercase().contains("pool"),
            "no internals: {html}"
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn pages_are_not_cached_and_not_framed() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let response = app.get(&TestApp::client(), "/signin").await;
        assert_eq!(response.headers()["cache-control"], "no-store");
        assert_eq!(response.headers()["x-frame-options"], "DENY");
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
        app.stop().await;
    })
    .await;
}
