//! Static files: hashed names kept for a year, sent precompressed; pages
//! themselves never cached. (Needs the built site, as `.ci/test` makes it.)

use domain::Role;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING};
use tests::{TestApp, on_each_engine, site_is_built};

/// The `/pkg/…` and `/fonts/…` addresses a page's HTML names.
fn asset_paths(html: &str) -> Vec<String> {
    html.split('"')
        .filter(|s| s.starts_with("/pkg/") || s.starts_with("/fonts/"))
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn assets_have_hashed_names_are_kept_a_year_and_come_precompressed() {
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let client = app.signed_in_as("nodira", &[Role::Assessor]).await;
        // A page without islands is plain HTML: a stylesheet, no script
        // and no wasm.
        let page = app.get(&client, "/instruments").await;
        assert_eq!(page.headers()[CACHE_CONTROL], "no-store");
        let plain = asset_paths(&page.text().await.unwrap());
        assert!(plain.iter().any(|p| p.ends_with(".css")), "{plain:?}");
        assert!(
            !plain
                .iter()
                .any(|p| p.ends_with(".js") || p.ends_with(".wasm")),
            "{plain:?}"
        );
        // The preview is an island: its page loads the module and the wasm.
        let page = app.get(&client, "/instruments/IRNS/versions/1").await;
        assert_eq!(page.headers()[CACHE_CONTROL], "no-store");
        let html = page.text().await.unwrap();
        let assets = asset_paths(&html);
        for suffix in [".css", ".js", "_bg.wasm"] {
            let path = assets
                .iter()
                .find(|p| p.ends_with(suffix))
                .unwrap_or_else(|| panic!("no {suffix} in {assets:?}"));
            // mizon.<16 hex>.css / .js / _bg.wasm
            let hash = path
                .trim_start_matches("/pkg/mizon.")
                .trim_end_matches(suffix);
            assert_eq!(hash.len(), 16, "{path}");
            assert!(hash.chars().all(|c| c.is_ascii_hexdigit()), "{path}");

            for (encoding, expected) in [
                ("br", Some("br")),
                ("gzip", Some("gzip")),
                ("identity", None),
            ] {
                let response = client
                    .get(app.url(path))
                    .header(ACCEPT_ENCODING, encoding)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(response.status(), StatusCode::OK, "{path}");
                assert_eq!(
                    response.headers()[CACHE_CONTROL],
                    "public, max-age=31536000, immutable",
                    "{path}"
                );
                assert_eq!(
                    response
                        .headers()
                        .get(CONTENT_ENCODING)
                        .map(|v| v.to_str().unwrap()),
                    expected,
                    "{path} with {encoding}"
                );
            }
        }
        // The stylesheet names the fonts, by hashed name too.
        let css_path = assets.iter().find(|p| p.ends_with(".css")).unwrap();
        let css = client
            .get(app.url(css_path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let fonts = asset_paths(&css.replace(['(', ')'], "\""));
        // One cut-down Noto Sans per weight.
        assert_eq!(fonts.len(), 2, "{fonts:?}");
        for font in &fonts {
            let response = client.get(app.url(font)).send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK, "{font}");
            assert_eq!(
                response.headers()[CACHE_CONTROL],
                "public, max-age=31536000, immutable"
            );
        }
        // A name that does not exist is a 404 that nobody keeps.
        let missing = client
            .get(app.url("/pkg/mizon.0000000000000000.js"))
            .send()
            .await
            .unwrap();
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert_ne!(
            missing
                .headers()
                .get(CACHE_CONTROL)
                .map(|v| v.to_str().unwrap()),
            Some("public, max-age=31536000, immutable")
        );
        app.stop().await;
    })
    .await;
}
