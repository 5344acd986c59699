//! Helpers for Mizon's black-box tests: a fresh database per test (SQLite
//! always; PostgreSQL too when `MIZON_TEST_POSTGRES_URL` is set), the real
//! application on a random port, and an HTTP client per simulated browser.

mod actions;
pub mod api;
pub mod assessment_helpers;
pub mod audit_helpers;
mod auth_helpers;
pub mod browser;
mod instrument_helpers;
pub mod openapi;
pub mod subject_helpers;

use domain::Role;
use reqwest::{Client, Response, StatusCode};
use server::config::ServeArgs;
use server::startup::Application;
use services::model::NewUser;
use services::{Actor, Services};
use std::future::Future;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A database made for one test.
#[derive(Debug, Clone)]
pub struct TestDb {
    pub engine: Engine,
    pub url: String,
    /// For PostgreSQL: the server URL and the database name, to drop it after.
    postgres: Option<(String, String)>,
}

impl TestDb {
    pub async fn fresh(engine: Engine) -> TestDb {
        let name = format!("mizon_t_{}", uuid::Uuid::new_v4().simple());
        match engine {
            Engine::Sqlite => {
                let dir = std::env::temp_dir().join("mizon-tests");
                std::fs::create_dir_all(&dir).expect("temp dir");
                TestDb {
                    engine,
                    url: format!("sqlite://{}", dir.join(format!("{name}.db")).display()),
                    postgres: None,
                }
            }
            Engine::Postgres => {
                let server =
                    std::env::var("MIZON_TEST_POSTGRES_URL").expect("MIZON_TEST_POSTGRES_URL");
                sqlx::any::install_default_drivers();
                let mut conn = <sqlx::AnyConnection as sqlx::Connection>::connect(&server)
                    .await
                    .expect("connect to PostgreSQL");
                sqlx::query(&format!("CREATE DATABASE {name}"))
                    .execute(&mut conn)
                    .await
                    .expect("create test database");
                let base = server.rsplit_once('/').map(|(b, _)| b).unwrap_or(&server);
                TestDb {
                    engine,
                    url: format!("{base}/{name}"),
                    postgres: Some((server.clone(), name)),
                }
            }
        }
    }

    /// Removes the database (after a passing test; a failing one keeps it
    /// for inspection).
    pub async fn drop_database(self) {
        match self.postgres {
            Some((server, name)) => {
                if let Ok(mut conn) =
                    <sqlx::AnyConnection as sqlx::Connection>::connect(&server).await
                {
                    let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&mut conn)
                        .await;
                }
            }
            None => {
                if let Some(path) = self.url.strip_prefix("sqlite://") {
                    for suffix in ["", "-wal", "-shm"] {
                        let _ = std::fs::remove_file(format!("{path}{suffix}"));
                    }
                }
            }
        }
    }
}

/// The engines this run tests: SQLite always, PostgreSQL when configured.
pub fn engines() -> Vec<Engine> {
    let mut engines = vec![Engine::Sqlite];
    if std::env::var("MIZON_TEST_POSTGRES_URL").is_ok_and(|v| !v.is_empty()) {
        engines.push(Engine::Postgres);
    }
    engines
}

/// How long one test may take on one engine before it counts as hung.
const TEST_LIMIT: std::time::Duration = std::time::Duration::from_secs(180);

/// Runs a test once per engine, each time on a fresh database. A test that
/// hangs fails after [`TEST_LIMIT`], naming the engine.
pub async fn on_each_engine<F, Fut>(test: F)
where
    F: Fn(TestDb) -> Fut,
    Fut: Future<Output = ()>,
{
    for engine in engines() {
        eprintln!("-- on {engine:?}");
        let db = tokio::time::timeout(TEST_LIMIT, TestDb::fresh(engine))
            .await
            .unwrap_or_else(|_| panic!("creating a {engine:?} test database hung"));
        if tokio::time::timeout(TEST_LIMIT, test(db.clone()))
            .await
            .is_err()
        {
            panic!(
                "the test hung on {engine:?} (over {TEST_LIMIT:?}); its database {} is kept",
                db.url
            );
        }
        db.drop_database().await;
    }
}

/// The built site (wasm, CSS) that `.ci/lib.sh build_site` writes.
pub fn site_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/site")
}

/// Fails (never skips) a test that needs the built site when it is missing.
pub fn site_is_built() {
    assert!(
        site_root().join("assets.txt").exists(),
        "the site is not built: run .ci/test (or source .ci/lib.sh; build_site)"
    );
}

pub struct TestApp {
    pub base: String,
    pub services: Services,
    pub db: TestDb,
    /// The password printed at first start for `admin` (must be changed).
    pub admin_password: Option<String>,
    server: tokio::task::JoinHandle<()>,
}

impl TestApp {
    pub async fn spawn(db: &TestDb) -> TestApp {
        Self::spawn_with(db, |_| {}).await
    }

    /// Like [`TestApp::spawn`], with the configuration adjusted first.
    pub async fn spawn_with(db: &TestDb, adjust: impl FnOnce(&mut ServeArgs)) -> TestApp {
        let mut config = ServeArgs::for_database(&db.url);
        config.site_root = site_root();
        adjust(&mut config);
        let app = Application::build(config)
            .await
            .expect("application starts");
        let base = format!("http://{}", app.address);
        let services = app.services.clone();
        let admin_password = app.first_administrator.as_ref().map(|a| a.password.clone());
        let server = tokio::spawn(async move {
            app.run().await.expect("server runs");
        });
        TestApp {
            base,
            services,
            db: db.clone(),
            admin_password,
            server,
        }
    }

    /// Stops serving (as a process exit would); the database stays.
    pub async fn stop(self) {
        self.server.abort();
        let _ = self.server.await;
        // Closing waits for checked-out connections; never wait forever.
        let closed = tokio::time::timeout(
            std::time::Duration::from_secs(20),
            self.services.db.pool.close(),
        )
        .await;
        assert!(
            closed.is_ok(),
            "the pool did not close: a connection is still checked out"
        );
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A browser-like client: keeps cookies, does not follow redirects.
    pub fn client() -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client")
    }

    /// Creates an account directly (as the command line would), ready to use.
    pub async fn create_user(&self, username: &str, roles: &[Role]) -> String {
        let password = format!("{username}-password-123");
        self.services
            .create_user(
                &Actor::System("test"),
                NewUser {
                    username: username.into(),
                    display_name: format!("Test {username}"),
                    password: password.clone(),
                    roles: roles.to_vec(),
                    preferred_locale: None,
                },
            )
            .await
            .expect("create user");
        password
    }

    pub async fn sign_in(&self, client: &Client, username: &str, password: &str) -> Response {
        client
            .post(self.url("/api/sign_in"))
            .form(&[("username", username), ("password", password)])
            .send()
            .await
            .expect("request")
    }

    /// A client signed in as a new account holding `roles`.
    pub async fn signed_in_as(&self, username: &str, roles: &[Role]) -> Client {
        let password = self.create_user(username, roles).await;
        let client = Self::client();
        let response = self.sign_in(&client, username, &password).await;
        assert_eq!(response.status(), StatusCode::OK, "sign in as {username}");
        client
    }

    pub async fn get(&self, client: &Client, path: &str) -> Response {
        client.get(self.url(path)).send().await.expect("request")
    }
}

/// A value encoded as an HTML form body with nested fields in brackets
/// (`user[roles][0]=assessor`), as the server functions read it.
pub fn form_body(value: &impl serde::Serialize) -> String {
    serde_qs::to_string(value).expect("form-encodable")
}
