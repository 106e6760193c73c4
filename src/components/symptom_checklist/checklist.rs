//! The checklist as the page shows it (built inside its own wasm file, `part::checklist`),
//! or a safe fallback if its rules cannot be read.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::assessment::{use_assessment, Ticked};
use super::sentence::sentence;
use super::{
    ChecklistActions, ChecklistIntro, ChecklistSources, EmergencyAlert, PrintSummary, ResultBar,
    SymptomGroup, SymptomResult,
};
use crate::components::clinic_links::{EmergencyLink, PhoneLink};
use crate::components::heading::PageHeading;
use crate::context::{href_to, use_lang};
use crate::routes::Page;
use crate::symptoms::Rules;
use crate::text::symptoms::SymptomsText;

/// The checklist, or a safe fallback if its rules cannot be read.
pub fn checklist_view() -> AnyView {
    match Rules::shipped() {
        Ok(rules) => view! { <SymptomChecklist rules /> }.into_any(),
        Err(err) => view! { <ChecklistUnavailable message=err.to_string() /> }.into_any(),
    }
}

/// The checklist itself. Answers stay in this component's signal and nowhere else; everything
/// shown about them comes from the one assessment memo.
#[component]
fn SymptomChecklist(rules: Rules) -> impl IntoView {
    let groups: Vec<_> = rules
        .groups
        .iter()
        .map(|g| (g.clone(), rules.items_in(g.id).cloned().collect::<Vec<_>>()))
        .collect();
    let sources: Vec<_> = rules.sources().into_iter().cloned().collect();
    let ticked: Ticked = RwSignal::new(BTreeSet::new());
    let rules = StoredValue::new(rules);
    let assessment = use_assessment(rules, ticked);
    let text = SymptomsText::of(use_lang());
    // Once the start-up is over, so the patient's first tick does not wait for V8 to compile it.
    #[cfg(target_arch = "wasm32")]
    if let Some(owner) = Owner::current() {
        crate::startup::after_start_up(move || {
            leptos::task::spawn_local(crate::components::symptom_checklist::warm_up(rules, owner));
        });
    }
    view! {
        <div class="page symptoms">
            <EmergencyAlert assessment />
            <PageHeading>{text.title}</PageHeading>
            <ChecklistIntro />
            // The compact summary sticks to the bottom of the screen only while the form is in
            // view, then settles just above the full result.
            <div class="symptoms__checklist">
                <form
                    class="symptoms__form no-print"
                    aria-label=text.form_label
                    on:submit=|ev| ev.prevent_default()
                >
                    {groups
                        .into_iter()
                        .map(|(group, items)| view! { <SymptomGroup group items ticked /> })
                        .collect_view()}
                    <ChecklistActions ticked />
                </form>
                <ResultBar assessment />
            </div>
            <SymptomResult assessment />
            <PrintSummary assessment />
            <ChecklistSources sources />
        </div>
    }
}

/// Shown if the checklist's rules cannot be read: never a blank page, always a way to get help.
#[component]
fn ChecklistUnavailable(
    /// What went wrong, for the site's maintainer.
    message: String,
) -> impl IntoView {
    let text = SymptomsText::of(use_lang());
    let contact = href_to(Page::Contact);
    let help = sentence(text.unavailable, move |slot| match slot {
        "emergency" => view! { <EmergencyLink /> }.into_any(),
        "phone" => view! { <PhoneLink /> }.into_any(),
        _ => view! { <a href=contact.clone()>{text.unavailable_write}</a> }.into_any(),
    });
    view! {
        <div class="page symptoms">
            <PageHeading>{text.title}</PageHeading>
            <p role="alert">{help}</p>
            <p class="symptoms__error-detail">{text.unavailable_detail} {message}</p>
        </div>
    }
}
