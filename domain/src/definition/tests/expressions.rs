//! The condition language end to end: type checking against a definition
//! and three-valued evaluation against answers.

use super::*;
use crate::Gender;
use crate::definition::answers::visibility::compute;
use crate::definition::expr::eval::{Env, Value as V, eval};
use crate::definition::expr::parser::parse as parse_expr;
use crate::definition::expr::typecheck::{Scope, check_condition};
use crate::definition::index::Index;
use crate::definition::{
    Answer, AnswerValue, Answers, ExprErrorKind as E, InformationSource, Subject,
};

fn answers(pairs: &[(&str, Answer)]) -> Answers {
    let mut a = Answers::default();
    for (k, v) in pairs {
        a.items
            .insert(crate::definition::ItemKey::parse(k).unwrap(), v.clone());
    }
    a
}

fn rated(n: f64) -> Answer {
    Answer::with_value(AnswerValue::Number(n))
}

fn run(src: &str, gender: Gender, answers: &Answers) -> V {
    let def = Definition::from_json(MINIMAL).unwrap();
    let index = Index::new(&def);
    let subject = Subject {
        gender,
        age: Some(30),
    };
    let vis = compute(&index, &subject, answers);
    let env = Env {
        index: &index,
        subject: &subject,
        answers,
        visible: &vis.items,
        scores: &[],
    };
    eval(&parse_expr(src).unwrap(), &env)
}

fn kinds(src: &str) -> Vec<E> {
    let def = Definition::from_json(MINIMAL).unwrap();
    let index = Index::new(&def);
    let scope = Scope {
        index: &index,
        before: None,
        outcomes: true,
    };
    match parse_expr(src) {
        Err(e) => vec![e.kind],
        Ok(node) => check_condition(&node, &scope)
            .into_iter()
            .map(|e| e.kind)
            .collect(),
    }
}

#[test]
fn well_typed_conditions_pass_the_checker() {
    for src in [
        r#"answer("self_harm") >= 1 and subject.gender == "female""#,
        r#""intelligence" in sources("self_harm")"#,
        r#"count(section("safety"), 2) > 0 or any(items("self_harm"), 1)"#,
        r#"answer("has_children") == "yes" and answer("self_harm_plan") is not answered"#,
        r#"trend("self_harm") in ["worsened", "unchanged"] and subject.age >= 18"#,
        r#"band("safety_total") == "high" or score("safety_total") > 1 or sum(section("safety")) >= max(items("self_harm"))"#,
    ] {
        assert_eq!(kinds(src), vec![], "{src}");
    }
}

#[test]
fn ill_typed_conditions_are_refused_with_a_kind() {
    assert_eq!(kinds(r#"answer("self_harm") == "high""#), [E::Type]);
    assert_eq!(kinds(r#"answer("self_harm")"#), [E::Type]);
    assert_eq!(kinds(r#"sources("self_harm") == 1"#), [E::Type]);
    assert_eq!(kinds(r#"1 in sources("self_harm")"#), [E::Type]);
    assert_eq!(
        kinds(r#""spying" in sources("self_harm")"#),
        [E::UnknownValue]
    );
    assert_eq!(kinds(r#"subject.gender == "other""#), [E::UnknownValue]);
    assert_eq!(
        kinds(r#"answer("has_children") == "maybe""#),
        [E::UnknownValue]
    );
    assert_eq!(
        kinds(r#"trend("has_children") == "worsened""#),
        [E::NotAsked]
    );
    assert_eq!(kinds(r#"answer("nobody") is answered"#), [E::UnknownItem]);
    assert_eq!(
        kinds(r#"count(section("nowhere"), 1) > 0"#),
        [E::UnknownSection]
    );
    assert_eq!(kinds(r#"score("nothing") > 0"#), [E::UnknownScore]);
    assert_eq!(kinds(r#"sum(items("self_harm_plan")) > 0"#), [E::Type]);
    assert_eq!(kinds(r#"not 1"#), [E::Type]);
    assert_eq!(kinds(r#"[1, "a"] == [1]"#), [E::Type]);
    assert_eq!(kinds(r#"answer("self_harm") < "#), [E::Syntax]);
}

#[test]
fn an_unanswered_item_makes_comparisons_unknown_not_false() {
    let none = Answers::default();
    assert_eq!(
        run(r#"answer("self_harm") >= 1"#, Gender::Male, &none),
        V::Unknown
    );
    assert_eq!(
        run(r#"not (answer("self_harm") >= 1)"#, Gender::Male, &none),
        V::Unknown
    );
    assert_eq!(
        run(r#"answer("self_harm") is answered"#, Gender::Male, &none),
        V::Bool(false)
    );
    assert_eq!(
        run(r#"count(section("safety"), 2)"#, Gender::Male, &none),
        V::Num(0.0)
    );
    assert_eq!(
        run(r#"max(section("safety"))"#, Gender::Male, &none),
        V::Unknown
    );
}

#[test]
fn and_and_or_follow_kleene_logic() {
    let none = Answers::default();
    assert_eq!(
        run(r#"false and answer("self_harm") == 1"#, Gender::Male, &none),
        V::Bool(false)
    );
    assert_eq!(
        run(r#"true or answer("self_harm") == 1"#, Gender::Male, &none),
        V::Bool(true)
    );
    assert_eq!(
        run(r#"true and answer("self_harm") == 1"#, Gender::Male, &none),
        V::Unknown
    );
    assert_eq!(
        run(r#"false or answer("self_harm") == 1"#, Gender::Male, &none),
        V::Unknown
    );
}

#[test]
fn answers_sources_and_counts_are_read() {
    let mut a = rated(2.0);
    a.sources = vec![InformationSource::Intelligence];
    let given = answers(&[
        ("self_harm", a),
        (
            "self_harm_plan",
            Answer::with_value(AnswerValue::Text("plan".into())),
        ),
    ]);
    assert_eq!(
        run(r#"answer("self_harm") >= 1"#, Gender::Male, &given),
        V::Bool(true)
    );
    assert_eq!(
        run(
            r#""intelligence" in sources("self_harm")"#,
            Gender::Male,
            &given
        ),
        V::Bool(true)
    );
    assert_eq!(
        run(
            r#""interview" in sources("self_harm")"#,
            Gender::Male,
            &given
        ),
        V::Bool(false)
    );
    assert_eq!(
        run(r#"count(section("safety"), 2)"#, Gender::Male, &given),
        V::Num(1.0)
    );
    assert_eq!(
        run(r#"sum(section("safety"))"#, Gender::Male, &given),
        V::Num(2.0)
    );
    assert_eq!(
        run(r#"answer("self_harm") in [1, 2]"#, Gender::Male, &given),
        V::Bool(true)
    );
}

#[test]
fn answers_to_items_hidden_from_the_subject_are_unknown() {
    let given = answers(&[(
        "has_children",
        Answer::with_value(AnswerValue::Text("yes".into())),
    )]);
    assert_eq!(
        run(r#"answer("has_children") == "yes""#, Gender::Female, &given),
        V::Bool(true)
    );
    assert_eq!(
        run(r#"answer("has_children") == "yes""#, Gender::Male, &given),
        V::Unknown
    );
    // The plan is shown only when self_harm >= 1; a stale plan is ignored.
    let stale = answers(&[
        ("self_harm", rated(0.0)),
        (
            "self_harm_plan",
            Answer::with_value(AnswerValue::Text("x".into())),
        ),
    ]);
    assert_eq!(
        run(
            r#"answer("self_harm_plan") is answered"#,
            Gender::Male,
            &stale
        ),
        V::Bool(false)
    );
}

#[test]
fn an_omitted_item_is_unknown_and_mismatched_types_do_not_panic() {
    let omitted = Answer {
        omitted: true,
        omit_reason: Some("no file".into()),
        ..Answer::default()
    };
    let given = answers(&[("self_harm", omitted)]);
    assert_eq!(
        run(r#"answer("self_harm") == 1"#, Gender::Male, &given),
        V::Unknown
    );
    let wrong = answers(&[(
        "self_harm",
        Answer::with_value(AnswerValue::Text("two".into())),
    )]);
    assert_eq!(
        run(r#"answer("self_harm") >= 1"#, Gender::Male, &wrong),
        V::Unknown
    );
    assert_eq!(
        run(r#"sum(section("safety"))"#, Gender::Male, &wrong),
        V::Num(0.0)
    );
}
