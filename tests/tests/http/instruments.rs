use app::model::{AuditPage, InstrumentSummary, VersionView};
use domain::definition::Definition;
use domain::{Locale, Role};
use reqwest::StatusCode;
use server::services::Actor;
use tests::{TestApp, on_each_engine};

#[tokio::test]
async fn the_sample_instruments_are_published_once_on_first_start() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let assessor = app.signed_in_as("assessor", &[Role::Assessor]).await;
        let list: Vec<InstrumentSummary> = app
            .call_form(&assessor, "list_instruments", &[])
            .await
            .json()
            .await
            .unwrap();
        let codes: Vec<&str> = list.iter().map(|i| i.code.as_str()).collect();
        assert_eq!(codes, vec!["IRNS", "SPNC", "VESPJ"]);
        for instrument in &list {
            assert_eq!(instrument.published_version, Some(1));
            assert_eq!(instrument.locales.len(), 3, "{}", instrument.code);
        }
        let intake = &list[0];
        assert_eq!(intake.title(Locale::En), "Intake Risk & Needs Screen");
        assert!(intake.title(Locale::Tg).contains("хатар"));
        app.stop().await;

        // A restart loads nothing again.
        let again = TestApp::spawn(&db).await;
        let admin = again.signed_in_as("chief", &[Role::Administrator]).await;
        let page: AuditPage = again
            .call_form(&admin, "list_audit_events", &[("page", "1")])
            .await
            .json()
            .await
            .unwrap();
        let loads = page
            .events
            .iter()
            .filter(|e| e.action == "instrument.library_loaded")
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
        let response = app
            .call_form(
                &assessor,
                "get_version",
                &[("code", "IRNS"), ("number", "1")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        let version: VersionView = response.json().await.unwrap();
        assert_eq!(version.status, "published");
        let definition = Definition::from_json(&version.definition).expect("a readable definition");
        assert!(definition.check().is_empty());
        let original = include_str!("../../../instrument-library/intake-screen/definition.json");
        assert_eq!(version.definition.trim_end(), original.trim_end());
        let missing = app
            .call_form(
                &assessor,
                "get_version",
                &[("code", "IRNS"), ("number", "9")],
            )
            .await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        let visitor = app
            .call_form(
                &TestApp::client(),
                "get_version",
                &[("code", "IRNS"), ("number", "1")],
            )
            .await;
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
            .import_definition(&Actor::System("test"), source)
            .await
            .unwrap();
        assert_eq!(imported.number, 1);
        let number = imported.number.to_string();
        let form = [
            ("code", imported.code.as_str()),
            ("number", number.as_str()),
        ];
        let assessor = app.signed_in_as("assessor", &[Role::Assessor]).await;
        assert_eq!(
            app.call_form(&assessor, "get_version", &form)
                .await
                .status(),
            StatusCode::NOT_FOUND
        );
        let reviewer = app.signed_in_as("reviewer", &[Role::Reviewer]).await;
        let draft: VersionView = app
            .call_form(&reviewer, "get_version", &form)
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(draft.status, "draft");
        // Not in the published list.
        let list: Vec<InstrumentSummary> = app
            .call_form(&reviewer, "list_instruments", &[])
            .await
            .json()
            .await
            .unwrap();
        assert!(list.iter().all(|i| i.code != imported.code));
        // Importing needs a methodologist (or administrator).
        let assessor_user = app::model::SessionUser {
            id: domain::UserId(99),
            username: "a".into(),
            display_name: "A".into(),
            roles: domain::Roles::new([Role::Assessor]),
            preferred_locale: None,
            must_change_password: false,
        };
        let refused = app
            .services
            .import_definition(&Actor::User(assessor_user), source)
            .await;
        assert!(matches!(
            refused,
            Err(server::services::instruments::ImportError::Service(
                server::services::ServiceError::Forbidden
            ))
        ));
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
