//! The assessment pages and their server functions, as the browser uses
//! them: start from a subject's page (a plain form), the fill island's
//! autosave and submission (JSON calls), the page of a submitted
//! assessment. Another facility's user finds nothing; refusals come in the
//! user's language with each problem's place.

use app::error::AppError;
use domain::Role;
use reqwest::header::LOCATION;
use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use tests::api::token_for;
use tests::assessment_helpers::female_case;
use tests::subject_helpers::subject_body;
use tests::{TestApp, on_each_engine};

async fn page(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String) {
    let response = app.get(client, path).await;
    (response.status(), response.text().await.unwrap())
}

async fn call(app: &TestApp, client: &Client, function: &str, body: Value) -> Response {
    client
        .post(app.url(&format!("/api/{function}")))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn start(app: &TestApp, client: &Client, subject: &str) -> Response {
    let form = [
        ("assessment[subject]", subject),
        ("assessment[instrument]", "IRNS"),
        ("assessment[locale]", "tg"),
    ];
    app.plain_form(
        client,
        "start_assessment",
        &format!("/subjects/{subject}"),
        &form,
    )
    .await
}

#[tokio::test]
async fn an_assessor_starts_fills_and_submits_an_assessment_from_the_pages() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.api_user("chief", &[Role::Administrator]).await;
        app.facility(&admin, "FAC1").await;
        app.facility(&admin, "FAC2").await;
        let umed = app.signed_in_as("umed", &[Role::Assessor]).await;
        let zarina = app.signed_in_as("zarina", &[Role::Assessor]).await;
        let reviewer = app.signed_in_as("bahrom", &[Role::Reviewer]).await;
        for (who, facility) in [("umed", "FAC1"), ("zarina", "FAC2"), ("bahrom", "FAC1")] {
            let r = app.put_user_facilities(&admin, who, &[facility]).await;
            assert_eq!(r.status(), StatusCode::OK);
        }
        let token = token_for(&app.services, "umed").await;
        let created = app
            .post_subject(&token, &subject_body("S-1", "Ҷалбшавӣ Нигина", "FAC1"))
            .await;
        assert_eq!(created.status(), StatusCode::CREATED);

        // The subject's page offers the published instruments, her
        // language first; a reviewer (who does not assess) is not offered it.
        let (status, html) = page(&app, &umed, "/subjects/S-1").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("id=\"subject-start-assessment\""));
        assert!(html.contains("<option value=\"IRNS\""), "{html}");
        assert!(
            html.contains("<option value=\"tg\" lang=\"tg\" selected"),
            "{html}"
        );
        let (_, html) = page(&app, &reviewer, "/subjects/S-1").await;
        assert!(!html.contains("id=\"subject-start-assessment\""));

        // Another facility's assessor cannot start one.
        let refused = start(&app, &zarina, "S-1").await;
        assert_eq!(refused.status(), StatusCode::SEE_OTHER, "back to the form");
        let started = start(&app, &umed, "S-1").await;
        assert_eq!(started.status(), StatusCode::SEE_OTHER);
        let to = started.headers()[LOCATION].to_str().unwrap().to_owned();
        let id = to.strip_prefix("/assessments/").expect(&to).to_owned();
        // One draft per subject and version: a second start is refused.
        let again = start(&app, &umed, "S-1").await;
        assert_ne!(again.headers()[LOCATION].to_str().unwrap(), to);

        // Its page: the form for its assessor, stamped.
        let (status, html) = page(&app, &umed, &to).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<leptos-island"), "the fill island");
        assert!(html.contains("IRNS v1"));
        assert!(html.contains("S-1"));
        // Nothing for another facility, not even the subject's code.
        let (status, html) = page(&app, &zarina, &to).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{html}");
        assert!(!html.contains("S-1") && !html.contains("Нигина"));
        let read = app
            .post_form(&zarina, "read_assessment", &[("id", id.as_str())])
            .await;
        assert_eq!(read.status(), StatusCode::NOT_FOUND);

        // Autosave: the revision moves on; a stale one is a conflict.
        let saved = call(
            &app,
            &umed,
            "save_assessment",
            json!({"id": id, "revision": 1, "answers": {"items": {"self_harm": {"value": 1}}}}),
        )
        .await;
        assert_eq!(saved.status(), StatusCode::OK);
        let saved: Value = saved.json().await.unwrap();
        assert_eq!(saved["revision"], 2);
        // Stored as entered: a rating of 1 reads back as 1, not 1.0.
        let (_, stored) = app
            .get_json(&token, &format!("/api/v1/assessments/{id}"))
            .await;
        assert_eq!(
            stored["answers"]["items"]["self_harm"]["value"].to_string(),
            "1",
            "{stored}"
        );
        let stale = call(
            &app,
            &umed,
            "save_assessment",
            json!({"id": id, "revision": 1, "answers": {}}),
        )
        .await;
        assert_eq!(stale.status(), StatusCode::CONFLICT);
        assert_eq!(
            stale.json::<AppError>().await.unwrap(),
            AppError::conflict("error-assessment-changed")
        );
        let theirs = call(
            &app,
            &zarina,
            "save_assessment",
            json!({"id": id, "revision": 2, "answers": {}}),
        )
        .await;
        assert_eq!(theirs.status(), StatusCode::NOT_FOUND);

        // Submitting too early: every problem, in the user's language.
        app.set_language(&umed, "ru", false).await;
        let early = call(
            &app,
            &umed,
            "submit_assessment",
            json!({"id": id, "revision": 2}),
        )
        .await;
        assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let AppError::InvalidAnswers { problems } = early.json::<AppError>().await.unwrap() else {
            panic!("the problems of the answers");
        };
        let required = problems
            .iter()
            .find(|p| p.path == "/items/harm_to_others/value")
            .unwrap_or_else(|| panic!("an unanswered required item: {problems:?}"));
        assert_eq!(required.message, "На этот пункт нужно ответить.");

        // Complete, then submitted: the page shows it as recorded.
        let complete = call(
            &app,
            &umed,
            "save_assessment",
            json!({"id": id, "revision": 2, "answers": female_case()}),
        )
        .await;
        assert_eq!(complete.status(), StatusCode::OK);
        let submitted = call(
            &app,
            &umed,
            "submit_assessment",
            json!({"id": id, "revision": 3}),
        )
        .await;
        assert_eq!(submitted.status(), StatusCode::OK);
        let submitted: Value = submitted.json().await.unwrap();
        assert_eq!(submitted["status"], "submitted");
        assert_eq!(submitted["outcome"]["scores"]["total"]["value"], 8);
        let (status, html) = page(&app, &umed, &to).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("<leptos-island"), "no form once submitted");
        assert!(html.contains("data-status=\"submitted\""));
        assert!(html.contains("id=\"assessment-outcome\""));
        // The facility's reviewer reads it too.
        let (status, html) = page(&app, &reviewer, &to).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("data-score=\"total\""));
        // As recorded, in another of its languages (to read or print).
        assert!(html.contains("id=\"assessment-show-in\""));
        let (_, tajik) = page(&app, &reviewer, &to).await;
        let (_, english) = page(&app, &reviewer, &format!("{to}?locale=en")).await;
        assert!(tajik.contains("id=\"assessment-answers\""));
        assert!(english.contains("<dt lang=\"en\">"), "{english}");
        assert!(!tajik.contains("<dt lang=\"en\">"));
        let locked = call(
            &app,
            &umed,
            "save_assessment",
            json!({"id": id, "revision": 4, "answers": {}}),
        )
        .await;
        assert_eq!(locked.status(), StatusCode::CONFLICT);

        // A correction from the page: its assessor is offered the form, the
        // reviewer is not; a reason is required; the correction is a new
        // draft with the answers, saying what it corrects.
        let (_, html) = page(&app, &umed, &to).await;
        assert!(html.contains("id=\"assessment-amend\""));
        assert!(html.contains("<label for=\"amend-reason\""));
        let (_, html) = page(&app, &reviewer, &to).await;
        assert!(!html.contains("id=\"assessment-amend\""));
        let amend = |reason: &'static str| {
            let (client, id, to) = (umed.clone(), id.clone(), to.clone());
            let app = &app;
            async move {
                let form = [("id", id.as_str()), ("amendment[reason]", reason)];
                app.plain_form(&client, "amend_assessment", &to, &form)
                    .await
            }
        };
        let refused = amend("   ").await;
        assert_eq!(
            refused.headers()[LOCATION].to_str().unwrap(),
            to,
            "back to the page"
        );
        let (_, html) = page(&app, &umed, &to).await;
        assert!(html.contains("id=\"amend-reason-error\""), "says why");
        let corrected = amend("Рейтинги ошибочно перепутаны").await;
        let new = corrected.headers()[LOCATION].to_str().unwrap().to_owned();
        assert!(new.starts_with("/assessments/") && new != to, "{new}");
        let (status, html) = page(&app, &umed, &new).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<leptos-island"), "a draft to fill in");
        assert!(
            html.contains("Рейтинги ошибочно перепутаны"),
            "the reason shown"
        );
        assert!(
            html.contains(&format!("href=\"{to}\"")),
            "links to what it corrects"
        );
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn subjects_due_for_reassessment_are_listed_by_facility_and_the_overdue_marked() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.api_user("chief", &[Role::Administrator]).await;
        app.facility(&admin, "FAC1").await;
        app.facility(&admin, "FAC2").await;
        let umed = app.signed_in_as("umed", &[Role::Assessor]).await;
        let zarina = app.signed_in_as("zarina", &[Role::Assessor]).await;
        for (who, facility) in [("umed", "FAC1"), ("zarina", "FAC2")] {
            let r = app.put_user_facilities(&admin, who, &[facility]).await;
            assert_eq!(r.status(), StatusCode::OK);
        }
        let token = token_for(&app.services, "umed").await;
        // The Intake screen as a new instrument reassessed every 30 days,
        // published (as review would).
        let mut definition: Value =
            serde_json::from_str(&tests::api::intake_as("MONTHLY")).unwrap();
        definition["meta"]["reassessment_interval_days"] = json!(30);
        let methodologist = app.api_user("author", &[Role::Methodologist]).await;
        let (status, body) = app
            .send_json(
                reqwest::Method::POST,
                &methodologist,
                "/api/v1/instruments/MONTHLY/versions",
                &definition,
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        sqlx::query("UPDATE instrument_versions SET status = $1")
            .bind("published")
            .execute(&app.services.db.pool)
            .await
            .unwrap();

        // Two subjects assessed with it: one 40 days ago, one today.
        for code in ["S-OLD", "S-NEW"] {
            let created = app
                .post_subject(&token, &subject_body(code, "Раҳимова Зебо", "FAC1"))
                .await;
            assert_eq!(created.status(), StatusCode::CREATED);
            let (status, started) = app
                .send_json(
                    reqwest::Method::POST,
                    &token,
                    "/api/v1/assessments",
                    &json!({"subject": code, "instrument": "MONTHLY"}),
                )
                .await;
            assert_eq!(status, StatusCode::CREATED, "{started}");
            let id = started["id"].as_str().unwrap().to_owned();
            let (status, saved) = app
                .send_json(
                    reqwest::Method::PUT,
                    &token,
                    &format!("/api/v1/assessments/{id}/answers"),
                    &json!({"revision": 1, "answers": female_case()}),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{saved}");
            let (status, submitted) = app
                .send_json(
                    reqwest::Method::POST,
                    &token,
                    &format!("/api/v1/assessments/{id}/submit"),
                    &json!({"revision": 2}),
                )
                .await;
            assert_eq!(status, StatusCode::OK, "{submitted}");
            if code == "S-OLD" {
                let long_ago = (chrono::Utc::now() - chrono::Duration::days(40))
                    .format("%Y-%m-%dT%H:%M:%S%.6fZ")
                    .to_string();
                sqlx::query("UPDATE assessments SET submitted_at = $1 WHERE id = $2")
                    .bind(long_ago)
                    .bind(id)
                    .execute(&app.services.db.pool)
                    .await
                    .unwrap();
            }
        }

        let (status, html) = page(&app, &umed, "/subjects").await;
        assert_eq!(status, StatusCode::OK);
        let due = html
            .split("id=\"reassessments-due\"")
            .nth(1)
            .expect("the list of reassessments due");
        let old = due.find("S-OLD").expect("the overdue subject");
        let new = due.find("S-NEW").expect("the subject due later");
        assert!(old < new, "the soonest first");
        assert_eq!(due.matches("data-overdue=\"true\"").count(), 1, "{due}");
        // The subject's own page says so too.
        let (_, html) = page(&app, &umed, "/subjects/S-OLD").await;
        assert!(html.contains("class=\"badge overdue\""), "{html}");
        // Another facility's assessor sees none of them.
        let (_, html) = page(&app, &zarina, "/subjects").await;
        assert!(!html.contains("S-OLD") && !html.contains("S-NEW"));
        app.stop().await;
    })
    .await;
}

/// Changes a draft's items' language the way its page's plain form does.
async fn change_locale(
    app: &TestApp,
    client: &Client,
    id: &str,
    revision: &str,
    locale: &str,
) -> Response {
    let form = [("id", id), ("revision", revision), ("locale", locale)];
    app.plain_form(
        client,
        "change_items_locale",
        &format!("/assessments/{id}"),
        &form,
    )
    .await
}

#[tokio::test]
async fn the_items_language_changes_until_the_first_answer_and_the_trend_follows_submissions() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.api_user("chief", &[Role::Administrator]).await;
        app.facility(&admin, "FAC1").await;
        let umed = app.signed_in_as("umed", &[Role::Assessor]).await;
        let r = app.put_user_facilities(&admin, "umed", &["FAC1"]).await;
        assert_eq!(r.status(), StatusCode::OK);
        let token = token_for(&app.services, "umed").await;
        let created = app
            .post_subject(&token, &subject_body("S-7", "Ҷалбшавӣ Нигина", "FAC1"))
            .await;
        assert_eq!(created.status(), StatusCode::CREATED);
        let started = start(&app, &umed, "S-7").await;
        let to = started.headers()[LOCATION].to_str().unwrap().to_owned();
        let id = to.strip_prefix("/assessments/").unwrap().to_owned();

        // Nothing answered: the page offers the other languages.
        let (_, html) = page(&app, &umed, &to).await;
        assert!(html.contains("id=\"assessment-locale\""), "{html}");
        assert!(html.contains("<option value=\"ru\" lang=\"ru\""));
        assert!(
            !html.contains("<option value=\"tg\" lang=\"tg\""),
            "not the current one"
        );
        let changed = change_locale(&app, &umed, &id, "1", "ru").await;
        assert_eq!(changed.status(), StatusCode::SEE_OTHER);
        assert_eq!(changed.headers()[LOCATION].to_str().unwrap(), to);
        let (_, stored) = app
            .get_json(&token, &format!("/api/v1/assessments/{id}"))
            .await;
        assert_eq!(stored["locale"], "ru", "{stored}");
        assert_eq!(stored["revision"], 2);

        // After the first answer it is refused, and the form is gone.
        let saved = call(
            &app,
            &umed,
            "save_assessment",
            json!({"id": id, "revision": 2, "answers": {"items": {"self_harm": {"value": 1}}}}),
        )
        .await;
        assert_eq!(saved.status(), StatusCode::OK);
        let refused = app
            .post_form(
                &umed,
                "change_items_locale",
                &[("id", id.as_str()), ("revision", "3"), ("locale", "en")],
            )
            .await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        assert_eq!(
            refused.json::<AppError>().await.unwrap(),
            AppError::conflict("error-locale-locked")
        );
        // From the page's form (answered meanwhile in the island): back to
        // the page, which says why.
        let refused = change_locale(&app, &umed, &id, "3", "en").await;
        assert_eq!(refused.status(), StatusCode::SEE_OTHER);
        let (_, html) = page(&app, &umed, &to).await;
        assert!(
            html.contains("The language of the items can change only until the first answer."),
            "{html}"
        );
        let (_, html) = page(&app, &umed, &to).await;
        assert!(!html.contains("id=\"assessment-locale\""), "then gone");
        let (_, stored) = app
            .get_json(&token, &format!("/api/v1/assessments/{id}"))
            .await;
        assert_eq!(stored["locale"], "ru");
        assert_eq!(stored["answers"]["items"]["self_harm"]["value"], 1, "kept");

        // Two submissions, ninety days apart: the subject's page draws each
        // score's trend, one point per submission.
        let (_, html) = page(&app, &umed, "/subjects/S-7").await;
        assert!(
            !html.contains("id=\"subject-trend\""),
            "nothing submitted yet"
        );
        let submit = |id: String, revision: i64| {
            let app = &app;
            let token = token.clone();
            async move {
                let (status, body) = app
                    .send_json(
                        reqwest::Method::PUT,
                        &token,
                        &format!("/api/v1/assessments/{id}/answers"),
                        &json!({"revision": revision, "answers": female_case()}),
                    )
                    .await;
                assert_eq!(status, StatusCode::OK, "{body}");
                let (status, body) = app
                    .send_json(
                        reqwest::Method::POST,
                        &token,
                        &format!("/api/v1/assessments/{id}/submit"),
                        &json!({"revision": revision + 1}),
                    )
                    .await;
                assert_eq!(status, StatusCode::OK, "{body}");
            }
        };
        submit(id.clone(), 3).await;
        sqlx::query("UPDATE assessments SET submitted_at = $1 WHERE id = $2")
            .bind("2026-06-01T09:00:00.000000Z")
            .bind(&id)
            .execute(&app.services.db.pool)
            .await
            .unwrap();
        let (status, second) = app
            .send_json(
                reqwest::Method::POST,
                &token,
                "/api/v1/assessments",
                &json!({"subject": "S-7", "instrument": "IRNS"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{second}");
        submit(second["id"].as_str().unwrap().to_owned(), 1).await;

        // The history carries each submission's scores.
        let (status, history) = app
            .get_json(&token, "/api/v1/subjects/S-7/assessments")
            .await;
        assert_eq!(status, StatusCode::OK, "{history}");
        assert_eq!(history[0]["scores"]["total"]["value"], 8, "{history}");
        let (_, html) = page(&app, &umed, "/subjects/S-7").await;
        let trend = html
            .split("id=\"subject-trend\"")
            .nth(1)
            .expect("the trend section");
        let charts = trend.matches("class=\"trend-chart\"").count();
        assert!(charts >= 2, "a chart per score: {trend}");
        assert_eq!(
            trend.matches("class=\"trend-point\"").count(),
            2 * charts,
            "two points on each"
        );
        assert_eq!(trend.matches("<polyline").count(), charts);
        assert!(trend.contains("01.06.2026") || trend.contains("2026-06-01"));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_blank_form_prints_in_the_chosen_language_for_the_chosen_gender() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let umed = app.signed_in_as("umed", &[Role::Assessor]).await;
        let (status, html) = page(
            &app,
            &umed,
            "/instruments/IRNS/versions/1/form?locale=ru&gender=male",
        )
        .await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("id=\"blank-form\" lang=\"ru\""), "{html}");
        assert!(html.contains("id=\"blank-form-stamp\""));
        assert!(html.contains("IRNS v1"));
        assert!(html.contains("data-item=\"self_harm\""));
        // Caregiving is for women only; a conditional item says when.
        assert!(!html.contains("data-section=\"caregiving\""));
        assert!(
            html.contains("<code>answer(\"self_harm\") &gt;= 1</code>"),
            "{html}"
        );
        assert!(html.contains("Только если:"), "the paper in Russian");
        assert!(
            !html.contains(".wasm") && !html.contains("type=\"module\""),
            "no code"
        );
        let (_, html) = page(
            &app,
            &umed,
            "/instruments/IRNS/versions/1/form?locale=tg&gender=female",
        )
        .await;
        assert!(html.contains("id=\"blank-form\" lang=\"tg\""));
        assert!(html.contains("data-section=\"caregiving\""));
        assert!(html.contains("Танҳо агар:"));
        // Something it does not have: the defaults, not an error.
        let (status, html) = page(&app, &umed, "/instruments/IRNS/versions/1/form?locale=xx").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("id=\"blank-form\""));
        let (status, _) = page(&app, &umed, "/instruments/NOPE/versions/1/form").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        app.stop().await;
    })
    .await;
}
