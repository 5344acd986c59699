//! The diff of what a definition computes from the answers: scores and
//! their bands, flags and judgements. Everything here but the wording of
//! labels and guidance is a `scoring` change — adding, removing or
//! reordering a rule included — because it can change an outcome.

use super::ChangeClass::Scoring;
use super::{At, Differ};
use crate::definition::scoring::{Band, Flag, Judgement, LevelOption, Score};

pub(super) fn scores(d: &mut Differ, root: &At, before: &[Score], after: &[Score]) {
    d.list(
        Scoring,
        root,
        "scores",
        before,
        after,
        |s| s.key.clone(),
        |s| format!("score {}", s.key),
        score,
    );
}

fn score(d: &mut Differ, at: &At, what: &str, b: &Score, a: &Score) {
    d.text(at, "label", what, Some(&b.label), Some(&a.label));
    d.field(Scoring, at, "method", what, &b.method, &a.method);
    d.field(Scoring, at, "items", what, &b.items, &a.items);
    d.field(Scoring, at, "sections", what, &b.sections, &a.sections);
    d.field(Scoring, at, "value", what, &b.value, &a.value);
    d.field(
        Scoring,
        at,
        "max_omitted",
        what,
        &b.max_omitted,
        &a.max_omitted,
    );
    d.list(
        Scoring,
        at,
        "bands",
        &b.bands,
        &a.bands,
        |band| band.level,
        |band| format!("{what} band {}", band.level.code()),
        band,
    );
}

fn band(d: &mut Differ, at: &At, what: &str, b: &Band, a: &Band) {
    d.field(Scoring, at, "min", what, &b.min, &a.min);
    d.field(Scoring, at, "max", what, &b.max, &a.max);
    d.text(at, "label", what, Some(&b.label), Some(&a.label));
}

pub(super) fn flags(d: &mut Differ, root: &At, before: &[Flag], after: &[Flag]) {
    d.list(
        Scoring,
        root,
        "flags",
        before,
        after,
        |f| f.key.clone(),
        |f| format!("flag {}", f.key),
        flag,
    );
}

fn flag(d: &mut Differ, at: &At, what: &str, b: &Flag, a: &Flag) {
    d.text(at, "label", what, Some(&b.label), Some(&a.label));
    d.field(Scoring, at, "when", what, &b.when, &a.when);
    d.optional_text(at, "guidance", what, &b.guidance, &a.guidance);
}

pub(super) fn judgements(d: &mut Differ, root: &At, before: &[Judgement], after: &[Judgement]) {
    d.list(
        Scoring,
        root,
        "judgements",
        before,
        after,
        |j| j.key.clone(),
        |j| format!("judgement {}", j.key),
        judgement,
    );
}

fn judgement(d: &mut Differ, at: &At, what: &str, b: &Judgement, a: &Judgement) {
    d.text(at, "label", what, Some(&b.label), Some(&a.label));
    d.optional_text(at, "guidance", what, &b.guidance, &a.guidance);
    d.field(
        Scoring,
        at,
        "suggested_by",
        what,
        &b.suggested_by,
        &a.suggested_by,
    );
    d.list(
        Scoring,
        at,
        "levels",
        &b.levels,
        &a.levels,
        |l| l.level,
        |l| format!("{what} level {}", l.level.code()),
        level,
    );
}

fn level(d: &mut Differ, at: &At, what: &str, b: &LevelOption, a: &LevelOption) {
    d.text(at, "label", what, Some(&b.label), Some(&a.label));
}
