//! Reading a definition from JSON with every structural error located.
//!
//! serde stops at the first error, so the document is read piece by piece:
//! the skeleton (format, meta), then each scale, section and item, score,
//! flag and judgement on its own. One misspelt field in item 40 therefore
//! does not hide another in item 70, and each error carries the JSON pointer
//! of the offending value (via `serde_path_to_error`).

use super::error::{DefinitionError, DefinitionErrorKind as K, escape_segment};
use super::model::{Definition, Section};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Parses and structurally checks; semantic checks are `Definition::check`.
pub fn from_json(source: &str) -> Result<Definition, Vec<DefinitionError>> {
    let value: Value = serde_json::from_str(source).map_err(|e| {
        vec![
            DefinitionError::new(
                "",
                K::Syntax,
                "check-syntax",
                format!("the file is not valid JSON: {e}"),
            )
            .arg("line", e.line())
            .arg("column", e.column()),
        ]
    })?;
    from_value(value)
}

fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => out.push_str(&format!("/{}", escape_segment(key))),
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    out
}

fn read<T: DeserializeOwned>(
    value: &Value,
    base: &str,
    errors: &mut Vec<DefinitionError>,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(value) {
        Ok(t) => Some(t),
        Err(e) => {
            let path = format!("{base}{}", pointer(e.path()));
            errors.push(structure_error(path, e.inner().to_string()));
            None
        }
    }
}

/// A serde error, with a message id for the common cases: serde says them
/// in English only ("unknown field `lable`, expected one of …").
fn structure_error(path: String, message: String) -> DefinitionError {
    let quoted = |prefix: &str| {
        let rest = message.strip_prefix(prefix)?;
        rest.split('`').next().map(str::to_owned)
    };
    let error = |id| DefinitionError::new(path.clone(), K::Structure, id, message.clone());
    if let Some(field) = quoted("unknown field `") {
        error("check-structure-unknown-field").arg("field", field)
    } else if let Some(field) = quoted("missing field `") {
        error("check-structure-missing-field").arg("field", field)
    } else if let Some(value) = quoted("unknown variant `") {
        error("check-structure-unknown-variant").arg("value", value)
    } else {
        error("check-structure").arg("detail", message.as_str())
    }
}

/// Takes an array field out of an object, leaving `[]` in its place.
fn take_array(object: &mut Value, field: &str) -> Option<Vec<Value>> {
    match object.get_mut(field)? {
        Value::Array(a) => Some(std::mem::take(a)),
        _ => None,
    }
}

fn read_all<T: DeserializeOwned>(
    values: &[Value],
    base: &str,
    errors: &mut Vec<DefinitionError>,
) -> Vec<T> {
    values
        .iter()
        .enumerate()
        .filter_map(|(i, v)| read(v, &format!("{base}/{i}"), errors))
        .collect()
}

pub fn from_value(mut value: Value) -> Result<Definition, Vec<DefinitionError>> {
    if !value.is_object() {
        return Err(vec![DefinitionError::new(
            "",
            K::Structure,
            "check-structure-not-object",
            "a definition must be a JSON object",
        )]);
    }
    let mut errors = Vec::new();
    let scales = take_array(&mut value, "scales");
    let sections = take_array(&mut value, "sections");
    let scores = take_array(&mut value, "scores");
    let flags = take_array(&mut value, "flags");
    let judgements = take_array(&mut value, "judgements");
    let skeleton: Option<Definition> = read(&value, "", &mut errors);

    let scales = read_all(
        scales.as_deref().unwrap_or_default(),
        "/scales",
        &mut errors,
    );
    let mut parsed_sections = Vec::new();
    for (si, mut raw) in sections.unwrap_or_default().into_iter().enumerate() {
        let base = format!("/sections/{si}");
        let items = if raw.is_object() {
            take_array(&mut raw, "items")
        } else {
            None
        };
        let section: Option<Section> = read(&raw, &base, &mut errors);
        let items = read_all(
            items.as_deref().unwrap_or_default(),
            &format!("{base}/items"),
            &mut errors,
        );
        if let Some(mut section) = section {
            section.items = items;
            parsed_sections.push(section);
        }
    }
    let scores = read_all(
        scores.as_deref().unwrap_or_default(),
        "/scores",
        &mut errors,
    );
    let flags = read_all(flags.as_deref().unwrap_or_default(), "/flags", &mut errors);
    let judgements = read_all(
        judgements.as_deref().unwrap_or_default(),
        "/judgements",
        &mut errors,
    );

    match skeleton {
        Some(def) if errors.is_empty() => Ok(Definition {
            scales,
            sections: parsed_sections,
            scores,
            flags,
            judgements,
            ..def
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKELETON: &str = r#"{"format":1,"meta":{"code":"T","title":{"en":"t"},"purpose":{"en":"p"},
        "source_locale":"en","required_locales":["en"],"genders":["male"]},"#;

    #[test]
    fn invalid_json_is_one_syntax_error() {
        let errors = from_json("{ not json").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].kind, K::Syntax);
    }

    #[test]
    fn structural_errors_in_several_items_are_all_reported_with_their_paths() {
        let doc = format!(
            r#"{SKELETON} "sections":[{{"key":"s","title":{{"en":"S"}},"items":[
                {{"key":"a","type":"rating","label":{{"en":"A"}},"scale":"x","lable":1}},
                {{"key":"b","type":"ratin","label":{{"en":"B"}}}},
                {{"key":"c","type":"number","label":{{"de":"C"}}}}]}}]}}"#
        );
        let errors = from_json(&doc).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/sections/0/items/0/lable",
                "/sections/0/items/1/type",
                "/sections/0/items/2/label"
            ]
        );
        assert!(errors[0].message.contains("lable"), "{}", errors[0].message);
        assert!(
            errors[2].message.contains("unknown locale `de`"),
            "{}",
            errors[2].message
        );
        assert_eq!(errors[0].message_id, "check-structure-unknown-field");
        assert_eq!(errors[0].args, [("field", "lable".into())]);
        assert_eq!(errors[1].message_id, "check-structure-unknown-variant");
        assert_eq!(errors[2].message_id, "check-structure");
    }

    #[test]
    fn a_bad_key_in_the_skeleton_is_located() {
        let doc = r#"{"format":1,"meta":{"code":"T","title":{"en":"t"},"purpose":{"en":"p"},
            "source_locale":"xx","required_locales":["en"],"genders":["male"]},"sections":[]}"#;
        let errors = from_json(doc).unwrap_err();
        assert_eq!(errors[0].path, "/meta/source_locale");
        assert!(from_json("[1]").is_err());
    }
}
