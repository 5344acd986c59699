//! The tokenizer: turns condition source into tokens with their positions.
//!
//! Positions are 1-based character offsets so that messages can say
//! "at character 14" to a methodologist.

use super::ExprError;
use crate::definition::message::{MessageArg, end_term};

#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Number(f64),
    Str(String),
    Ident(String),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    Dot,
    Minus,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    End,
}

impl Tok {
    pub fn describe(&self) -> String {
        match self {
            Tok::Number(n) => format!("the number {n}"),
            Tok::Str(s) => format!("the string \"{s}\""),
            Tok::Ident(i) => format!("`{i}`"),
            Tok::LParen => "`(`".into(),
            Tok::RParen => "`)`".into(),
            Tok::LBracket => "`[`".into(),
            Tok::RBracket => "`]`".into(),
            Tok::Comma => "`,`".into(),
            Tok::Dot => "`.`".into(),
            Tok::Minus => "`-`".into(),
            Tok::Eq => "`==`".into(),
            Tok::Ne => "`!=`".into(),
            Tok::Lt => "`<`".into(),
            Tok::Le => "`<=`".into(),
            Tok::Gt => "`>`".into(),
            Tok::Ge => "`>=`".into(),
            Tok::End => "the end of the condition".into(),
        }
    }

    /// The token as a message argument: as written, or the words for
    /// the end of the condition.
    pub fn as_message_arg(&self) -> MessageArg {
        match self {
            Tok::Number(n) => n.to_string().into(),
            Tok::Str(s) => format!("\"{s}\"").into(),
            Tok::End => end_term(),
            other => other.describe().into(),
        }
    }
}

/// A token and the character position where it starts.
pub type Spanned = (Tok, usize);

pub fn tokenize(src: &str) -> Result<Vec<Spanned>, ExprError> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at = i + 1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let two = |next: char| chars.get(i + 1) == Some(&next);
        let (tok, len) = match c {
            '(' => (Tok::LParen, 1),
            ')' => (Tok::RParen, 1),
            '[' => (Tok::LBracket, 1),
            ']' => (Tok::RBracket, 1),
            ',' => (Tok::Comma, 1),
            '.' => (Tok::Dot, 1),
            '-' => (Tok::Minus, 1),
            '=' if two('=') => (Tok::Eq, 2),
            '!' if two('=') => (Tok::Ne, 2),
            '<' if two('=') => (Tok::Le, 2),
            '>' if two('=') => (Tok::Ge, 2),
            '<' => (Tok::Lt, 1),
            '>' => (Tok::Gt, 1),
            '=' => {
                return Err(ExprError::syntax(
                    at,
                    "expr-single-equals",
                    "use `==` to compare (a single `=` is not allowed)",
                ));
            }
            '"' => {
                let mut s = String::new();
                let mut j = i + 1;
                loop {
                    match chars.get(j) {
                        None => {
                            return Err(ExprError::syntax(
                                at,
                                "expr-unclosed-string",
                                "this string has no closing `\"`",
                            ));
                        }
                        Some('"') => break,
                        Some('\\') => match chars.get(j + 1) {
                            Some(e @ ('"' | '\\')) => {
                                s.push(*e);
                                j += 2;
                            }
                            _ => {
                                return Err(ExprError::syntax(
                                    j + 1,
                                    "expr-bad-escape",
                                    "only `\\\"` and `\\\\` may follow a backslash",
                                ));
                            }
                        },
                        Some(other) => {
                            s.push(*other);
                            j += 1;
                        }
                    }
                }
                (Tok::Str(s), j + 1 - i)
            }
            d if d.is_ascii_digit() => {
                let mut j = i;
                while chars.get(j).is_some_and(|c| c.is_ascii_digit()) {
                    j += 1;
                }
                if chars.get(j) == Some(&'.')
                    && chars.get(j + 1).is_some_and(|c| c.is_ascii_digit())
                {
                    j += 1;
                    while chars.get(j).is_some_and(|c| c.is_ascii_digit()) {
                        j += 1;
                    }
                }
                let text: String = chars[i..j].iter().collect();
                let n = text
                    .parse::<f64>()
                    .ok()
                    .filter(|n| n.is_finite())
                    .ok_or_else(|| {
                        ExprError::syntax(at, "expr-bad-number", "this number cannot be read")
                    })?;
                (Tok::Number(n), j - i)
            }
            a if a.is_ascii_alphabetic() || a == '_' => {
                let mut j = i;
                while chars
                    .get(j)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || *c == '_')
                {
                    j += 1;
                }
                (Tok::Ident(chars[i..j].iter().collect()), j - i)
            }
            other => {
                return Err(ExprError::syntax(
                    at,
                    "expr-unexpected-character",
                    &format!("unexpected character `{other}`"),
                )
                .arg("character", other.to_string()));
            }
        };
        out.push((tok, at));
        i += len;
    }
    out.push((Tok::End, chars.len() + 1));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_carry_one_based_positions() {
        let toks = tokenize(r#"answer("s1") >= 1.5"#).unwrap();
        assert_eq!(toks[0], (Tok::Ident("answer".into()), 1));
        assert_eq!(toks[2], (Tok::Str("s1".into()), 8));
        assert_eq!(toks[4], (Tok::Ge, 14));
        assert_eq!(toks[5], (Tok::Number(1.5), 17));
        assert_eq!(toks[6].0, Tok::End);
    }

    #[test]
    fn strings_support_escaped_quotes_and_non_latin_text() {
        let toks = tokenize(r#""а\"ҳ""#).unwrap();
        assert_eq!(toks[0].0, Tok::Str("а\"ҳ".into()));
    }

    #[test]
    fn a_single_equals_and_an_open_string_are_explained() {
        assert!(tokenize("a = 1").unwrap_err().message.contains("=="));
        assert!(tokenize("\"abc").unwrap_err().message.contains("closing"));
        assert!(tokenize("a # b").is_err());
    }
}
