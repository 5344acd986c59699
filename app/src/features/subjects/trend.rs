//! A subject's trend: for each instrument, each of its scores over the
//! subject's submitted assessments (a correction replaces what it
//! corrects), drawn as a small SVG chart over the score's band colours,
//! the oldest on the left and the distance between points that of their
//! days. Drawn on the server; no code is sent. The numbers are also in
//! each chart's accessible name and in the history table above it.

use crate::features::instruments::preview::outcome::level_name;
use crate::features::instruments::preview::state::resolve;
use crate::i18n::{t, use_i18n};
use crate::model::AssessmentSummary;
use domain::definition::{Definition, Level};
use domain::{AssessmentStatus, Day, Gender, Locale};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// One submitted assessment's value of a score.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Days since 1970-01-01 of the submission.
    pub day: i64,
    /// The submission's timestamp (ISO 8601).
    pub at: String,
    pub value: i64,
    /// `None` for a score left incomplete (too many omitted items).
    pub band: Option<Level>,
}

/// One score of an instrument over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    /// The score's bands: level, lowest and highest value.
    pub bands: Vec<(Level, i64, i64)>,
    /// Oldest first.
    pub points: Vec<Point>,
}

/// Every score of one instrument over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Trend {
    pub instrument: String,
    pub title: String,
    pub series: Vec<Series>,
}

/// The trends of the submitted assessments in `history` (newest first, as
/// the history lists them), one per instrument with a definition in
/// `definitions` (by instrument code: the version of its newest submitted
/// assessment, whose scores and labels are the ones drawn), their texts in
/// `locale` for a subject of `gender`.
pub fn trends(
    history: &[AssessmentSummary],
    definitions: &BTreeMap<String, Definition>,
    locale: Locale,
    gender: Gender,
) -> Vec<Trend> {
    definitions
        .iter()
        .filter_map(|(code, definition)| {
            let source = definition.meta.source_locale;
            let mut submitted: Vec<&AssessmentSummary> = history
                .iter()
                .filter(|a| {
                    a.instrument.as_str() == code && a.status == AssessmentStatus::Submitted
                })
                .collect();
            submitted.sort_by(|a, b| a.submitted_at.cmp(&b.submitted_at));
            let series: Vec<Series> = definition
                .scores
                .iter()
                .filter_map(|score| {
                    let points: Vec<Point> = submitted
                        .iter()
                        .filter_map(|a| {
                            let at = a.submitted_at.clone()?;
                            let day = Day::of_timestamp(&at).ok()?.number();
                            let s = a.scores.get(score.key.as_str())?;
                            Some(Point {
                                day,
                                at,
                                value: s.value,
                                band: s.band,
                            })
                        })
                        .collect();
                    (!points.is_empty()).then(|| Series {
                        label: resolve(&score.label, locale, gender, source),
                        bands: score
                            .bands
                            .iter()
                            .map(|b| (b.level, b.min, b.max))
                            .collect(),
                        points,
                    })
                })
                .collect();
            (!series.is_empty()).then(|| Trend {
                instrument: code.clone(),
                title: resolve(&definition.meta.title, locale, gender, source),
                series,
            })
        })
        .collect()
}

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 64.0;
const PAD: f64 = 8.0;

/// The band colours (the stylesheet's --ok-bg, --warn-bg, --bad-bg) and
/// the line's (--brand), as SVG attributes: the chart needs no rules in
/// the stylesheet every page loads.
fn band_fill(level: Level) -> &'static str {
    match level {
        Level::Low => "#e5f3e9",
        Level::Moderate => "#fdf1d8",
        Level::High => "#fbe9e9",
    }
}

const LINE: &str = "#1f4e5f";

fn level_code(level: Level) -> &'static str {
    match level {
        Level::Low => "low",
        Level::Moderate => "moderate",
        Level::High => "high",
    }
}

/// Text for XML: `&`, `<`, `>` and `"` escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// What a point says in words: "03.12.2026: 12 (moderate)".
fn point_words(point: &Point, locale: Locale) -> String {
    let band = point
        .band
        .map(|b| format!(" ({})", level_name(locale, b)))
        .unwrap_or_default();
    format!("{}: {}{band}", locale.format_date(&point.at), point.value)
}

/// The chart of one series as SVG markup: band stripes, the line through
/// the points, and each point (hollow when the score was incomplete) with
/// its words as a tooltip.
pub fn chart_svg(series: &Series, locale: Locale) -> String {
    let values = series.points.iter().map(|p| p.value);
    let band_edges = series.bands.iter().flat_map(|&(_, lo, hi)| [lo, hi]);
    let lo = values.clone().chain(band_edges.clone()).min().unwrap_or(0) as f64 - 0.5;
    let hi = values.chain(band_edges).max().unwrap_or(0) as f64 + 0.5;
    let y = |v: f64| PAD + (hi - v) / (hi - lo) * (HEIGHT - 2.0 * PAD);
    let first = series.points.first().map_or(0, |p| p.day);
    let span = series.points.last().map_or(0, |p| p.day) - first;
    let x = |day: i64| {
        if span == 0 {
            WIDTH / 2.0
        } else {
            PAD + (day - first) as f64 / span as f64 * (WIDTH - 2.0 * PAD)
        }
    };
    let words: Vec<String> = series
        .points
        .iter()
        .map(|p| point_words(p, locale))
        .collect();
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="trend-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{}">"#,
        escape(&format!("{}: {}", series.label, words.join("; ")))
    );
    for &(level, min, max) in &series.bands {
        let top = y(max as f64 + 0.5).max(0.0);
        let bottom = y(min as f64 - 0.5).min(HEIGHT);
        let _ = write!(
            svg,
            r#"<rect class="trend-band" data-band="{}" fill="{}" x="0" y="{top:.1}" width="{WIDTH}" height="{:.1}"/>"#,
            level_code(level),
            band_fill(level),
            (bottom - top).max(0.0)
        );
    }
    let line: Vec<String> = series
        .points
        .iter()
        .map(|p| format!("{:.1},{:.1}", x(p.day), y(p.value as f64)))
        .collect();
    if line.len() > 1 {
        let _ = write!(
            svg,
            r#"<polyline class="trend-line" fill="none" stroke="{LINE}" stroke-width="2" points="{}"/>"#,
            line.join(" ")
        );
    }
    for (point, words) in series.points.iter().zip(&words) {
        let _ = write!(
            svg,
            r#"<circle class="trend-point" data-band="{}" fill="{}" stroke="{LINE}" stroke-width="1.5" cx="{:.1}" cy="{:.1}" r="4"><title>{}</title></circle>"#,
            point.band.map_or("none", level_code),
            // Hollow when the score was incomplete (it has bands, but no
            // band was given).
            if point.band.is_none() && !series.bands.is_empty() {
                "#fff"
            } else {
                LINE
            },
            x(point.day),
            y(point.value as f64),
            escape(words)
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The trend section of a subject's page; nothing when no assessment of
/// theirs has been submitted.
#[component]
pub fn SubjectTrend(trends: Vec<Trend>) -> impl IntoView {
    let locale = use_i18n().locale.get_untracked();
    (!trends.is_empty()).then(|| {
        view! {
            <section class="card" id="subject-trend">
                <h2>{t("subject-trend")}</h2>
                <p class="hint">{t("subject-trend-hint")}</p>
                {trends
                    .into_iter()
                    .map(|trend| view! { <TrendTable trend locale /> })
                    .collect_view()}
            </section>
        }
    })
}

#[component]
fn TrendTable(trend: Trend, locale: Locale) -> impl IntoView {
    view! {
        <h3 data-instrument=trend.instrument.clone()>
            {trend.title} " (" {trend.instrument.clone()} ")"
        </h3>
        <div class="table-wrap">
            <table class="trend">
                <thead>
                    <tr>
                        <th scope="col">{t("subject-trend-score")}</th>
                        <th scope="col">{t("subject-trend-over-time")}</th>
                        <th scope="col">{t("subject-trend-latest")}</th>
                    </tr>
                </thead>
                <tbody>
                    {trend
                        .series
                        .into_iter()
                        .map(|series| {
                            let svg = chart_svg(&series, locale);
                            let first = series.points.first().map(|p| locale.format_date(&p.at));
                            let last = series.points.last().cloned();
                            let latest = last.as_ref().map(|p| p.value.to_string());
                            let band = last.as_ref().and_then(|p| p.band);
                            view! {
                                <tr>
                                    <th scope="row">{series.label}</th>
                                    <td class="trend-cell">
                                        <div inner_html=svg></div>
                                        <div class="trend-dates">
                                            <span>{first}</span>
                                            <span>{last.map(|p| locale.format_date(&p.at))}</span>
                                        </div>
                                    </td>
                                    <td>
                                        {latest} " "
                                        {band
                                            .map(|b| {
                                                view! {
                                                    <span class="band" data-band=level_code(b)>
                                                        {level_name(locale, b)}
                                                    </span>
                                                }
                                            })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ScoreView;
    use domain::AssessmentId;

    fn point(day: i64, value: i64, band: Option<Level>) -> Point {
        Point {
            day,
            at: "2026-12-03T10:00:00Z".into(),
            value,
            band,
        }
    }

    fn series(points: Vec<Point>) -> Series {
        Series {
            label: "Total <&>".into(),
            bands: vec![
                (Level::Low, 0, 4),
                (Level::Moderate, 5, 9),
                (Level::High, 10, 14),
            ],
            points,
        }
    }

    #[test]
    fn points_are_placed_by_day_and_value_within_the_bands() {
        let svg = chart_svg(
            &series(vec![
                point(0, 0, Some(Level::Low)),
                point(30, 14, Some(Level::High)),
                point(120, 7, None),
            ]),
            Locale::En,
        );
        // Oldest at the left edge, newest at the right, the middle a
        // quarter of the way (30 of 120 days).
        assert!(svg.contains(r#"cx="8.0""#), "{svg}");
        assert!(svg.contains(r#"cx="312.0""#), "{svg}");
        assert!(svg.contains(r#"cx="84.0""#), "{svg}");
        // The lowest value near the bottom, the highest near the top.
        assert!(
            svg.contains(r#"cy="54.4""#) && svg.contains(r#"cy="9.6""#),
            "{svg}"
        );
        assert!(svg.contains(r#"data-band="none""#));
        assert_eq!(svg.matches("<rect").count(), 3);
        assert!(svg.contains("<polyline"));
        // The label is escaped, never markup.
        assert!(svg.contains("Total &lt;&amp;&gt;") && !svg.contains("<&>"));
    }

    #[test]
    fn a_single_point_sits_in_the_middle_without_a_line() {
        let svg = chart_svg(&series(vec![point(5, 3, Some(Level::Low))]), Locale::Ru);
        assert!(svg.contains(r#"cx="160.0""#), "{svg}");
        assert!(!svg.contains("<polyline"));
        assert!(svg.contains("03.12.2026: 3"), "{svg}");
    }

    fn summary(id: u8, status: AssessmentStatus, at: &str, total: i64) -> AssessmentSummary {
        AssessmentSummary {
            id: AssessmentId::parse(&format!("00000000-0000-0000-0000-0000000000{id:02}")).unwrap(),
            instrument: "IRNS".parse().unwrap(),
            version: 1,
            status,
            locale: Locale::Tg,
            assessor: "sanjar".into(),
            started_at: at.into(),
            submitted_at: (status != AssessmentStatus::Draft).then(|| at.into()),
            amends: None,
            total_band: None,
            reassess_by: None,
            overdue: false,
            scores: BTreeMap::from([(
                "total".to_owned(),
                ScoreView {
                    value: total,
                    band: Some(Level::Low),
                    omitted: 0,
                    unanswered: 0,
                },
            )]),
        }
    }

    #[test]
    fn a_trend_has_the_submitted_assessments_oldest_first_and_the_definitions_labels() {
        let intake = Definition::from_json(include_str!(
            "../../../../instrument-library/intake-screen/definition.json"
        ))
        .expect("the intake screen parses");
        let history = vec![
            summary(4, AssessmentStatus::Draft, "2026-12-01T09:00:00Z", 20),
            summary(3, AssessmentStatus::Submitted, "2026-11-01T09:00:00Z", 9),
            summary(2, AssessmentStatus::Superseded, "2026-10-01T09:00:00Z", 1),
            summary(1, AssessmentStatus::Submitted, "2026-06-01T09:00:00Z", 5),
        ];
        let definitions = BTreeMap::from([("IRNS".to_owned(), intake)]);
        let found = trends(&history, &definitions, Locale::En, Gender::Female);
        assert_eq!(found.len(), 1);
        let trend = &found[0];
        assert_eq!(trend.instrument, "IRNS");
        assert!(!trend.title.is_empty());
        // Only the total was scored in these summaries.
        assert_eq!(trend.series.len(), 1);
        let total = &trend.series[0];
        assert_eq!(
            total.points.iter().map(|p| p.value).collect::<Vec<_>>(),
            vec![5, 9]
        );
        assert_eq!(total.bands.len(), 3);
        assert!(!total.label.is_empty());
        // Nothing submitted, no trend.
        assert!(trends(&history[..1], &definitions, Locale::En, Gender::Female).is_empty());
    }
}
