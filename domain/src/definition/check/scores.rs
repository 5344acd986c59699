//! Checks of scores, bands, flags and judgements.
//!
//! Bands must be ordered, contiguous (`next.min == previous.max + 1`) and
//! cover every value the score can take, so every result has exactly one
//! level. The possible range is computed from the items' option scores
//! (an omitted item adds nothing).

use super::super::error::{DefinitionError, DefinitionErrorKind as K};
use super::super::index::{Entry, Index, option_scalar};
use super::super::scoring::{Score, ScoreMethod};
use super::logic::check_flag_condition;

/// The items a score covers, in order, without repeats. Unknown keys are
/// reported (when `errors` is given) and skipped.
pub(crate) fn score_entries<'a>(
    index: &'a Index<'a>,
    score: &Score,
    mut report: Option<(&str, &mut Vec<DefinitionError>)>,
) -> Vec<&'a Entry<'a>> {
    let mut positions: Vec<usize> = Vec::new();
    for (i, key) in score.items.iter().enumerate() {
        match index.entry(key.as_str()) {
            Some((p, _)) => positions.push(p),
            None => {
                if let Some((base, errors)) = report.as_mut() {
                    errors.push(
                        DefinitionError::new(
                            format!("{base}/items/{i}"),
                            K::UnknownReference,
                            "check-unknown-item",
                            format!("there is no item `{key}`"),
                        )
                        .arg("key", key.as_str()),
                    );
                }
            }
        }
    }
    for (i, key) in score.sections.iter().enumerate() {
        match index.sections.get(key.as_str()) {
            Some((_, range)) => positions.extend(range.clone()),
            None => {
                if let Some((base, errors)) = report.as_mut() {
                    errors.push(
                        DefinitionError::new(
                            format!("{base}/sections/{i}"),
                            K::UnknownReference,
                            "check-unknown-section",
                            format!("there is no section `{key}`"),
                        )
                        .arg("key", key.as_str()),
                    );
                }
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    positions.retain(|p| seen.insert(*p));
    positions.into_iter().map(|p| &index.items[p]).collect()
}

/// Whether an item takes part in a score: explicit items always (and are
/// checked), items reached through a section only when they fit.
pub(crate) fn counts_in(score: &Score, entry: &Entry) -> bool {
    let explicit = score.items.contains(&entry.item.key);
    explicit
        || match score.method {
            ScoreMethod::Sum | ScoreMethod::Max => entry.is_scorable(),
            ScoreMethod::Count => entry.domain().is_some(),
        }
}

pub(super) fn check_scores(index: &Index, errors: &mut Vec<DefinitionError>) {
    for (i, score) in index.def.scores.iter().enumerate() {
        let base = format!("/scores/{i}");
        if score.items.is_empty() && score.sections.is_empty() {
            errors.push(DefinitionError::new(
                &base,
                K::InvalidScoreRule,
                "check-score-no-items",
                "a score needs `items`, `sections` or both",
            ));
        }
        let entries = score_entries(index, score, Some((&base, errors)));
        let entries: Vec<_> = entries
            .into_iter()
            .filter(|e| counts_in(score, e))
            .collect();
        match (score.method, &score.value) {
            (ScoreMethod::Count, None) => errors.push(DefinitionError::new(
                &base,
                K::InvalidScoreRule,
                "check-count-no-value",
                "a count needs the `value` it counts",
            )),
            (ScoreMethod::Count, Some(v)) => {
                let wanted = option_scalar(v);
                if !entries
                    .iter()
                    .any(|e| e.domain().is_some_and(|d| d.contains(&wanted)))
                {
                    errors.push(
                        DefinitionError::new(
                            format!("{base}/value"),
                            K::InvalidScoreRule,
                            "check-count-value-impossible",
                            format!("no item of this score can be answered {v}"),
                        )
                        .arg("value", v.to_string()),
                    );
                }
            }
            (_, Some(_)) => errors.push(DefinitionError::new(
                format!("{base}/value"),
                K::UnexpectedField,
                "check-unexpected-value",
                "only a count has a `value`",
            )),
            (_, None) => {
                for (j, key) in score.items.iter().enumerate() {
                    if let Some((_, e)) = index.entry(key.as_str())
                        && !e.is_scorable()
                    {
                        errors.push(
                            DefinitionError::new(
                                format!("{base}/items/{j}"),
                                K::NotScorable,
                                "check-item-not-scorable",
                                format!("item `{key}` has no scores to add up"),
                            )
                            .arg("key", key.as_str()),
                        );
                    }
                }
            }
        }
        if !score.items.is_empty() || !score.sections.is_empty() {
            check_bands(score, &entries, &base, errors);
        }
    }
}

fn possible_range(score: &Score, entries: &[&Entry]) -> (i64, i64) {
    let ranges = entries.iter().filter_map(|e| e.score_range());
    match score.method {
        ScoreMethod::Count => (0, entries.len() as i64),
        ScoreMethod::Sum => ranges.fold((0, 0), |(lo, hi), (a, b)| {
            (lo.saturating_add(a.min(0)), hi.saturating_add(b.max(0)))
        }),
        ScoreMethod::Max => ranges.fold((0, 0), |(lo, hi), (a, b)| (lo.min(a), hi.max(b))),
    }
}

fn check_bands(score: &Score, entries: &[&Entry], base: &str, errors: &mut Vec<DefinitionError>) {
    let mut consistent = true;
    for (j, band) in score.bands.iter().enumerate() {
        let path = format!("{base}/bands/{j}");
        if band.min > band.max {
            consistent = false;
            errors.push(
                DefinitionError::new(
                    format!("{path}/max"),
                    K::InvalidBand,
                    "check-band-reversed",
                    format!(
                        "this band ends ({}) before it starts ({})",
                        band.max, band.min
                    ),
                )
                .arg("min", band.min)
                .arg("max", band.max),
            );
        }
        if let Some(prev) = j.checked_sub(1).map(|p| &score.bands[p]) {
            let expected = prev.max.saturating_add(1);
            if band.min < expected {
                consistent = false;
                errors.push(DefinitionError::new(format!("{path}/min"), K::BandOverlap, "check-band-overlap", format!("this band starts at {} but the band before it ends at {}; bands must not overlap and go from low to high", band.min, prev.max)).arg("min", band.min).arg("previous_max", prev.max));
            } else if band.min > expected {
                consistent = false;
                errors.push(
                    DefinitionError::new(
                        format!("{path}/min"),
                        K::BandGap,
                        "check-band-gap",
                        format!("scores {expected} to {} have no band", band.min - 1),
                    )
                    .arg("from", expected)
                    .arg("to", band.min - 1),
                );
            }
        }
    }
    let (Some(first), Some(last)) = (score.bands.first(), score.bands.last()) else {
        return;
    };
    let (lo, hi) = possible_range(score, entries);
    if consistent && (first.min > lo || last.max < hi) {
        errors.push(
            DefinitionError::new(
                format!("{base}/bands"),
                K::BandsIncomplete,
                "check-bands-incomplete",
                format!(
                    "this score can range from {lo} to {hi}, but the bands cover only {} to {}",
                    first.min, last.max
                ),
            )
            .arg("low", lo)
            .arg("high", hi)
            .arg("first", first.min)
            .arg("last", last.max),
        );
    }
}

pub(super) fn check_flags(index: &Index, errors: &mut Vec<DefinitionError>) {
    for (i, flag) in index.def.flags.iter().enumerate() {
        check_flag_condition(index, &flag.when, format!("/flags/{i}/when"), errors);
    }
}

pub(super) fn check_judgements(index: &Index, errors: &mut Vec<DefinitionError>) {
    for (i, j) in index.def.judgements.iter().enumerate() {
        let base = format!("/judgements/{i}");
        if j.levels.is_empty() {
            errors.push(DefinitionError::new(
                format!("{base}/levels"),
                K::InvalidJudgement,
                "check-judgement-no-levels",
                "a judgement needs the levels the assessor can choose",
            ));
        }
        for (li, level) in j.levels.iter().enumerate() {
            if j.levels[..li].iter().any(|l| l.level == level.level) {
                errors.push(
                    DefinitionError::new(
                        format!("{base}/levels/{li}/level"),
                        K::DuplicateKey,
                        "check-duplicate-level",
                        format!("the level `{}` is listed twice", level.level.code()),
                    )
                    .arg("level", level.level.code()),
                );
            }
        }
        let Some(key) = &j.suggested_by else { continue };
        let path = format!("{base}/suggested_by");
        match index.def.scores.iter().find(|s| s.key == *key) {
            None => errors.push(
                DefinitionError::new(
                    path,
                    K::UnknownReference,
                    "check-unknown-score",
                    format!("there is no score `{key}`"),
                )
                .arg("key", key.as_str()),
            ),
            Some(s) if s.bands.is_empty() => errors.push(
                DefinitionError::new(
                    path,
                    K::InvalidJudgement,
                    "check-judgement-score-no-bands",
                    format!("score `{key}` has no bands, so it cannot suggest a level"),
                )
                .arg("key", key.as_str()),
            ),
            Some(s) => {
                for band in &s.bands {
                    if !j.levels.iter().any(|l| l.level == band.level) {
                        errors.push(DefinitionError::new(&path, K::InvalidJudgement, "check-judgement-level-not-offered", format!("score `{key}` can suggest `{}`, which this judgement does not offer", band.level.code())).arg("key", key.as_str()).arg("level", band.level.code()));
                    }
                }
            }
        }
    }
}
