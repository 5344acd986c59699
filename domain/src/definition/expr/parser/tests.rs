use super::*;

#[test]
fn and_binds_tighter_than_or() {
    let n = parse(r#"true or false and false"#).unwrap();
    assert!(matches!(n.kind, Kind::Or(_, ref rhs) if matches!(rhs.kind, Kind::And(..))));
}

#[test]
fn the_documented_examples_parse() {
    for src in [
        r#"answer("s1") >= 1 and subject.gender == "female""#,
        r#""intelligence" in sources("x")"#,
        r#"count(items("a", "b"), 2) == 2"#,
        r#"count(section("safety"), 2) > 0"#,
        r#"not (answer("a") is answered) or answer("b") is not answered"#,
        r#"answer("c") in [1, 2] and subject.age < -1.5"#,
        r#"any(section("s"), "yes") or sum(items("a")) > max(section("b")) "#,
        r#"band("total") == "high" and score("total") >= 3 and trend("a") == "worsened""#,
    ] {
        parse(src).unwrap_or_else(|e| panic!("{src}: {}", e.message));
    }
}

#[test]
fn errors_point_at_the_offending_character() {
    let e = parse(r#"answer("a") == 1 1"#).unwrap_err();
    assert_eq!(e.at, 18);
    let e = parse(r#"anser("a")"#).unwrap_err();
    assert!(e.message.contains("unknown word `anser`"), "{}", e.message);
    assert!(
        parse(r#"answer(a)"#)
            .unwrap_err()
            .message
            .contains("in quotes")
    );
    assert!(parse("1 < 2 < 3").unwrap_err().message.contains("chained"));
    assert!(parse("").is_err());
    assert!(parse(r#"section("s")"#).is_err());
}

#[test]
fn deep_nesting_is_refused_instead_of_overflowing_the_stack() {
    let deep = format!("{}true{}", "(".repeat(1_000), ")".repeat(1_000));
    assert!(parse(&deep).is_err());
    let nots = "not ".repeat(900) + "true";
    assert!(
        parse(&"(".repeat(5_000))
            .unwrap_err()
            .message
            .contains("at most")
    );
    assert!(parse(&nots).is_err());
    let ok = format!("{}true{}", "(".repeat(20), ")".repeat(20));
    assert!(parse(&ok).is_ok());
}
