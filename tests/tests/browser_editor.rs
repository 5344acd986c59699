//! The draft editor in a real headless Chromium: building an instrument
//! from nothing and previewing it live, and two people saving one draft.
//!
//! The editor is built in the browser after hydration (the server sends
//! an empty `.editor-root`), so every test waits for the element it needs.

use domain::{Gender, Locale, Role};
use fantoccini::Locator;
use fantoccini::elements::Element;
use reqwest::{Method, StatusCode};
use services::model::{NewInstrument, VersionView};
use std::time::Duration;
use tests::browser::Browser;
use tests::{TestApp, on_each_engine, site_is_built};

/// How long the editor may take to appear or to follow a change.
const PATIENCE: Duration = Duration::from_secs(20);

#[tokio::test]
async fn a_methodologist_builds_an_instrument_in_the_editor_and_previews_it_as_a_woman_in_russian()
{
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let reader = app.api_user("reader", &[Role::Reviewer]).await;
        let password = app.create_user("methodist", &[Role::Methodologist]).await;
        let client = TestApp::client();
        let signed = app.sign_in(&client, "methodist", &password).await;
        assert_eq!(signed.status(), StatusCode::OK);
        // A new instrument, written in Russian, for women and men: draft 1,
        // with no sections yet.
        let created = app
            .create_instrument(
                &client,
                &NewInstrument {
                    code: "BRW1".into(),
                    title: "Черновик".into(),
                    source_locale: Locale::Ru,
                    required_locales: vec![Locale::Ru],
                    genders: vec![Gender::Male, Gender::Female],
                },
            )
            .await;
        assert_eq!(
            created.status(),
            StatusCode::OK,
            "{}",
            created.text().await.unwrap()
        );
        let (_, first_revision) = stored(&app, &reader, "BRW1", 1).await;

        let browser = Browser::launch().await;
        let c = &browser.client;
        browser.sign_in(&app.base, "methodist", &password).await;
        let editor_url = app.url("/instruments/BRW1/versions/1/edit");
        open_editor(&browser, &editor_url).await;
        assert_eq!(saved_revision(&browser).await, Some(first_revision));
        assert!(
            c.find_all(Locator::Css(".editor-outline li[data-item]"))
                .await
                .unwrap()
                .is_empty(),
            "a new instrument has no items"
        );

        // The instrument's form is open first: a new title.
        assert_eq!(value_of(&browser, "#f-meta-title").await, "Черновик");
        browser.fill("#f-meta-title", "Проверка редактора").await;

        // A section, and three items in it.
        click_button(&browser, ".editor-outline", "Add a section").await;
        wait_for(&browser, "section[data-section-form=section_1]").await;
        click(&browser, "section[data-section-form=section_1] button.primary").await;
        wait_for(&browser, "section[data-item-form=item_1]").await;
        assert_eq!(
            value_of(&browser, "#f-sections-0-items-0-type").await,
            "yes_no_unknown",
            "a new item is a yes/no/unknown question"
        );
        // Item 1: a man and a woman are asked in their own words.
        click(&browser, "#f-sections-0-items-0-label-gendered").await;
        wait_for(&browser, "#f-sections-0-items-0-label-female").await;
        assert!(
            c.find(Locator::Css("#f-sections-0-items-0-label"))
                .await
                .is_err(),
            "one wording gives way to two"
        );
        browser
            .fill(
                "#f-sections-0-items-0-label-male",
                "Был ли осуждённый под следствием ранее?",
            )
            .await;
        browser
            .fill(
                "#f-sections-0-items-0-label-female",
                "Была ли осуждённая под следствием ранее?",
            )
            .await;

        // Item 2: asked of women only.
        click(&browser, ".editor-outline button.outline-section").await;
        wait_for(&browser, "section[data-section-form=section_1]").await;
        click(&browser, "section[data-section-form=section_1] button.primary").await;
        wait_for(&browser, "section[data-item-form=item_2]").await;
        browser
            .fill(
                "#f-sections-0-items-1-label",
                "Нуждается ли в наблюдении врача?",
            )
            .await;
        select(&browser, "#f-sections-0-items-1-applies_to", "female").await;

        // Item 3: shown only after a "yes" to item 1, a condition put
        // together with the builder.
        click(&browser, ".editor-outline button.outline-section").await;
        wait_for(&browser, "section[data-section-form=section_1]").await;
        click(&browser, "section[data-section-form=section_1] button.primary").await;
        wait_for(&browser, "section[data-item-form=item_3]").await;
        browser
            .fill(
                "#f-sections-0-items-2-label",
                "Завершилось ли следствие приговором?",
            )
            .await;
        let builder = "//details[@data-builder][.//select[@id='f-sections-0-items-2-show_if-builder-target']]";
        click_on(&browser, Locator::XPath(&format!("{builder}/summary"))).await;
        select(&browser, "#f-sections-0-items-2-show_if-builder-kind", "answer").await;
        // Only earlier items can be the condition's subject.
        let targets = option_values(&browser, "#f-sections-0-items-2-show_if-builder-target").await;
        assert_eq!(targets, ["", "item_1", "item_2"]);
        select(&browser, "#f-sections-0-items-2-show_if-builder-target", "item_1").await;
        select(&browser, "#f-sections-0-items-2-show_if-builder-op", "==").await;
        browser
            .fill("#f-sections-0-items-2-show_if-builder-value", "yes")
            .await;
        click_on(
            &browser,
            Locator::XPath(&format!(
                "{builder}//button[normalize-space()='Add to the condition']"
            )),
        )
        .await;
        let condition = r#"answer("item_1") == "yes""#;
        wait_for_value(&browser, "#f-sections-0-items-2-show_if", condition).await;
        assert!(
            c.find(Locator::Css("#f-sections-0-items-2-show_if-syntax"))
                .await
                .is_err(),
            "the built condition reads"
        );

        // The outline follows: three items, the first under its male wording.
        let keys = outline_items(&browser).await;
        assert_eq!(keys, ["item_1", "item_2", "item_3"]);
        assert_eq!(
            browser
                .text_of(".editor-outline li[data-item=item_1] button")
                .await,
            "Был ли осуждённый под следствием ранее?"
        );

        // Saved automatically a moment after the last change; the save's
        // check finds one thing missing: the purpose.
        let built = wait_until_saved_after(&browser, first_revision).await;
        browser
            .wait_for_text("[data-save=saved]", "All changes saved")
            .await;
        browser.screenshot("editor-built").await;
        assert_eq!(problem_count(&browser).await, "1");
        let problems = browser
            .wait_for_text(".editor-problems", "/meta/purpose/ru")
            .await;
        assert!(problems.contains("Russian wording is missing"), "{problems}");
        // Its link opens the field;
        // once the field is filled, nothing is missing.
        let link = ".editor-problems a[href^='#f-meta-purpose']";
        let href = wait_for(&browser, link)
            .await
            .attr("href")
            .await
            .unwrap()
            .unwrap_or_default();
        click(&browser, link).await;
        wait_for(&browser, "#f-meta-purpose").await;
        let target = c
            .execute(
                "return document.getElementById(arguments[0].slice(1)) !== null;",
                vec![serde_json::json!(href)],
            )
            .await
            .unwrap();
        assert_eq!(target.as_bool(), Some(true), "{href} names no element");
        // The link puts the cursor in the field.
        let mut focused = serde_json::Value::Null;
        for _ in 0..50 {
            focused = c
                .execute("return document.activeElement && document.activeElement.id;", vec![])
                .await
                .unwrap();
            if focused == "f-meta-purpose" {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(focused, "f-meta-purpose");
        browser
            .fill("#f-meta-purpose", "Проверка редактора в браузере.")
            .await;
        let revision = wait_until_saved_after(&browser, built).await;
        assert_eq!(problem_count(&browser).await, "0");
        browser
            .wait_for_text(".editor-problems", "No problems")
            .await;

        // The live preview, by default for a man (in Russian, the only
        // language): the women-only item and the conditional one are absent.
        let label = |key: &str| format!(".editor-preview [data-item={key}] .item-label");
        browser
            .wait_for_text(&label("item_1"), "Был ли осуждённый под следствием")
            .await;
        assert!(absent(&browser, ".editor-preview [data-item=item_2]").await);
        assert!(absent(&browser, ".editor-preview [data-item=item_3]").await);

        // As a woman, in Russian.
        select(&browser, "#preview-locale", "ru").await;
        select(&browser, "#preview-gender", "female").await;
        browser
            .wait_for_text(&label("item_1"), "Была ли осуждённая под следствием ранее?")
            .await;
        browser
            .wait_for_text(&label("item_2"), "Нуждается ли в наблюдении врача?")
            .await;
        assert!(
            absent(&browser, ".editor-preview [data-item=item_3]").await,
            "hidden until item 1 is answered yes"
        );
        click(&browser, ".editor-preview input[name=item_1][value='yes']").await;
        browser
            .wait_for_text(&label("item_3"), "Завершилось ли следствие приговором?")
            .await;
        browser.screenshot("editor-preview-ru-female").await;

        // As a man: the women-only item goes, the male wording comes, and
        // the answer (with the item it shows) stays.
        select(&browser, "#preview-gender", "male").await;
        browser
            .wait_for_text(&label("item_1"), "Был ли осуждённый под следствием ранее?")
            .await;
        assert!(
            !browser
                .text_of(&label("item_1"))
                .await
                .contains("осуждённая")
        );
        assert!(absent(&browser, ".editor-preview [data-item=item_2]").await);
        assert!(!absent(&browser, ".editor-preview [data-item=item_3]").await);
        // One shown, required item is unanswered (item 3): said in words.
        let pending = browser.text_of(".editor-preview .preview-pending").await;
        // (The draft had no items when the page was loaded.)
        assert_eq!(pending, "One item still needs an answer.");

        // What is stored is what was built.
        let (definition, stored_revision) = stored(&app, &reader, "BRW1", 1).await;
        assert_eq!(stored_revision, revision);
        assert_eq!(
            definition["meta"]["title"],
            serde_json::json!({ "ru": "Проверка редактора" })
        );
        assert_eq!(
            definition["meta"]["purpose"],
            serde_json::json!({ "ru": "Проверка редактора в браузере." })
        );
        let items = &definition["sections"][0]["items"];
        assert_eq!(definition["sections"][0]["key"], "section_1");
        assert_eq!(items.as_array().map(Vec::len), Some(3));
        assert_eq!(
            items[0]["label"],
            serde_json::json!({ "ru": {
                "male": "Был ли осуждённый под следствием ранее?",
                "female": "Была ли осуждённая под следствием ранее?",
            } })
        );
        assert_eq!(items[1]["key"], "item_2");
        assert_eq!(items[1]["applies_to"], "female");
        assert_eq!(items[2]["key"], "item_3");
        assert_eq!(items[2]["show_if"], condition);

        // A fresh load of the page shows the same.
        open_editor(&browser, &editor_url).await;
        assert_eq!(saved_revision(&browser).await, Some(revision));
        assert_eq!(
            value_of(&browser, "#f-meta-title").await,
            "Проверка редактора"
        );
        assert_eq!(outline_items(&browser).await, ["item_1", "item_2", "item_3"]);
        click(&browser, ".editor-outline li[data-item=item_1] button").await;
        wait_for(&browser, "section[data-item-form=item_1]").await;
        let gendered = c
            .find(Locator::Css("#f-sections-0-items-0-label-gendered"))
            .await
            .unwrap()
            .prop("checked")
            .await
            .unwrap();
        assert_eq!(gendered.as_deref(), Some("true"));
        assert_eq!(
            value_of(&browser, "#f-sections-0-items-0-label-female").await,
            "Была ли осуждённая под следствием ранее?"
        );
        click(&browser, ".editor-outline li[data-item=item_2] button").await;
        wait_for(&browser, "section[data-item-form=item_2]").await;
        assert_eq!(
            value_of(&browser, "#f-sections-0-items-1-applies_to").await,
            "female"
        );
        click(&browser, ".editor-outline li[data-item=item_3] button").await;
        wait_for(&browser, "section[data-item-form=item_3]").await;
        assert_eq!(
            value_of(&browser, "#f-sections-0-items-2-show_if").await,
            condition
        );
        assert_eq!(problem_count(&browser).await, "0");

        // On a wide screen the outline, the form and the preview stand side
        // by side; on a phone they stack, and nothing is wider than the screen.
        c.set_window_size(1600, 1000).await.unwrap();
        let columns = c
            .execute(
                "return getComputedStyle(document.querySelector('.editor-layout'))\
                 .gridTemplateColumns.split(' ').length;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(columns, 3);
        browser.screenshot("editor-wide").await;
        c.set_window_size(390, 844).await.unwrap();
        let overflow = c
            .execute(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;",
                vec![],
            )
            .await
            .unwrap();
        assert!(overflow.as_i64().unwrap_or(1) <= 0, "wider than a phone by {overflow}px");
        browser.screenshot("editor-phone").await;

        browser.close().await;
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn two_people_edit_one_draft_and_the_second_is_told_keeping_their_text() {
    site_is_built();
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let reader = app.api_user("reader", &[Role::Reviewer]).await;
        let starter = app.signed_in_as("starter", &[Role::Methodologist]).await;
        let started = app.start_draft(&starter, "IRNS").await;
        assert_eq!(
            started.status(),
            StatusCode::OK,
            "{}",
            started.text().await.unwrap()
        );
        let (original, start) = stored(&app, &reader, "IRNS", 2).await;
        let amina_password = app.create_user("amina", &[Role::Methodologist]).await;
        let bahrom_password = app.create_user("bahrom", &[Role::Methodologist]).await;

        let amina = Browser::launch().await;
        let bahrom = Browser::launch().await;
        amina.sign_in(&app.base, "amina", &amina_password).await;
        bahrom.sign_in(&app.base, "bahrom", &bahrom_password).await;
        let editor_url = app.url("/instruments/IRNS/versions/2/edit");
        open_editor(&amina, &editor_url).await;
        open_editor(&bahrom, &editor_url).await;
        let title = original["meta"]["title"]["en"].as_str().unwrap().to_owned();
        assert_eq!(value_of(&amina, "#f-meta-title").await, title);
        assert_eq!(value_of(&bahrom, "#f-meta-title").await, title);

        // Amina changes the title first; it is saved.
        let hers = "Intake screen, as Amina words it";
        let her_purpose = "Screening at admission, in Amina's words.";
        amina.fill("#f-meta-title", hers).await;
        amina.fill("#f-meta-purpose", her_purpose).await;
        let after_amina = wait_until_saved_after(&amina, start).await;
        let (now, _) = stored(&app, &reader, "IRNS", 2).await;
        assert_eq!(now["meta"]["title"]["en"], hers);

        // Bahrom, still at the revision he loaded, changes it too: refused,
        // told so, shown what she changed, and his text is kept.
        let his = "Intake screen, as Bahrom words it";
        bahrom.fill("#f-meta-title", his).await;
        let conflict = bahrom
            .wait_for_text("[data-save=conflict]", "Someone else saved this draft")
            .await;
        bahrom.screenshot("editor-conflict").await;
        assert!(conflict.contains("What they changed"), "{conflict}");
        assert!(conflict.contains("/meta/title/en"), "{conflict}");
        // Her new wording itself is shown.
        assert!(conflict.contains(hers), "{conflict}");
        assert!(
            bahrom
                .text_of("[data-save=conflict] li")
                .await
                .contains("/meta/title/en changed"),
            "{conflict}"
        );
        assert!(
            !conflict.contains("/sections/"),
            "only what she changed is listed: {conflict}"
        );
        assert!(conflict.contains("Your edits are still here"), "{conflict}");
        assert_eq!(value_of(&bahrom, "#f-meta-title").await, his);
        let (now, revision) = stored(&app, &reader, "IRNS", 2).await;
        assert_eq!(now["meta"]["title"]["en"], hers, "nothing saved over hers");
        assert_eq!(revision, after_amina);
        // While the choice waits, nothing is saved on its own.
        tokio::time::sleep(Duration::from_millis(1500)).await;
        assert!(!absent(&bahrom, "[data-save=conflict]").await);

        // He puts his edit on top of hers: saved at the next revision.
        let keep = bahrom
            .client
            .find(Locator::Css("[data-save=conflict] button.primary"))
            .await
            .unwrap();
        assert_eq!(
            keep.text().await.unwrap(),
            "Apply my edits on top of theirs"
        );
        click(&bahrom, "[data-save=conflict] button.primary").await;
        let after_bahrom = wait_until_saved_after(&bahrom, after_amina).await;
        assert!(absent(&bahrom, "[data-save=conflict]").await);
        assert_eq!(value_of(&bahrom, "#f-meta-title").await, his);
        let (now, revision) = stored(&app, &reader, "IRNS", 2).await;
        assert_eq!(now["meta"]["title"]["en"], his);
        assert_eq!(revision, after_bahrom);
        // Her other change, which he did not touch, stays: his edits went
        // on top of hers, not over them.
        assert_eq!(now["meta"]["purpose"]["en"], her_purpose);
        wait_for_value(&bahrom, "#f-meta-purpose", her_purpose).await;

        // Amina is now the one behind: she edits, is told, and takes his
        // version; her form shows his title, and the store keeps it.
        amina.fill("#f-meta-title", "A third title").await;
        amina
            .wait_for_text("[data-save=conflict]", "Someone else saved this draft")
            .await;
        click_button(
            &amina,
            "[data-save=conflict]",
            "Discard my edits and take theirs",
        )
        .await;
        let taken = amina
            .wait_for_text("[data-save=saved]", "All changes saved")
            .await;
        assert!(
            taken.contains(&format!("revision {after_bahrom}")),
            "{taken}"
        );
        wait_for_value(&amina, "#f-meta-title", his).await;
        let (now, revision) = stored(&app, &reader, "IRNS", 2).await;
        assert_eq!(now["meta"]["title"]["en"], his);
        assert_eq!(revision, after_bahrom, "taking theirs saves nothing");

        amina.close().await;
        bahrom.close().await;
        app.stop().await;
    })
    .await;
}

/// The stored definition of a version, and its revision, through the API.
async fn stored(app: &TestApp, token: &str, code: &str, n: i64) -> (serde_json::Value, i64) {
    let response = app
        .api(
            Method::GET,
            &format!("/api/v1/instruments/{code}/versions/{n}"),
        )
        .token(token)
        .send()
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let version: VersionView = response.json().await.unwrap();
    (
        serde_json::from_str(version.definition.get()).unwrap(),
        version.revision,
    )
}

/// The number the problems panel shows.
async fn problem_count(browser: &Browser) -> String {
    wait_for(browser, "[data-problems]")
        .await
        .attr("data-problems")
        .await
        .unwrap()
        .unwrap_or_default()
}

/// Loads the editor and waits until the island has built it.
async fn open_editor(browser: &Browser, url: &str) {
    browser.client.goto(url).await.unwrap();
    browser.wait_for_hydration().await;
    wait_for(browser, ".editor-outline").await;
    wait_for(browser, "[data-save]").await;
}

async fn wait_for(browser: &Browser, css: &str) -> Element {
    browser
        .client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css} never appeared: {e}"))
}

async fn absent(browser: &Browser, css: &str) -> bool {
    browser.client.find(Locator::Css(css)).await.is_err()
}

/// An input's or select's current value.
async fn value_of(browser: &Browser, css: &str) -> String {
    wait_for(browser, css)
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
}

async fn wait_for_value(browser: &Browser, css: &str, expected: &str) {
    let mut last = String::new();
    for _ in 0..100 {
        last = value_of(browser, css).await;
        if last == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{css} never held {expected:?}; last value: {last:?}");
}

async fn select(browser: &Browser, css: &str, value: &str) {
    wait_for(browser, css)
        .await
        .select_by_value(value)
        .await
        .unwrap_or_else(|e| panic!("{css} = {value}: {e}"));
}

async fn option_values(browser: &Browser, css: &str) -> Vec<String> {
    let mut values = vec![];
    for option in wait_for(browser, css)
        .await
        .find_all(Locator::Css("option"))
        .await
        .unwrap()
    {
        values.push(option.attr("value").await.unwrap().unwrap_or_default());
    }
    values
}

/// The item keys in the outline, in order.
async fn outline_items(browser: &Browser) -> Vec<String> {
    let mut keys = vec![];
    for li in browser
        .client
        .find_all(Locator::Css(".editor-outline li[data-item]"))
        .await
        .unwrap()
    {
        keys.push(li.attr("data-item").await.unwrap().unwrap_or_default());
    }
    keys
}

/// The revision the save bar says is saved, if it says so.
async fn saved_revision(browser: &Browser) -> Option<i64> {
    let text = browser
        .client
        .find(Locator::Css("[data-save=saved]"))
        .await
        .ok()?
        .text()
        .await
        .ok()?;
    let digits: String = text
        .rsplit("revision")
        .next()?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// Waits until the save bar says a revision later than `before` is saved.
async fn wait_until_saved_after(browser: &Browser, before: i64) -> i64 {
    for _ in 0..200 {
        if let Some(r) = saved_revision(browser).await.filter(|r| *r > before) {
            return r;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    browser.screenshot("editor-never-saved").await;
    let bar = browser.text_of(".save-bar").await;
    panic!("never saved after revision {before}; the save bar says {bar:?}");
}

/// Clicks like a user; an element a click cannot reach (a styled-away
/// radio, one under another) falls back to a DOM click.
async fn click(browser: &Browser, css: &str) {
    click_on(browser, Locator::Css(css)).await;
}

async fn click_on(browser: &Browser, locator: Locator<'_>) {
    let element = browser
        .client
        .wait()
        .at_most(PATIENCE)
        .for_element(locator)
        .await
        .unwrap_or_else(|e| panic!("{locator:?}: {e}"));
    if element.click().await.is_err() {
        browser
            .client
            .execute(
                "arguments[0].click()",
                vec![serde_json::to_value(&element).unwrap()],
            )
            .await
            .unwrap();
    }
}

/// Clicks the button inside `scope` whose text is `caption`.
async fn click_button(browser: &Browser, scope: &str, caption: &str) {
    let scope = browser
        .client
        .wait()
        .at_most(PATIENCE)
        .for_element(Locator::Css(scope))
        .await
        .unwrap_or_else(|e| panic!("{scope}: {e}"));
    let mut found = None;
    for button in scope.find_all(Locator::Css("button")).await.unwrap() {
        if button.text().await.unwrap().trim() == caption {
            found = Some(button);
            break;
        }
    }
    let button = found.unwrap_or_else(|| panic!("no button {caption:?}"));
    if button.click().await.is_err() {
        browser
            .client
            .execute(
                "arguments[0].click()",
                vec![serde_json::to_value(&button).unwrap()],
            )
            .await
            .unwrap();
    }
}
