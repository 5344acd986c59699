//! Reading an uploaded Fluent file with Project Fluent's own parser, so
//! that what we accept is what every Fluent tool accepts.
//!
//! A file with any syntax error is refused whole (every error is listed
//! with its line), because the parser's recovery skips the broken entry and
//! a translator would not notice that a message went missing. A file that
//! parses gives one row per message; a message whose value is not a plain
//! text or a `$gender` selection over plain texts is that row's problem
//! only ([`RefusalReason::BadValue`]), so one bad message does not cost the
//! translator the rest.

use super::{GENDER_VARIABLE, SOURCE_HASH};
use crate::model::RefusalReason;
use crate::translations::files::{FileProblem, UploadRow};
use domain::definition::Wording;
use fluent_syntax::ast::{
    Comment, Entry, Expression, InlineExpression, Message, Pattern, PatternElement, Variant,
    VariantKey,
};
use fluent_syntax::parser;
use fluent_syntax::unicode::unescape_unicode_to_string;
use std::collections::HashMap;

/// Every message of the file, or every problem that stops it being read.
pub fn read_ftl(src: &str) -> Result<Vec<UploadRow>, Vec<FileProblem>> {
    // Editors on Windows may add a byte-order mark, which Fluent does not skip.
    let src = src.strip_prefix('\u{feff}').unwrap_or(src);
    let lines = Lines::of(src);
    let resource = parser::parse(src).map_err(|(_, errors)| {
        errors
            .iter()
            .map(|e| {
                // `at` is where the broken entry starts (what the translator
                // looks for); the parser's exact position goes in the message.
                let entry = e.slice.clone().unwrap_or(e.pos.clone());
                FileProblem {
                    at: lines.at(entry.start),
                    message: format!(
                        "not valid Fluent: {} (at {}) in `{}`",
                        e.kind,
                        lines.at(e.pos.start),
                        first_line(src.get(entry).unwrap_or(""))
                    ),
                }
            })
            .collect::<Vec<_>>()
    })?;

    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut first_seen: HashMap<&str, String> = HashMap::new();
    for entry in &resource.body {
        let Entry::Message(message) = entry else {
            continue; // terms and free comments carry nothing to apply
        };
        let id = message.id.name;
        let at = lines.at(offset_in(src, id));
        if let Some(first) = first_seen.get(id) {
            problems.push(FileProblem {
                message: format!("the message `{id}` appears twice (first at {first})"),
                at,
            });
            continue;
        }
        first_seen.insert(id, at.clone());
        rows.push(UploadRow {
            id: id.to_owned(),
            source_hash: message.comment.as_ref().and_then(source_hash),
            target: wording(message),
            at,
            base: None,
        });
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

/// `line N` for byte offsets into one source (line starts found once, so a
/// long file is not rescanned for each message).
struct Lines(Vec<usize>);

impl Lines {
    fn of(src: &str) -> Lines {
        let starts = src.match_indices('\n').map(|(i, _)| i + 1);
        Lines(std::iter::once(0).chain(starts).collect())
    }

    fn at(&self, offset: usize) -> String {
        let line = self.0.partition_point(|start| *start <= offset);
        format!("line {line}")
    }
}

/// Where `part` (a slice the parser cut from `src`) starts in `src`.
fn offset_in(src: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(src.as_ptr() as usize)
        .min(src.len())
}

fn first_line(s: &str) -> &str {
    let line = s
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
        .trim();
    match line.char_indices().nth(80) {
        Some((end, _)) => &line[..end],
        None => line,
    }
}

/// The value of the comment's `source-hash:` line, if it has one.
fn source_hash(comment: &Comment<&str>) -> Option<String> {
    comment.content.iter().find_map(|line| {
        let hash = line.trim().strip_prefix(SOURCE_HASH)?.trim();
        (!hash.is_empty()).then(|| hash.to_owned())
    })
}

/// The wording a message gives: plain text, or a `$gender` selection whose
/// variants are plain texts; blank counts as not translated.
fn wording(message: &Message<&str>) -> Result<Option<Wording>, RefusalReason> {
    let pattern = match &message.value {
        Some(p) if message.attributes.is_empty() => p,
        _ => return Err(RefusalReason::BadValue),
    };
    if let Some(variants) = gender_select(pattern) {
        let (mut male, mut female) = (None, None);
        for v in variants {
            let slot = match &v.key {
                VariantKey::Identifier { name: "male" } => &mut male,
                VariantKey::Identifier { name: "female" } => &mut female,
                _ => return Err(RefusalReason::BadValue),
            };
            if slot.is_some() {
                return Err(RefusalReason::BadValue); // a repeated key
            }
            *slot = Some(plain_text(&v.value).ok_or(RefusalReason::BadValue)?);
        }
        let (male, female) = (non_blank(male), non_blank(female));
        return Ok(
            (male.is_some() || female.is_some()).then_some(Wording::Gendered { male, female })
        );
    }
    let text = plain_text(pattern).ok_or(RefusalReason::BadValue)?;
    Ok(non_blank(Some(text)).map(Wording::Neutral))
}

fn non_blank(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

/// The variants when the pattern is one select expression on `$gender`
/// (blank text around it aside).
fn gender_select<'p>(pattern: &'p Pattern<&str>) -> Option<&'p [Variant<&'p str>]> {
    let mut elements = pattern
        .elements
        .iter()
        .filter(|e| !matches!(e, PatternElement::TextElement { value } if value.trim().is_empty()));
    match (elements.next(), elements.next()) {
        (
            Some(PatternElement::Placeable {
                expression:
                    Expression::Select {
                        selector: InlineExpression::VariableReference { id },
                        variants,
                    },
            }),
            None,
        ) if id.name == GENDER_VARIABLE => Some(variants),
        _ => None,
    }
}

/// The text of a pattern made only of text and string literals.
fn plain_text(pattern: &Pattern<&str>) -> Option<String> {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Inline(e),
            } => out.push_str(&literal_text(e)?),
            PatternElement::Placeable { .. } => return None,
        }
    }
    Some(out)
}

/// A string literal's text, also inside nested braces (`{ {"x"} }`).
fn literal_text(e: &InlineExpression<&str>) -> Option<String> {
    match e {
        InlineExpression::StringLiteral { value } => {
            Some(unescape_unicode_to_string(value).into_owned())
        }
        InlineExpression::Placeable { expression } => match expression.as_ref() {
            Expression::Inline(inner) => literal_text(inner),
            Expression::Select { .. } => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn only_row(src: &str) -> UploadRow {
        let mut rows = read_ftl(src).expect("parses");
        assert_eq!(rows.len(), 1, "{rows:?}");
        rows.remove(0)
    }

    #[test]
    fn a_syntax_error_refuses_the_file_and_names_its_line() {
        let src = "ok = Fine\n\n# source-hash: abc\nbroken = {\nlater = Also fine\n";
        let problems = read_ftl(src).expect_err("junk refuses the file");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].at, "line 4");
        assert!(
            problems[0].message.contains("broken"),
            "{}",
            problems[0].message
        );
    }

    #[test]
    fn a_selector_other_than_gender_is_a_bad_value_for_that_row_only() {
        let src = "\
count =
    { $count ->
        [one] One
       *[other] Many
    }
fine = Хуб
";
        let rows = read_ftl(src).expect("parses");
        assert_eq!(rows[0].target, Err(RefusalReason::BadValue));
        assert_eq!(rows[0].at, "line 1");
        assert_eq!(rows[1].target, Ok(Some(Wording::Neutral("Хуб".into()))));
        assert_eq!(rows[1].at, "line 6");
    }

    #[test]
    fn references_functions_attributes_and_other_keys_are_bad_values() {
        for src in [
            "a = Hello { $name }\n",
            "a = { other }\n",
            "a = { -term }\n",
            "a = { NUMBER(1) }\n",
            "a = { 5 }\n",
            "a = Text\n    .title = Title\n",
            "a = { $gender ->\n   *[other] x\n}\n",
            "a = { $gender ->\n   *[male] x\n    [male] y\n}\n",
            "a = { $gender ->\n   *[male] { $gender ->\n *[male] x\n }\n}\n",
            "a = x { $gender ->\n   *[male] x\n}\n",
        ] {
            assert_eq!(only_row(src).target, Err(RefusalReason::BadValue), "{src}");
        }
    }

    #[test]
    fn the_source_hash_comes_from_the_message_comment() {
        let row = only_row("# note\n# source-hash:  f00d \na = x\n");
        assert_eq!(row.source_hash.as_deref(), Some("f00d"));
        assert_eq!(only_row("# note\na = x\n").source_hash, None);
        assert_eq!(only_row("a = x\n").source_hash, None);
        // A blank line detaches the comment from the message.
        assert_eq!(only_row("# source-hash: f00d\n\na = x\n").source_hash, None);
    }

    #[test]
    fn blank_values_are_not_translated() {
        assert_eq!(only_row("a = {\"\"}\n").target, Ok(None));
        assert_eq!(only_row("a = {\"  \"}\n").target, Ok(None));
        let both_empty =
            "a =\n    { $gender ->\n       *[male] {\"\"}\n        [female] {\"\"}\n    }\n";
        assert_eq!(only_row(both_empty).target, Ok(None));
        let female_only = "a = { $gender ->\n    [male] {\"\"}\n   *[female] Она\n}\n";
        assert_eq!(
            only_row(female_only).target,
            Ok(Some(Wording::Gendered {
                male: None,
                female: Some("Она".into())
            }))
        );
    }

    #[test]
    fn terms_and_resource_comments_are_ignored_and_a_bom_is_skipped() {
        let rows =
            read_ftl("\u{feff}### about\n\n-brand = Mizon\n\na = { { \"x\" } }\n").expect("parses");
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].target, Ok(Some(Wording::Neutral("x".into()))));
        assert_eq!(rows[0].at, "line 5");
    }

    #[test]
    fn a_repeated_id_refuses_the_file() {
        let problems = read_ftl("a = x\nb = y\na = z\n").expect_err("duplicate");
        assert_eq!(
            problems,
            vec![FileProblem {
                at: "line 3".into(),
                message: "the message `a` appears twice (first at line 1)".into()
            }]
        );
    }
}
