//! Every `/api/v1` route × every role and the anonymous caller: the
//! statuses allowed are written down once, here; any difference fails.
//! The same table also proves the document and the router agree: every
//! route of the OpenAPI document is in the table and the other way round.

use domain::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;
use tests::api::intake_as;
use tests::assessment_helpers::low_male_case;
use tests::subject_helpers::subject_body;
use tests::{TestApp, on_each_engine};

/// Who calls: a role, or nobody (no token).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Caller {
    Anonymous,
    As(Role),
}

fn callers() -> Vec<Caller> {
    let mut all = vec![Caller::Anonymous];
    all.extend(Role::ALL.into_iter().map(Caller::As));
    all
}

/// One route of the contract, and who may use it.
struct Route {
    method: Method,
    /// The path as the OpenAPI document writes it.
    template: &'static str,
    /// Who gets the success status; the signed-in rest get 403, nobody 401.
    allowed: fn(Caller) -> bool,
    success: StatusCode,
    /// A query string the call needs, if any.
    query: &'static str,
    /// What `{code}` becomes, from the caller's own code (`T-ASSESSOR`…).
    code: fn(&str) -> String,
    /// The body sent, from the caller's own code.
    body: fn(&str) -> Option<String>,
}

fn library_code(_: &str) -> String {
    "IRNS".to_owned()
}
fn own_code(code: &str) -> String {
    code.to_owned()
}
/// The subject `S0` of facility `FAC0`, where `api-assessor` works.
fn setup_subject(_: &str) -> String {
    "S0".to_owned()
}
fn no_body(_: &str) -> Option<String> {
    None
}
fn definition(code: &str) -> Option<String> {
    Some(intake_as(code))
}
fn draft_save(code: &str) -> Option<String> {
    Some(format!(
        r#"{{"revision": 1, "definition": {}}}"#,
        intake_as(code)
    ))
}
fn facility(code: &str) -> Option<String> {
    Some(json!({"code": code, "name": {"tg": "т", "ru": "р", "en": "e"}}).to_string())
}
fn facility_list(_: &str) -> Option<String> {
    Some(json!(["FAC0"]).to_string())
}
fn new_subject(code: &str) -> Option<String> {
    Some(subject_body(code, "Ном Насаб", "FAC0").to_string())
}
fn subject_change(_: &str) -> Option<String> {
    Some(
        json!({"revision": 1, "name": "Ном", "gender": "male", "birth_date": "1990-01-01",
               "language": "ru", "status": "in_custody"})
        .to_string(),
    )
}
fn new_assessment(_: &str) -> Option<String> {
    Some(json!({"subject": "S1", "instrument": "IRNS"}).to_string())
}
fn assessment_answers(_: &str) -> Option<String> {
    Some(json!({"revision": 1, "answers": low_male_case()}).to_string())
}
fn assessment_submit(_: &str) -> Option<String> {
    Some(json!({"revision": 2}).to_string())
}
fn assessment_amend(_: &str) -> Option<String> {
    Some(json!({"reason": "A rating was entered on the wrong subject's file."}).to_string())
}
fn subject_transfer(_: &str) -> Option<String> {
    Some(json!({"revision": 2, "facility": "FAC9", "date": "2025-01-01"}).to_string())
}

fn anyone(_: Caller) -> bool {
    true
}
fn any_token(c: Caller) -> bool {
    c != Caller::Anonymous
}
fn administrators(c: Caller) -> bool {
    c == Caller::As(Role::Administrator)
}
fn subject_workers(c: Caller) -> bool {
    matches!(
        c,
        Caller::As(Role::Assessor) | Caller::As(Role::Administrator)
    )
}
fn assessors(c: Caller) -> bool {
    c == Caller::As(Role::Assessor)
}
fn assessment_readers(c: Caller) -> bool {
    matches!(
        c,
        Caller::As(Role::Assessor) | Caller::As(Role::Reviewer) | Caller::As(Role::Administrator)
    )
}
fn exporters(c: Caller) -> bool {
    matches!(
        c,
        Caller::As(Role::Reviewer) | Caller::As(Role::Administrator)
    )
}
fn file_readers(c: Caller) -> bool {
    matches!(
        c,
        Caller::As(Role::Translator)
            | Caller::As(Role::Methodologist)
            | Caller::As(Role::Reviewer)
            | Caller::As(Role::Administrator)
    )
}
fn translators(c: Caller) -> bool {
    matches!(
        c,
        Caller::As(Role::Translator)
            | Caller::As(Role::Methodologist)
            | Caller::As(Role::Administrator)
    )
}
fn reviewers(c: Caller) -> bool {
    c == Caller::As(Role::Reviewer)
}
fn ftl_file(_: &str) -> Option<String> {
    Some("sections-x-label = перевод\n".to_owned())
}
fn password(_: &str) -> Option<String> {
    Some(json!({"password": "wrong-but-never-checked"}).to_string())
}
fn decision(_: &str) -> Option<String> {
    Some(json!({"decision": "approve", "password": "wrong-but-never-checked"}).to_string())
}
fn retirement(_: &str) -> Option<String> {
    Some(json!({"password": "wrong-but-never-checked", "reason": ""}).to_string())
}
fn comment(_: &str) -> Option<String> {
    Some(json!({"path": "/sections/0", "text": "Is this clear?"}).to_string())
}
fn resolution(_: &str) -> Option<String> {
    Some(json!({"resolved": true}).to_string())
}
fn settings(_: &str) -> Option<String> {
    Some(json!({"approvals_required": 1}).to_string())
}
/// Everyone who works on instruments: not assessors.
fn instrument_workers(c: Caller) -> bool {
    matches!(c, Caller::As(role) if role != Role::Assessor)
}
fn publishers(c: Caller) -> bool {
    matches!(
        c,
        Caller::As(Role::Reviewer) | Caller::As(Role::Administrator)
    )
}
fn commenters(c: Caller) -> bool {
    matches!(
        c,
        Caller::As(Role::Methodologist) | Caller::As(Role::Translator) | Caller::As(Role::Reviewer)
    )
}
fn authors(c: Caller) -> bool {
    matches!(
        c,
        Caller::As(Role::Methodologist) | Caller::As(Role::Administrator)
    )
}

fn contract() -> Vec<Route> {
    vec![
        Route {
            method: Method::GET,
            template: "/api/v1/openapi.json",
            allowed: anyone,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/me",
            allowed: any_token,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/instruments",
            allowed: any_token,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/instruments/{code}/versions",
            allowed: any_token,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/instruments/{code}/versions/{n}",
            allowed: any_token,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/instruments/{code}/diff",
            allowed: any_token,
            success: StatusCode::OK,
            query: "?from=1&to=1",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::POST,
            template: "/api/v1/instruments/{code}/versions",
            allowed: authors,
            success: StatusCode::CREATED,
            query: "",
            code: own_code,
            body: definition,
        },
        // After the POST above: version 1 of the caller's own instrument is
        // a draft at revision 1.
        Route {
            method: Method::PUT,
            template: "/api/v1/instruments/{code}/versions/{n}",
            allowed: authors,
            success: StatusCode::OK,
            query: "",
            code: own_code,
            body: draft_save,
        },
        Route {
            method: Method::POST,
            template: "/api/v1/facilities",
            allowed: administrators,
            success: StatusCode::CREATED,
            query: "",
            code: own_code,
            body: facility,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/facilities",
            allowed: any_token,
            success: StatusCode::OK,
            query: "",
            code: own_code,
            body: no_body,
        },
        // Keeps `api-assessor` at FAC0 (see the set-up).
        Route {
            method: Method::PUT,
            template: "/api/v1/users/{username}/facilities",
            allowed: administrators,
            success: StatusCode::OK,
            query: "",
            code: own_code,
            body: facility_list,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/subjects",
            allowed: subject_workers,
            success: StatusCode::OK,
            query: "?q=s0",
            code: own_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/subjects/{code}",
            allowed: subject_workers,
            success: StatusCode::OK,
            query: "",
            code: setup_subject,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/subjects/{code}/assessments",
            allowed: subject_workers,
            success: StatusCode::OK,
            query: "",
            code: setup_subject,
            body: no_body,
        },
        // Each caller who may records their own subject, at FAC0, then
        // changes it (revision 1 → 2), then transfers it to FAC9.
        Route {
            method: Method::POST,
            template: "/api/v1/subjects",
            allowed: subject_workers,
            success: StatusCode::CREATED,
            query: "",
            code: own_code,
            body: new_subject,
        },
        Route {
            method: Method::PUT,
            template: "/api/v1/subjects/{code}",
            allowed: subject_workers,
            success: StatusCode::OK,
            query: "",
            code: own_code,
            body: subject_change,
        },
        Route {
            method: Method::POST,
            template: "/api/v1/subjects/{code}/transfer",
            allowed: subject_workers,
            success: StatusCode::OK,
            query: "",
            code: own_code,
            body: subject_transfer,
        },
        // The assessment `{id}` of subject S0 (a man at FAC0) that
        // `api-assessor` started before the calls; `api-reviewer` works
        // at FAC0 too, so reads it.
        Route {
            method: Method::POST,
            template: "/api/v1/assessments",
            allowed: assessors,
            success: StatusCode::CREATED,
            query: "",
            code: own_code,
            body: new_assessment,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/assessments/{id}",
            allowed: assessment_readers,
            success: StatusCode::OK,
            query: "",
            code: own_code,
            body: no_body,
        },
        Route {
            method: Method::PUT,
            template: "/api/v1/assessments/{id}/answers",
            allowed: assessors,
            success: StatusCode::OK,
            query: "",
            code: own_code,
            body: assessment_answers,
        },
        Route {
            method: Method::POST,
            template: "/api/v1/assessments/{id}/submit",
            allowed: assessors,
            success: StatusCode::OK,
            query: "",
            code: own_code,
            body: assessment_submit,
        },
        Route {
            method: Method::POST,
            template: "/api/v1/assessments/{id}/amend",
            allowed: assessors,
            success: StatusCode::CREATED,
            query: "",
            code: own_code,
            body: assessment_amend,
        },
        // The library's IRNS version 1 (`api-reviewer` gets FAC0's
        // assessments, the administrator every facility's).
        Route {
            method: Method::GET,
            template: "/api/v1/instruments/{code}/versions/{n}/assessments.csv",
            allowed: exporters,
            success: StatusCode::OK,
            query: "?locale=ru",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/instruments/{code}/versions/{n}/assessments.xlsx",
            allowed: exporters,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/instruments/{code}/versions/{n}/translations",
            allowed: any_token,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/instruments/{code}/versions/{n}/translations/{locale}.ftl",
            allowed: file_readers,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/instruments/{code}/versions/{n}/translations/{locale}.xlsx",
            allowed: file_readers,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        // Version 1 is published: allowed callers are told it is no draft.
        Route {
            method: Method::PUT,
            template: "/api/v1/instruments/{code}/versions/{n}/translations/{locale}.ftl",
            allowed: translators,
            success: StatusCode::CONFLICT,
            query: "",
            code: library_code,
            body: ftl_file,
        },
        Route {
            method: Method::PUT,
            template: "/api/v1/instruments/{code}/versions/{n}/translations/{locale}.xlsx",
            allowed: translators,
            success: StatusCode::CONFLICT,
            query: "",
            code: library_code,
            body: ftl_file,
        },
        Route {
            method: Method::POST,
            template: "/api/v1/instruments/{code}/versions/{n}/translations/{locale}/sign-off",
            allowed: reviewers,
            success: StatusCode::CONFLICT,
            query: "",
            code: library_code,
            body: password,
        },
        // Review: on the published IRNS 1 every move is refused for its
        // status (409) after the role check.
        Route {
            method: Method::POST,
            template: "/api/v1/instruments/{code}/versions/{n}/submit",
            allowed: authors,
            success: StatusCode::CONFLICT,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::POST,
            template: "/api/v1/instruments/{code}/versions/{n}/decision",
            allowed: reviewers,
            success: StatusCode::CONFLICT,
            query: "",
            code: library_code,
            body: decision,
        },
        Route {
            method: Method::POST,
            template: "/api/v1/instruments/{code}/versions/{n}/publish",
            allowed: publishers,
            success: StatusCode::CONFLICT,
            query: "",
            code: library_code,
            body: password,
        },
        // (No reason given: nothing is retired.)
        Route {
            method: Method::POST,
            template: "/api/v1/instruments/{code}/retire",
            allowed: publishers,
            success: StatusCode::UNPROCESSABLE_ENTITY,
            query: "",
            code: library_code,
            body: retirement,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/instruments/{code}/versions/{n}/timeline",
            allowed: instrument_workers,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/instruments/{code}/versions/{n}/comments",
            allowed: instrument_workers,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::POST,
            template: "/api/v1/instruments/{code}/versions/{n}/comments",
            allowed: commenters,
            success: StatusCode::CREATED,
            query: "",
            code: library_code,
            body: comment,
        },
        // (`{id}` is the assessment's: no such comment.)
        Route {
            method: Method::PUT,
            template: "/api/v1/instruments/{code}/versions/{n}/comments/{id}",
            allowed: commenters,
            success: StatusCode::NOT_FOUND,
            query: "",
            code: library_code,
            body: resolution,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/review",
            allowed: instrument_workers,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/review/counts",
            allowed: any_token,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::GET,
            template: "/api/v1/settings",
            allowed: instrument_workers,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: no_body,
        },
        Route {
            method: Method::PUT,
            template: "/api/v1/settings",
            allowed: administrators,
            success: StatusCode::OK,
            query: "",
            code: library_code,
            body: settings,
        },
    ]
}

#[tokio::test]
async fn every_api_route_answers_each_role_and_the_anonymous_caller_as_the_table_says() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let mut tokens = Vec::new();
        for caller in callers() {
            let token = match caller {
                Caller::Anonymous => None,
                Caller::As(role) => Some(app.api_user(&format!("api-{role}"), &[role]).await),
            };
            tokens.push((caller, token));
        }
        // Facilities FAC0 and FAC9; `api-assessor` works at FAC0, where
        // subject S0 is held.
        let admin = tokens
            .iter()
            .find(|(caller, _)| *caller == Caller::As(Role::Administrator))
            .and_then(|(_, token)| token.clone())
            .expect("an administrator's token");
        app.facility(&admin, "FAC0").await;
        app.facility(&admin, "FAC9").await;
        let assigned = app
            .put_user_facilities(&admin, "api-assessor", &["FAC0"])
            .await;
        assert_eq!(assigned.status(), StatusCode::OK);
        let mut s0 = subject_body("S0", "Ном", "FAC0");
        s0["gender"] = json!("male");
        let s0 = app.post_subject(&admin, &s0).await;
        assert_eq!(s0.status(), StatusCode::CREATED);
        let s1 = app
            .post_subject(&admin, &subject_body("S1", "Ном", "FAC0"))
            .await;
        assert_eq!(s1.status(), StatusCode::CREATED);
        let assigned = app
            .put_user_facilities(&admin, "api-reviewer", &["FAC0"])
            .await;
        assert_eq!(assigned.status(), StatusCode::OK);
        let assessor = tokens
            .iter()
            .find(|(caller, _)| *caller == Caller::As(Role::Assessor))
            .and_then(|(_, token)| token.clone())
            .expect("an assessor's token");
        let (status, started) = app
            .send_json(
                Method::POST,
                &assessor,
                "/api/v1/assessments",
                &json!({"subject": "S0", "instrument": "IRNS"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "{started}");
        let assessment = started["id"].as_str().expect("an id").to_owned();
        let mut failures = Vec::new();
        for route in contract() {
            for (caller, token) in &tokens {
                let code = match caller {
                    Caller::Anonymous => "T-ANON".to_owned(),
                    Caller::As(role) => format!("T-{}", role.code().to_uppercase()),
                };
                let path = route
                    .template
                    .replace("{code}", &(route.code)(&code))
                    .replace("{n}", "1")
                    .replace("{username}", "api-assessor")
                    .replace("{locale}", "ru")
                    .replace("{id}", &assessment)
                    + route.query;
                let mut call = app.api(route.method.clone(), &path);
                if let Some(token) = token {
                    call = call.token(token);
                }
                if let Some(body) = (route.body)(&code) {
                    call = call.body(body);
                }
                let status = call.send().await.status();
                let expected = if (route.allowed)(*caller) {
                    route.success
                } else if *caller == Caller::Anonymous {
                    StatusCode::UNAUTHORIZED
                } else {
                    StatusCode::FORBIDDEN
                };
                if status != expected {
                    failures.push(format!(
                        "{} {path} as {caller:?}: {status}, expected {expected}",
                        route.method
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        app.stop().await;
    })
    .await;
}

#[tokio::test]
async fn the_openapi_document_lists_exactly_the_routes_of_the_contract() {
    on_each_engine(|db| async move {
        let app = TestApp::spawn(&db).await;
        let document: serde_json::Value = app
            .api(Method::GET, "/api/v1/openapi.json")
            .send()
            .await
            .json()
            .await
            .unwrap();
        assert_eq!(document["openapi"].as_str().map(|v| &v[..3]), Some("3.1"));
        let mut documented: Vec<(String, String)> = document["paths"]
            .as_object()
            .expect("paths")
            .iter()
            .flat_map(|(path, item)| {
                item.as_object()
                    .unwrap()
                    .keys()
                    .filter(|k| ["get", "post", "put", "patch", "delete"].contains(&k.as_str()))
                    .map(move |method| (method.to_uppercase(), path.clone()))
            })
            .collect();
        documented.sort();
        let mut contract: Vec<(String, String)> = contract()
            .iter()
            .map(|r| (r.method.to_string(), r.template.to_owned()))
            .collect();
        contract.sort();
        assert_eq!(documented, contract);

        // And each documented route exists: it never answers the API's
        // "no such route" (which any other path under /api/v1 gets).
        let token = app.api_user("reader", &[Role::Reviewer]).await;
        for (method, path) in &documented {
            let concrete = path
                .replace("{code}", "IRNS")
                .replace("{n}", "1")
                .replace("{username}", "reader");
            let response = app
                .api(method.parse().unwrap(), &concrete)
                .token(&token)
                .body("{}")
                .send()
                .await;
            let status = response.status();
            let body: serde_json::Value = response.json().await.unwrap_or_default();
            assert_ne!(body["error"], "no-such-route", "{method} {path} ({status})");
            assert_ne!(status, StatusCode::METHOD_NOT_ALLOWED, "{method} {path}");
        }
        let missing = app
            .api(Method::GET, "/api/v1/prisoners")
            .token(&token)
            .send()
            .await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        let body: serde_json::Value = missing.json().await.unwrap();
        assert_eq!(body["error"], "no-such-route");
        app.stop().await;
    })
    .await;
}
