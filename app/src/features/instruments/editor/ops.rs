//! What the editor's buttons do to a definition, as plain functions: the
//! component tree only picks one and the place. Unit-tested without a
//! browser (`ops_tests.rs`).

use domain::definition::{
    Band, Condition, Definition, Flag, FlagKey, Item, ItemKey, ItemType, Judgement, JudgementKey,
    Level, LevelOption, OmitOption, OptionValue, Scale, ScaleKey, ScaleOption, Score, ScoreKey,
    ScoreMethod, Section, SectionKey, Text, Wording,
};
use domain::{Gender, Locale};

/// What the editor's form shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Selected {
    /// The instrument's title, purpose and languages.
    #[default]
    Meta,
    Section(usize),
    Item(usize, usize),
    Scale(usize),
    Score(usize),
    Flag(usize),
    Judgement(usize),
}

/// A translatable text of the definition, by place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextSlot {
    Title,
    Purpose,
    SectionTitle(usize),
    SectionIntro(usize),
    Label(usize, usize),
    Hint(usize, usize),
    Guidance(usize, usize),
    OptionLabel(usize, usize),
    OptionHint(usize, usize),
    OmitLabel(usize),
    ScoreLabel(usize),
    BandLabel(usize, usize),
    FlagLabel(usize),
    FlagGuidance(usize),
    JudgementLabel(usize),
    JudgementGuidance(usize),
    LevelLabel(usize, usize),
}

/// A condition of the definition, by place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConditionSlot {
    SectionShowIf(usize),
    SectionRequiredIf(usize),
    ShowIf(usize, usize),
    RequiredIf(usize, usize),
    FlagWhen(usize),
}

fn item_base(s: usize, i: usize) -> String {
    format!("/sections/{s}/items/{i}")
}

impl TextSlot {
    /// Its JSON pointer (problems are matched to fields by it).
    pub fn path(self) -> String {
        match self {
            TextSlot::Title => "/meta/title".into(),
            TextSlot::Purpose => "/meta/purpose".into(),
            TextSlot::SectionTitle(s) => format!("/sections/{s}/title"),
            TextSlot::SectionIntro(s) => format!("/sections/{s}/intro"),
            TextSlot::Label(s, i) => format!("{}/label", item_base(s, i)),
            TextSlot::Hint(s, i) => format!("{}/hint", item_base(s, i)),
            TextSlot::Guidance(s, i) => format!("{}/guidance", item_base(s, i)),
            TextSlot::OptionLabel(k, o) => format!("/scales/{k}/options/{o}/label"),
            TextSlot::OptionHint(k, o) => format!("/scales/{k}/options/{o}/hint"),
            TextSlot::OmitLabel(k) => format!("/scales/{k}/omit/label"),
            TextSlot::ScoreLabel(n) => format!("/scores/{n}/label"),
            TextSlot::BandLabel(n, b) => format!("/scores/{n}/bands/{b}/label"),
            TextSlot::FlagLabel(f) => format!("/flags/{f}/label"),
            TextSlot::FlagGuidance(f) => format!("/flags/{f}/guidance"),
            TextSlot::JudgementLabel(j) => format!("/judgements/{j}/label"),
            TextSlot::JudgementGuidance(j) => format!("/judgements/{j}/guidance"),
            TextSlot::LevelLabel(j, l) => format!("/judgements/{j}/levels/{l}/label"),
        }
    }

    pub fn get(self, d: &Definition) -> Option<Text> {
        let item = |s: usize, i: usize| d.sections.get(s).and_then(|x| x.items.get(i));
        match self {
            TextSlot::Title => Some(d.meta.title.clone()),
            TextSlot::Purpose => Some(d.meta.purpose.clone()),
            TextSlot::SectionTitle(s) => d.sections.get(s).map(|x| x.title.clone()),
            TextSlot::SectionIntro(s) => d.sections.get(s).and_then(|x| x.intro.clone()),
            TextSlot::Label(s, i) => item(s, i).map(|x| x.label.clone()),
            TextSlot::Hint(s, i) => item(s, i).and_then(|x| x.hint.clone()),
            TextSlot::Guidance(s, i) => item(s, i).and_then(|x| x.guidance.clone()),
            TextSlot::OptionLabel(k, o) => d
                .scales
                .get(k)
                .and_then(|x| x.options.get(o))
                .map(|x| x.label.clone()),
            TextSlot::OptionHint(k, o) => d
                .scales
                .get(k)
                .and_then(|x| x.options.get(o))
                .and_then(|x| x.hint.clone()),
            TextSlot::OmitLabel(k) => d
                .scales
                .get(k)
                .and_then(|x| x.omit.as_ref())
                .map(|x| x.label.clone()),
            TextSlot::ScoreLabel(n) => d.scores.get(n).map(|x| x.label.clone()),
            TextSlot::BandLabel(n, b) => d
                .scores
                .get(n)
                .and_then(|x| x.bands.get(b))
                .map(|x| x.label.clone()),
            TextSlot::FlagLabel(f) => d.flags.get(f).map(|x| x.label.clone()),
            TextSlot::FlagGuidance(f) => d.flags.get(f).and_then(|x| x.guidance.clone()),
            TextSlot::JudgementLabel(j) => d.judgements.get(j).map(|x| x.label.clone()),
            TextSlot::JudgementGuidance(j) => d.judgements.get(j).and_then(|x| x.guidance.clone()),
            TextSlot::LevelLabel(j, l) => d
                .judgements
                .get(j)
                .and_then(|x| x.levels.get(l))
                .map(|x| x.label.clone()),
        }
    }

    /// Sets the text; `None` removes an optional one (a title or label
    /// becomes empty instead).
    pub fn set(self, d: &mut Definition, text: Option<Text>) {
        let required = text.clone().unwrap_or_default();
        match self {
            TextSlot::Title => d.meta.title = required,
            TextSlot::Purpose => d.meta.purpose = required,
            TextSlot::SectionTitle(s) => {
                if let Some(x) = d.sections.get_mut(s) {
                    x.title = required;
                }
            }
            TextSlot::SectionIntro(s) => {
                if let Some(x) = d.sections.get_mut(s) {
                    x.intro = text;
                }
            }
            TextSlot::Label(s, i) | TextSlot::Hint(s, i) | TextSlot::Guidance(s, i) => {
                let Some(x) = d.sections.get_mut(s).and_then(|x| x.items.get_mut(i)) else {
                    return;
                };
                match self {
                    TextSlot::Label(..) => x.label = required,
                    TextSlot::Hint(..) => x.hint = text,
                    _ => x.guidance = text,
                }
            }
            TextSlot::OptionLabel(k, o) => {
                if let Some(x) = d.scales.get_mut(k).and_then(|x| x.options.get_mut(o)) {
                    x.label = required;
                }
            }
            TextSlot::OptionHint(k, o) => {
                if let Some(x) = d.scales.get_mut(k).and_then(|x| x.options.get_mut(o)) {
                    x.hint = text;
                }
            }
            TextSlot::OmitLabel(k) => {
                if let Some(x) = d.scales.get_mut(k).and_then(|x| x.omit.as_mut()) {
                    x.label = required;
                }
            }
            TextSlot::ScoreLabel(n) => {
                if let Some(x) = d.scores.get_mut(n) {
                    x.label = required;
                }
            }
            TextSlot::BandLabel(n, b) => {
                if let Some(x) = d.scores.get_mut(n).and_then(|x| x.bands.get_mut(b)) {
                    x.label = required;
                }
            }
            TextSlot::FlagLabel(f) => {
                if let Some(x) = d.flags.get_mut(f) {
                    x.label = required;
                }
            }
            TextSlot::FlagGuidance(f) => {
                if let Some(x) = d.flags.get_mut(f) {
                    x.guidance = text;
                }
            }
            TextSlot::JudgementLabel(j) => {
                if let Some(x) = d.judgements.get_mut(j) {
                    x.label = required;
                }
            }
            TextSlot::JudgementGuidance(j) => {
                if let Some(x) = d.judgements.get_mut(j) {
                    x.guidance = text;
                }
            }
            TextSlot::LevelLabel(j, l) => {
                if let Some(x) = d.judgements.get_mut(j).and_then(|x| x.levels.get_mut(l)) {
                    x.label = required;
                }
            }
        }
    }
}

impl ConditionSlot {
    pub fn path(self) -> String {
        match self {
            ConditionSlot::SectionShowIf(s) => format!("/sections/{s}/show_if"),
            ConditionSlot::SectionRequiredIf(s) => format!("/sections/{s}/required_if"),
            ConditionSlot::ShowIf(s, i) => format!("{}/show_if", item_base(s, i)),
            ConditionSlot::RequiredIf(s, i) => format!("{}/required_if", item_base(s, i)),
            ConditionSlot::FlagWhen(f) => format!("/flags/{f}/when"),
        }
    }

    fn slot(self, d: &mut Definition) -> Option<&mut Option<Condition>> {
        match self {
            ConditionSlot::SectionShowIf(s) => d.sections.get_mut(s).map(|x| &mut x.show_if),
            ConditionSlot::SectionRequiredIf(s) => {
                d.sections.get_mut(s).map(|x| &mut x.required_if)
            }
            ConditionSlot::ShowIf(s, i) => d
                .sections
                .get_mut(s)
                .and_then(|x| x.items.get_mut(i))
                .map(|x| &mut x.show_if),
            ConditionSlot::RequiredIf(s, i) => d
                .sections
                .get_mut(s)
                .and_then(|x| x.items.get_mut(i))
                .map(|x| &mut x.required_if),
            // A flag's condition is not optional: see `get` and `set`.
            ConditionSlot::FlagWhen(_) => None,
        }
    }

    /// The expression as written ("" when there is none).
    pub fn get(self, d: &Definition) -> String {
        if let ConditionSlot::FlagWhen(f) = self {
            return d
                .flags
                .get(f)
                .map(|x| x.when.source().to_owned())
                .unwrap_or_default();
        }
        let mut copy = d.clone();
        self.slot(&mut copy)
            .and_then(|c| c.as_ref().map(|c| c.source().to_owned()))
            .unwrap_or_default()
    }

    /// Sets the expression; a blank one removes the condition (a flag's
    /// stays, blank, and `check()` says it is needed).
    pub fn set(self, d: &mut Definition, source: &str) {
        if let ConditionSlot::FlagWhen(f) = self {
            if let Some(x) = d.flags.get_mut(f) {
                x.when = Condition::parse(source.trim());
            }
            return;
        }
        if let Some(slot) = self.slot(d) {
            *slot = (!source.trim().is_empty()).then(|| Condition::parse(source.trim()));
        }
    }

    /// The items a condition here may name: those before its place (an
    /// item's: earlier items; a section's: items of earlier sections; a
    /// flag's: every item), as `(section index, item key)`.
    pub fn earlier_items(self, d: &Definition) -> Vec<(usize, String)> {
        let (end_s, end_i) = match self {
            ConditionSlot::SectionShowIf(s) | ConditionSlot::SectionRequiredIf(s) => (s, 0),
            ConditionSlot::ShowIf(s, i) | ConditionSlot::RequiredIf(s, i) => (s, i),
            ConditionSlot::FlagWhen(_) => (usize::MAX, 0),
        };
        d.sections
            .iter()
            .enumerate()
            .take_while(|(s, _)| *s <= end_s)
            .flat_map(|(s, section)| {
                let limit = if s == end_s { end_i } else { usize::MAX };
                section
                    .items
                    .iter()
                    .take(limit)
                    .map(move |item| (s, item.key.to_string()))
            })
            .collect()
    }

    /// The sections `any`/`count` may range over here: finished earlier ones.
    pub fn earlier_sections(self, d: &Definition) -> Vec<String> {
        let end = match self {
            ConditionSlot::SectionShowIf(s)
            | ConditionSlot::SectionRequiredIf(s)
            | ConditionSlot::ShowIf(s, _)
            | ConditionSlot::RequiredIf(s, _) => s,
            ConditionSlot::FlagWhen(_) => usize::MAX,
        };
        d.sections
            .iter()
            .take(end)
            .map(|s| s.key.to_string())
            .collect()
    }
}

/// The wording of `text` in `locale`, split as the editor shows it:
/// `(neutral, male, female, gendered)`.
pub fn wording_parts(text: &Option<Text>, locale: Locale) -> (String, String, String, bool) {
    match text.as_ref().and_then(|t| t.get(locale)) {
        Some(Wording::Neutral(s)) => (s.clone(), s.clone(), s.clone(), false),
        Some(Wording::Gendered { male, female }) => {
            let (m, f) = (
                male.clone().unwrap_or_default(),
                female.clone().unwrap_or_default(),
            );
            (m.clone(), m, f, true)
        }
        None => (String::new(), String::new(), String::new(), false),
    }
}

/// `text` with the wording of `locale` replaced (other locales kept). An
/// emptied optional text with no other locale disappears.
pub fn with_wording(text: Option<Text>, locale: Locale, wording: Option<Wording>) -> Option<Text> {
    let mut entries: Vec<(Locale, Wording)> = text
        .map(|t| t.entries().to_vec())
        .unwrap_or_default()
        .into_iter()
        .filter(|(l, _)| *l != locale)
        .collect();
    if let Some(w) = wording {
        entries.push((locale, w));
    }
    (!entries.is_empty()).then(|| Text::from_entries(entries))
}

/// Turns a wording into male/female variants (both starting as the
/// neutral one) or back into one neutral wording (the male variant's).
pub fn toggle_gendered(text: Option<Text>, locale: Locale, gendered: bool) -> Option<Text> {
    let (neutral, male, female, _) = wording_parts(&text, locale);
    let wording = if gendered {
        Wording::Gendered {
            male: Some(neutral.clone()),
            female: Some(if female.is_empty() { neutral } else { female }),
        }
    } else {
        Wording::Neutral(male)
    };
    with_wording(text, locale, Some(wording))
}

/// A key like `prefix_3` not used by any of `taken`.
pub fn fresh_key(prefix: &str, taken: &[String]) -> String {
    (1..)
        .map(|n| format!("{prefix}_{n}"))
        .find(|k| !taken.contains(k))
        .unwrap_or_else(|| prefix.to_owned())
}

fn item_keys(d: &Definition) -> Vec<String> {
    d.items().map(|(_, i)| i.key.to_string()).collect()
}

fn section_keys(d: &Definition) -> Vec<String> {
    d.sections.iter().map(|s| s.key.to_string()).collect()
}

fn source_text(d: &Definition, wording: &str) -> Text {
    Text::from_entries(vec![(
        d.meta.source_locale,
        Wording::Neutral(wording.to_owned()),
    )])
}

/// A new empty section at the end; returns its index.
pub fn add_section(d: &mut Definition, title: &str) -> usize {
    let key = fresh_key("section", &section_keys(d));
    d.sections.push(Section {
        key: SectionKey::parse(&key).expect("a fresh key is valid"),
        title: source_text(d, title),
        intro: None,
        applies_to: None,
        show_if: None,
        required_if: None,
        items: vec![],
    });
    d.sections.len() - 1
}

/// A new yes/no/unknown item at the end of section `s`; its index.
pub fn add_item(d: &mut Definition, s: usize, label: &str) -> Option<usize> {
    let key = fresh_key("item", &item_keys(d));
    let label = source_text(d, label);
    let section = d.sections.get_mut(s)?;
    section.items.push(Item {
        key: ItemKey::parse(&key).expect("a fresh key is valid"),
        item_type: ItemType::YesNoUnknown,
        label,
        hint: None,
        guidance: None,
        scale: None,
        min: None,
        max: None,
        required: true,
        required_if: None,
        show_if: None,
        applies_to: None,
        evidence: Default::default(),
        sources: Default::default(),
        trend: Default::default(),
    });
    Some(section.items.len() - 1)
}

/// A copy of item `(s, i)` right after it, with a fresh key.
pub fn duplicate_item(d: &mut Definition, s: usize, i: usize) -> Option<usize> {
    let key = fresh_key(d.sections.get(s)?.items.get(i)?.key.as_str(), &item_keys(d));
    let section = d.sections.get_mut(s)?;
    let mut copy = section.items.get(i)?.clone();
    copy.key = ItemKey::parse(&key).ok()?;
    section.items.insert(i + 1, copy);
    Some(i + 1)
}

/// A copy of section `s` right after it, its key and its items' keys fresh.
pub fn duplicate_section(d: &mut Definition, s: usize) -> Option<usize> {
    let mut copy = d.sections.get(s)?.clone();
    let mut taken = section_keys(d);
    let key = fresh_key(copy.key.as_str(), &taken);
    taken.push(key.clone());
    copy.key = SectionKey::parse(&key).ok()?;
    let mut items = item_keys(d);
    for item in &mut copy.items {
        let k = fresh_key(item.key.as_str(), &items);
        items.push(k.clone());
        item.key = ItemKey::parse(&k).ok()?;
    }
    d.sections.insert(s + 1, copy);
    Some(s + 1)
}

pub fn delete_item(d: &mut Definition, s: usize, i: usize) -> bool {
    match d.sections.get_mut(s) {
        Some(section) if i < section.items.len() => {
            section.items.remove(i);
            true
        }
        _ => false,
    }
}

pub fn delete_section(d: &mut Definition, s: usize) -> bool {
    if s < d.sections.len() {
        d.sections.remove(s);
        true
    } else {
        false
    }
}

/// Moves section `s` by `delta` places; its new index.
pub fn move_section(d: &mut Definition, s: usize, delta: isize) -> Option<usize> {
    let to = s.checked_add_signed(delta)?;
    if s >= d.sections.len() || to >= d.sections.len() {
        return None;
    }
    let section = d.sections.remove(s);
    d.sections.insert(to, section);
    Some(to)
}

/// Moves item `(s, i)` to section `to_s` at position `to_i` (clamped);
/// its new place.
pub fn move_item(
    d: &mut Definition,
    (s, i): (usize, usize),
    (to_s, to_i): (usize, usize),
) -> Option<(usize, usize)> {
    if to_s >= d.sections.len() || i >= d.sections.get(s)?.items.len() {
        return None;
    }
    let item = d.sections[s].items.remove(i);
    let target = &mut d.sections[to_s].items;
    let at = to_i.min(target.len());
    target.insert(at, item);
    Some((to_s, at))
}

/// Moves item `(s, i)` up or down by one within its section, or across to
/// the neighbouring section at its edge (keyboard reordering).
pub fn step_item(d: &mut Definition, s: usize, i: usize, delta: isize) -> Option<(usize, usize)> {
    let len = d.sections.get(s)?.items.len();
    match (delta < 0, i) {
        (true, 0) => {
            let prev = s.checked_sub(1)?;
            let end = d.sections[prev].items.len();
            move_item(d, (s, i), (prev, end))
        }
        (true, _) => move_item(d, (s, i), (s, i - 1)),
        (false, _) if i + 1 < len => move_item(d, (s, i), (s, i + 1)),
        (false, _) if s + 1 < d.sections.len() => move_item(d, (s, i), (s + 1, 0)),
        _ => None,
    }
}

/// A new scale with options 0, 1, 2 labelled by their numbers; its index.
pub fn add_scale(d: &mut Definition) -> usize {
    let taken: Vec<String> = d.scales.iter().map(|s| s.key.to_string()).collect();
    let key = fresh_key("scale", &taken);
    let options = (0..3)
        .map(|n| ScaleOption {
            value: OptionValue::Integer(n),
            label: source_text(d, &n.to_string()),
            hint: None,
            score: None,
        })
        .collect();
    d.scales.push(Scale {
        key: ScaleKey::parse(&key).expect("a fresh key is valid"),
        options,
        omit: None,
    });
    d.scales.len() - 1
}

/// A new option after the last of scale `k`: the next number.
pub fn add_option(d: &mut Definition, k: usize) -> Option<usize> {
    let next = d
        .scales
        .get(k)?
        .options
        .iter()
        .filter_map(|o| match o.value {
            OptionValue::Integer(n) => Some(n + 1),
            OptionValue::Text(_) => None,
        })
        .max()
        .unwrap_or(0);
    let label = source_text(d, &next.to_string());
    let scale = d.scales.get_mut(k)?;
    scale.options.push(ScaleOption {
        value: OptionValue::Integer(next),
        label,
        hint: None,
        score: None,
    });
    Some(scale.options.len() - 1)
}

/// Whether scale `k` offers "omit" (with a reason); turning it on gives it
/// a label in the source language.
pub fn set_omit(d: &mut Definition, k: usize, on: bool, label: &str) {
    let text = source_text(d, label);
    if let Some(scale) = d.scales.get_mut(k) {
        scale.omit = on.then_some(OmitOption { label: text });
    }
}

/// The option value typed: a whole number, else a text code.
pub fn option_value(raw: &str) -> OptionValue {
    raw.trim()
        .parse::<i64>()
        .map(OptionValue::Integer)
        .unwrap_or_else(|_| OptionValue::Text(raw.trim().to_owned()))
}

/// The gender a select's value names ("" for every subject).
pub fn gender_of(raw: &str) -> Option<Gender> {
    Gender::ALL.into_iter().find(|g| g.code() == raw)
}

/// A common condition, as the builder puts it together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Built {
    /// `answer("item") OP value`, or `answer("item") is answered`.
    Answer {
        item: String,
        op: String,
        value: String,
    },
    /// `any(section("key"), value)`.
    Any { section: String, value: String },
    /// `count(section("key"), value) OP number`.
    Count {
        section: String,
        value: String,
        op: String,
        number: String,
    },
}

/// A value as a condition literal: a number stays a number, anything else
/// becomes a quoted text (quotes and backslashes escaped).
pub fn literal(raw: &str) -> String {
    let raw = raw.trim();
    if raw.parse::<f64>().is_ok() {
        raw.to_owned()
    } else {
        format!("\"{}\"", raw.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

const OPERATORS: [&str; 6] = ["==", "!=", "<", "<=", ">", ">="];

impl Built {
    /// The expression text; `None` while a part is missing.
    pub fn expression(&self) -> Option<String> {
        let key = |k: &str| (!k.trim().is_empty()).then(|| k.trim().to_owned());
        let op = |o: &str| OPERATORS.contains(&o).then(|| o.to_owned());
        let value = |v: &str| (!v.trim().is_empty()).then(|| literal(v));
        match self {
            Built::Answer {
                item,
                op: o,
                value: v,
            } => {
                let item = key(item)?;
                match o.as_str() {
                    "answered" => Some(format!("answer(\"{item}\") is answered")),
                    "not_answered" => Some(format!("answer(\"{item}\") is not answered")),
                    _ => Some(format!("answer(\"{item}\") {} {}", op(o)?, value(v)?)),
                }
            }
            Built::Any { section, value: v } => Some(format!(
                "any(section(\"{}\"), {})",
                key(section)?,
                value(v)?
            )),
            Built::Count {
                section,
                value: v,
                op: o,
                number,
            } => {
                let n = number.trim().parse::<u32>().ok()?;
                Some(format!(
                    "count(section(\"{}\"), {}) {} {n}",
                    key(section)?,
                    value(v)?,
                    op(o)?
                ))
            }
        }
    }
}

/// The answer values an item takes, with their source-language labels
/// (for the condition builder's suggestions).
pub fn answer_values(d: &Definition, key: &str) -> Vec<(String, String)> {
    let Some((_, item)) = d.items().find(|(_, i)| i.key.as_str() == key) else {
        return vec![];
    };
    if item.item_type == ItemType::YesNoUnknown {
        return ["yes", "no", "unknown"]
            .map(|v| (v.to_owned(), v.to_owned()))
            .to_vec();
    }
    let source = d.meta.source_locale;
    item.scale
        .as_ref()
        .and_then(|k| d.scales.iter().find(|s| &s.key == k))
        .map(|scale| {
            scale
                .options
                .iter()
                .map(|o| {
                    let value = match &o.value {
                        OptionValue::Integer(n) => n.to_string(),
                        OptionValue::Text(t) => t.clone(),
                    };
                    let label = o
                        .label
                        .resolve(source, Gender::Male)
                        .unwrap_or_default()
                        .to_owned();
                    (value, label)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// `current` with `added` joined by `and` (or just `added` when blank).
pub fn join_condition(current: &str, added: &str) -> String {
    if current.trim().is_empty() {
        added.to_owned()
    } else {
        format!("({}) and {added}", current.trim())
    }
}

/// A new sum score over nothing yet, with no bands; its index.
pub fn add_score(d: &mut Definition, label: &str) -> usize {
    let taken: Vec<String> = d.scores.iter().map(|x| x.key.to_string()).collect();
    let key = fresh_key("score", &taken);
    let label = source_text(d, label);
    d.scores.push(Score {
        key: ScoreKey::parse(&key).expect("a fresh key is valid"),
        label,
        method: ScoreMethod::Sum,
        items: vec![],
        sections: vec![],
        value: None,
        max_omitted: None,
        bands: vec![],
    });
    d.scores.len() - 1
}

/// A new band right after the last one of score `n` (ranges stay
/// contiguous), one level up; its index.
pub fn add_band(d: &mut Definition, n: usize, label: &str) -> Option<usize> {
    let label = source_text(d, label);
    let score = d.scores.get_mut(n)?;
    let (min, level) = match score.bands.last() {
        Some(b) => (
            b.max + 1,
            Level::ALL
                .into_iter()
                .find(|l| *l > b.level)
                .unwrap_or(Level::High),
        ),
        None => (0, Level::Low),
    };
    score.bands.push(Band {
        level,
        min,
        max: min,
        label,
    });
    Some(score.bands.len() - 1)
}

/// Sets band `b`'s upper bound and moves the next band's lower bound
/// with it, so the ranges stay contiguous.
pub fn set_band_max(d: &mut Definition, n: usize, b: usize, max: i64) {
    let Some(score) = d.scores.get_mut(n) else {
        return;
    };
    if let Some(band) = score.bands.get_mut(b) {
        band.max = max;
    }
    if let Some(next) = score.bands.get_mut(b + 1) {
        next.min = max.saturating_add(1);
    }
}

/// A new flag with an empty condition (to be written); its index.
pub fn add_flag(d: &mut Definition, label: &str) -> usize {
    let taken: Vec<String> = d.flags.iter().map(|x| x.key.to_string()).collect();
    let key = fresh_key("flag", &taken);
    let label = source_text(d, label);
    d.flags.push(Flag {
        key: FlagKey::parse(&key).expect("a fresh key is valid"),
        label,
        when: Condition::parse(""),
        guidance: None,
    });
    d.flags.len() - 1
}

/// A new judgement offering the three levels with the given wordings
/// (low, moderate, high); its index.
pub fn add_judgement(d: &mut Definition, label: &str, levels: [&str; 3]) -> usize {
    let taken: Vec<String> = d.judgements.iter().map(|x| x.key.to_string()).collect();
    let key = fresh_key("judgement", &taken);
    let label = source_text(d, label);
    let levels = Level::ALL
        .into_iter()
        .zip(levels)
        .map(|(level, wording)| LevelOption {
            level,
            label: source_text(d, wording),
        })
        .collect();
    d.judgements.push(Judgement {
        key: JudgementKey::parse(&key).expect("a fresh key is valid"),
        label,
        guidance: None,
        suggested_by: None,
        levels,
    });
    d.judgements.len() - 1
}

/// Adds or removes `locale` from the required languages (the source
/// language always stays).
pub fn set_required_locale(d: &mut Definition, locale: Locale, on: bool) {
    let list = &mut d.meta.required_locales;
    if on && !list.contains(&locale) {
        list.push(locale);
        list.sort_by_key(|l| Locale::ALL.iter().position(|x| x == l));
    } else if !on && locale != d.meta.source_locale {
        list.retain(|l| *l != locale);
    }
}

/// Adds or removes a subject gender the instrument is used for (at least
/// one stays).
pub fn set_gender(d: &mut Definition, gender: Gender, on: bool) {
    let list = &mut d.meta.genders;
    if on && !list.contains(&gender) {
        list.push(gender);
        list.sort_by_key(|g| Gender::ALL.iter().position(|x| x == g));
    } else if !on && list.len() > 1 {
        list.retain(|g| *g != gender);
    }
}

#[cfg(test)]
#[path = "ops_tests.rs"]
mod tests;
