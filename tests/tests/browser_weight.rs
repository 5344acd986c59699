//! Page weight, measured in Chromium with the Resource Timing API: what a
//! first visit with an empty cache transfers per page (a size, not a time,
//! so it is stable), against the budgets in `tests/page-weight.json`; and
//! that a repeat visit downloads none of the hashed assets again.

use domain::Role;
use tests::browser::Browser;
use tests::{TestApp, on_each_engine, site_is_built};

/// Bytes the current page transferred: the document and every resource.
const TRANSFERRED: &str = "return performance.getEntries()\
    .filter(e => e.entryType === 'navigation' || e.entryType === 'resource')\
    .map(e => [e.name, e.transferSize]);";

async fn transfers(browser: &Browser) -> Vec<(String, u64)> {
    let value = browser
        .client
        .execute(TRANSFERRED, vec![])
        .await
        .expect("resource timing");
    serde_json::from_value::<Vec<(String, u64)>>(value).expect("pairs")
}

fn budgets() -> Vec<(String, u64)> {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("page-weight.json"),
    )
    .unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    json["pages"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(page, bytes)| (page.clone(), bytes.as_u64().unwrap()))
        .collect()
}

#[tokio::test]
async fn each_page_stays_within_its_first_visit_budget_and_a_repeat_visit_reloads_no_asset() {
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let password = app
            .create_user(
                "sanjar",
                &[
                    Role::Reviewer,
                    Role::Methodologist,
                    Role::Administrator,
                    Role::Assessor,
                ],
            )
            .await;
        // The subject pages need a facility and a subject.
        let system = services::Actor::System("test");
        app.services
            .create_facility(
                &system,
                services::model::NewFacility {
                    code: "FAC1".into(),
                    name: services::model::FacilityNames {
                        tg: "Муассисаи 1".into(),
                        ru: "Учреждение 1".into(),
                        en: "Facility 1".into(),
                    },
                },
            )
            .await
            .unwrap();
        app.services
            .create_subject(
                &system,
                services::model::NewSubject {
                    code: "S-1".into(),
                    name: "Раҳимова Зебо".into(),
                    gender: "female".into(),
                    birth_date: "1990-05-01".into(),
                    facility: "FAC1".into(),
                    language: "tg".into(),
                },
            )
            .await
            .unwrap();
        // The editor's page needs a draft: IRNS version 2.
        let author = app.services.find_user("sanjar").await.unwrap();
        app.services
            .start_draft(&services::Actor::User(author), &"IRNS".parse().unwrap())
            .await
            .unwrap();
        // The assessment form needs a draft assessment (`{draft}` in the
        // budgets).
        let assessor = app.services.find_user("sanjar").await.unwrap();
        let draft = app
            .services
            .start_assessment(
                &services::Actor::User(assessor),
                services::model::NewAssessment {
                    subject: "S-1".into(),
                    instrument: "IRNS".into(),
                    locale: None,
                },
            )
            .await
            .unwrap();
        let mut over = Vec::new();
        let mut figures = Vec::new();
        for (page, budget) in budgets() {
            let page = page.replace("{draft}", &draft.id.to_string());
            // A fresh browser: an empty cache (the sign-in cookie aside).
            let browser = Browser::launch().await;
            if page != "/signin" {
                browser.sign_in(&app.base, "sanjar", &password).await;
                // Signing in loaded the assets: start over with a new
                // profile that has only the session cookie.
                let cookie = browser
                    .client
                    .get_named_cookie("mizon_session")
                    .await
                    .expect("signed in");
                browser.close().await;
                let fresh = Browser::launch().await;
                fresh.client.goto(&app.url("/favicon.svg")).await.unwrap();
                fresh.client.add_cookie(cookie).await.unwrap();
                measure(&fresh, &app, &page, budget, &mut over, &mut figures).await;
                fresh.close().await;
            } else {
                measure(&browser, &app, &page, budget, &mut over, &mut figures).await;
                browser.close().await;
            }
        }
        eprintln!("first visit, bytes as served:\n{}", figures.join("\n"));
        assert!(over.is_empty(), "over budget:\n{}", over.join("\n"));
        app.stop().await;
    })
    .await;
}

async fn measure(
    browser: &Browser,
    app: &TestApp,
    page: &str,
    budget: u64,
    over: &mut Vec<String>,
    figures: &mut Vec<String>,
) {
    browser.client.goto(&app.url(page)).await.unwrap();
    browser.wait_for_hydration().await;
    let resources = transfers(browser).await;
    // `MIZON_WEIGHT_DETAIL=1`: each resource, to see what a change cost.
    if std::env::var_os("MIZON_WEIGHT_DETAIL").is_some() {
        for (name, bytes) in &resources {
            eprintln!("  {page} {name}: {bytes}");
        }
    }
    let first: u64 = resources.iter().map(|(_, b)| b).sum();
    figures.push(format!("{page}: {first}"));
    if first > budget {
        over.push(format!("{page}: {first} bytes, budget {budget}"));
    }
    // Again, as a person coming back to the page: the hashed assets come
    // from the cache (transferSize 0); only the HTML travels.
    browser.client.goto(&app.url(page)).await.unwrap();
    browser.wait_for_hydration().await;
    for (name, bytes) in transfers(browser).await {
        let hashed = name.contains("/pkg/") || name.contains("/fonts/");
        assert!(
            !hashed || bytes == 0,
            "{page}: a repeat visit downloaded {name} again ({bytes} bytes)"
        );
    }
}
