//! Checkboxes for the five roles, sent as `{prefix}[roles][i]`.

use crate::components::RoleLabel;
use crate::i18n::t;
use domain::Role;
use leptos::prelude::*;

/// The form names of the role checkboxes under `prefix` (`user`, `change`),
/// one index per role, as the server functions read a list.
pub fn role_field(prefix: &str, index: usize) -> String {
    format!("{prefix}[roles][{index}]")
}

#[component]
pub fn RolePicker(
    /// The argument the roles belong to (`user`, `change`).
    prefix: &'static str,
    /// The roles ticked.
    selected: Vec<Role>,
) -> impl IntoView {
    view! {
        <fieldset class="field choices">
            <legend>{t("field-roles")}</legend>
            {Role::ALL
                .into_iter()
                .enumerate()
                .map(|(index, role)| {
                    let id = format!("role-{}", role.code());
                    let input_id = id.clone();
                    view! {
                        <label class="choice" for=id>
                            <input
                                type="checkbox"
                                id=input_id
                                name=role_field(prefix, index)
                                value=role.code()
                                checked=selected.contains(&role)
                            />
                            <RoleLabel role />
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The roles a refused form had ticked, if it was just posted.
pub fn sent_roles(form: &crate::components::FormState, prefix: &str) -> Option<Vec<Role>> {
    form.error()?;
    Some(
        Role::ALL
            .into_iter()
            .enumerate()
            .filter(|(index, role)| {
                form.sent(&role_field(prefix, *index), role.code()) == Some(true)
            })
            .map(|(_, role)| role)
            .collect(),
    )
}
