//! The instrument routes of the JSON API: what each role sees, the exact
//! stored definition with its hash, and importing a draft.

use domain::{Locale, Role, VersionStatus};
use reqwest::{Method, StatusCode};
use services::model::{ApiError, InstrumentSummary, VersionSummary, VersionView};
use sha2::{Digest, Sha256};
use tests::api::{intake_as, post_translation_fix};
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

#[tokio::test]
async fn every_check_problem_of_a_refused_draft_is_said_in_the_callers_language_at_its_path() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = app.api_user("author", &[Role::Methodologist]).await;
        // Three problems the JSON Schema lets through and the checks find: a
        // missing Russian female wording, a gap between bands, and a
        // condition naming an item that does not exist.
        let mut broken: serde_json::Value = serde_json::from_str(&intake_as("NEWX")).unwrap();
        let item = &mut broken["sections"][0]["items"][0];
        item["label"]["ru"] = serde_json::json!({ "male": "Только мужская формулировка" });
        item["show_if"] = serde_json::json!(r#"answer("nope") == 1"#);
        broken["scores"][0]["bands"][1]["min"] = serde_json::json!(2);
        let broken = broken.to_string();

        let mut answers = Vec::new();
        for language in ["ru", "en"] {
            let response = app
                .api(Method::POST, "/api/v1/instruments/NEWX/versions")
                .token(&author)
                .language(language)
                .body(broken.clone())
                .send()
                .await;
            assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
            let body: ApiError = response.json().await.expect("an error body");
            assert_eq!(body.error, "invalid-definition");
            answers.push(body);
        }
        let (ru, en) = (&answers[0], &answers[1]);
        let said = |body: &ApiError, path: &str| -> String {
            let problem = body
                .problems
                .iter()
                .find(|p| p.path == path)
                .unwrap_or_else(|| panic!("no problem at {path}: {:?}", body.problems));
            problem.message.clone()
        };
        for (path, russian, english) in [
            (
                "/sections/0/items/0/label/ru/female",
                "Нет формулировки на языке «русский» для пола «женский».",
                "The Russian wording for female subjects is missing.",
            ),
            (
                "/scores/0/bands/1/min",
                "Для баллов от 1 до 1 нет диапазона.",
                "Scores 1 to 1 have no band.",
            ),
            (
                "/sections/0/items/0/show_if",
                "Условие, символ 1: Пункта `nope` нет.",
                "Condition, at character 1: There is no item `nope`.",
            ),
        ] {
            assert_eq!(said(ru, path), russian, "{path}");
            assert_eq!(said(en, path), english, "{path}");
        }
        assert_eq!(ru.problems.len(), 3, "{:?}", ru.problems);
        // The message id and arguments come along, for clients that say
        // them in yet another way.
        let gap = ru
            .problems
            .iter()
            .find(|p| p.message_id == "check-band-gap");
        assert_eq!(gap.expect("the gap").args["from"], 1i64.into());
        app.stop().await;
    })
    .await;
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[tokio::test]
async fn the_diff_of_a_translation_fix_is_one_translation_change_and_nothing_else() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = app.api_user("author", &[Role::Methodologist]).await;
        let reader = app.api_user("reader", &[Role::Reviewer]).await;
        // IRNS v1 is the published library version; v2 changes only the
        // Russian female wording of the first item's label.
        let created = post_translation_fix(&app, &author).await;
        assert_eq!(created.status(), StatusCode::CREATED);

        let diff: serde_json::Value = app
            .api(Method::GET, "/api/v1/instruments/IRNS/diff?from=1&to=2")
            .token(&reader)
            .send()
            .await
            .json()
            .await
            .unwrap();
        let changes = diff["changes"].as_array().expect("changes");
        assert_eq!(changes.len(), 1, "{diff}");
        assert_eq!(changes[0]["class"], "translation");
        assert_eq!(changes[0]["path"], "/sections/0/items/0/label/ru/female");
        assert!(
            changes[0]["after"]
                .as_str()
                .unwrap()
                .ends_with("(исправлено)")
        );

        let same: serde_json::Value = app
            .api(Method::GET, "/api/v1/instruments/IRNS/diff?from=1&to=1")
            .token(&reader)
            .send()
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(same["changes"], serde_json::json!([]));
        for bad in ["?from=1", "?from=1&to=x", ""] {
            let response = app
                .api(Method::GET, &format!("/api/v1/instruments/IRNS/diff{bad}"))
                .token(&reader)
                .send()
                .await;
            assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{bad}");
        }
        let missing = app
            .api(Method::GET, "/api/v1/instruments/IRNS/diff?from=1&to=9")
            .token(&reader)
            .send()
            .await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn the_list_finds_by_code_or_folded_title_and_carries_the_open_version_and_completeness() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = app.api_user("author", &[Role::Methodologist]).await;
        let reviewer = app.api_user("reviewer", &[Role::Reviewer]).await;
        let assessor = app.api_user("assessor", &[Role::Assessor]).await;
        let created = post_translation_fix(&app, &author).await;
        assert_eq!(created.status(), StatusCode::CREATED);

        let codes = |list: &[InstrumentSummary]| -> Vec<String> {
            list.iter().map(|i| i.code.to_string()).collect()
        };
        // «эҳтиёҷот» (in the Tajik titles of IRNS and SPNC) typed in capitals
        // with е for ё and no Tajik letters; then by code; then nothing.
        for (query, expected) in [
            ("ЭХТИЕЧОТ", vec!["IRNS", "SPNC"]),
            ("spnc", vec!["SPNC"]),
            ("violent%20GUIDE", vec!["VESPJ"]),
            ("", vec!["IRNS", "SPNC", "VESPJ"]),
            ("no-such-thing", vec![]),
        ] {
            let path = format!("/api/v1/instruments?q={query}");
            let found: Vec<InstrumentSummary> = get(&app, &assessor, &path).await;
            assert_eq!(codes(&found), expected, "{query}");
        }

        // A reviewer sees IRNS's open version, and its translation progress.
        let irns: Vec<InstrumentSummary> = get(&app, &reviewer, "/api/v1/instruments?q=irns").await;
        assert_eq!(codes(&irns), ["IRNS"]);
        let draft = irns[0].draft.expect("an open version");
        assert_eq!((draft.version, draft.status), (2, VersionStatus::Draft));
        assert_eq!(irns[0].published_version, Some(1));
        let locales: Vec<Locale> = irns[0].completeness.iter().map(|c| c.locale).collect();
        assert_eq!(locales, [Locale::Tg, Locale::Ru, Locale::En]);
        assert!(
            irns[0]
                .completeness
                .iter()
                .all(|c| c.total > 0 && c.done == c.total)
        );

        // An assessor gets the same fields, with no open version.
        let response = app
            .api(Method::GET, "/api/v1/instruments?q=irns")
            .token(&assessor)
            .send()
            .await;
        let raw: serde_json::Value = response.json().await.unwrap();
        assert_eq!(raw[0]["draft"], serde_json::Value::Null);
        assert_eq!(raw[0]["completeness"][1]["locale"], "ru");
        assert!(raw[0]["completeness"][1]["done"].as_u64() > Some(0));

        // The OpenAPI document says so.
        let document: serde_json::Value = app
            .api(Method::GET, "/api/v1/openapi.json")
            .send()
            .await
            .json()
            .await
            .unwrap();
        let parameters = &document["paths"]["/api/v1/instruments"]["get"]["parameters"];
        assert_eq!(parameters[0]["name"], "q", "{parameters}");
        assert_eq!(parameters[0]["in"], "query");
        let schemas = &document["components"]["schemas"];
        for name in ["OpenVersion", "LocaleCompleteness"] {
            assert!(schemas[name].is_object(), "{name} is described");
        }
        app.stop().await;
    })
    .await;
}
