//! From a text's JSON pointer to the text, and to its stable id.

use super::super::model::{Definition, OptionValue};
use super::super::text::Text;
use crate::definition::keys::check_key;

/// Where a text sits, parsed from its JSON pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Addr {
    Title,
    Purpose,
    OptionLabel(usize, usize),
    OptionHint(usize, usize),
    OmitLabel(usize),
    SectionTitle(usize),
    SectionIntro(usize),
    ItemLabel(usize, usize),
    ItemHint(usize, usize),
    ItemGuidance(usize, usize),
    ScoreLabel(usize),
    BandLabel(usize, usize),
    FlagLabel(usize),
    FlagGuidance(usize),
    JudgementLabel(usize),
    JudgementGuidance(usize),
    LevelLabel(usize, usize),
}

fn parse(path: &str) -> Option<Addr> {
    let s: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
    let n = |i: usize| -> Option<usize> { s.get(i)?.parse().ok() };
    use Addr::*;
    Some(match s.as_slice() {
        ["meta", "title"] => Title,
        ["meta", "purpose"] => Purpose,
        ["scales", _, "options", _, "label"] => OptionLabel(n(1)?, n(3)?),
        ["scales", _, "options", _, "hint"] => OptionHint(n(1)?, n(3)?),
        ["scales", _, "omit", "label"] => OmitLabel(n(1)?),
        ["sections", _, "title"] => SectionTitle(n(1)?),
        ["sections", _, "intro"] => SectionIntro(n(1)?),
        ["sections", _, "items", _, "label"] => ItemLabel(n(1)?, n(3)?),
        ["sections", _, "items", _, "hint"] => ItemHint(n(1)?, n(3)?),
        ["sections", _, "items", _, "guidance"] => ItemGuidance(n(1)?, n(3)?),
        ["scores", _, "label"] => ScoreLabel(n(1)?),
        ["scores", _, "bands", _, "label"] => BandLabel(n(1)?, n(3)?),
        ["flags", _, "label"] => FlagLabel(n(1)?),
        ["flags", _, "guidance"] => FlagGuidance(n(1)?),
        ["judgements", _, "label"] => JudgementLabel(n(1)?),
        ["judgements", _, "guidance"] => JudgementGuidance(n(1)?),
        ["judgements", _, "levels", _, "label"] => LevelLabel(n(1)?, n(3)?),
        _ => return None,
    })
}

pub(super) fn text_at<'d>(def: &'d Definition, path: &str) -> Option<&'d Text> {
    use Addr::*;
    Some(match parse(path)? {
        Title => &def.meta.title,
        Purpose => &def.meta.purpose,
        OptionLabel(c, o) => &def.scales.get(c)?.options.get(o)?.label,
        OptionHint(c, o) => def.scales.get(c)?.options.get(o)?.hint.as_ref()?,
        OmitLabel(c) => &def.scales.get(c)?.omit.as_ref()?.label,
        SectionTitle(i) => &def.sections.get(i)?.title,
        SectionIntro(i) => def.sections.get(i)?.intro.as_ref()?,
        ItemLabel(i, j) => &def.sections.get(i)?.items.get(j)?.label,
        ItemHint(i, j) => def.sections.get(i)?.items.get(j)?.hint.as_ref()?,
        ItemGuidance(i, j) => def.sections.get(i)?.items.get(j)?.guidance.as_ref()?,
        ScoreLabel(i) => &def.scores.get(i)?.label,
        BandLabel(i, b) => &def.scores.get(i)?.bands.get(b)?.label,
        FlagLabel(i) => &def.flags.get(i)?.label,
        FlagGuidance(i) => def.flags.get(i)?.guidance.as_ref()?,
        JudgementLabel(i) => &def.judgements.get(i)?.label,
        JudgementGuidance(i) => def.judgements.get(i)?.guidance.as_ref()?,
        LevelLabel(i, l) => &def.judgements.get(i)?.levels.get(l)?.label,
    })
}

pub(super) fn text_at_mut<'d>(def: &'d mut Definition, path: &str) -> Option<&'d mut Text> {
    use Addr::*;
    Some(match parse(path)? {
        Title => &mut def.meta.title,
        Purpose => &mut def.meta.purpose,
        OptionLabel(c, o) => &mut def.scales.get_mut(c)?.options.get_mut(o)?.label,
        OptionHint(c, o) => def.scales.get_mut(c)?.options.get_mut(o)?.hint.as_mut()?,
        OmitLabel(c) => &mut def.scales.get_mut(c)?.omit.as_mut()?.label,
        SectionTitle(i) => &mut def.sections.get_mut(i)?.title,
        SectionIntro(i) => def.sections.get_mut(i)?.intro.as_mut()?,
        ItemLabel(i, j) => &mut def.sections.get_mut(i)?.items.get_mut(j)?.label,
        ItemHint(i, j) => def.sections.get_mut(i)?.items.get_mut(j)?.hint.as_mut()?,
        ItemGuidance(i, j) => def
            .sections
            .get_mut(i)?
            .items
            .get_mut(j)?
            .guidance
            .as_mut()?,
        ScoreLabel(i) => &mut def.scores.get_mut(i)?.label,
        BandLabel(i, b) => &mut def.scores.get_mut(i)?.bands.get_mut(b)?.label,
        FlagLabel(i) => &mut def.flags.get_mut(i)?.label,
        FlagGuidance(i) => def.flags.get_mut(i)?.guidance.as_mut()?,
        JudgementLabel(i) => &mut def.judgements.get_mut(i)?.label,
        JudgementGuidance(i) => def.judgements.get_mut(i)?.guidance.as_mut()?,
        LevelLabel(i, l) => &mut def.judgements.get_mut(i)?.levels.get_mut(l)?.label,
    })
}

/// The pointer with `/` as `-`: always distinct, used when a key repeats.
pub(super) fn index_id(path: &str) -> String {
    path.trim_start_matches('/').replace('/', "-")
}

/// The pointer with each index replaced by the key of what it indexes.
pub(super) fn id_of(def: &Definition, path: &str) -> String {
    let segments: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let n = |i: usize| -> Option<usize> { segments.get(i)?.parse().ok() };
    let mut out: Vec<String> = segments.iter().map(|s| s.to_string()).collect();
    let mut key = |at: usize, k: Option<String>| {
        if let Some(k) = k.filter(|k| check_key(k).is_ok()) {
            out[at] = k;
        }
    };
    match segments.first().copied() {
        Some("scales") => {
            let scale = n(1).and_then(|i| def.scales.get(i));
            key(1, scale.map(|c| c.key.as_str().to_owned()));
            if segments.get(2) == Some(&"options") {
                let option = scale.and_then(|c| c.options.get(n(3)?));
                key(
                    3,
                    option.and_then(|o| match &o.value {
                        OptionValue::Text(t) => Some(t.clone()),
                        OptionValue::Integer(i) if *i >= 0 => Some(format!("v{i}")),
                        OptionValue::Integer(_) => None,
                    }),
                );
            }
        }
        Some("sections") => {
            let section = n(1).and_then(|i| def.sections.get(i));
            key(1, section.map(|s| s.key.as_str().to_owned()));
            let item = section.and_then(|s| s.items.get(n(3)?));
            key(3, item.map(|i| i.key.as_str().to_owned()));
        }
        Some("scores") => {
            let score = n(1).and_then(|i| def.scores.get(i));
            key(1, score.map(|s| s.key.as_str().to_owned()));
            let band = score.and_then(|s| s.bands.get(n(3)?));
            key(3, band.map(|b| b.level.code().to_owned()));
        }
        Some("flags") => key(
            1,
            n(1).and_then(|i| def.flags.get(i))
                .map(|f| f.key.as_str().to_owned()),
        ),
        Some("judgements") => {
            let j = n(1).and_then(|i| def.judgements.get(i));
            key(1, j.map(|j| j.key.as_str().to_owned()));
            let level = j.and_then(|j| j.levels.get(n(3)?));
            key(3, level.map(|l| l.level.code().to_owned()));
        }
        _ => {}
    }
    out.join("-")
}
