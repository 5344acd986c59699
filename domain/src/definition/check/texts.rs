//! Translation completeness: every text in every required locale, and in
//! gendered locales every gender variant the text can be shown in.
//!
//! Which genders a text needs: the instrument's declared `genders`, narrowed
//! to one when the item or section `applies_to` one gender. Scale option
//! labels are needed for every declared gender, since a scale is shared.

use super::super::error::{DefinitionError, DefinitionErrorKind as K, gender_name, language_name};
use super::super::message::{gender_term, locale_term};
use super::super::model::Definition;
use super::super::text::Text;
use crate::Gender;

/// One text of a definition with where it is and for whom it is shown.
#[derive(Debug, Clone, Copy)]
pub struct TextRef<'d> {
    /// JSON pointer, e.g. `/sections/1/items/0/label`.
    pub path: &'d str,
    pub text: &'d Text,
    /// Genders that may see this text.
    pub genders: &'d [Gender],
}

impl Definition {
    /// Calls `visit` for every text in document order, e.g. to build a
    /// translation-status table or a side-by-side review.
    pub fn visit_texts(&self, mut visit: impl FnMut(TextRef<'_>)) {
        let all = self.meta.genders.clone();
        let mut emit = |path: String, text: &Text, genders: &[Gender]| {
            visit(TextRef {
                path: &path,
                text,
                genders,
            })
        };
        emit("/meta/title".into(), &self.meta.title, &all);
        emit("/meta/purpose".into(), &self.meta.purpose, &all);
        for (ci, scale) in self.scales.iter().enumerate() {
            for (oi, option) in scale.options.iter().enumerate() {
                emit(
                    format!("/scales/{ci}/options/{oi}/label"),
                    &option.label,
                    &all,
                );
                if let Some(h) = &option.hint {
                    emit(format!("/scales/{ci}/options/{oi}/hint"), h, &all);
                }
            }
            if let Some(omit) = &scale.omit {
                emit(format!("/scales/{ci}/omit/label"), &omit.label, &all);
            }
        }
        for (si, section) in self.sections.iter().enumerate() {
            let narrow = |g: Option<Gender>| -> Vec<Gender> {
                match g {
                    Some(g) => vec![g],
                    None => all.clone(),
                }
            };
            let section_genders = narrow(section.applies_to);
            emit(
                format!("/sections/{si}/title"),
                &section.title,
                &section_genders,
            );
            if let Some(intro) = &section.intro {
                emit(format!("/sections/{si}/intro"), intro, &section_genders);
            }
            for (ii, item) in section.items.iter().enumerate() {
                let genders = narrow(Definition::item_applies_to(section, item));
                let base = super::item_path(si, ii);
                emit(format!("{base}/label"), &item.label, &genders);
                if let Some(h) = &item.hint {
                    emit(format!("{base}/hint"), h, &genders);
                }
                if let Some(g) = &item.guidance {
                    emit(format!("{base}/guidance"), g, &genders);
                }
            }
        }
        for (i, score) in self.scores.iter().enumerate() {
            emit(format!("/scores/{i}/label"), &score.label, &all);
            for (bi, band) in score.bands.iter().enumerate() {
                emit(format!("/scores/{i}/bands/{bi}/label"), &band.label, &all);
            }
        }
        for (i, flag) in self.flags.iter().enumerate() {
            emit(format!("/flags/{i}/label"), &flag.label, &all);
            if let Some(g) = &flag.guidance {
                emit(format!("/flags/{i}/guidance"), g, &all);
            }
        }
        for (i, j) in self.judgements.iter().enumerate() {
            emit(format!("/judgements/{i}/label"), &j.label, &all);
            if let Some(g) = &j.guidance {
                emit(format!("/judgements/{i}/guidance"), g, &all);
            }
            for (li, level) in j.levels.iter().enumerate() {
                emit(
                    format!("/judgements/{i}/levels/{li}/label"),
                    &level.label,
                    &all,
                );
            }
        }
    }
}

pub(super) fn check_texts(def: &Definition, errors: &mut Vec<DefinitionError>) {
    let locales = def.meta.required_locales.clone();
    def.visit_texts(|t| {
        for m in t.text.missing(&locales, t.genders) {
            let language = language_name(m.locale);
            let error = match m.gender {
                None => DefinitionError::new(
                    format!("{}/{}", t.path, m.locale.code()),
                    K::MissingWording,
                    "check-missing-wording",
                    format!("missing {language} wording"),
                ),
                Some(g) => DefinitionError::new(
                    format!("{}/{}/{}", t.path, m.locale.code(), gender_name(g)),
                    K::MissingWording,
                    "check-missing-gender-wording",
                    format!("missing {language} {} wording", gender_name(g)),
                )
                .arg("gender", gender_term(g)),
            };
            errors.push(error.arg("locale", locale_term(m.locale)));
        }
    });
}
