//! Authoring: a new instrument, a new draft from the published version,
//! saving a draft with its revision (API and page action), and every
//! refusal: not an author, a published version, a second draft, a stale
//! revision (the refused edit handed back intact).

use domain::{AuditAction, Gender, Locale, Role, VersionStatus};
use reqwest::{Method, StatusCode};
use services::model::{
    ApiError, AuditPage, NewInstrument, SavedDraft, VersionSummary, VersionView,
};
use tests::api::library_definition;
use tests::{TestApp, on_each_engine};

async fn version(app: &TestApp, token: &str, code: &str, n: i64) -> VersionView {
    let response = app
        .api(
            Method::GET,
            &format!("/api/v1/instruments/{code}/versions/{n}"),
        )
        .token(token)
        .send()
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn put(
    app: &TestApp,
    token: &str,
    path: &str,
    revision: i64,
    definition: &str,
) -> reqwest::Response {
    app.api(Method::PUT, path)
        .token(token)
        .body(format!(
            r#"{{"revision": {revision}, "definition": {definition}}}"#
        ))
        .send()
        .await
}

/// The library's intake screen with its first item's English label changed.
fn edited(label: &str) -> String {
    let mut value: serde_json::Value =
        serde_json::from_str(&library_definition("intake-screen")).unwrap();
    value["sections"][0]["items"][0]["label"]["en"] = serde_json::Value::String(label.into());
    value.to_string()
}

#[tokio::test]
async fn a_draft_is_started_saved_with_revisions_and_never_overwritten_silently() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = app.api_user("author", &[Role::Methodologist]).await;
        let other = app.api_user("other", &[Role::Administrator]).await;
        let assessor = app.api_user("assessor", &[Role::Assessor]).await;
        let client = app.signed_in_as("writer", &[Role::Methodologist]).await;

        // A new draft of IRNS from its published version 1, by the page action.
        let started = app.start_draft(&client, "IRNS").await;
        assert_eq!(
            started.status(),
            StatusCode::OK,
            "{}",
            started.text().await.unwrap()
        );
        let draft = version(&app, &author, "IRNS", 2).await;
        assert_eq!(draft.status, VersionStatus::Draft);
        let published = version(&app, &author, "IRNS", 1).await;
        assert_eq!(
            draft.definition_hash, published.definition_hash,
            "starts as a copy"
        );
        // At most one draft per instrument.
        let second = app.start_draft(&client, "IRNS").await;
        assert_eq!(second.status(), StatusCode::CONFLICT);

        let path = "/api/v1/instruments/IRNS/versions/2";
        // Not an author: refused before anything is read.
        let refused = put(&app, &assessor, path, draft.revision, &edited("x")).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);

        // Saved: a new revision, and what the stored definition now says.
        let response = put(&app, &author, path, draft.revision, &edited("Mine")).await;
        assert_eq!(response.status(), StatusCode::OK);
        let saved: SavedDraft = response.json().await.unwrap();
        assert_eq!(saved.revision, draft.revision + 1);
        assert!(saved.problems.is_empty(), "{:?}", saved.problems);
        let now = version(&app, &author, "IRNS", 2).await;
        assert_eq!(now.revision, saved.revision);
        assert_eq!(now.definition_hash, saved.definition_hash);
        let stored: serde_json::Value = serde_json::from_str(now.definition.get()).unwrap();
        assert_eq!(stored["sections"][0]["items"][0]["label"]["en"], "Mine");

        // The other person started from the old revision: refused, with the
        // current revision and their definition handed back intact.
        let theirs = edited("Theirs");
        let response = put(&app, &other, path, draft.revision, &theirs).await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let body: ApiError = response.json().await.unwrap();
        assert_eq!(body.error, "stale-revision");
        assert_eq!(body.current_revision, Some(saved.revision));
        assert_eq!(body.refused.expect("the refused edit").get(), theirs);
        let still = version(&app, &author, "IRNS", 2).await;
        assert_eq!(
            still.definition_hash, saved.definition_hash,
            "nothing overwritten"
        );
        // Re-applied at the current revision, it is saved.
        let response = put(&app, &other, path, saved.revision, &theirs).await;
        assert_eq!(response.status(), StatusCode::OK);

        // A definition with check problems is saved and they are listed.
        let mut broken: serde_json::Value = serde_json::from_str(&theirs).unwrap();
        broken["sections"][0]["items"][0]["label"]["ru"] =
            serde_json::json!({ "male": "Только он" });
        let current = version(&app, &author, "IRNS", 2).await;
        let response = put(&app, &author, path, current.revision, &broken.to_string()).await;
        assert_eq!(response.status(), StatusCode::OK);
        let saved: SavedDraft = response.json().await.unwrap();
        let paths: Vec<&str> = saved.problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(paths, ["/sections/0/items/0/label/ru/female"]);

        // One that is not a definition in the format: 422, every path.
        let mut wrong: serde_json::Value = serde_json::from_str(&theirs).unwrap();
        wrong["sections"][0]["items"][0]["type"] = "essay".into();
        wrong["meta"]["genders"] = serde_json::json!([]);
        let response = put(&app, &author, path, saved.revision, &wrong.to_string()).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: ApiError = response.json().await.unwrap();
        let paths: Vec<&str> = body.problems.iter().map(|p| p.path.as_str()).collect();
        assert!(
            paths.iter().any(|p| p.starts_with("/sections/0/items/0")),
            "{paths:?}"
        );
        assert!(paths.contains(&"/meta/genders"), "{paths:?}");

        // Another instrument's code in the body.
        let other_code = tests::api::intake_as("OTHER");
        let response = put(&app, &author, path, saved.revision, &other_code).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);

        // A published version is never edited.
        let response = put(
            &app,
            &author,
            "/api/v1/instruments/IRNS/versions/1",
            published.revision,
            &edited("No"),
        )
        .await;
        assert_eq!(response.status(), StatusCode::CONFLICT);
        let body: ApiError = response.json().await.unwrap();
        assert_eq!(body.error, "version-published");
        assert!(body.refused.is_some());

        // Every save is one audit event (three saves succeeded), with who.
        let admin = app.signed_in_as("auditor", &[Role::Administrator]).await;
        let page: AuditPage = app.list_audit_events(&admin, 1).await.json().await.unwrap();
        let saves: Vec<&str> = page
            .events
            .iter()
            .filter(|e| e.action == AuditAction::DraftSaved)
            .map(|e| e.actor_name.as_str())
            .collect();
        assert_eq!(saves, ["author", "other", "author"]);
        assert!(
            page.events
                .iter()
                .any(|e| e.action == AuditAction::DraftStarted)
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_new_instrument_starts_as_draft_one_with_who_made_it() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let client = app.signed_in_as("writer", &[Role::Methodologist]).await;
        let mut new = NewInstrument {
            code: "bad code!".into(),
            title: "Ҷалбшавӣ".into(),
            source_locale: Locale::Tg,
            required_locales: vec![Locale::Ru],
            genders: vec![Gender::Female, Gender::Male],
        };
        let refused = app.create_instrument(&client, &new).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            refused
                .text()
                .await
                .unwrap()
                .contains("error-instrument-code")
        );
        new.code = "ENGAGE".into();
        let created = app.create_instrument(&client, &new).await;
        assert_eq!(created.status(), StatusCode::OK);
        // The code is taken now.
        let again = app.create_instrument(&client, &new).await;
        assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            again
                .text()
                .await
                .unwrap()
                .contains("error-instrument-code-taken")
        );

        let token = app.api_user("reader", &[Role::Reviewer]).await;
        let v = version(&app, &token, "ENGAGE", 1).await;
        assert_eq!(v.status, VersionStatus::Draft);
        let d: serde_json::Value = serde_json::from_str(v.definition.get()).unwrap();
        assert_eq!(d["meta"]["title"], serde_json::json!({ "tg": "Ҷалбшавӣ" }));
        assert_eq!(d["meta"]["source_locale"], "tg");
        assert_eq!(
            d["meta"]["required_locales"],
            serde_json::json!(["tg", "ru"])
        );
        assert_eq!(d["meta"]["genders"], serde_json::json!(["male", "female"]));
        let versions: Vec<VersionSummary> = app
            .api(Method::GET, "/api/v1/instruments/ENGAGE/versions")
            .token(&token)
            .send()
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(versions[0].created_by.as_deref(), Some("writer"));

        // Someone without the role is refused.
        let assessor = app.signed_in_as("assessor", &[Role::Assessor]).await;
        new.code = "OTHER".into();
        assert_eq!(
            app.create_instrument(&assessor, &new).await.status(),
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            app.start_draft(&assessor, "IRNS").await.status(),
            StatusCode::FORBIDDEN
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_definition_file_is_imported_from_the_page_and_exported_again() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let client = app.signed_in_as("writer", &[Role::Methodologist]).await;
        let page = app.get(&client, "/instruments/new").await;
        assert_eq!(page.status(), StatusCode::OK);
        let html = page.text().await.unwrap();
        assert!(html.contains(r#"enctype="multipart/form-data""#), "{html}");

        // As a browser posts the form: a refusal comes back to the form.
        let upload = |body: String| {
            let form = reqwest::multipart::Form::new().part(
                "file",
                reqwest::multipart::Part::text(body).file_name("d.json"),
            );
            client
                .post(app.url("/api/import_definition"))
                .header("accept", "text/html")
                .header("referer", app.url("/instruments/new"))
                .multipart(form)
        };
        let refused = upload("{ not json".into()).send().await.unwrap();
        assert_eq!(refused.status(), StatusCode::SEE_OTHER);
        assert_eq!(refused.headers()["location"], "/instruments/new");
        let again = app
            .get(&client, "/instruments/new")
            .await
            .text()
            .await
            .unwrap();
        assert!(
            again.contains("class=\"problems\""),
            "the problems are listed"
        );

        let done = upload(tests::api::intake_as("IMPX")).send().await.unwrap();
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        assert_eq!(
            done.headers()["location"],
            "/instruments/IMPX/versions/1/edit"
        );

        let file = app
            .get(&client, "/instruments/IMPX/versions/1/definition.json")
            .await;
        assert_eq!(file.status(), StatusCode::OK);
        assert!(
            file.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains("IMPX-v1.json")
        );
        let exported: serde_json::Value = file.json().await.unwrap();
        assert_eq!(exported["meta"]["code"], "IMPX");
        let history = app
            .get(&client, "/instruments/IMPX")
            .await
            .text()
            .await
            .unwrap();
        assert!(history.contains("writer"), "who created it");
        app.stop().await;
    })
    .await;
}
