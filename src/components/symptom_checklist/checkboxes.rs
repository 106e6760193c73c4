//! The checklist's form controls: fieldsets of checkboxes, and the Clear all and Print buttons.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::assessment::Ticked;
use crate::context::use_lang;
use crate::symptoms::{Group, Item};
use crate::text::symptoms::SymptomsText;

/// The element id of an item's checkbox.
pub fn checkbox_id(item: &Item) -> String {
    format!("symptom-{}", item.id.replace('_', "-"))
}

/// One group of the checklist as a fieldset with its legend and a hint.
#[component]
pub fn SymptomGroup(
    /// The group's legend and hint.
    group: Group,
    /// The items shown in this group, in order.
    items: Vec<Item>,
    /// The shared set of ticked ids.
    ticked: Ticked,
) -> impl IntoView {
    let lang = use_lang();
    let slug = group.id.slug();
    let hint_id = format!("symptom-group-{slug}-hint");
    let described_by = hint_id.clone();
    view! {
        <fieldset
            class=format!("symptom-group symptom-group--{slug}")
            aria-describedby=described_by
        >
            <legend class="symptom-group__legend">{group.legend.get(lang).to_string()}</legend>
            <p class="symptom-group__hint" id=hint_id>{group.hint.get(lang).to_string()}</p>
            <ul class="symptom-group__items" role="list">
                {items
                    .into_iter()
                    .map(|item| view! { <li><SymptomCheckbox item ticked /></li> })
                    .collect_view()}
            </ul>
        </fieldset>
    }
}

/// A checkbox whose whole row (label included) is the tap target.
#[component]
fn SymptomCheckbox(
    /// The item this checkbox ticks.
    item: Item,
    /// The shared set of ticked ids.
    ticked: Ticked,
) -> impl IntoView {
    let wording = item.wording.get(use_lang()).to_string();
    let input_id = checkbox_id(&item);
    let label_for = input_id.clone();
    let id = item.id.clone();
    let id_for_state = item.id.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        ticked.update(|set| {
            if on {
                set.insert(id.clone());
            } else {
                set.remove(&id);
            }
        });
    };
    // The HTML is built with nothing ticked, and hydration starts from the same; a box ticked
    // before the app took over is ticked in the app just after.
    let before_app = input_id.clone();
    let id_for_restore = item.id.clone();
    Effect::new(move |_| {
        if crate::hydration::take_ticked(&before_app) {
            ticked.update(|set| {
                set.insert(id_for_restore.clone());
            });
        }
    });
    view! {
        <label class="symptom-check" for=label_for>
            <input
                class="symptom-check__box"
                type="checkbox"
                id=input_id
                prop:checked=move || ticked.with(|set| set.contains(&id_for_state))
                on:change=on_change
            />
            <span class="symptom-check__text">{wording}</span>
        </label>
    }
}

/// "Clear all" and "Print or save this summary", at the end of the form.
#[component]
pub fn ChecklistActions(
    /// The shared set of ticked ids, emptied by "Clear all".
    ticked: Ticked,
) -> impl IntoView {
    let text = SymptomsText::of(use_lang());
    let clear_all = move |_| ticked.set(BTreeSet::new());
    let print = |_| {
        if let Some(window) = web_sys::window() {
            // Printing is a convenience: if the browser refuses, the page is still there.
            let _ = window.print();
        }
    };
    view! {
        <div class="symptoms__actions">
            <button type="button" class="button button--secondary" on:click=clear_all>
                {text.clear_all}
            </button>
            <button type="button" class="button" on:click=print>
                {text.print}
            </button>
        </div>
    }
}
