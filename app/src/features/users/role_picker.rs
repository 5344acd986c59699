//! Checkboxes for the five roles, bound to a signal.

use crate::components::RoleLabel;
use crate::i18n::t;
use domain::Role;
use leptos::prelude::*;

#[component]
pub fn RolePicker(selected: RwSignal<Vec<Role>>) -> impl IntoView {
    view! {
        <fieldset class="field choices">
            <legend>{t("field-roles")}</legend>
            {Role::ALL
                .into_iter()
                .map(|role| {
                    let id = format!("role-{}", role.code());
                    let input_id = id.clone();
                    view! {
                        <label class="choice" for=id>
                            <input
                                type="checkbox"
                                id=input_id
                                name="roles"
                                value=role.code()
                                prop:checked=move || selected.get().contains(&role)
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    selected
                                        .update(|roles| {
                                            roles.retain(|r| *r != role);
                                            if on {
                                                roles.push(role);
                                            }
                                        });
                                }
                            />
                            <RoleLabel role />
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
