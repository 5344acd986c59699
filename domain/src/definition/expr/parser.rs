//! A recursive-descent parser for conditions.
//!
//! Precedence, loosest first: `or`, `and`, `not`, then one comparison
//! (`== != < <= > >=`, `in`, `is [not] answered`) — comparisons do not
//! chain. Nesting is limited so that hostile input cannot exhaust the stack.

use super::ast::{CmpOp, ItemList, Kind, Node, SubjectAttr};
use super::token::{Spanned, Tok, tokenize};
use super::{ExprError, MAX_DEPTH, MAX_SOURCE_CHARS};

pub fn parse(src: &str) -> Result<Node, ExprError> {
    if src.chars().count() > MAX_SOURCE_CHARS {
        return Err(ExprError::syntax(
            0,
            "expr-too-long",
            &format!("a condition may have at most {MAX_SOURCE_CHARS} characters"),
        )
        .arg("max", MAX_SOURCE_CHARS));
    }
    let toks = tokenize(src)?;
    let mut p = Parser {
        toks,
        pos: 0,
        depth: 0,
    };
    let node = p.or()?;
    match p.peek() {
        Tok::End => Ok(node),
        other => Err(ExprError::syntax(
            p.at(),
            "expr-expected-end",
            &format!(
                "expected `and`, `or` or the end, found {}",
                other.describe()
            ),
        )
        .arg("found", other.as_message_arg())),
    }
}

struct Parser {
    toks: Vec<Spanned>,
    pos: usize,
    depth: usize,
}

fn is_word(t: &Tok, w: &str) -> bool {
    matches!(t, Tok::Ident(i) if i == w)
}

impl Parser {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos.min(self.toks.len() - 1)].0
    }
    fn at(&self) -> usize {
        self.toks[self.pos.min(self.toks.len() - 1)].1
    }
    fn bump(&mut self) -> Spanned {
        let t = self.toks[self.pos.min(self.toks.len() - 1)].clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }
    fn eat_word(&mut self, w: &str) -> bool {
        let hit = is_word(self.peek(), w);
        if hit {
            self.bump();
        }
        hit
    }
    /// Takes `want` or says that `what` was expected; `expected` is the
    /// same in symbols only, for other languages (e.g. "`,` / `]`").
    fn expect(&mut self, want: Tok, expected: &str, what: &str) -> Result<(), ExprError> {
        if *self.peek() == want {
            self.bump();
            Ok(())
        } else {
            Err(ExprError::syntax(
                self.at(),
                "expr-expected",
                &format!("expected {what}, found {}", self.peek().describe()),
            )
            .arg("expected", expected)
            .arg("found", self.peek().as_message_arg()))
        }
    }
    fn enter(&mut self) -> Result<(), ExprError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ExprError::syntax(
                self.at(),
                "expr-too-deep",
                &format!("this condition is nested more than {MAX_DEPTH} levels deep"),
            )
            .arg("max", MAX_DEPTH));
        }
        Ok(())
    }

    fn or(&mut self) -> Result<Node, ExprError> {
        let mut lhs = self.and()?;
        while is_word(self.peek(), "or") {
            let at = self.bump().1;
            let rhs = self.and()?;
            lhs = Node {
                kind: Kind::Or(Box::new(lhs), Box::new(rhs)),
                at,
            };
        }
        Ok(lhs)
    }

    fn and(&mut self) -> Result<Node, ExprError> {
        let mut lhs = self.not()?;
        while is_word(self.peek(), "and") {
            let at = self.bump().1;
            let rhs = self.not()?;
            lhs = Node {
                kind: Kind::And(Box::new(lhs), Box::new(rhs)),
                at,
            };
        }
        Ok(lhs)
    }

    fn not(&mut self) -> Result<Node, ExprError> {
        if is_word(self.peek(), "not") {
            let at = self.bump().1;
            self.enter()?;
            let inner = self.not()?;
            self.depth -= 1;
            return Ok(Node {
                kind: Kind::Not(Box::new(inner)),
                at,
            });
        }
        self.compare()
    }

    fn compare(&mut self) -> Result<Node, ExprError> {
        let lhs = self.unary()?;
        let op = match self.peek() {
            Tok::Eq => CmpOp::Eq,
            Tok::Ne => CmpOp::Ne,
            Tok::Lt => CmpOp::Lt,
            Tok::Le => CmpOp::Le,
            Tok::Gt => CmpOp::Gt,
            Tok::Ge => CmpOp::Ge,
            t if is_word(t, "in") => {
                let at = self.bump().1;
                let rhs = self.unary()?;
                return self.no_chain(Node {
                    kind: Kind::In(Box::new(lhs), Box::new(rhs)),
                    at,
                });
            }
            t if is_word(t, "is") => {
                let at = self.bump().1;
                let negated = self.eat_word("not");
                if !self.eat_word("answered") {
                    return Err(ExprError::syntax(
                        self.at(),
                        "expr-expected-answered",
                        "expected `answered` after `is` (write `x is answered` or `x is not answered`)",
                    ));
                }
                let node = Node {
                    kind: Kind::IsAnswered {
                        value: Box::new(lhs),
                        negated,
                    },
                    at,
                };
                return self.no_chain(node);
            }
            _ => return Ok(lhs),
        };
        let at = self.bump().1;
        let rhs = self.unary()?;
        self.no_chain(Node {
            kind: Kind::Cmp(op, Box::new(lhs), Box::new(rhs)),
            at,
        })
    }

    fn no_chain(&self, node: Node) -> Result<Node, ExprError> {
        let chained = matches!(
            self.peek(),
            Tok::Eq | Tok::Ne | Tok::Lt | Tok::Le | Tok::Gt | Tok::Ge
        ) || is_word(self.peek(), "in")
            || is_word(self.peek(), "is");
        if chained {
            Err(ExprError::syntax(
                self.at(),
                "expr-chained-comparison",
                "comparisons cannot be chained; join them with `and`",
            ))
        } else {
            Ok(node)
        }
    }

    fn unary(&mut self) -> Result<Node, ExprError> {
        if *self.peek() == Tok::Minus {
            let at = self.bump().1;
            return match self.bump().0 {
                Tok::Number(n) => Ok(Node {
                    kind: Kind::Number(-n),
                    at,
                }),
                _ => Err(ExprError::syntax(
                    at,
                    "expr-minus-without-number",
                    "`-` may only stand before a number",
                )),
            };
        }
        self.primary()
    }

    fn primary(&mut self) -> Result<Node, ExprError> {
        let (tok, at) = self.bump();
        let kind = match tok {
            Tok::Number(n) => Kind::Number(n),
            Tok::Str(s) => Kind::Str(s),
            Tok::LParen => {
                self.enter()?;
                let inner = self.or()?;
                self.depth -= 1;
                self.expect(Tok::RParen, "`)`", "`)`")?;
                return Ok(inner);
            }
            Tok::LBracket => {
                self.enter()?;
                let mut elems = Vec::new();
                if *self.peek() != Tok::RBracket {
                    loop {
                        elems.push(self.unary()?);
                        if *self.peek() != Tok::Comma {
                            break;
                        }
                        self.bump();
                    }
                }
                self.depth -= 1;
                self.expect(Tok::RBracket, "`,` / `]`", "`,` or `]`")?;
                Kind::List(elems)
            }
            Tok::Ident(word) => return self.word(word, at),
            other => {
                return Err(ExprError::syntax(
                    at,
                    "expr-expected-value",
                    &format!("expected a value, found {}", other.describe()),
                )
                .arg("found", other.as_message_arg()));
            }
        };
        Ok(Node { kind, at })
    }

    fn word(&mut self, word: String, at: usize) -> Result<Node, ExprError> {
        let kind = match word.as_str() {
            "true" => Kind::Bool(true),
            "false" => Kind::Bool(false),
            "subject" => {
                self.expect(
                    Tok::Dot,
                    "`.`",
                    "`.` after `subject` (e.g. `subject.gender`)",
                )?;
                let (attr, attr_at) = self.bump();
                match attr {
                    Tok::Ident(a) if a == "gender" => Kind::Subject(SubjectAttr::Gender),
                    Tok::Ident(a) if a == "age" => Kind::Subject(SubjectAttr::Age),
                    other => {
                        return Err(ExprError::syntax(
                            attr_at,
                            "expr-subject-attribute",
                            &format!("a subject has `gender` and `age`, not {}", other.describe()),
                        )
                        .arg("found", other.as_message_arg()));
                    }
                }
            }
            "answer" | "sources" | "trend" | "score" | "band" => {
                self.expect(Tok::LParen, "`(`", &format!("`(` after `{word}`"))?;
                let key = self.key_arg(&word)?;
                self.expect(Tok::RParen, "`)`", "`)`")?;
                match word.as_str() {
                    "answer" => Kind::Answer(key),
                    "sources" => Kind::Sources(key),
                    "trend" => Kind::Trend(key),
                    "score" => Kind::Score(key),
                    _ => Kind::Band(key),
                }
            }
            "count" | "any" | "sum" | "max" => {
                self.expect(Tok::LParen, "`(`", &format!("`(` after `{word}`"))?;
                self.enter()?;
                let list = self.item_list(&word)?;
                let kind = if word == "count" || word == "any" {
                    self.expect(
                        Tok::Comma,
                        "`,`",
                        &format!("`,` and the value {word}() looks for"),
                    )?;
                    let value = Box::new(self.unary()?);
                    if word == "count" {
                        Kind::Count(list, value)
                    } else {
                        Kind::Any(list, value)
                    }
                } else if word == "sum" {
                    Kind::Sum(list)
                } else {
                    Kind::Max(list)
                };
                self.depth -= 1;
                self.expect(Tok::RParen, "`)`", "`)`")?;
                kind
            }
            "section" | "items" => {
                return Err(ExprError::syntax(
                    at,
                    "expr-list-outside-function",
                    &format!("`{word}(…)` lists items; use it inside count, any, sum or max"),
                )
                .arg("word", word.as_str()));
            }
            other => {
                return Err(ExprError::syntax(
                    at,
                    "expr-unknown-word",
                    &format!(
                        "unknown word `{other}`; functions are answer, sources, trend, score, band, count, any, sum, max"
                    ),
                )
                .arg("word", other));
            }
        };
        Ok(Node { kind, at })
    }

    fn key_arg(&mut self, func: &str) -> Result<String, ExprError> {
        match self.bump() {
            (Tok::Str(s), _) => Ok(s),
            (other, at) => Err(ExprError::syntax(
                at,
                "expr-key-in-quotes",
                &format!(
                    "{func}() takes a key in quotes, e.g. {func}(\"key\"); found {}",
                    other.describe()
                ),
            )
            .arg("function", func)
            .arg("found", other.as_message_arg())),
        }
    }

    fn item_list(&mut self, func: &str) -> Result<ItemList, ExprError> {
        let (tok, at) = self.bump();
        match tok {
            Tok::Ident(w) if w == "section" => {
                self.expect(Tok::LParen, "`(`", "`(` after `section`")?;
                let key = self.key_arg("section")?;
                self.expect(Tok::RParen, "`)`", "`)`")?;
                Ok(ItemList::Section(key))
            }
            Tok::Ident(w) if w == "items" => {
                self.expect(Tok::LParen, "`(`", "`(` after `items`")?;
                let mut keys = vec![self.key_arg("items")?];
                while *self.peek() == Tok::Comma {
                    self.bump();
                    keys.push(self.key_arg("items")?);
                }
                self.expect(Tok::RParen, "`,` / `)`", "`,` or `)`")?;
                Ok(ItemList::Items(keys))
            }
            other => Err(ExprError::syntax(
                at,
                "expr-item-list-expected",
                &format!(
                    "{func}() starts with section(\"key\") or items(\"a\", \"b\"), found {}",
                    other.describe()
                ),
            )
            .arg("function", func)
            .arg("found", other.as_message_arg())),
        }
    }
}

#[cfg(test)]
mod tests;
