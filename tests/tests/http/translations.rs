//! The translation workflow through the public API: staleness when a
//! source text changes (only that text's translations), completeness
//! counts, the sign-off rules (four eyes; a later change reopens it),
//! `.ftl` and `.xlsx` down and up with nothing lost, stale-source rows
//! refused while the rest applies, and an unreadable upload changing
//! nothing.

use domain::Role;
use reqwest::{Method, StatusCode};
use services::model::{
    ApiError, RefusalReason, RowOutcome, TextStatus, TranslationsView, UploadReport, VersionView,
};
use tests::api::library_definition;
use tests::{TestApp, on_each_engine};

const V2: &str = "/api/v1/instruments/IRNS/versions/2";
/// IRNS's first item, by its stable id (section `safety`, item `self_harm`).
const FIRST_LABEL: &str = "sections-safety-items-self_harm-label";
const SECOND_LABEL: &str = "sections-safety-items-self_harm_details-label";

async fn ok_json<T: serde::de::DeserializeOwned>(response: reqwest::Response) -> T {
    let status = response.status();
    let text = response.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{text}");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"))
}

async fn table(app: &TestApp, token: &str) -> TranslationsView {
    ok_json(
        app.api(Method::GET, &format!("{V2}/translations"))
            .token(token)
            .send()
            .await,
    )
    .await
}

async fn version(app: &TestApp, token: &str) -> VersionView {
    ok_json(app.api(Method::GET, V2).token(token).send().await).await
}

/// IRNS version 2, a draft copied from the published version 1.
async fn draft(app: &TestApp) -> String {
    let author = app.api_user("author", &[Role::Methodologist]).await;
    let client = app.signed_in_as("starter", &[Role::Methodologist]).await;
    assert_eq!(
        app.start_draft(&client, "IRNS").await.status(),
        StatusCode::OK
    );
    author
}

/// Saves v2 with the English (source) label of the first item changed.
async fn change_source(app: &TestApp, author: &str, label: &str) {
    let current = version(app, author).await;
    let mut value: serde_json::Value = serde_json::from_str(current.definition.get()).unwrap();
    value["sections"][0]["items"][0]["label"]["en"] = label.into();
    let response = app
        .api(Method::PUT, V2)
        .token(author)
        .body(format!(
            r#"{{"revision": {}, "definition": {value}}}"#,
            current.revision
        ))
        .send()
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

/// `locale/variant` → status of one text's wordings.
fn statuses(view: &TranslationsView, id: &str) -> Vec<(String, TextStatus)> {
    view.texts
        .iter()
        .filter(|t| t.id == id)
        .map(|t| (format!("{}/{}", t.locale.code(), t.variant), t.status))
        .collect()
}

/// Every wording not in `status`, as `id locale/variant status`.
fn not(view: &TranslationsView, status: TextStatus) -> Vec<String> {
    view.texts
        .iter()
        .filter(|t| t.status != status)
        .map(|t| format!("{} {}/{} {:?}", t.id, t.locale.code(), t.variant, t.status))
        .collect()
}

async fn download(app: &TestApp, token: &str, file: &str) -> Vec<u8> {
    let response = app
        .api(Method::GET, &format!("{V2}/translations/{file}"))
        .token(token)
        .send()
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    response.bytes().await.unwrap().to_vec()
}

async fn upload(app: &TestApp, token: &str, file: &str, body: Vec<u8>) -> reqwest::Response {
    app.api(Method::PUT, &format!("{V2}/translations/{file}"))
        .token(token)
        .bytes(body, "application/octet-stream")
        .send()
        .await
}

async fn sign_off(app: &TestApp, token: &str, locale: &str, password: &str) -> reqwest::Response {
    app.api(
        Method::POST,
        &format!("{V2}/translations/{locale}/sign-off"),
    )
    .token(token)
    .body(serde_json::json!({ "password": password }).to_string())
    .send()
    .await
}

/// Replaces the value of message `id` in a Fluent file (one line).
fn retranslate(ftl: &str, id: &str, value: &str) -> String {
    let mut out = Vec::new();
    let mut skipping = false;
    for line in ftl.lines() {
        if line.starts_with(&format!("{id} =")) {
            out.push(format!("{id} = {value}"));
            skipping = true;
            continue;
        }
        // A multi-line value (a gendered selector) continues indented.
        if skipping && (line.starts_with(' ') || line.starts_with('}')) {
            continue;
        }
        skipping = false;
        out.push(line.to_owned());
    }
    out.join("\n") + "\n"
}

#[tokio::test]
async fn a_source_change_makes_exactly_its_translations_stale() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = draft(&app).await;

        // The copied draft: every wording present, none stale or approved
        // (the library's versions were never signed off).
        let before = table(&app, &author).await;
        assert_eq!(not(&before, TextStatus::Draft), Vec::<String>::new());
        let locales: Vec<&str> = before.locales.keys().map(|l| l.code()).collect();
        assert_eq!(
            locales,
            ["tg", "ru"],
            "the required locales but the source (en)"
        );
        let ru = before
            .progress
            .iter()
            .find(|p| p.locale.code() == "ru")
            .unwrap();
        assert_eq!((ru.done, ru.approved), (ru.total, 0));
        assert!(ru.total > 100);
        // The counts add up to the listed wordings.
        let counted: u32 = before
            .locales
            .values()
            .flat_map(|v| v.values())
            .map(|c| c.total())
            .sum();
        assert_eq!(counted as usize, before.texts.len());

        change_source(&app, &author, "Has the person harmed themselves (changed)?").await;
        let after = table(&app, &author).await;
        let stale: Vec<String> = after
            .texts
            .iter()
            .filter(|t| t.status == TextStatus::Stale)
            .map(|t| format!("{} {}/{}", t.id, t.locale.code(), t.variant))
            .collect();
        assert!(!stale.is_empty());
        assert!(
            stale
                .iter()
                .all(|s| s.starts_with(&format!("{FIRST_LABEL} "))),
            "only the changed text's translations: {stale:?}"
        );
        // Every wording of that text in tg and ru is stale, and says which
        // source it was made from (to show beside today's).
        for (variant, status) in statuses(&after, FIRST_LABEL) {
            assert_eq!(status, TextStatus::Stale, "{variant}");
        }
        let original: serde_json::Value =
            serde_json::from_str(&library_definition("intake-screen")).unwrap();
        for t in after.texts.iter().filter(|t| t.id == FIRST_LABEL) {
            assert_eq!(
                t.made_from.as_ref(),
                Some(&original["sections"][0]["items"][0]["label"]["en"])
            );
        }
        assert!(
            after
                .texts
                .iter()
                .filter(|t| t.id != FIRST_LABEL)
                .all(|t| t.made_from.is_none())
        );
        let ru_after = after
            .progress
            .iter()
            .find(|p| p.locale.code() == "ru")
            .unwrap();
        assert!(
            ru_after.done < ru_after.total,
            "a stale wording is not done"
        );
        assert_eq!(ru_after.total, ru.total);
        // The instruments list says so too: Russian below 100 % for the draft.
        let list: Vec<services::model::InstrumentSummary> = ok_json(
            app.api(Method::GET, "/api/v1/instruments?q=IRNS")
                .token(&author)
                .send()
                .await,
        )
        .await;
        let listed = list[0]
            .completeness
            .iter()
            .find(|c| c.locale.code() == "ru")
            .unwrap();
        assert_eq!((listed.done, listed.total), (ru_after.done, ru_after.total));
        assert!(listed.percent() < 100);
        // Per variant too: the changed label's wordings are in each.
        let variants: Vec<String> = list[0]
            .variants
            .iter()
            .filter(|v| v.locale.code() == "ru")
            .map(|v| format!("{}:{}", v.variant, v.done < v.total))
            .collect();
        assert!(variants.contains(&"male:true".to_owned()), "{variants:?}");
        assert!(variants.contains(&"female:true".to_owned()), "{variants:?}");

        // A file made after the change and sent back untouched confirms
        // nothing: the out-of-date wordings stay out of date until a
        // person keeps or rewrites each.
        let translator = app.api_user("translator", &[Role::Translator]).await;
        for file in ["ru.ftl", "ru.xlsx"] {
            let body = download(&app, &translator, file).await;
            let report: UploadReport = ok_json(upload(&app, &translator, file, body).await).await;
            assert_eq!(report.applied, 0, "{file}");
        }
        let still = table(&app, &author).await;
        assert!(
            statuses(&still, FIRST_LABEL)
                .iter()
                .all(|(_, s)| *s == TextStatus::Stale)
        );
    })
    .await;
}

#[tokio::test]
async fn fluent_and_xlsx_files_go_down_and_up_without_loss() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = draft(&app).await;
        let translator = app.api_user("translator", &[Role::Translator]).await;
        let original = version(&app, &author).await;

        for file in ["ru.ftl", "tg.ftl", "ru.xlsx", "tg.xlsx"] {
            let body = download(&app, &translator, file).await;
            let report: UploadReport = ok_json(upload(&app, &translator, file, body).await).await;
            assert_eq!(report.applied, 0, "{file}: {:?}", report.refused);
            assert!(report.refused.is_empty(), "{file}: {:?}", report.refused);
            assert!(
                report
                    .rows
                    .iter()
                    .all(|r| r.outcome == RowOutcome::Unchanged)
            );
            assert!(report.rows.len() > 50, "{file}: every text is a row");
        }
        // Nothing changed: the same definition, byte for byte.
        let now = version(&app, &author).await;
        assert_eq!(now.definition_hash, original.definition_hash);

        // A changed Russian message applies, and only it.
        let ftl = String::from_utf8(download(&app, &translator, "ru.ftl").await).unwrap();
        let edited = retranslate(&ftl, SECOND_LABEL, "Подробности (новый перевод)");
        let report: UploadReport =
            ok_json(upload(&app, &translator, "ru.ftl", edited.into_bytes()).await).await;
        assert_eq!(report.applied, 1, "{report:?}");
        let row = report.rows.iter().find(|r| r.id == SECOND_LABEL).unwrap();
        assert_eq!(row.outcome, RowOutcome::Changed);
        let now = version(&app, &author).await;
        let value: serde_json::Value = serde_json::from_str(now.definition.get()).unwrap();
        assert_eq!(
            value["sections"][0]["items"][1]["label"]["ru"],
            "Подробности (новый перевод)"
        );
        // The Tajik and English wordings of it are untouched.
        let before: serde_json::Value = serde_json::from_str(original.definition.get()).unwrap();
        for l in ["tg", "en"] {
            assert_eq!(
                value["sections"][0]["items"][1]["label"][l],
                before["sections"][0]["items"][1]["label"][l]
            );
        }
    })
    .await;
}

#[tokio::test]
async fn rows_made_against_an_old_source_are_refused_while_the_rest_applies() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = draft(&app).await;
        let translator = app.api_user("translator", &[Role::Translator]).await;

        let ftl = String::from_utf8(download(&app, &translator, "ru.ftl").await).unwrap();
        // Meanwhile the author rewrites the first item's source text.
        change_source(&app, &author, "Has the person ever harmed themselves?").await;
        let edited = retranslate(&ftl, FIRST_LABEL, "Старый перевод по старому тексту");
        let edited = retranslate(&edited, SECOND_LABEL, "Подробности");
        let edited =
            retranslate(&edited, "no-such-text-label", "x") + "no-such-text-label = что-то\n";
        let report: UploadReport =
            ok_json(upload(&app, &translator, "ru.ftl", edited.into_bytes()).await).await;
        let refused: Vec<(String, RefusalReason)> = report
            .refused
            .iter()
            .map(|r| (r.id.clone(), r.reason))
            .collect();
        assert!(refused.contains(&(FIRST_LABEL.into(), RefusalReason::StaleSource)));
        assert!(refused.contains(&("no-such-text-label".into(), RefusalReason::UnknownId)));
        assert_eq!(refused.len(), 2, "{refused:?}");
        assert_eq!(report.applied, 1);

        let now = version(&app, &author).await;
        let value: serde_json::Value = serde_json::from_str(now.definition.get()).unwrap();
        let first = &value["sections"][0]["items"][0]["label"]["ru"];
        assert_ne!(
            first, "Старый перевод по старому тексту",
            "never over the new source"
        );
        assert_eq!(
            value["sections"][0]["items"][1]["label"]["ru"],
            "Подробности"
        );
        // The refused one is still stale, waiting for a translation of the
        // new source; the applied one is a fresh draft.
        let view = table(&app, &author).await;
        assert!(
            statuses(&view, FIRST_LABEL)
                .iter()
                .filter(|(v, _)| v.starts_with("ru/"))
                .all(|(_, s)| *s == TextStatus::Stale)
        );
        assert!(
            statuses(&view, SECOND_LABEL)
                .iter()
                .all(|(_, s)| *s == TextStatus::Draft)
        );
    })
    .await;
}

#[tokio::test]
async fn an_upload_that_does_not_parse_changes_nothing() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = draft(&app).await;
        let translator = app.api_user("translator", &[Role::Translator]).await;
        let before = version(&app, &author).await;

        let ftl = String::from_utf8(download(&app, &translator, "ru.ftl").await).unwrap();
        // One good change, then a line that is not Fluent.
        let broken = retranslate(&ftl, SECOND_LABEL, "Новое") + "это не { Fluent\n";
        let response = upload(&app, &translator, "ru.ftl", broken.into_bytes()).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let error: ApiError = response.json().await.unwrap();
        assert_eq!(error.error, "invalid-file");
        assert!(!error.problems.is_empty());
        assert!(
            error.problems[0].path.starts_with("line "),
            "{:?}",
            error.problems
        );

        // A Tajik file sent as Russian is refused whole, whatever its rows.
        for (made, sent) in [("tg.ftl", "ru.ftl"), ("tg.xlsx", "ru.xlsx")] {
            let tajik = download(&app, &translator, made).await;
            let wrong = upload(&app, &translator, sent, tajik).await;
            assert_eq!(
                wrong.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "{made} as {sent}"
            );
        }

        let garbage = upload(&app, &translator, "ru.xlsx", b"not a workbook".to_vec()).await;
        assert_eq!(garbage.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let after = version(&app, &author).await;
        assert_eq!(after.revision, before.revision);
        assert_eq!(after.definition_hash, before.definition_hash);
        // The source locale is written in the editor, not uploaded.
        let en = download(&app, &translator, "en.ftl").await;
        let source = upload(&app, &translator, "en.ftl", en).await;
        assert_eq!(source.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // A published version takes no translations.
        let published = app
            .api(
                Method::PUT,
                "/api/v1/instruments/IRNS/versions/1/translations/ru.ftl",
            )
            .token(&translator)
            .bytes(ftl.into_bytes(), "text/plain")
            .send()
            .await;
        assert_eq!(published.status(), StatusCode::CONFLICT);
    })
    .await;
}

#[tokio::test]
async fn a_locale_is_signed_off_by_a_reviewer_who_did_not_translate_it_until_it_changes() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = draft(&app).await;
        // Translates Russian and reviews: may not sign Russian off.
        let both_password = app
            .create_user("both", &[Role::Translator, Role::Reviewer])
            .await;
        let both = tests::api::token_for(&app.services, "both").await;
        let reviewer_password = app.create_user("reviewer", &[Role::Reviewer]).await;
        let reviewer = tests::api::token_for(&app.services, "reviewer").await;
        let translator = app.api_user("translator", &[Role::Translator]).await;

        let ftl = String::from_utf8(download(&app, &both, "ru.ftl").await).unwrap();
        let edited = retranslate(&ftl, SECOND_LABEL, "Подробности");
        let _: UploadReport =
            ok_json(upload(&app, &both, "ru.ftl", edited.into_bytes()).await).await;

        // A translator is not a reviewer.
        let refused = sign_off(&app, &translator, "ru", "translator-password-123").await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        // Four eyes: who translated Russian here cannot sign Russian off…
        let own = sign_off(&app, &both, "ru", &both_password).await;
        assert_eq!(own.status(), StatusCode::FORBIDDEN);
        // …but may sign off Tajik, which they did not touch.
        let tg: TranslationsView = ok_json(sign_off(&app, &both, "tg", &both_password).await).await;
        assert!(
            tg.progress
                .iter()
                .any(|p| p.locale.code() == "tg" && p.signed_off)
        );
        // A wrong password signs nothing.
        let wrong = sign_off(&app, &reviewer, "ru", "not-the-password").await;
        assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
        // The source is not signed off, it is its author's.
        let en = sign_off(&app, &reviewer, "en", &reviewer_password).await;
        assert_eq!(en.status(), StatusCode::UNPROCESSABLE_ENTITY);

        let signed: TranslationsView =
            ok_json(sign_off(&app, &reviewer, "ru", &reviewer_password).await).await;
        let ru = signed
            .progress
            .iter()
            .find(|p| p.locale.code() == "ru")
            .unwrap();
        assert!(ru.signed_off);
        assert_eq!(ru.approved, ru.total);
        let record = signed
            .sign_offs
            .iter()
            .find(|s| s.locale.code() == "ru")
            .unwrap();
        assert_eq!(record.signed_by, "reviewer");
        assert!(record.current);
        assert!(
            signed
                .texts
                .iter()
                .filter(|t| t.locale.code() == "ru")
                .all(|t| t.status == TextStatus::Approved)
        );

        // A later change to one Russian wording reopens Russian (only).
        let ftl = String::from_utf8(download(&app, &translator, "ru.ftl").await).unwrap();
        let edited = retranslate(&ftl, SECOND_LABEL, "Подробности, уточнено");
        let _: UploadReport =
            ok_json(upload(&app, &translator, "ru.ftl", edited.into_bytes()).await).await;
        let reopened = table(&app, &author).await;
        let ru = reopened
            .progress
            .iter()
            .find(|p| p.locale.code() == "ru")
            .unwrap();
        assert!(!ru.signed_off);
        assert_eq!(
            ru.approved + 2,
            ru.total,
            "the changed text's wording, both genders"
        );
        assert!(
            !reopened
                .sign_offs
                .iter()
                .find(|s| s.locale.code() == "ru")
                .unwrap()
                .current
        );
        assert!(
            reopened
                .progress
                .iter()
                .any(|p| p.locale.code() == "tg" && p.signed_off)
        );
        // A source change reopens every locale it touches, and nothing
        // stale can be signed off.
        change_source(&app, &author, "Changed once more").await;
        let stale = sign_off(&app, &reviewer, "tg", &reviewer_password).await;
        assert_eq!(stale.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let view = table(&app, &author).await;
        assert!(view.progress.iter().all(|p| !p.signed_off));
    })
    .await;
}

#[tokio::test]
async fn a_new_draft_carries_every_translation_forward_approved_where_the_source_is_unchanged() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let author = draft(&app).await;
        let reviewer_password = app.create_user("reviewer", &[Role::Reviewer]).await;
        let reviewer = tests::api::token_for(&app.services, "reviewer").await;
        let _: TranslationsView =
            ok_json(sign_off(&app, &reviewer, "ru", &reviewer_password).await).await;
        // Someone who translates and reviews writes Tajik, never signed off.
        let both_password = app
            .create_user("both", &[Role::Translator, Role::Reviewer])
            .await;
        let both = tests::api::token_for(&app.services, "both").await;
        let ftl = String::from_utf8(download(&app, &both, "tg.ftl").await).unwrap();
        let edited = retranslate(&ftl, SECOND_LABEL, "Тафсилот");
        let _: UploadReport =
            ok_json(upload(&app, &both, "tg.ftl", edited.into_bytes()).await).await;
        let code: domain::InstrumentCode = "IRNS".parse().unwrap();
        app.publish_directly(&code, 2).await;

        let client = app.signed_in_as("next", &[Role::Methodologist]).await;
        assert_eq!(
            app.start_draft(&client, "IRNS").await.status(),
            StatusCode::OK
        );
        let v3 = "/api/v1/instruments/IRNS/versions/3";
        let view: TranslationsView = ok_json(
            app.api(Method::GET, &format!("{v3}/translations"))
                .token(&author)
                .send()
                .await,
        )
        .await;
        let ru: Vec<&services::model::TextStatusView> = view
            .texts
            .iter()
            .filter(|t| t.locale.code() == "ru")
            .collect();
        assert!(ru.iter().all(|t| t.status == TextStatus::Approved));
        // Tajik was never signed off: still drafts.
        assert!(
            view.texts
                .iter()
                .filter(|t| t.locale.code() == "tg")
                .all(|t| t.status == TextStatus::Draft)
        );
        // Carrying forward is not translating: the reviewer may still sign
        // the new version's Russian off (nothing changed, nobody translated).
        let again = app
            .api(Method::POST, &format!("{v3}/translations/ru/sign-off"))
            .token(&reviewer)
            .body(serde_json::json!({ "password": reviewer_password }).to_string())
            .send()
            .await;
        assert_eq!(again.status(), StatusCode::OK);
        // The Tajik wording carried forward unapproved is still theirs: a
        // new version does not let them sign off their own translation.
        let own = app
            .api(Method::POST, &format!("{v3}/translations/tg/sign-off"))
            .token(&both)
            .body(serde_json::json!({ "password": both_password }).to_string())
            .send()
            .await;
        assert_eq!(own.status(), StatusCode::FORBIDDEN);
    })
    .await;
}
