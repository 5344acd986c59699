//! An assessment on the floor, in a real Chromium: an assessor with the
//! interface in Russian completes the Intake screen for a woman in Tajik
//! (her preferred language) on a tablet, watches conditions reveal items,
//! loses the network (DevTools' offline emulation) while answering two
//! items, reloads, comes back online, finds them saved, and submits.

use domain::Role;
use fantoccini::Locator;
use serde_json::Value;
use tests::api::token_for;
use tests::browser::Browser;
use tests::subject_helpers::subject_body;
use tests::{TestApp, on_each_engine, site_is_built};

/// Chooses an option of an item (its label is what a person taps).
async fn choose(browser: &Browser, item: &str, value: &str) {
    browser
        .click(&format!("label[for='pv-{item}-{value}']"))
        .await;
}

/// Rates an item as the Intake screen asks: a value, the evidence behind
/// it where required, and the information sources where required.
async fn rate(browser: &Browser, item: &str, value: &str, evidence: bool, sources: bool) {
    choose(browser, item, value).await;
    if evidence {
        browser
            .fill(&format!("#pv-{item}-evidence"), "Аз парванда ва суҳбат.")
            .await;
    }
    if sources {
        browser
            .click(&format!("label[for='pv-{item}-source-interview']"))
            .await;
    }
}

async fn wait_until_saved(browser: &Browser) {
    browser
        .client
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(Locator::Css(".fill-status[data-save=saved]"))
        .await
        .expect("every answer saved");
}

/// The Tajik wording of an item for a woman, from the library's file.
fn tajik_label(item: &str) -> String {
    label_in(item, "tg")
}

/// An item's wording in `locale` for a woman, from the library's file.
fn label_in(item: &str, locale: &str) -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../instrument-library/intake-screen/definition.json"
    );
    let def: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let found = def["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .find(|i| i["key"] == item)
        .unwrap_or_else(|| panic!("{item} is in the Intake screen"));
    let text = &found["label"][locale];
    text["female"]
        .as_str()
        .or(text.as_str())
        .unwrap()
        .to_owned()
}

async fn answers_on_server(app: &TestApp, token: &str, id: &str) -> Value {
    let (status, body) = app
        .get_json(token, &format!("/api/v1/assessments/{id}"))
        .await;
    assert_eq!(status, reqwest::StatusCode::OK, "{body}");
    body
}

#[tokio::test]
async fn an_assessor_completes_the_intake_screen_in_tajik_through_a_network_outage() {
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.api_user("gulnora", &[Role::Administrator]).await;
        app.facility(&admin, "FAC1").await;
        let password = app.create_user("umed", &[Role::Assessor]).await;
        let response = app.put_user_facilities(&admin, "umed", &["FAC1"]).await;
        assert_eq!(response.status(), reqwest::StatusCode::OK);
        let token = token_for(&app.services, "umed").await;
        let subject = subject_body("S-2026-0007", "Ҷалбшавӣ Нигина", "FAC1");
        let response = app.post_subject(&token, &subject).await;
        assert_eq!(response.status(), reqwest::StatusCode::CREATED);

        // A tablet, the interface in Russian.
        let browser = Browser::launch().await;
        let c = &browser.client;
        c.set_window_size(1024, 768).await.unwrap();
        browser.sign_in(&app.base, "umed", &password).await;
        browser.click(".lang-switcher button[value=ru]").await;
        browser
            .wait_for_text("nav a[href='/subjects']", "Осуждённые")
            .await;

        // Start from her page: the items' language is hers (Tajik).
        c.goto(&app.url("/subjects/S-2026-0007")).await.unwrap();
        browser
            .wait_for_text("#subject-start-assessment h2", "Начать оценку")
            .await;
        let locale = c
            .find(Locator::Css("#start-locale"))
            .await
            .unwrap()
            .prop("value")
            .await
            .unwrap();
        assert_eq!(
            locale.as_deref(),
            Some("tg"),
            "her preferred language first"
        );
        c.find(Locator::Css("#start-instrument"))
            .await
            .unwrap()
            .select_by_value("IRNS")
            .await
            .unwrap();
        browser
            .click("#subject-start-assessment button[type=submit]")
            .await;
        browser.wait_for_text("#assessment-stamp", "IRNS v1").await;
        let url = c.current_url().await.unwrap();
        let id = url
            .path()
            .strip_prefix("/assessments/")
            .expect("the assessment's page")
            .to_owned();
        browser.wait_for_hydration().await;

        // Interface in Russian, items in Tajik, the women's wording.
        browser
            .wait_for_text(".fill-progress label", "Отвечено вопросов")
            .await;
        let label = browser.text_of("#item-self_harm .item-label").await;
        assert_eq!(label, tajik_label("self_harm"));
        assert!(
            browser.exists("[data-section=caregiving]").await,
            "women's section shown"
        );
        // The Russian wording beside the Tajik, as this tablet remembers.
        c.find(Locator::Css("#fill-alongside"))
            .await
            .unwrap()
            .select_by_value("ru")
            .await
            .unwrap();
        browser
            .wait_for_text(
                "#item-self_harm .alongside[lang=ru]",
                &label_in("self_harm", "ru"),
            )
            .await;

        // A condition reveals an item.
        assert!(!browser.exists("#item-self_harm_details").await);
        choose(&browser, "self_harm", "1").await;
        browser
            .client
            .wait()
            .for_element(Locator::Css("#item-self_harm_details"))
            .await
            .expect("answering 1 reveals the details");
        browser
            .fill("#pv-self_harm-evidence", "Сӯҳбат бо духтур")
            .await;
        browser
            .click("label[for='pv-self_harm-source-interview']")
            .await;
        browser
            .fill(
                "#pv-self_harm_details-input",
                "Се сол пеш; ҳоло фикре надорад.",
            )
            .await;
        wait_until_saved(&browser).await;

        // The network goes; two more answers stay on the tablet.
        browser.set_offline(true).await;
        choose(&browser, "harm_to_others", "0").await;
        choose(&browser, "urgent_health", "0").await;
        browser
            .client
            .wait()
            .at_most(std::time::Duration::from_secs(20))
            .for_element(Locator::Css(".fill-status[data-save=offline]"))
            .await
            .expect("says it is not yet saved");
        browser
            .wait_for_text(".fill-status", "Ещё не сохранено")
            .await;
        let body = answers_on_server(&app, &token, &id).await;
        assert!(
            body["answers"]["items"].get("harm_to_others").is_none(),
            "not on the server yet"
        );

        // Reload while offline (the browser's error page), then online.
        let _ = c.refresh().await;
        browser.set_offline(false).await;
        c.goto(&app.url(&format!("/assessments/{id}")))
            .await
            .unwrap();
        browser.wait_for_hydration().await;
        wait_until_saved(&browser).await;
        let checked = c
            .find(Locator::Css("#pv-urgent_health-0"))
            .await
            .unwrap()
            .prop("checked")
            .await
            .unwrap();
        assert_eq!(checked.as_deref(), Some("true"), "kept on the tablet");
        assert!(
            browser.exists("#item-self_harm .alongside[lang=ru]").await,
            "the Russian still beside the Tajik"
        );
        let body = answers_on_server(&app, &token, &id).await;
        for item in ["self_harm", "harm_to_others", "urgent_health"] {
            assert!(
                body["answers"]["items"].get(item).is_some(),
                "{item} saved: {body}"
            );
        }
        assert_eq!(
            body["answers"]["items"]["self_harm"]["evidence"],
            "Сӯҳбат бо духтур"
        );

        // The rest of the form, as required.
        for item in ["harm_to_others", "urgent_health"] {
            browser
                .fill(&format!("#pv-{item}-evidence"), "Аз парванда ва суҳбат.")
                .await;
            browser
                .click(&format!("label[for='pv-{item}-source-interview']"))
                .await;
        }
        for item in [
            "escape_risk",
            "custody_violence",
            "exploitation",
            "substance_use",
            "employment_education",
            "accommodation",
            "peers",
            "attitudes",
        ] {
            rate(&browser, item, "0", true, false).await;
        }
        for item in ["literacy", "language", "disability", "mental_health"] {
            rate(&browser, item, "0", false, false).await;
        }
        assert!(!browser.exists("#item-children_care").await);
        choose(&browser, "children_outside", "yes").await;
        browser
            .client
            .wait()
            .for_element(Locator::Css("#item-children_care"))
            .await
            .expect("children outside reveal their care");
        rate(&browser, "children_care", "0", true, false).await;
        choose(&browser, "child_contact", "0").await;
        choose(&browser, "pregnancy_postnatal", "no").await;
        // The judgement: the suggested level, with a rationale.
        let suggested = c
            .find(Locator::Css(
                "[data-judgement=screening_priority] .suggested-level",
            ))
            .await
            .expect("a suggested level")
            .attr("data-suggested")
            .await
            .unwrap()
            .expect("its level");
        browser
            .click(&format!("label[for='pvj-screening_priority-{suggested}']"))
            .await;
        browser
            .fill(
                "#pvj-screening_priority-rationale",
                "Хавфи паст; назорати муқаррарӣ.",
            )
            .await;
        wait_until_saved(&browser).await;
        let fits = c
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(fits, Value::Bool(true), "the form fits a tablet");
        browser.screenshot("assessment-fill-tablet").await;

        // Submitted: locked, recorded, scored by the server.
        browser.click("#fill-submit").await;
        browser
            .client
            .wait()
            .at_most(std::time::Duration::from_secs(20))
            .for_element(Locator::Css("#assessment-stamp [data-status=submitted]"))
            .await
            .expect("the page shows it submitted");
        browser
            .wait_for_text("#assessment-outcome", "Результат")
            .await;
        let body = answers_on_server(&app, &token, &id).await;
        assert_eq!(body["status"], "submitted");
        assert_eq!(
            body["outcome"]["judgements"]["screening_priority"]["chosen"],
            suggested
        );
        assert_eq!(body["outcome"]["scores"]["total"]["value"], 1, "{body}");
        let kept = c
            .execute(
                &format!("return localStorage.getItem('mizon.assessment.{id}');"),
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(kept, Value::Null, "nothing left on the tablet");
        browser.close().await;
        app.stop().await;
    })
    .await;
}

/// Another device saves the same draft meanwhile: nothing is overwritten
/// silently. The assessor first keeps the answers on this tablet (saved
/// over the other copy), then, the next time, takes the saved ones.
#[tokio::test]
async fn a_draft_saved_elsewhere_meanwhile_asks_which_answers_to_keep() {
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.api_user("gulnora", &[Role::Administrator]).await;
        app.facility(&admin, "FAC1").await;
        let password = app.create_user("umed", &[Role::Assessor]).await;
        let response = app.put_user_facilities(&admin, "umed", &["FAC1"]).await;
        assert_eq!(response.status(), reqwest::StatusCode::OK);
        let token = token_for(&app.services, "umed").await;
        let response = app
            .post_subject(&token, &subject_body("S-2026-0008", "Раҳимова Зебо", "FAC1"))
            .await;
        assert_eq!(response.status(), reqwest::StatusCode::CREATED);
        let (status, started) = app
            .send_json(
                reqwest::Method::POST,
                &token,
                "/api/v1/assessments",
                &serde_json::json!({"subject": "S-2026-0008", "instrument": "IRNS", "locale": "en"}),
            )
            .await;
        assert_eq!(status, reqwest::StatusCode::CREATED, "{started}");
        let id = started["id"].as_str().unwrap().to_owned();
        let elsewhere = |revision: i64, item: &str| {
            serde_json::json!({"revision": revision, "answers": {"items": {item: {"value": 2}}}})
        };

        // On a phone this time.
        let browser = Browser::launch().await;
        let c = &browser.client;
        c.set_window_size(390, 844).await.unwrap();
        browser.sign_in(&app.base, "umed", &password).await;
        c.goto(&app.url(&format!("/assessments/{id}"))).await.unwrap();
        browser.wait_for_hydration().await;
        let fits = c
            .execute(
                "return document.documentElement.scrollWidth <= window.innerWidth;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(fits, Value::Bool(true), "the form fits a phone");
        choose(&browser, "self_harm", "0").await;
        wait_until_saved(&browser).await;
        browser.screenshot("assessment-fill-phone").await;

        // Another device saves (revision 2 → 3); this tablet's next save
        // is refused and the choice shown.
        let (status, body) = app
            .send_json(
                reqwest::Method::PUT,
                &token,
                &format!("/api/v1/assessments/{id}/answers"),
                &elsewhere(2, "harm_to_others"),
            )
            .await;
        assert_eq!(status, reqwest::StatusCode::OK, "{body}");
        choose(&browser, "urgent_health", "1").await;
        browser.wait_for_text(".fill-status[data-save=conflict]", "saved elsewhere").await;

        // Keep mine: saved over the other copy.
        browser.wait_for_text(".fill-conflict", "Keep the answers on this device").await;
        browser.click(".fill-conflict button.primary").await;
        browser.wait_for_hydration().await;
        wait_until_saved(&browser).await;
        let body = answers_on_server(&app, &token, &id).await;
        let items = &body["answers"]["items"];
        assert_eq!(items["urgent_health"]["value"], 1, "{body}");
        assert_eq!(items["self_harm"]["value"], 0, "{body}");
        assert!(items.get("harm_to_others").is_none(), "replaced: {body}");

        // Again, and this time the saved answers are taken.
        let revision = body["revision"].as_i64().unwrap();
        let (status, _) = app
            .send_json(
                reqwest::Method::PUT,
                &token,
                &format!("/api/v1/assessments/{id}/answers"),
                &elsewhere(revision, "exploitation"),
            )
            .await;
        assert_eq!(status, reqwest::StatusCode::OK);
        choose(&browser, "escape_risk", "1").await;
        browser.wait_for_text(".fill-status[data-save=conflict]", "saved elsewhere").await;
        browser.click(".fill-conflict button:not(.primary)").await;
        browser.wait_for_hydration().await;
        c.wait()
            .for_element(Locator::Css(".fill-status[data-save=saved]"))
            .await
            .unwrap();
        let chosen = c
            .find(Locator::Css("#pv-exploitation-2"))
            .await
            .unwrap()
            .prop("checked")
            .await
            .unwrap();
        assert_eq!(chosen.as_deref(), Some("true"), "the saved answers shown");
        let mine = c
            .find(Locator::Css("#pv-escape_risk-1"))
            .await
            .unwrap()
            .prop("checked")
            .await
            .unwrap();
        assert_eq!(mine.as_deref(), Some("false"), "this tablet's dropped");
        let kept = c
            .execute(&format!("return localStorage.getItem('mizon.assessment.{id}');"), vec![])
            .await
            .unwrap();
        assert_eq!(kept, Value::Null);
        browser.close().await;
        app.stop().await;
    })
    .await;
}
