//! Writing an export as Fluent, by hand rather than through
//! `fluent_syntax::serializer`: the serializer writes whatever AST it is
//! given, and the hard part here is choosing an AST (where a placeable must
//! stand in for text) so that the parser gives back exactly the text we
//! started from. The rules, each from the parser's behaviour:
//!
//! - `{` and `}` are syntax anywhere in a value: written `{"{"}`, `{"}"}`.
//! - Spaces at the start of a line are indentation, and spaces or newlines
//!   at the end of a value are trimmed: written as `{"   "}`. Trailing
//!   spaces of inner lines get the same treatment, since editors strip them.
//! - A continuation line starting with `[`, `*` or `.` would begin a
//!   variant or an attribute: its first character becomes `{"["}`.
//! - A multi-line value is written as a block, every line indented alike,
//!   so the common indent the parser removes is exactly ours; an empty first
//!   or last line would be skipped or trimmed, so it is written `{""}`.
//! - Control characters (CR, tab, …) are not safe in text (CRLF becomes
//!   LF; tabs are changed by editors): written `{"\u000D"}`.
//!
//! Everything else, Cyrillic included, is written as it is, in UTF-8.

use super::{GENDER_VARIABLE, SOURCE_HASH};
use crate::translations::files::{ExportFile, ExportRow};
use domain::Gender;
use domain::definition::Wording;

/// Indentation of a message's block value and of its select expression.
const MESSAGE_INDENT: &str = "    ";
/// Indentation of a variant's block value inside the select expression.
const VARIANT_INDENT: &str = "            ";
/// What a translator leaves for a text not yet translated: an empty string
/// literal, since a Fluent message cannot have an empty value.
const EMPTY: &str = "{\"\"}";

/// The whole file: a header, then for each row its comment and message.
pub fn write_ftl(file: &ExportFile) -> String {
    let mut out = header(file);
    for row in &file.rows {
        out.push('\n');
        out.push_str(&row_comment(row));
        out.push_str(&row.id);
        out.push_str(" =");
        out.push_str(&message_value(row));
        out.push('\n');
    }
    out
}

fn header(file: &ExportFile) -> String {
    let lines = [
        format!(
            "Mizon translation of instrument {}, version {}.",
            file.code, file.version
        ),
        format!(
            "Source language: {} ({}). Target language: {} ({}).",
            file.source_locale.code(),
            file.source_locale.endonym(),
            file.locale.code(),
            file.locale.endonym()
        ),
        String::new(),
        "Translator: fill in each message after its `=` with the text in the target".into(),
        format!("language, keep the `# {SOURCE_HASH}` comment line above it as it is,"),
        "leave {\"\"} for a text you have not translated yet, and for a gendered".into(),
        format!(
            "wording keep the `${GENDER_VARIABLE}` selector with its `*[male]` and `[female]` variants."
        ),
    ];
    let mut out = String::new();
    for line in lines {
        out.push_str(&comment_line("###", &line));
    }
    out
}

/// The message comment: what the text is, its source, status and hash.
fn row_comment(row: &ExportRow) -> String {
    let mut out = String::new();
    if !row.note.is_empty() {
        out.push_str(&comment_line("#", &row.note));
    }
    if !row.path.is_empty() && row.path != row.note {
        out.push_str(&comment_line("#", &format!("path: {}", row.path)));
    }
    match &row.source {
        None => out.push_str(&comment_line("#", "source: (not written yet)")),
        Some(Wording::Neutral(s)) => out.push_str(&comment_line("#", &format!("source: {s}"))),
        Some(Wording::Gendered { male, female }) => {
            for (gender, text) in [("male", male), ("female", female)] {
                let text = text.as_deref().unwrap_or("(not written yet)");
                out.push_str(&comment_line("#", &format!("source ({gender}): {text}")));
            }
        }
    }
    out.push_str(&comment_line("#", &format!("status: {}", row.status)));
    out.push_str(&comment_line(
        "#",
        &format!("{SOURCE_HASH} {}", row.source_hash),
    ));
    out
}

/// One comment line; a newline in `text` shows as `⏎` and other control
/// characters as spaces, so the comment stays one line.
fn comment_line(prefix: &str, text: &str) -> String {
    let text: String = text
        .replace("\r\n", "\n")
        .chars()
        .map(|c| match c {
            '\n' => '⏎',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    if text.is_empty() {
        format!("{prefix}\n")
    } else {
        format!("{prefix} {text}\n")
    }
}

/// Everything after `id =`.
fn message_value(row: &ExportRow) -> String {
    match &row.target {
        Some(Wording::Neutral(s)) => pattern(s, MESSAGE_INDENT),
        Some(Wording::Gendered { male, female }) => select(male.as_deref(), female.as_deref()),
        None => {
            let both =
                row.genders.is_empty() || Gender::ALL.iter().all(|g| row.genders.contains(g));
            match &row.source {
                Some(Wording::Gendered { .. }) if both => select(None, None),
                _ => format!(" {EMPTY}"),
            }
        }
    }
}

/// A `$gender` select expression; a missing variant is `{""}`.
fn select(male: Option<&str>, female: Option<&str>) -> String {
    let variant = |text: Option<&str>| match text {
        Some(t) => pattern(t, VARIANT_INDENT),
        None => format!(" {EMPTY}"),
    };
    format!(
        "\n{MESSAGE_INDENT}{{ ${GENDER_VARIABLE} ->\n{MESSAGE_INDENT}   *[male]{}\n{MESSAGE_INDENT}    [female]{}\n{MESSAGE_INDENT}}}",
        variant(male),
        variant(female)
    )
}

/// A text as a Fluent pattern, starting with the space or newline that
/// follows `=` or a variant key: inline for one line, a block for more.
fn pattern(text: &str, indent: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    if let [line] = lines[..] {
        return format!(" {}", escape_line(line, true, false));
    }
    let last = lines.len() - 1;
    let mut out = String::new();
    for (i, line) in lines.into_iter().enumerate() {
        out.push('\n');
        let escaped = escape_line(line, i == 0 || i == last, true);
        if !escaped.is_empty() {
            out.push_str(indent);
            out.push_str(&escaped);
        }
    }
    out
}

/// One line of a pattern; `edge` when an empty line must still show (first
/// or last of a block, or the only line), `continuation` when the line
/// starts a block line (where `[`, `*` and `.` are syntax).
fn escape_line(line: &str, edge: bool, continuation: bool) -> String {
    if line.is_empty() {
        return if edge { EMPTY.into() } else { String::new() };
    }
    let body = line.trim_start_matches(' ');
    let leading = &line[..line.len() - body.len()];
    let core = body.trim_end_matches(' ');
    let trailing = &body[core.len()..];

    let mut out = Literals::default();
    out.literal(leading);
    for (i, c) in core.chars().enumerate() {
        let starts_line = i == 0 && leading.is_empty() && continuation;
        if matches!(c, '{' | '}') || c.is_control() || (starts_line && matches!(c, '[' | '*' | '.'))
        {
            out.literal_char(c);
        } else {
            out.text(c);
        }
    }
    out.literal(trailing);
    out.finish()
}

/// Builds a line of text and string-literal placeables, merging adjacent
/// literals (`{"{{"}` rather than `{"{"}{"{"}`).
#[derive(Default)]
struct Literals {
    out: String,
    pending: String,
}

impl Literals {
    fn text(&mut self, c: char) {
        self.flush();
        self.out.push(c);
    }

    fn literal(&mut self, s: &str) {
        s.chars().for_each(|c| self.literal_char(c));
    }

    fn literal_char(&mut self, c: char) {
        match c {
            '"' => self.pending.push_str("\\\""),
            '\\' => self.pending.push_str("\\\\"),
            c if c.is_control() => self.pending.push_str(&format!("\\u{:04X}", c as u32)),
            c => self.pending.push(c),
        }
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            self.out.push_str("{\"");
            self.out.push_str(&self.pending);
            self.out.push_str("\"}");
            self.pending.clear();
        }
    }

    fn finish(mut self) -> String {
        self.flush();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_written_as_it_is() {
        assert_eq!(pattern("Ҳамаи ҷавобҳо", MESSAGE_INDENT), " Ҳамаи ҷавобҳо");
        assert_eq!(
            pattern("a \"quoted\" \\ word", MESSAGE_INDENT),
            " a \"quoted\" \\ word"
        );
    }

    #[test]
    fn braces_and_edge_spaces_become_string_literals() {
        assert_eq!(pattern("{x}", MESSAGE_INDENT), r#" {"{"}x{"}"}"#);
        assert_eq!(pattern("  a  ", MESSAGE_INDENT), r#" {"  "}a{"  "}"#);
        assert_eq!(pattern("", MESSAGE_INDENT), r#" {""}"#);
        assert_eq!(
            pattern("a\tb\r", MESSAGE_INDENT),
            r#" a{"\u0009"}b{"\u000D"}"#
        );
    }

    #[test]
    fn multiline_text_is_a_block_with_escaped_line_starts() {
        assert_eq!(
            pattern("one\n[two]\n\n*three\n", MESSAGE_INDENT),
            "\n    one\n    {\"[\"}two]\n\n    {\"*\"}three\n    {\"\"}"
        );
    }

    #[test]
    fn comments_stay_on_one_line() {
        assert_eq!(comment_line("#", "a\nb\r\nc\td"), "# a⏎b⏎c d\n");
        assert_eq!(comment_line("###", ""), "###\n");
    }
}
