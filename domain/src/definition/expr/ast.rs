//! The syntax tree of a condition. Item, section and score keys stay plain
//! strings here: whether they exist (and come earlier) is the type
//! checker's business, so a methodologist gets one clear message for it.

/// A node and the 1-based character position it starts at.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub kind: Kind,
    pub at: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectAttr {
    Gender,
    Age,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::Ne => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// A list of items given to `count`, `any`, `sum` and `max`.
#[derive(Debug, Clone, PartialEq)]
pub enum ItemList {
    /// `section("key")`: every item of a section.
    Section(String),
    /// `items("a", "b")`: the named items.
    Items(Vec<String>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Number(f64),
    Str(String),
    Bool(bool),
    /// `[1, 2]` or `["a", "b"]`: a literal set.
    List(Vec<Node>),
    Subject(SubjectAttr),
    Answer(String),
    Sources(String),
    Trend(String),
    Score(String),
    Band(String),
    Count(ItemList, Box<Node>),
    Any(ItemList, Box<Node>),
    Sum(ItemList),
    Max(ItemList),
    Not(Box<Node>),
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Cmp(CmpOp, Box<Node>, Box<Node>),
    In(Box<Node>, Box<Node>),
    /// `x is answered` (`negated`: `x is not answered`).
    IsAnswered {
        value: Box<Node>,
        negated: bool,
    },
}
