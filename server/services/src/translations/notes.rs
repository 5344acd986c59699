//! A line of context for each text in a translation file: what the text
//! is (an item's label, an option of a scale…) and, for an item, its type
//! and the options it is answered with, in the source language — the
//! "context" column translators ask for first.

use domain::Gender;
use domain::definition::Definition;

fn gender(g: Option<Gender>) -> &'static str {
    match g {
        Some(Gender::Male) => "; men only",
        Some(Gender::Female) => "; women only",
        None => "",
    }
}

/// The note for the text at `path` (a pointer from `visit_texts`).
pub fn note(def: &Definition, path: &str) -> String {
    let s: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    let n = |i: usize| -> Option<usize> { s.get(i)?.parse().ok() };
    let what = s.last().copied().unwrap_or_default();
    let source = def.meta.source_locale;
    match s.first().copied() {
        Some("sections") => {
            let Some(section) = n(1).and_then(|i| def.sections.get(i)) else {
                return what.to_owned();
            };
            match n(3).and_then(|i| section.items.get(i)) {
                None => format!(
                    "section {} {what}{}",
                    section.key,
                    gender(section.applies_to)
                ),
                Some(item) => {
                    let options = item
                        .scale
                        .as_ref()
                        .and_then(|k| def.scales.iter().find(|c| &c.key == k))
                        .map(|scale| {
                            let labels: Vec<String> = scale
                                .options
                                .iter()
                                .filter_map(|o| {
                                    o.label.resolve(source, Gender::Male).map(str::to_owned)
                                })
                                .collect();
                            format!("; options: {}", labels.join(" / "))
                        })
                        .unwrap_or_default();
                    let item_type = serde_json::to_value(item.item_type)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default();
                    format!(
                        "item {} {what} ({item_type}) in section {}{}{options}",
                        item.key,
                        section.key,
                        gender(Definition::item_applies_to(section, item)),
                    )
                }
            }
        }
        Some("scales") => {
            let scale = n(1).and_then(|i| def.scales.get(i));
            let key = scale.map(|c| c.key.as_str()).unwrap_or_default();
            match s.get(2).copied() {
                Some("omit") => format!("scale {key}: the \"omit\" choice"),
                _ => format!("scale {key}: option {what}"),
            }
        }
        Some("scores") if s.get(2) == Some(&"bands") => {
            format!(
                "score {}: band",
                n(1).and_then(|i| def.scores.get(i))
                    .map(|x| x.key.as_str())
                    .unwrap_or_default()
            )
        }
        Some("scores") => "score label".to_owned(),
        Some("flags") => format!("flag {what}"),
        Some("judgements") if s.get(2) == Some(&"levels") => "judgement: level".to_owned(),
        Some("judgements") => format!("judgement {what}"),
        Some("meta") => format!("instrument {what}"),
        _ => what.to_owned(),
    }
}
