use app::model::{AuditPage, InstrumentSummary, VersionView};
use domain::definition::Definition;
use domain::{AuditAction, InstrumentCode, Locale, Role, VersionStatus};
use reqwest::StatusCode;
use services::{Actor, ServiceError};
use tests::{TestApp, on_each_engine};

async fn instruments(app: &TestApp, client: &reqwest::Client) -> Vec<InstrumentSummary> {
    let response = app.list_instruments(client).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_sample_instruments_are_published_once_on_first_start() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let assessor = app.signed_in_as("assessor", &[Role::Assessor]).await;
        let list = instruments(&app, &assessor).await;
        let codes: Vec<&str> = list.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, vec!["IRNS", "SPNC", "VESPJ"]);
        for instrument in &list {
            assert_eq!(instrument.published_version, Some(1));
            assert_eq!(instrument.locales.len(), 3, "{}", instrument.code);
        }
        let intake = &list[0];
        assert_eq!(intake.title_in(Locale::En), "Intake Risk & Needs Screen");
        assert!(intake.title_in(Locale::Tg).contains("хатар"));
        app.stop().await;

        // A restart loads nothing again.
        let again = TestApp::spawn(&db).await;
        let admin = again.signed_in_as("chief", &[Role::Administrator]).await;
        let page: AuditPage = again
            .list_audit_events(&admin, 1)
            .await
            .json()
            .await
            .unwrap();
        let loads = page
            .events
            .iter()
            .filter(|e| e.action == AuditAction::InstrumentLibraryLoaded)
            .count();
        assert_eq!(loads, 3);
        again.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_published_version_reads_back_as_its_definition() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let assessor = app.signed_in_as("assessor", &[Role::Assessor]).await;
        let irns: InstrumentCode = "IRNS".parse().unwrap();
        let response = app.get_version(&assessor, &irns, 1).await;
        assert_eq!(response.status(), StatusCode::OK);
        let version: VersionView = response.json().await.unwrap();
        assert_eq!(version.status, VersionStatus::Published);
        let definition =
            Definition::from_json(version.definition.get()).expect("a readable definition");
        assert!(definition.check().is_empty());
        let original = include_str!("../../../instrument-library/intake-screen/definition.json");
        assert_eq!(version.definition.get().trim_end(), original.trim_end());
        let missing = app.get_version(&assessor, &irns, 9).await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        let visitor = app.get_version(&TestApp::client(), &irns, 1).await;
        assert_eq!(visitor.status(), StatusCode::UNAUTHORIZED);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn drafts_are_hidden_from_assessors_and_only_methodologists_import() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let source = include_str!("../../../instrument-library/examples/minimal.json");
        let imported = app
            .services
            .import_version(&Actor::System("test"), source, None)
            .await
            .unwrap();
        assert_eq!(imported.version, 1);
        let assessor = app.signed_in_as("assessor", &[Role::Assessor]).await;
        assert_eq!(
            app.get_version(&assessor, &imported.code, imported.version)
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        let reviewer = app.signed_in_as("reviewer", &[Role::Reviewer]).await;
        let draft: VersionView = app
            .get_version(&reviewer, &imported.code, imported.version)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(draft.status, VersionStatus::Draft);
        // Not in an assessor's list, which holds published instruments only.
        let list = instruments(&app, &assessor).await;
        assert!(list.iter().all(|i| i.code != imported.code));
        // A reviewer's list holds it, as a draft with nothing published.
        let list = instruments(&app, &reviewer).await;
        let listed = list
            .iter()
            .find(|i| i.code == imported.code)
            .expect("the draft is listed for a reviewer");
        assert_eq!(listed.status, VersionStatus::Draft);
        assert_eq!(listed.published_version, None);
        // Importing needs a methodologist (or administrator).
        let assessor_user = app.services.find_user("assessor").await.unwrap();
        let refused = app
            .services
            .import_version(&Actor::User(assessor_user), source, None)
            .await;
        assert!(
            matches!(refused, Err(ServiceError::Forbidden)),
            "{refused:?}"
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn the_instruments_page_lists_the_library_in_the_interface_language() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let assessor = app.signed_in_as("assessor", &[Role::Assessor]).await;
        let html = assessor
            .get(app.url("/instruments"))
            .header("accept-language", "ru")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(html.contains("Инструменты"));
        assert!(html.contains("Первичный скрининг рисков и потребностей"));
        assert!(html.contains("href=\"/instruments/IRNS/versions/1\""));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn the_history_page_lists_the_versions_and_shows_a_translation_fix_as_translation_only() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = app.api_user("author", &[Role::Methodologist]).await;
        let created = tests::api::post_translation_fix(&app, &author).await;
        assert_eq!(created.status(), StatusCode::CREATED);

        let reviewer = app.signed_in_as("rustam", &[Role::Reviewer]).await;
        let history = app.get(&reviewer, "/instruments/IRNS").await;
        assert_eq!(history.status(), StatusCode::OK);
        let html = history.text().await.unwrap();
        assert!(html.contains("data-version=\"2\"") && html.contains("data-version=\"1\""));
        assert!(
            html.contains(">Draft<") && html.contains(">Published<"),
            "statuses"
        );

        let set_russian = app.set_language(&reviewer, "ru", false).await;
        assert!(set_russian.status().is_success());
        let html = app
            .get(&reviewer, "/instruments/IRNS?from=1&to=2")
            .await
            .text()
            .await
            .unwrap();
        let count = |class: &str| {
            html.split(&format!("data-class=\"{class}\" data-count=\""))
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .map(str::to_owned)
        };
        assert_eq!(count("translation").as_deref(), Some("1"), "{html}");
        assert_eq!(count("scoring").as_deref(), Some("0"));
        assert_eq!(count("structural").as_deref(), Some("0"));
        assert_eq!(count("wording").as_deref(), Some("0"));
        assert!(html.contains("/sections/0/items/0/label/ru/female"));
        assert!(html.contains("Перевод"), "in Russian");
        assert!(html.contains("(исправлено)"), "the new wording");

        // An assessor sees published versions only: the draft is not there.
        let assessor = app.signed_in_as("nargis", &[Role::Assessor]).await;
        let html = app
            .get(&assessor, "/instruments/IRNS")
            .await
            .text()
            .await
            .unwrap();
        assert!(html.contains("data-version=\"1\""));
        assert!(!html.contains("data-version=\"2\""));
        app.stop().await;
    })
    .await;
}
