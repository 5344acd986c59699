//! A real headless Chromium (Debian's `chromium` + `chromedriver`), driven
//! over WebDriver. Each browser gets a fresh profile and its own driver.

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: TempDir,
}

struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Browser {
    /// Starts chromedriver and a headless Chromium with a phone-to-desktop
    /// sized window. Fails (never skips) when either is missing.
    pub async fn launch() -> Browser {
        let port = free_port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is installed (.ci/test installs Debian's chromium-driver)");
        let profile = TempDir(
            std::env::temp_dir().join(format!("mizon-chrome-{}", uuid::Uuid::new_v4().simple())),
        );
        let mut caps = serde_json::Map::new();
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1200,900",
                    format!("--user-data-dir={}", profile.0.display()),
                ]
            }),
        );
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..100 {
            match ClientBuilder::new(HttpConnector::new())
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Browser {
                        client,
                        driver,
                        _profile: profile,
                    };
                }
                Err(e) => {
                    last_error = Some(e);
                    // chromedriver is still starting up: poll, don't guess.
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
        panic!("could not start Chromium through chromedriver: {last_error:?}");
    }

    /// Waits until the page is live: loaded, and if it has islands (the
    /// only parts that run code in the browser), until they have hydrated
    /// (an island marks `<html data-hydrated>`). A page without islands is
    /// plain HTML: live once loaded.
    pub async fn wait_for_hydration(&self) {
        let has_islands = self
            .client
            .execute(
                "return document.querySelector('leptos-island') !== null;",
                vec![],
            )
            .await
            .expect("script")
            .as_bool()
            .unwrap_or(false);
        if has_islands {
            self.client
                .wait()
                .at_most(Duration::from_secs(20))
                .for_element(Locator::Css("html[data-hydrated]"))
                .await
                .expect("the page's islands hydrate");
        }
    }

    pub async fn text_of(&self, css: &str) -> String {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .text()
            .await
            .expect("text")
    }

    /// Waits until the element's text contains `needle`; returns the text.
    pub async fn wait_for_text(&self, css: &str, needle: &str) -> String {
        let mut text = String::new();
        for _ in 0..100 {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                text = el.text().await.unwrap_or_default();
                if text.contains(needle) {
                    return text;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{css} never contained {needle:?}; last text: {text:?}");
    }

    /// Clicks the element `css` finds (there must be one).
    pub async fn click(&self, css: &str) {
        self.client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("click {css}: {e}"));
    }

    /// Whether `css` finds an element now.
    pub async fn exists(&self, css: &str) -> bool {
        self.client.find(Locator::Css(css)).await.is_ok()
    }

    /// Signs in through the form, as a person would, and waits for the start page.
    pub async fn sign_in(&self, base: &str, username: &str, password: &str) {
        self.client
            .goto(&format!("{base}/signin"))
            .await
            .expect("sign-in page");
        self.wait_for_hydration().await;
        self.fill("#username", username).await;
        self.fill("#password", password).await;
        self.submit().await;
        self.wait_for_text("main h1", "Welcome").await;
    }

    /// Replaces an input's value with `text`.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self
            .client
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css}: {e}"));
        field.clear().await.expect("clear");
        field.send_keys(text).await.expect("type");
    }

    /// Presses the form's main button.
    pub async fn submit(&self) {
        self.client
            .find(Locator::Css("button[type=submit].primary"))
            .await
            .expect("a primary button")
            .click()
            .await
            .expect("click");
    }

    pub async fn screenshot(&self, name: &str) {
        if let Ok(png) = self.client.screenshot().await {
            let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("screenshots");
            let _ = std::fs::create_dir_all(&dir);
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    /// A failed test does not leave its driver running.
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

/// chromedriver's network emulation: offline as DevTools' "Offline"
/// (every request of the page fails), or back to the real network.
#[derive(Debug)]
struct NetworkConditions {
    offline: bool,
}

impl fantoccini::wd::WebDriverCompatibleCommand for NetworkConditions {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/chromium/network_conditions",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        if self.offline {
            let body = serde_json::json!({
                "network_conditions": {
                    "offline": true,
                    "latency": 0,
                    "download_throughput": 0,
                    "upload_throughput": 0
                }
            });
            (http::Method::POST, Some(body.to_string()))
        } else {
            (http::Method::DELETE, None)
        }
    }
}

impl Browser {
    /// Cuts the page off the network (`true`) or gives it back.
    pub async fn set_offline(&self, offline: bool) {
        self.client
            .issue_cmd(NetworkConditions { offline })
            .await
            .unwrap_or_else(|e| panic!("network conditions (offline: {offline}): {e}"));
    }
}
