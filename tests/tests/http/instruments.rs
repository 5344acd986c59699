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

/// The page's HTML for `path`, in the interface language `language`.
async fn page(app: &TestApp, client: &reqwest::Client, path: &str, language: &str) -> String {
    let response = client
        .get(app.url(path))
        .header("accept-language", language)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.text().await.unwrap()
}

/// The codes of the instruments a list page shows, in order.
fn listed(html: &str) -> Vec<&str> {
    html.split("data-instrument=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect()
}

/// The HTML of one instrument's row.
fn row<'a>(html: &'a str, code: &str) -> &'a str {
    let start = html
        .find(&format!("data-instrument=\"{code}\""))
        .unwrap_or_else(|| panic!("{code} is listed"));
    let rest = &html[start..];
    &rest[..rest.find("</tr>").unwrap()]
}

#[tokio::test]
async fn a_tajik_title_typed_with_russian_letters_finds_its_instrument() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let assessor = app.signed_in_as("assessor", &[Role::Assessor]).await;
        // SPNC is «Рӯйхати эҳтиёҷот барои нақшаи адои ҷазо»: typed without
        // ӯ, ҳ, ҷ and қ, and in capitals.
        let html = page(&app, &assessor, "/instruments?q=РУЙХАТИ+накшаи", "tg").await;
        assert_eq!(listed(&html), ["SPNC"]);
        assert!(html.contains("value=\"РУЙХАТИ накшаи\""), "keeps the query");
        assert!(html.contains("href=\"/instruments\""), "a way back to all");
        // «эҳтиёҷот» is in the Tajik titles of IRNS and SPNC.
        let html = page(&app, &assessor, "/instruments?q=эхтиечот", "en").await;
        assert_eq!(listed(&html), ["IRNS", "SPNC"]);
        // The page's server function searches the same way.
        let found: Vec<InstrumentSummary> = app
            .search_instruments(&assessor, "нақшаи")
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code.as_str(), "SPNC");
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_search_by_code_finds_it_and_a_search_for_nothing_says_so() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let assessor = app.signed_in_as("assessor", &[Role::Assessor]).await;
        let html = page(&app, &assessor, "/instruments?q=vespj", "en").await;
        assert_eq!(listed(&html), ["VESPJ"]);
        assert!(!html.contains("data-no-match"));

        let html = page(&app, &assessor, "/instruments?q=IRNS+zzz", "ru").await;
        assert_eq!(listed(&html), Vec::<&str>::new());
        assert!(html.contains("data-no-match"), "{html}");
        assert!(html.contains("По запросу «IRNS zzz» инструментов не найдено."));
        assert!(!html.contains("<table"));

        // A blank search is no search.
        let html = page(&app, &assessor, "/instruments?q=+", "en").await;
        assert_eq!(listed(&html), ["IRNS", "SPNC", "VESPJ"]);
        assert!(!html.contains("data-no-match"));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn the_list_shows_an_open_version_to_a_methodologist_but_not_to_an_assessor() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = app.api_user("author", &[Role::Methodologist]).await;
        let created = tests::api::post_translation_fix(&app, &author).await;
        assert_eq!(created.status(), StatusCode::CREATED);

        let methodologist = app.signed_in_as("malika", &[Role::Methodologist]).await;
        let html = page(&app, &methodologist, "/instruments", "en").await;
        let irns = row(&html, "IRNS");
        assert!(irns.contains("data-draft-status=\"draft\""), "{irns}");
        assert!(irns.contains("v2 · Draft"), "{irns}");
        assert!(!row(&html, "SPNC").contains("data-draft-status"));
        let html = page(&app, &methodologist, "/instruments", "ru").await;
        assert!(row(&html, "IRNS").contains("версия 2 · Черновик"));

        let assessor = app.signed_in_as("assessor", &[Role::Assessor]).await;
        let html = page(&app, &assessor, "/instruments", "en").await;
        assert_eq!(listed(&html), ["IRNS", "SPNC", "VESPJ"]);
        assert!(!html.contains("data-draft-status"), "no open version");
        let list = instruments(&app, &assessor).await;
        assert!(list.iter().all(|i| i.draft.is_none()));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn the_list_shows_how_far_each_translation_has_got() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let assessor = app.signed_in_as("assessor", &[Role::Assessor]).await;
        let html = page(&app, &assessor, "/instruments", "ru").await;
        let irns = row(&html, "IRNS");
        for (code, words) in [
            ("tg", "Тоҷикӣ 100%"),
            ("ru", "Русский 100%"),
            ("en", "English 100%"),
        ] {
            assert!(
                irns.contains(&format!("data-locale=\"{code}\" data-percent=\"100\"")),
                "{irns}"
            );
            assert!(irns.contains(words), "{words}");
        }
        assert!(irns.contains("<meter"));

        // A draft halfway through its Russian translation: a methodologist
        // sees the draft's progress, an assessor the published version's.
        let author = app.api_user("author", &[Role::Methodologist]).await;
        let created = tests::api::post_translation_fix(&app, &author).await;
        assert_eq!(created.status(), StatusCode::CREATED);
        let code: InstrumentCode = "IRNS".parse().unwrap();
        app.remove_stored_wording(&code, 2, "/sections/0/items/0/label/ru/female")
            .await;
        let methodologist = app.signed_in_as("malika", &[Role::Methodologist]).await;
        let list = instruments(&app, &methodologist).await;
        let ru = list[0]
            .completeness
            .iter()
            .find(|c| c.locale == Locale::Ru)
            .copied()
            .unwrap();
        assert_eq!(ru.done + 1, ru.total);
        assert!(ru.percent() < 100);
        let html = page(&app, &methodologist, "/instruments", "en").await;
        let irns = row(&html, "IRNS");
        assert!(
            irns.contains(&format!(
                "data-locale=\"ru\" data-percent=\"{}\"",
                ru.percent()
            )),
            "{irns}"
        );
        assert!(irns.contains(&format!("Русский {}%", ru.percent())));
        assert!(irns.contains("data-locale=\"tg\" data-percent=\"100\""));
        let html = page(&app, &assessor, "/instruments", "en").await;
        assert!(row(&html, "IRNS").contains("data-locale=\"ru\" data-percent=\"100\""));
        app.stop().await;
    })
    .await;
}
