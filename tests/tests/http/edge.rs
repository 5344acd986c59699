//! The edge answers honestly: client mistakes are 4xx without internal
//! detail, redirects stay on this site, every page has a nonce-based
//! Content-Security-Policy, and no amount of parallel page loads makes a
//! page answer 500.

use domain::Role;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_SECURITY_POLICY, LOCATION};
use tests::{TestApp, on_each_engine};

#[tokio::test]
async fn pages_carry_a_csp_whose_nonce_is_the_one_on_their_hydration_script() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        for path in ["/", "/signin", "/instruments", "/admin/audit", "/nowhere"] {
            let response = app.get(&admin, path).await;
            let policy = response
                .headers()
                .get(CONTENT_SECURITY_POLICY)
                .unwrap_or_else(|| panic!("{path}: no CSP"))
                .to_str()
                .unwrap()
                .to_owned();
            for directive in [
                "default-src 'self'",
                "frame-ancestors 'none'",
                "base-uri 'none'",
                "form-action 'self'",
                "object-src 'none'",
            ] {
                assert!(policy.contains(directive), "{path}: {policy}");
            }
            assert!(!policy.contains("unsafe-inline"), "{path}: {policy}");
            let nonce = policy
                .split("'nonce-")
                .nth(1)
                .and_then(|rest| rest.split('\'').next())
                .unwrap_or_else(|| panic!("{path}: no nonce in {policy}"))
                .to_owned();
            let html = response.text().await.unwrap();
            assert!(
                html.contains(&format!("nonce=\"{nonce}\"")),
                "{path}: the page's scripts do not carry the policy's nonce"
            );
        }
        // Each response its own nonce.
        let a = app.get(&admin, "/").await;
        let b = app.get(&admin, "/").await;
        assert_ne!(
            a.headers().get(CONTENT_SECURITY_POLICY),
            b.headers().get(CONTENT_SECURITY_POLICY)
        );
        // Other responses carry a policy too (without a nonce).
        let health = app.get(&admin, "/healthz").await;
        assert!(health.headers().get(CONTENT_SECURITY_POLICY).is_some());
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn csp_violation_reports_are_received_and_counted() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let before = server::web::csp_violations();
        let response = TestApp::client()
            .post(app.url("/csp-report"))
            .header("content-type", "application/csp-report")
            .body(
                r#"{"csp-report":{"document-uri":"http://x/","violated-directive":"script-src","blocked-uri":"inline"}}"#,
            )
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NO_CONTENT);
        assert!(server::web::csp_violations() > before);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn client_mistakes_are_4xx_in_the_callers_language_without_internal_detail() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;

        // A missing field, and an unknown role: 400, no serde message.
        for (function, body) in [
            ("change_password", "current=a&new=b"),
            (
                "create_user",
                "user%5Busername%5D=x&user%5Bdisplay_name%5D=X&user%5Bpassword%5D=long+enough+pw\
                 &user%5Broles%5D%5B0%5D=bogusrole",
            ),
        ] {
            let response = admin
                .post(app.url(&format!("/api/{function}")))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("accept-language", "ru")
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{function}");
            let text = response.text().await.unwrap();
            for internal in ["missing field", "unknown variant", "bogusrole", "confirm"] {
                assert!(
                    !text.contains(internal),
                    "{function} says {internal}: {text}"
                );
            }
            let error: app::error::AppError = serde_json::from_str(&text).unwrap();
            assert_eq!(error, app::error::AppError::Malformed);
        }

        // Too large: 413 before anything reads it.
        let big = "x".repeat(server::web::MAX_BODY as usize + 1);
        let response = admin
            .post(app.url("/api/create_user"))
            .header("content-type", "application/json")
            .body(big)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);

        // Paths that climb out of the asset folders (sent raw: an HTTP
        // client would normalise them away): a plain 404 page.
        for path in [
            "/pkg/..",
            "/fonts/..",
            "/pkg/../admin/audit",
            "/pkg/missing.js",
        ] {
            let answer = raw_get(&app, path).await;
            let status_line = answer.lines().next().unwrap_or_default().to_owned();
            assert!(status_line.contains(" 404 "), "{path}: {status_line}");
            assert!(!answer.contains("context missing"), "{path}: {answer}");
        }
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_plain_form_post_never_redirects_to_another_site() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let client = TestApp::client();
        for (referer, expected) in [
            ("https://evil.example/phish", "/"),
            ("//evil.example/phish", "/"),
            (&app.url("/instruments?x=1") as &str, "/instruments?x=1"),
        ] {
            let response = client
                .post(app.url("/api/set_language"))
                .header("accept", "text/html")
                .header("referer", referer)
                .form(&[("locale", "tg")])
                .send()
                .await
                .unwrap();
            assert!(response.status().is_redirection(), "{referer}");
            assert_eq!(
                response.headers().get(LOCATION).unwrap().to_str().unwrap(),
                expected,
                "{referer}"
            );
        }
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn hundreds_of_parallel_page_loads_never_answer_500() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let pages = [
            "/",
            "/instruments",
            "/admin/users",
            "/admin/audit",
            "/account",
            "/instruments/IRNS/versions/1",
            "/signin",
            "/nowhere",
        ];
        let mut failures = Vec::new();
        // 640 loads, 32 at a time.
        for round in 0..20 {
            let mut batch = tokio::task::JoinSet::new();
            for i in 0..32 {
                let url = app.url(pages[(round + i) % pages.len()]);
                let client = admin.clone();
                batch.spawn(async move {
                    let status = client.get(&url).send().await.map(|r| r.status());
                    (url, status)
                });
            }
            while let Some(done) = batch.join_next().await {
                let (url, status) = done.unwrap();
                match status {
                    Ok(s) if s.is_server_error() => failures.push(format!("{url}: {s}")),
                    Ok(_) => {}
                    Err(e) => failures.push(format!("{url}: {e}")),
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        app.stop().await;
    })
    .await;
}

/// One GET with the path exactly as given, over a plain TCP connection.
async fn raw_get(app: &TestApp, path: &str) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = app.base.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let request = format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    String::from_utf8_lossy(&answer).into_owned()
}
