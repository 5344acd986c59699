//! The pages of facilities and subjects, as a browser without JavaScript
//! uses them: plain form posts answered with a redirect, the outcome shown
//! once on the next view. Names of subjects never appear in a URL or in
//! the audit log, and another facility's subject is "not found" with
//! nothing disclosed.

use domain::{AuditAction, Role};
use reqwest::header::{ACCEPT, LOCATION, REFERER};
use reqwest::{Client, Method, Response, StatusCode};
use serde_json::json;
use tests::assessment_helpers::low_male_case;
use tests::subject_helpers::subject_body;
use tests::{TestApp, on_each_engine};

/// Posts `form` as a browser submits a form on `page`.
async fn submit(
    app: &TestApp,
    client: &Client,
    page: &str,
    action: &str,
    form: &[(&str, &str)],
) -> Response {
    client
        .post(app.url(action))
        .header(ACCEPT, "text/html,application/xhtml+xml")
        .header(REFERER, app.url(page))
        .form(form)
        .send()
        .await
        .unwrap()
}

fn location(response: &Response) -> String {
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    response.headers()[LOCATION].to_str().unwrap().to_owned()
}

async fn page(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String) {
    let response = app.get(client, path).await;
    (response.status(), response.text().await.unwrap())
}

/// The opening tag of the element with `id`.
fn tag<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id} in {html}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

#[tokio::test]
async fn an_administrator_adds_a_facility_and_says_who_works_there() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.signed_in_as("chief", &[Role::Administrator]).await;
        let umed = app.signed_in_as("umed", &[Role::Assessor]).await;
        let reviewer = app.signed_in_as("bahrom", &[Role::Reviewer]).await;

        let (status, html) = page(&app, &admin, "/admin/facilities").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("href=\"/admin/facilities\""), "in the menu");
        assert!(html.contains("<label for=\"facility-name-tg\""), "labelled");
        let fields = [
            ("facility[code]", "fac1"),
            ("facility[name][tg]", "Муассисаи ислоҳии №1"),
            ("facility[name][ru]", "Исправительное учреждение №1"),
            ("facility[name][en]", "Correctional facility No. 1"),
        ];
        let created = submit(
            &app,
            &admin,
            "/admin/facilities",
            "/api/create_facility",
            &fields,
        )
        .await;
        assert_eq!(location(&created), "/admin/facilities");
        let (_, html) = page(&app, &admin, "/admin/facilities").await;
        assert!(html.contains("role=\"status\""), "success said");
        assert!(html.contains("<td>FAC1</td>"), "listed in capitals: {html}");
        assert!(html.contains("Correctional facility No. 1"));
        // In Russian, the Russian name.
        let ru = admin
            .get(app.url("/admin/facilities"))
            .header("accept-language", "ru")
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(ru.contains("Исправительное учреждение №1"), "{ru}");

        // The same code again: refused, what was typed kept.
        let refused = submit(
            &app,
            &admin,
            "/admin/facilities",
            "/api/create_facility",
            &fields,
        )
        .await;
        assert_eq!(location(&refused), "/admin/facilities");
        let (_, html) = page(&app, &admin, "/admin/facilities").await;
        assert!(
            html.contains("A facility with this code exists already"),
            "{html}"
        );
        assert!(tag(&html, "facility-name-tg").contains("value=\"Муассисаи ислоҳии №1\""));

        // Assigning umed to FAC1 on his account's page.
        let id = app.services.find_user("umed").await.unwrap().id;
        let user_page = format!("/admin/users/{id}");
        let (_, html) = page(&app, &admin, &user_page).await;
        assert!(!tag(&html, "facility-FAC1").contains("checked"));
        let saved = submit(
            &app,
            &admin,
            &user_page,
            "/api/set_user_facilities",
            &[("username", "umed"), ("codes[0]", "FAC1")],
        )
        .await;
        assert_eq!(location(&saved), user_page);
        let (_, html) = page(&app, &admin, &user_page).await;
        assert!(tag(&html, "facility-FAC1").contains("checked"), "{html}");
        let (_, html) = page(&app, &umed, "/subjects/new").await;
        assert!(tag(&html, "subject-facility").contains("required"));
        assert!(
            html.contains("<option value=\"FAC1\""),
            "umed records at FAC1"
        );

        // Menus by role, and the server refuses whatever a menu shows.
        let (_, html) = page(&app, &umed, "/").await;
        assert!(html.contains("href=\"/subjects\""));
        assert!(!html.contains("href=\"/admin/facilities\""));
        let (_, html) = page(&app, &reviewer, "/").await;
        assert!(!html.contains("href=\"/subjects\""));
        assert!(!html.contains("href=\"/admin/facilities\""));
        assert_eq!(
            page(&app, &umed, "/admin/facilities").await.0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            page(&app, &reviewer, "/subjects").await.0,
            StatusCode::FORBIDDEN
        );
        let refused = app
            .post_form(&umed, "create_facility", &[("facility[code]", "FAC9")])
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        let refused = app
            .post_form(&reviewer, "search_subjects", &[("q", "")])
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn an_assessor_records_finds_changes_and_transfers_a_subject_and_no_name_leaks() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.api_user("chief", &[Role::Administrator]).await;
        app.facility(&admin, "FAC1").await;
        app.facility(&admin, "FAC2").await;
        let umed = app.signed_in_as("umed", &[Role::Assessor]).await;
        let response = app.put_user_facilities(&admin, "umed", &["FAC1"]).await;
        assert_eq!(response.status(), StatusCode::OK);

        // Only his own facility to choose from.
        let (_, html) = page(&app, &umed, "/subjects/new").await;
        assert!(html.contains("value=\"FAC1\"") && !html.contains("value=\"FAC2\""));
        assert!(tag(&html, "subject-birth-date").contains("type=\"date\""));

        let name = "Ҷалбшавӣ Нигина";
        let mut fields = vec![
            ("subject[code]", "s-1"),
            ("subject[name]", name),
            ("subject[gender]", "female"),
            ("subject[birth_date]", "2999-01-01"),
            ("subject[facility]", "FAC1"),
            ("subject[language]", "tg"),
        ];
        let refused = submit(&app, &umed, "/subjects/new", "/api/create_subject", &fields).await;
        assert_eq!(location(&refused), "/subjects/new");
        let (_, html) = page(&app, &umed, "/subjects/new").await;
        assert!(html.contains("id=\"subject-birth-date-error\""), "{html}");
        assert!(tag(&html, "subject-name").contains(&format!("value=\"{name}\"")));
        fields[3].1 = "1990-05-01";
        let created = submit(&app, &umed, "/subjects/new", "/api/create_subject", &fields).await;
        assert_eq!(
            location(&created),
            "/subjects/S-1",
            "the code, never the name"
        );

        let (status, html) = page(&app, &umed, "/subjects/S-1").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(name));
        assert!(
            html.contains("1990-05-01"),
            "the date as the date input wants it"
        );
        assert!(html.contains("No assessments yet."));

        // Found by her name typed with Russian letters; the search is a
        // post, so the words are in no URL.
        let searched = submit(
            &app,
            &umed,
            "/subjects",
            "/api/search_subjects",
            &[("q", "чалбшави")],
        )
        .await;
        assert_eq!(location(&searched), "/subjects");
        let (_, html) = page(&app, &umed, "/subjects").await;
        assert!(html.contains("href=\"/subjects/S-1\""), "{html}");
        assert!(html.contains(name));
        assert!(
            tag(&html, "q").contains("value=\"чалбшави\""),
            "the words stay"
        );
        let none = submit(
            &app,
            &umed,
            "/subjects",
            "/api/search_subjects",
            &[("q", "каримов")],
        )
        .await;
        assert_eq!(location(&none), "/subjects");
        let (_, html) = page(&app, &umed, "/subjects").await;
        assert!(html.contains("id=\"subjects-empty\"") && !html.contains(name));

        // A change, then a change made from the old revision: refused,
        // said so, and what was typed kept.
        let change = |revision: &'static str, new_name: &'static str| {
            vec![
                ("code", "S-1"),
                ("change[revision]", revision),
                ("change[name]", new_name),
                ("change[gender]", "female"),
                ("change[birth_date]", "1990-05-01"),
                ("change[language]", "ru"),
                ("change[status]", "in_custody"),
                ("change[status_date]", ""),
            ]
        };
        let saved = submit(
            &app,
            &umed,
            "/subjects/S-1",
            "/api/update_subject",
            &change("1", "Ҷалбшавӣ Нигина Раҳимовна"),
        )
        .await;
        assert_eq!(location(&saved), "/subjects/S-1");
        let (_, html) = page(&app, &umed, "/subjects/S-1").await;
        assert!(html.contains("Ҷалбшавӣ Нигина Раҳимовна") && html.contains("role=\"status\""));
        let stale = submit(
            &app,
            &umed,
            "/subjects/S-1",
            "/api/update_subject",
            &change("1", "Другое Имя"),
        )
        .await;
        assert_eq!(location(&stale), "/subjects/S-1");
        let (_, html) = page(&app, &umed, "/subjects/S-1").await;
        assert!(html.contains("Someone else changed this subject"), "{html}");
        assert!(tag(&html, "change-name").contains("value=\"Другое Имя\""));
        assert!(
            html.contains("name=\"change[revision]\" value=\"1\""),
            "the stale revision kept"
        );

        // Transferred to a facility he does not work at: out of his reach.
        let moved = submit(
            &app,
            &umed,
            "/subjects/S-1",
            "/api/transfer_subject",
            &[
                ("code", "S-1"),
                ("transfer[revision]", "2"),
                ("transfer[facility]", "FAC2"),
                ("transfer[date]", "2026-01-10"),
            ],
        )
        .await;
        assert_eq!(location(&moved), "/subjects");
        let (_, html) = page(&app, &umed, "/subjects").await;
        assert!(html.contains("transferred to a facility you do not work at"));
        let (status, html) = page(&app, &umed, "/subjects/S-1").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(!html.contains("Нигина") && !html.contains("FAC2"), "{html}");

        // Neither the name nor the words searched are in the audit log.
        let events = app.stored_audit_events().await;
        let log =
            serde_json::to_string(&events.iter().map(|e| &e.details).collect::<Vec<_>>()).unwrap();
        assert!(log.contains("S-1"), "subjects are named by code");
        for secret in ["Нигина", "чалбшави", "каримов", "Другое"] {
            assert!(!log.contains(secret), "{secret} in the audit log: {log}");
        }
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn a_subjects_page_lists_their_assessments_only_to_their_facility() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.api_user("chief", &[Role::Administrator]).await;
        app.facility(&admin, "FAC1").await;
        app.facility(&admin, "FAC2").await;
        let token = app
            .worker_at(&admin, "umed", &[Role::Assessor], &["FAC1"])
            .await;
        let mut man = subject_body("M1", "Каримов Давлат", "FAC1");
        man["gender"] = json!("male");
        assert_eq!(
            app.post_subject(&token, &man).await.status(),
            StatusCode::CREATED
        );
        let (status, started) = app
            .send_json(
                Method::POST,
                &token,
                "/api/v1/assessments",
                &json!({"subject": "M1", "instrument": "IRNS"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{started}");
        let id = started["id"].as_str().unwrap();
        let (status, saved) = app
            .send_json(
                Method::PUT,
                &token,
                &format!("/api/v1/assessments/{id}/answers"),
                &json!({"revision": 1, "answers": low_male_case()}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{saved}");
        let (status, submitted) = app
            .send_json(
                Method::POST,
                &token,
                &format!("/api/v1/assessments/{id}/submit"),
                &json!({"revision": saved["revision"]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{submitted}");
        let band = submitted["outcome"]["scores"]["total"]["band"]
            .as_str()
            .unwrap();
        let band = format!("<td>{}{}</td>", band[..1].to_uppercase(), &band[1..]);

        // umed reads the history on the web (`api_user` made his account
        // with the test password).
        let web = TestApp::client();
        let signed_in = app.sign_in(&web, "umed", "umed-password-123").await;
        assert_eq!(signed_in.status(), StatusCode::OK);
        let (_, html) = page(&app, &web, "/subjects/M1").await;
        let history = html
            .split("id=\"subject-assessments\"")
            .nth(1)
            .expect("the history");
        assert!(
            history.contains(">IRNS</a>") && history.contains("Submitted"),
            "{history}"
        );
        assert!(
            history.contains("href=\"/assessments/"),
            "each links to its page"
        );
        assert!(
            history.contains(&band),
            "the total's band {band}: {history}"
        );
        assert!(history.contains("umed"));

        // zarina, at FAC2, is told nothing: not the record, not the history.
        let zarina = app.signed_in_as("zarina", &[Role::Assessor]).await;
        app.put_user_facilities(&admin, "zarina", &["FAC2"]).await;
        let (status, html) = page(&app, &zarina, "/subjects/M1").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert!(
            !html.contains("IRNS") && !html.contains("Каримов"),
            "{html}"
        );
        let refused = app
            .post_form(&zarina, "subject_assessments", &[("code", "M1")])
            .await;
        assert_eq!(refused.status(), StatusCode::NOT_FOUND);

        let reads = app.stored_events_of(AuditAction::AssessmentsListed).await;
        let who: Vec<(&str, &str, i64)> = reads
            .iter()
            .map(|e| {
                (
                    e.actor_name.as_str(),
                    e.details["code"].as_str().unwrap(),
                    e.details["count"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            who,
            [("umed", "M1", 1)],
            "one event per page view, none for refusals"
        );
        app.stop().await;
    })
    .await;
}
