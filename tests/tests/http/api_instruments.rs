//! The instrument routes of the JSON API: what each role sees, the exact
//! stored definition with its hash, and importing a draft.

use domain::{Locale, Role, VersionStatus};
use reqwest::{Method, StatusCode};
use services::model::{InstrumentSummary, VersionSummary, VersionView};
use sha2::{Digest, Sha256};
use tests::api::intake_as;
use tests::{TestApp, on_each_engine};

async fn get<T: serde::de::DeserializeOwned>(app: &TestApp, token: &str, path: &str) -> T {
    let response = app.api(Method::GET, path).token(token).send().await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.json().await.unwrap()
}

#[tokio::test]
async fn an_imported_draft_is_seen_by_authors_and_reviewers_but_not_by_assessors() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = app.api_user("author", &[Role::Methodologist]).await;
        let reviewer = app.api_user("reviewer", &[Role::Reviewer]).await;
        let assessor = app.api_user("assessor", &[Role::Assessor]).await;

        let list: Vec<InstrumentSummary> = get(&app, &assessor, "/api/v1/instruments").await;
        let codes: Vec<&str> = list.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, ["IRNS", "SPNC", "VESPJ"]);
        for i in &list {
            assert_eq!(i.published_version, Some(1));
            assert_eq!(i.status, VersionStatus::Published);
            assert_eq!(i.title.len(), 3, "a title in each locale: {:?}", i.title);
        }
        assert_eq!(list[0].title[&Locale::En], "Intake Risk & Needs Screen");

        // A new instrument, and a second version of an existing one.
        for (code, path) in [
            ("NEWX", "/api/v1/instruments/NEWX/versions"),
            ("IRNS", "/api/v1/instruments/IRNS/versions"),
        ] {
            let response = app
                .api(Method::POST, path)
                .token(&author)
                .body(intake_as(code))
                .send()
                .await;
            assert_eq!(response.status(), StatusCode::CREATED, "{code}");
            let created: VersionView = response.json().await.unwrap();
            assert_eq!(created.code.as_str(), code);
            assert_eq!(created.status, VersionStatus::Draft);
            assert_eq!(created.version, if code == "NEWX" { 1 } else { 2 });
        }

        let seen: Vec<InstrumentSummary> = get(&app, &reviewer, "/api/v1/instruments").await;
        let newx = seen
            .iter()
            .find(|i| i.code.as_str() == "NEWX")
            .expect("NEWX");
        assert_eq!(newx.published_version, None);
        assert_eq!(newx.status, VersionStatus::Draft);
        let irns = seen.iter().find(|i| i.code.as_str() == "IRNS").unwrap();
        assert_eq!(
            (irns.published_version, irns.status),
            (Some(1), VersionStatus::Draft)
        );

        let unseen: Vec<InstrumentSummary> = get(&app, &assessor, "/api/v1/instruments").await;
        assert!(unseen.iter().all(|i| i.code.as_str() != "NEWX"));

        let versions: Vec<VersionSummary> =
            get(&app, &reviewer, "/api/v1/instruments/IRNS/versions").await;
        let statuses: Vec<_> = versions.iter().map(|v| (v.version, v.status)).collect();
        assert_eq!(
            statuses,
            [(1, VersionStatus::Published), (2, VersionStatus::Draft)]
        );
        assert!(versions[0].published_at.is_some());
        assert!(versions[1].published_at.is_none());
        let versions: Vec<VersionSummary> =
            get(&app, &assessor, "/api/v1/instruments/IRNS/versions").await;
        assert_eq!(versions.len(), 1);
        for path in [
            "/api/v1/instruments/IRNS/versions/2",
            "/api/v1/instruments/NEWX/versions",
        ] {
            let hidden = app.api(Method::GET, path).token(&assessor).send().await;
            assert_eq!(hidden.status(), StatusCode::NOT_FOUND, "{path}");
        }
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_version_carries_its_canonical_definition_and_that_definitions_hash() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let assessor = app.api_user("assessor", &[Role::Assessor]).await;
        let version: VersionView =
            get(&app, &assessor, "/api/v1/instruments/VESPJ/versions/1").await;
        assert_eq!(version.code.as_str(), "VESPJ");
        assert_eq!((version.version, version.revision), (1, 1));
        assert_eq!(version.status, VersionStatus::Published);
        let text = version.definition.get();
        assert_eq!(
            version.definition_hash,
            hex(&Sha256::digest(text.as_bytes()))
        );
        // Byte for byte what `mizon instrument export` prints.
        let exported = app
            .services
            .export_definition(
                &services::Actor::System("test"),
                &"VESPJ".parse().unwrap(),
                Some(1),
            )
            .await
            .unwrap();
        assert_eq!(text, exported);
        app.stop().await;
    })
    .await;
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
