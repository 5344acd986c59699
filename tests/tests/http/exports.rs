//! Exports of an instrument version's assessments, CSV and XLSX, read back
//! with `csv` and `calamine` as a spreadsheet user's program would: one row
//! per standing assessment (a superseded one left out, its correction in
//! its place), headings in the chosen language, options as their labels,
//! omitted items marked, scores and flags; a reviewer gets only the
//! facilities they work at; formulas are neutralised; every export is in
//! the audit log, without answers or names.

use domain::{AuditAction, Role};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tests::api::library_definition;
use tests::assessment_helpers::{female_case, high_male_case, low_male_case, rated};
use tests::subject_helpers::subject_body;
use tests::{TestApp, on_each_engine};

const CSV_PATH: &str = "/api/v1/instruments/IRNS/versions/1/assessments.csv";
const XLSX_PATH: &str = "/api/v1/instruments/IRNS/versions/1/assessments.xlsx";
/// What M2's assessor wrote as the details of self-harm: a formula that a
/// spreadsheet would run if the cell began with it.
const FORMULA: &str = "=HYPERLINK(\"http://evil.example/\",\"open\")";

/// Who is who, and the assessments made.
struct Floor {
    admin: String,
    /// A reviewer at FAC1.
    rano: String,
    /// A reviewer at FAC2.
    bahrom: String,
    /// M1's first assessment, superseded by `amendment`.
    original: String,
    amendment: String,
    /// M2's, the high case, with the formula.
    high: String,
    /// F1's, the woman's, with omitted items.
    female: String,
    /// Z1's at FAC2.
    theirs: String,
}

async fn complete(app: &TestApp, token: &str, subject: &str, answers: &Value) -> String {
    let (status, started) = app
        .send_json(
            Method::POST,
            token,
            "/api/v1/assessments",
            &json!({ "subject": subject, "instrument": "IRNS" }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{started}");
    let id = started["id"].as_str().unwrap().to_owned();
    submit_answers(app, token, &id, answers).await;
    id
}

async fn submit_answers(app: &TestApp, token: &str, id: &str, answers: &Value) {
    let (status, saved) = app
        .send_json(
            Method::PUT,
            token,
            &format!("/api/v1/assessments/{id}/answers"),
            &json!({ "revision": 1, "answers": answers }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{saved}");
    let (status, submitted) = app
        .send_json(
            Method::POST,
            token,
            &format!("/api/v1/assessments/{id}/submit"),
            &json!({ "revision": saved["revision"] }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{submitted}");
}

/// FAC1 with the assessor `umed`, the reviewer `rano` and subjects M1, M2
/// (men, Russian) and F1 (a woman, Tajik); FAC2 with `zarina`, `bahrom`
/// and Z1. M1 assessed, then corrected (peers 0 → 2); M2 the high case;
/// F1 the female case; Z1 the low case.
async fn floor(app: &TestApp) -> Floor {
    let admin = app.api_user("chief", &[Role::Administrator]).await;
    app.facility(&admin, "FAC1").await;
    app.facility(&admin, "FAC2").await;
    let umed = app
        .worker_at(&admin, "umed", &[Role::Assessor], &["FAC1"])
        .await;
    let zarina = app
        .worker_at(&admin, "zarina", &[Role::Assessor], &["FAC2"])
        .await;
    let rano = app
        .worker_at(&admin, "rano", &[Role::Reviewer], &["FAC1"])
        .await;
    let bahrom = app
        .worker_at(&admin, "bahrom", &[Role::Reviewer], &["FAC2"])
        .await;
    for (code, name, facility, token, gender, language) in [
        ("M1", "Каримов Давлат", "FAC1", &umed, "male", "ru"),
        ("M2", "Саидов Фарид", "FAC1", &umed, "male", "ru"),
        ("F1", "Ҷалбшавӣ Нигина", "FAC1", &umed, "female", "tg"),
        ("Z1", "Раҳимов Ҷамшед", "FAC2", &zarina, "male", "tg"),
    ] {
        let mut body = subject_body(code, name, facility);
        body["gender"] = json!(gender);
        body["language"] = json!(language);
        let response = app.post_subject(token, &body).await;
        assert_eq!(response.status(), StatusCode::CREATED, "{code}");
    }
    let original = complete(app, &umed, "M1", &low_male_case()).await;
    let (status, amendment) = app
        .send_json(
            Method::POST,
            &umed,
            &format!("/api/v1/assessments/{original}/amend"),
            &json!({ "reason": "Peers rated on the wrong file." }),
        )
        .await;
    assert_eq!(status, StatusCode::CREATED, "{amendment}");
    let amendment = amendment["id"].as_str().unwrap().to_owned();
    let mut corrected = low_male_case();
    corrected["items"]["peers"] = rated(2);
    submit_answers(app, &umed, &amendment, &corrected).await;
    let mut high = high_male_case();
    high["items"]["self_harm_details"] = json!({ "value": FORMULA });
    let high = complete(app, &umed, "M2", &high).await;
    let female = complete(app, &umed, "F1", &female_case()).await;
    let theirs = complete(app, &zarina, "Z1", &low_male_case()).await;
    Floor {
        admin,
        rano,
        bahrom,
        original,
        amendment,
        high,
        female,
        theirs,
    }
}

/// A file read back: its header rows and its rows, each cell as text.
struct Table {
    keys: Vec<String>,
    labels: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn from_rows(mut all: Vec<Vec<String>>) -> Table {
        assert!(all.len() >= 2, "two header rows: {all:?}");
        let rows = all.split_off(2);
        let labels = all.pop().unwrap();
        let keys = all.pop().unwrap();
        assert_eq!(keys.len(), labels.len());
        for row in &rows {
            assert_eq!(row.len(), keys.len(), "{row:?}");
        }
        Table { keys, labels, rows }
    }

    fn csv(bytes: &[u8]) -> Table {
        let bom = "\u{feff}".as_bytes();
        assert!(bytes.starts_with(bom), "UTF-8 with a byte-order mark");
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&bytes[bom.len()..]);
        Table::from_rows(
            reader
                .records()
                .map(|r| r.expect("a CSV record").iter().map(String::from).collect())
                .collect(),
        )
    }

    fn xlsx(bytes: Vec<u8>) -> Table {
        use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
        let mut workbook: Xlsx<_> =
            open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("an XLSX workbook");
        assert_eq!(workbook.sheet_names(), ["IRNS v1"]);
        let range = workbook.worksheet_range("IRNS v1").expect("the sheet");
        assert_eq!(range.start(), Some((0, 0)));
        Table::from_rows(
            range
                .rows()
                .map(|row| {
                    row.iter()
                        .map(|cell| match cell {
                            Data::String(s) => s.clone(),
                            // Numbers are numbers: marked, to tell them from text.
                            Data::Float(f) => format!("#{f}"),
                            Data::Int(i) => format!("#{i}"),
                            Data::Empty => String::new(),
                            other => panic!("an unexpected cell {other:?}"),
                        })
                        .collect()
                })
                .collect(),
        )
    }

    fn column(&self, key: &str) -> usize {
        self.keys
            .iter()
            .position(|k| k == key)
            .unwrap_or_else(|| panic!("no column {key}: {:?}", self.keys))
    }

    fn label(&self, key: &str) -> &str {
        &self.labels[self.column(key)]
    }

    fn ids(&self) -> Vec<&str> {
        self.rows.iter().map(|r| r[0].as_str()).collect()
    }

    /// The cell of assessment `id` in column `key`.
    fn cell(&self, id: &str, key: &str) -> &str {
        let row = self
            .rows
            .iter()
            .find(|r| r[0] == id)
            .unwrap_or_else(|| panic!("no row {id}"));
        &row[self.column(key)]
    }
}

/// A GET of an export: status, content type, disposition and body.
async fn download(
    app: &TestApp,
    token: &str,
    path: &str,
    language: Option<&str>,
) -> (StatusCode, String, String, Vec<u8>) {
    let mut call = app.api(Method::GET, path).token(token);
    if let Some(language) = language {
        call = call.language(language);
    }
    let response = call.send().await;
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default()
    };
    let (content_type, disposition) = (header("content-type"), header("content-disposition"));
    let status = response.status();
    let body = response.bytes().await.unwrap().to_vec();
    (status, content_type, disposition, body)
}

/// The library's wording of an item's label (`pointer` into the definition).
fn library_text(pointer: &str) -> String {
    let definition: Value = serde_json::from_str(&library_definition("intake-screen")).unwrap();
    definition
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{pointer}"))
        .to_owned()
}

#[tokio::test]
async fn a_reviewer_exports_the_standing_assessments_of_their_facilities_as_csv_in_russian() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let f = floor(&app).await;
        let (status, content_type, disposition, body) =
            download(&app, &f.rano, &format!("{CSV_PATH}?locale=ru"), None).await;
        assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
        assert!(content_type.starts_with("text/csv"), "{content_type}");
        assert!(content_type.contains("charset=utf-8"), "{content_type}");
        assert_eq!(
            disposition,
            "attachment; filename=\"IRNS-v1-assessments.csv\""
        );
        let table = Table::csv(&body);

        // FAC1's standing assessments, oldest first: the correction in
        // place of M1's first, then M2's and F1's. Not Z1's (FAC2).
        assert_eq!(table.ids(), [&f.amendment, &f.high, &f.female]);
        assert!(!table.ids().contains(&f.original.as_str()));
        assert_eq!(table.cell(&f.amendment, "assessment.amends"), f.original);
        assert_eq!(table.cell(&f.high, "assessment.amends"), "");
        assert_eq!(table.cell(&f.amendment, "assessment.subject"), "M1");
        assert_eq!(table.cell(&f.female, "assessment.facility"), "FAC1");
        assert_eq!(table.cell(&f.female, "assessment.assessor"), "umed");
        assert_eq!(table.cell(&f.female, "assessment.locale"), "tg");
        assert_eq!(table.cell(&f.female, "assessment.gender"), "female");
        assert!(
            table
                .cell(&f.high, "assessment.submitted_at")
                .starts_with("20")
        );

        // Headings: a key row, then labels in Russian.
        assert_eq!(table.keys[0], "assessment.id");
        assert_eq!(table.label("assessment.subject"), "Код осуждённого");
        assert_eq!(
            table.label("self_harm"),
            library_text("/sections/0/items/0/label/ru/male")
        );
        assert_eq!(
            table.label("children_outside"),
            library_text("/sections/4/items/0/label/ru/female"),
            "a women-only item is headed by its female wording"
        );
        assert_eq!(
            table.label("score.total.band"),
            "Общий балл (безопасность, содержание, потребности) — уровень"
        );

        // Cells: options by their labels (the correction's peers is 2),
        // yes/no in words, omitted items marked, hidden items empty.
        assert_eq!(
            table.cell(&f.amendment, "peers"),
            "2 — Серьёзное беспокойство"
        );
        assert_eq!(table.cell(&f.female, "children_outside"), "Да");
        assert_eq!(table.cell(&f.female, "pregnancy_postnatal"), "Нет");
        assert_eq!(
            table.cell(&f.female, "substance_use"),
            "[пропущено: недостаточно информации]"
        );
        assert_eq!(table.cell(&f.amendment, "children_outside"), "");
        assert_eq!(table.cell(&f.amendment, "self_harm_details"), "");
        assert_eq!(
            table.cell(&f.female, "self_harm_details"),
            "Overdose three years ago; no current thoughts or plan."
        );
        // Scores, bands, the judgement and flags.
        assert_eq!(table.cell(&f.high, "score.total.value"), "14");
        assert_eq!(table.cell(&f.high, "score.total.band"), "Высокий");
        assert_eq!(table.cell(&f.amendment, "score.needs_score.value"), "4");
        assert_eq!(table.cell(&f.female, "score.total.band"), "Средний");
        assert_eq!(table.cell(&f.female, "score.responsivity_score.band"), "");
        assert_eq!(
            table.cell(&f.female, "judgement.screening_priority"),
            "Высокий: полная оценка в течение 1 месяца и разбор случая"
        );
        assert_eq!(table.cell(&f.high, "flag.urgent_referral"), "да");
        assert_eq!(table.cell(&f.female, "flag.urgent_referral"), "нет");
        assert_eq!(table.cell(&f.female, "flag.childcare_referral"), "да");
        // The formula is neutralised: a spreadsheet shows it as text.
        assert_eq!(
            table.cell(&f.high, "self_harm_details"),
            format!("'{FORMULA}")
        );

        // A reviewer at FAC2 gets FAC2's only.
        let (status, _, _, body) = download(&app, &f.bahrom, CSV_PATH, None).await;
        assert_eq!(status, StatusCode::OK);
        let theirs = Table::csv(&body);
        assert_eq!(theirs.ids(), [&f.theirs]);

        // Each export is audited: who, which version, the count and the
        // ids; never answers or names.
        let events = app.stored_events_of(AuditAction::AssessmentsExported).await;
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].actor_name, "rano");
        let details = &events[0].details;
        assert_eq!(
            (
                &details["instrument"],
                &details["version"],
                &details["format"]
            ),
            (&json!("IRNS"), &json!(1), &json!("csv"))
        );
        assert_eq!(details["locale"], "ru");
        assert_eq!(details["count"], 3);
        assert_eq!(
            details["assessments"],
            json!([f.amendment, f.high, f.female])
        );
        assert_eq!(events[1].details["assessments"], json!([f.theirs]));
        let log = format!("{:?}", app.stored_audit_events().await);
        for secret in ["HYPERLINK", "Overdose", "Каримов", "Ҷалбшавӣ"] {
            assert!(!log.contains(secret), "{secret} in the audit log");
        }
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn an_administrator_exports_every_facilitys_assessments_as_xlsx_in_tajik() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let f = floor(&app).await;
        let (status, content_type, disposition, body) =
            download(&app, &f.admin, &format!("{XLSX_PATH}?locale=tg"), None).await;
        assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
        assert_eq!(
            content_type,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert_eq!(
            disposition,
            "attachment; filename=\"IRNS-v1-assessments.xlsx\""
        );
        let table = Table::xlsx(body);
        assert_eq!(table.ids(), [&f.amendment, &f.high, &f.female, &f.theirs]);
        assert_eq!(table.cell(&f.theirs, "assessment.facility"), "FAC2");
        assert_eq!(table.label("assessment.subject"), "Рамзи маҳкумшуда");
        assert_eq!(
            table.label("self_harm"),
            library_text("/sections/0/items/0/label/tg")
        );
        assert_eq!(table.cell(&f.amendment, "peers"), "2 — Нигаронии ҷиддӣ");
        assert_eq!(table.cell(&f.female, "children_outside"), "Ҳа");
        assert_eq!(
            table.cell(&f.female, "mental_health"),
            "[ба ҳисоб гирифта нашуд: маълумот нокифоя аст]"
        );
        // Numbers as numbers, text as text: the formula is kept as the
        // assessor wrote it, a string cell that no spreadsheet evaluates.
        assert_eq!(table.cell(&f.high, "score.total.value"), "#14");
        assert_eq!(table.cell(&f.high, "score.total.band"), "Баланд");
        assert_eq!(table.cell(&f.high, "self_harm_details"), FORMULA);

        // Without `locale`: the caller's language, else English.
        let (status, _, _, body) = download(&app, &f.admin, CSV_PATH, Some("tg, ru;q=0.5")).await;
        assert_eq!(status, StatusCode::OK);
        let table = Table::csv(&body);
        assert_eq!(table.label("assessment.subject"), "Рамзи маҳкумшуда");
        let (_, _, _, body) = download(&app, &f.admin, CSV_PATH, None).await;
        let table = Table::csv(&body);
        assert_eq!(table.label("assessment.subject"), "Subject code");
        assert_eq!(table.cell(&f.female, "children_outside"), "Yes");
        assert_eq!(table.cell(&f.female, "peers"), "0 — No concern");

        let events = app.stored_events_of(AuditAction::AssessmentsExported).await;
        assert_eq!(events.len(), 3);
        assert_eq!(events[0].details["format"], "xlsx");
        assert_eq!(events[0].details["count"], 4);
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn assessors_and_methodologists_are_refused_and_unknown_versions_and_languages_named() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let admin = app.api_user("chief", &[Role::Administrator]).await;
        app.facility(&admin, "FAC1").await;
        let umed = app
            .worker_at(&admin, "umed", &[Role::Assessor], &["FAC1"])
            .await;
        let author = app.api_user("author", &[Role::Methodologist]).await;
        let doc = app.openapi().await;
        for path in [CSV_PATH, XLSX_PATH] {
            for token in [&umed, &author] {
                let (status, body) = app.get_json(token, path).await;
                assert_eq!(status, StatusCode::FORBIDDEN, "{path}: {body}");
                doc.check(
                    "GET",
                    &path.replace("IRNS", "{code}").replace("/1/", "/{n}/"),
                    403,
                    &body,
                );
            }
            // Not even a bad language tells them more.
            let (status, _) = app.get_json(&umed, &format!("{path}?locale=xx")).await;
            assert_eq!(status, StatusCode::FORBIDDEN);
        }
        let (status, body) = app
            .get_json(
                &admin,
                "/api/v1/instruments/IRNS/versions/9/assessments.csv",
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
        let (status, _) = app
            .get_json(
                &admin,
                "/api/v1/instruments/NOPE/versions/1/assessments.xlsx",
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        let response = app
            .api(Method::GET, &format!("{CSV_PATH}?locale=fr"))
            .token(&admin)
            .language("ru")
            .send()
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = response.json().await.unwrap();
        doc.check(
            "GET",
            "/api/v1/instruments/{code}/versions/{n}/assessments.csv",
            422,
            &body,
        );
        assert_eq!(body["problems"][0]["path"], "/locale");
        assert_eq!(
            body["message"], "Выберите язык выгрузки: tg, ru или en.",
            "{body}"
        );
        // No assessments yet: the header rows only, and still audited.
        let (status, _, _, body) = download(&app, &admin, CSV_PATH, None).await;
        assert_eq!(status, StatusCode::OK);
        assert!(Table::csv(&body).rows.is_empty());
        let events = app.stored_events_of(AuditAction::AssessmentsExported).await;
        assert_eq!(events.len(), 1);
        assert_eq!(events[0].details["count"], 0);
        app.stop().await;
    })
    .await;
}
