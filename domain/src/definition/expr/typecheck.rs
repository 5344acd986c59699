//! Definition-time checks of a condition: every key exists, every answer it
//! uses is given *before* the place where it is used (so there can be no
//! cycles), types fit, and literal values are among the possible ones.
//!
//! All problems in one condition are collected, not just the first.

use super::ast::{CmpOp, ItemList, Kind, Node, SubjectAttr};
use super::{ExprError, ExprErrorKind as K, Scalar, Type};
use crate::definition::answers::{InformationSource, Trend};
use crate::definition::index::{Entry, Index};
use crate::definition::message::type_term;
use crate::definition::model::ItemType;
use crate::definition::scoring::Level;

pub(crate) struct Scope<'a> {
    pub index: &'a Index<'a>,
    /// Items at or after this position may not be used (`None`: all may).
    pub before: Option<usize>,
    /// Whether `score()` and `band()` may be used (flags only).
    pub outcomes: bool,
}

/// Checks a condition that must be true/false; returns every problem.
pub(crate) fn check_condition(node: &Node, scope: &Scope) -> Vec<ExprError> {
    let mut errors = Vec::new();
    if let Some(t) = check(node, scope, &mut errors)
        && t != Type::Bool
    {
        errors.push(
            ExprError::new(
                0,
                K::Type,
                "expr-not-bool",
                format!(
                    "a condition must be true or false, but this is {}",
                    t.name()
                ),
            )
            .arg("found", type_term(t)),
        );
    }
    errors
}

fn texts(codes: impl IntoIterator<Item = &'static str>) -> Vec<Scalar> {
    codes
        .into_iter()
        .map(|c| Scalar::Text(c.to_owned()))
        .collect()
}

fn literal(node: &Node) -> Option<Scalar> {
    match &node.kind {
        Kind::Number(n) => Some(Scalar::Num(*n)),
        Kind::Str(s) => Some(Scalar::Text(s.clone())),
        _ => None,
    }
}

fn is_choice(t: ItemType) -> bool {
    matches!(
        t,
        ItemType::Rating
            | ItemType::SingleChoice
            | ItemType::MultipleChoice
            | ItemType::YesNoUnknown
    )
}

fn element(t: Type) -> Type {
    match t {
        Type::NumberSet => Type::Number,
        Type::TextSet => Type::Text,
        other => other,
    }
}

struct Checker<'s, 'a> {
    scope: &'s Scope<'a>,
    errors: &'s mut Vec<ExprError>,
}

pub(crate) fn check(node: &Node, scope: &Scope, errors: &mut Vec<ExprError>) -> Option<Type> {
    Checker { scope, errors }.ty(node)
}

impl<'a> Checker<'_, 'a> {
    fn err(&mut self, e: ExprError) {
        self.errors.push(e);
    }

    fn item(&mut self, key: &str, at: usize) -> Option<&'a Entry<'a>> {
        let index: &'a Index<'a> = self.scope.index;
        let Some((pos, entry)) = index.entry(key) else {
            self.err(
                ExprError::new(
                    at,
                    K::UnknownItem,
                    "expr-unknown-item",
                    format!("there is no item `{key}`"),
                )
                .arg("key", key),
            );
            return None;
        };
        if self.scope.before.is_some_and(|b| pos >= b) {
            self.err(
                ExprError::new(
                    at,
                    K::ForwardReference,
                    "expr-forward-item",
                    format!("item `{key}` is not answered before this point; a condition may only use earlier answers"),
                )
                .arg("key", key),
            );
        }
        Some(entry)
    }

    /// The listed items; `None` (after reporting) when a key is unknown.
    fn entries(&mut self, list: &ItemList, at: usize) -> Option<Vec<&'a Entry<'a>>> {
        match list {
            ItemList::Items(keys) => {
                let found: Vec<_> = keys.iter().filter_map(|k| self.item(k, at)).collect();
                (found.len() == keys.len()).then_some(found)
            }
            ItemList::Section(s) => {
                let index: &'a Index<'a> = self.scope.index;
                let Some((_, range)) = index.sections.get(s.as_str()) else {
                    self.err(
                        ExprError::new(
                            at,
                            K::UnknownSection,
                            "expr-unknown-section",
                            format!("there is no section `{s}`"),
                        )
                        .arg("key", s.as_str()),
                    );
                    return None;
                };
                if self.scope.before.is_some_and(|b| range.end > b) {
                    self.err(
                        ExprError::new(
                            at,
                            K::ForwardReference,
                            "expr-forward-section",
                            format!("section `{s}` is not finished before this point; a condition may only use earlier answers"),
                        )
                        .arg("key", s.as_str()),
                    );
                }
                Some(range.clone().map(|p| &index.items[p]).collect())
            }
        }
    }

    fn score(&mut self, key: &str, at: usize, func: &str) -> bool {
        if !self.scope.outcomes {
            self.err(
                ExprError::new(
                    at,
                    K::NotAllowedHere,
                    "expr-outcome-not-allowed",
                    format!(
                        "{func}() may be used only in flags, not in item or section conditions"
                    ),
                )
                .arg("function", func),
            );
            return false;
        }
        if !self
            .scope
            .index
            .def
            .scores
            .iter()
            .any(|s| s.key.as_str() == key)
        {
            self.err(
                ExprError::new(
                    at,
                    K::UnknownScore,
                    "expr-unknown-score",
                    format!("there is no score `{key}`"),
                )
                .arg("key", key),
            );
            return false;
        }
        true
    }

    /// The possible values of an expression, when they are a fixed list.
    fn domain(&self, node: &Node) -> Option<Vec<Scalar>> {
        match &node.kind {
            Kind::Answer(k) => self.scope.index.entry(k).and_then(|(_, e)| e.domain()),
            Kind::Sources(_) => Some(texts(InformationSource::ALL.map(|s| s.code()))),
            Kind::Trend(_) => Some(texts(Trend::ALL.map(|t| t.code()))),
            Kind::Band(_) => Some(texts(Level::ALL.map(|l| l.code()))),
            Kind::Subject(SubjectAttr::Gender) => Some(texts(["male", "female"])),
            _ => None,
        }
    }

    fn check_value(&mut self, domain: Option<Vec<Scalar>>, value: &Node) {
        let (Some(domain), Some(lit)) = (domain, literal(value)) else {
            return;
        };
        if !domain.contains(&lit) {
            let list: Vec<String> = domain.iter().map(ToString::to_string).collect();
            self.err(
                ExprError::new(
                    value.at,
                    K::UnknownValue,
                    "expr-unknown-value",
                    format!(
                        "{lit} is not a possible value here; possible values: {}",
                        list.join(", ")
                    ),
                )
                .arg("value", lit.to_string())
                .arg("values", list.join(", ")),
            );
        }
    }

    fn expect(&mut self, node: &Node, want: Type, context: &str) {
        if let Some(t) = self.ty(node)
            && t != want
        {
            self.err(
                ExprError::new(
                    node.at,
                    K::Type,
                    "expr-needs-type",
                    format!("{context} needs {}, but this is {}", want.name(), t.name()),
                )
                .arg("context", context)
                .arg("want", type_term(want))
                .arg("found", type_term(t)),
            );
        }
    }

    fn ty(&mut self, node: &Node) -> Option<Type> {
        let at = node.at;
        match &node.kind {
            Kind::Number(_) => Some(Type::Number),
            Kind::Str(_) => Some(Type::Text),
            Kind::Bool(_) => Some(Type::Bool),
            Kind::List(elems) => {
                if elems.is_empty() {
                    self.err(ExprError::new(
                        at,
                        K::Type,
                        "expr-empty-list",
                        "a list needs at least one value".into(),
                    ));
                    return None;
                }
                let mut elem_type = None;
                for e in elems {
                    if literal(e).is_none() {
                        self.err(ExprError::new(
                            e.at,
                            K::Type,
                            "expr-list-not-literal",
                            "a list may hold only numbers or texts written out".into(),
                        ));
                        return None;
                    }
                }
                for e in elems {
                    let t = self.ty(e)?;
                    if *elem_type.get_or_insert(t) != t {
                        self.err(ExprError::new(
                            e.at,
                            K::Type,
                            "expr-list-mixed",
                            "a list may not mix numbers and texts".into(),
                        ));
                        return None;
                    }
                }
                elem_type.and_then(Type::set_of)
            }
            Kind::Subject(SubjectAttr::Gender) => Some(Type::Text),
            Kind::Subject(SubjectAttr::Age) => Some(Type::Number),
            Kind::Answer(k) => self.item(k, at).map(|e| e.answer_type()),
            Kind::Sources(k) => {
                let e = self.item(k, at)?;
                if !e.item.sources.is_asked() {
                    self.err(
                        ExprError::new(
                            at,
                            K::NotAsked,
                            "expr-sources-not-asked",
                            format!("item `{k}` does not ask for information sources"),
                        )
                        .arg("key", k.as_str()),
                    );
                }
                Some(Type::TextSet)
            }
            Kind::Trend(k) => {
                let e = self.item(k, at)?;
                if !e.item.trend.is_asked() {
                    self.err(
                        ExprError::new(
                            at,
                            K::NotAsked,
                            "expr-trend-not-asked",
                            format!("item `{k}` does not ask for a trend"),
                        )
                        .arg("key", k.as_str()),
                    );
                }
                Some(Type::Text)
            }
            Kind::Score(k) => self.score(k, at, "score").then_some(Type::Number),
            Kind::Band(k) => self.score(k, at, "band").then_some(Type::Text),
            Kind::Count(list, value) | Kind::Any(list, value) => {
                let func = if matches!(node.kind, Kind::Count(..)) {
                    "count"
                } else {
                    "any"
                };
                let result = if func == "count" {
                    Type::Number
                } else {
                    Type::Bool
                };
                let entries = self.entries(list, at);
                let want = self.ty(value)?;
                let Some(entries) = entries else {
                    return Some(result);
                };
                if !matches!(want, Type::Number | Type::Text) {
                    self.err(
                        ExprError::new(
                            value.at,
                            K::Type,
                            "expr-count-value-type",
                            format!(
                                "{func}() looks for a number or a text, but this is {}",
                                want.name()
                            ),
                        )
                        .arg("function", func)
                        .arg("found", type_term(want)),
                    );
                    return None;
                }
                let explicit = matches!(list, ItemList::Items(_));
                let mut domain: Vec<Scalar> = Vec::new();
                let mut usable = 0;
                for e in entries {
                    let fits = is_choice(e.item.item_type) && element(e.answer_type()) == want;
                    if fits {
                        usable += 1;
                        domain.extend(e.domain().unwrap_or_default());
                    } else if explicit {
                        self.err(
                            ExprError::new(
                                at,
                                K::Type,
                                "expr-count-item-type",
                                format!(
                                    "{func}() cannot look for {} in item `{}`",
                                    want.name(),
                                    e.item.key
                                ),
                            )
                            .arg("function", func)
                            .arg("want", type_term(want))
                            .arg("key", e.item.key.as_str()),
                        );
                    }
                }
                if !explicit && usable == 0 {
                    self.err(
                        ExprError::new(
                            at,
                            K::Type,
                            "expr-count-no-item",
                            format!(
                                "{func}() finds no item with options holding {} in this section",
                                want.name()
                            ),
                        )
                        .arg("function", func)
                        .arg("want", type_term(want)),
                    );
                }
                self.check_value(Some(domain), value);
                Some(result)
            }
            Kind::Sum(list) | Kind::Max(list) => {
                let Some(entries) = self.entries(list, at) else {
                    return Some(Type::Number);
                };
                let explicit = matches!(list, ItemList::Items(_));
                let mut usable = 0;
                for e in entries {
                    if e.is_scorable() {
                        usable += 1;
                    } else if explicit {
                        self.err(
                            ExprError::new(
                                at,
                                K::Type,
                                "expr-item-not-scorable",
                                format!("item `{}` has no scores to add up", e.item.key),
                            )
                            .arg("key", e.item.key.as_str()),
                        );
                    }
                }
                if !explicit && usable == 0 {
                    self.err(ExprError::new(
                        at,
                        K::Type,
                        "expr-section-not-scorable",
                        "this section has no scored items".into(),
                    ));
                }
                Some(Type::Number)
            }
            Kind::Not(inner) => {
                self.expect(inner, Type::Bool, "`not`");
                Some(Type::Bool)
            }
            Kind::And(a, b) | Kind::Or(a, b) => {
                let word = if matches!(node.kind, Kind::And(..)) {
                    "`and`"
                } else {
                    "`or`"
                };
                self.expect(a, Type::Bool, word);
                self.expect(b, Type::Bool, word);
                Some(Type::Bool)
            }
            Kind::Cmp(op, a, b) => {
                let (ta, tb) = (self.ty(a), self.ty(b));
                let (ta, tb) = (ta?, tb?);
                if ta != tb {
                    self.err(
                        ExprError::new(
                            at,
                            K::Type,
                            "expr-compare-mixed",
                            format!(
                                "`{}` compares {} with {}",
                                op.symbol(),
                                ta.name(),
                                tb.name()
                            ),
                        )
                        .arg("operator", op.symbol())
                        .arg("left", type_term(ta))
                        .arg("right", type_term(tb)),
                    );
                    return Some(Type::Bool);
                }
                let ordered = !matches!(op, CmpOp::Eq | CmpOp::Ne);
                if matches!(ta, Type::NumberSet | Type::TextSet) || (ordered && ta == Type::Bool) {
                    self.err(
                        ExprError::new(
                            at,
                            K::Type,
                            "expr-compare-sets",
                            format!(
                                "`{}` cannot compare {}; use `in` for sets",
                                op.symbol(),
                                ta.name()
                            ),
                        )
                        .arg("operator", op.symbol())
                        .arg("found", type_term(ta)),
                    );
                }
                if !ordered {
                    let (da, db) = (self.domain(a), self.domain(b));
                    self.check_value(da, b);
                    self.check_value(db, a);
                }
                Some(Type::Bool)
            }
            Kind::In(a, b) => {
                let (ta, tb) = (self.ty(a), self.ty(b));
                let (ta, tb) = (ta?, tb?);
                if ta.set_of() != Some(tb) {
                    self.err(
                        ExprError::new(
                            at,
                            K::Type,
                            "expr-in-mismatch",
                            format!(
                                "`in` needs a value and a set of the same kind, found {} in {}",
                                ta.name(),
                                tb.name()
                            ),
                        )
                        .arg("left", type_term(ta))
                        .arg("right", type_term(tb)),
                    );
                    return Some(Type::Bool);
                }
                let db = self.domain(b);
                self.check_value(db, a);
                if let Kind::List(elems) = &b.kind {
                    for e in elems {
                        let da = self.domain(a);
                        self.check_value(da, e);
                    }
                }
                Some(Type::Bool)
            }
            Kind::IsAnswered { value, .. } => {
                self.ty(value)?;
                Some(Type::Bool)
            }
        }
    }
}
