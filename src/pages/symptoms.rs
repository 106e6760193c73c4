//! Back pain symptom checklist page: tick what you feel, learn what to do next.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::symptom_checklist::{
    EmergencyAlert, PrintSummary, SymptomGroup, SymptomResult, Ticked,
};
use crate::components::heading::PageHeading;
use crate::paths::href;
use crate::symptoms::{triage, Rules, Tier};
use crate::use_config;

/// Back pain symptom checklist, or a safe fallback if its rules cannot be read.
#[component]
pub fn SymptomsPage() -> impl IntoView {
    let checklist = match Rules::shipped() {
        Ok(rules) => view! { <SymptomChecklist rules /> }.into_any(),
        Err(err) => view! { <ChecklistUnavailable message=err.to_string() /> }.into_any(),
    };
    view! {
        <Title text="Back pain symptom checklist" />
        <Meta
            name="description"
            content="Tick how your back pain feels and learn how soon to get help, emergency signs first. Your answers stay on your device."
        />
        {checklist}
    }
}

/// The checklist itself. Answers stay in this component's signals and nowhere else.
#[component]
fn SymptomChecklist(rules: Rules) -> impl IntoView {
    let config = use_config();
    let groups: Vec<_> = rules
        .groups
        .iter()
        .map(|g| (g.clone(), rules.items_in(g.id).cloned().collect::<Vec<_>>()))
        .collect();
    let sources: Vec<_> = rules.sources().into_iter().cloned().collect();
    let rules = StoredValue::new(rules);
    let ticked: Ticked = RwSignal::new(BTreeSet::new());
    let tier = Memo::new(move |_| {
        ticked.with(|set| rules.with_value(|r| triage::outcome(r, set.iter().map(String::as_str))))
    });
    let clear_all = move |_| ticked.set(BTreeSet::new());
    let print = |_| {
        if let Some(window) = web_sys::window() {
            // Printing is a convenience: if the browser refuses, the page is still there.
            let _ = window.print();
        }
    };
    view! {
        <div class="page symptoms">
            <Show when=move || tier.get() == Some(Tier::Emergency)>
                <EmergencyAlert />
            </Show>
            <PageHeading>"Back pain symptom checklist"</PageHeading>
            <div class="symptoms__intro no-print">
                <p>
                    "Tick anything that matches how your back feels right now. "
                    "The advice below changes as you tick, starting with the most serious signs."
                </p>
                <p class="symptoms__notice">
                    <strong>"This checklist is not a diagnosis."</strong>
                    " It helps you decide how soon to get help. If you are worried, call the clinic on "
                    <a href=config.tel_href()>{config.phone.display.clone()}</a>
                    ", or in an emergency call "
                    <a href=config.emergency_href()>{config.emergency_number.clone()}</a>
                    "."
                </p>
                <p class="symptoms__privacy">
                    "Your answers stay on this device. They are not sent to the clinic or anyone else, "
                    "and they are gone when you leave or reload the page."
                </p>
            </div>
            <form
                class="symptoms__form no-print"
                aria-label="Symptoms"
                on:submit=|ev| ev.prevent_default()
            >
                {groups
                    .into_iter()
                    .map(|(group, items)| view! { <SymptomGroup group items ticked /> })
                    .collect_view()}
                <div class="symptoms__actions">
                    <button type="button" class="button button--secondary" on:click=clear_all>
                        "Clear all"
                    </button>
                    <button type="button" class="button" on:click=print>
                        "Print or save this summary"
                    </button>
                </div>
            </form>
            <SymptomResult rules ticked tier />
            <PrintSummary rules ticked tier />
            <section class="symptoms__sources no-print" aria-labelledby="symptoms-sources-title">
                <h2 id="symptoms-sources-title">"Where this checklist comes from"</h2>
                <p>"Each item and its advice is based on these public health sources:"</p>
                <ul>
                    {sources
                        .into_iter()
                        .map(|s| view! { <li><a href=s.url>{s.title}</a></li> })
                        .collect_view()}
                </ul>
            </section>
        </div>
    }
}

/// Shown if the checklist's rules cannot be read: never a blank page, always a way to get help.
#[component]
fn ChecklistUnavailable(
    /// What went wrong, for the site's maintainer.
    message: String,
) -> impl IntoView {
    let config = use_config();
    view! {
        <div class="page symptoms">
            <PageHeading>"Back pain symptom checklist"</PageHeading>
            <p role="alert">
                "Sorry, the checklist cannot be shown right now. If you think it is an emergency, call "
                <a href=config.emergency_href()>{config.emergency_number.clone()}</a>
                ". Otherwise call the clinic on "
                <a href=config.tel_href()>{config.phone.display.clone()}</a>
                " or "
                <a href=href("/contact")>"send us a message"</a>
                "."
            </p>
            <p class="symptoms__error-detail">"Details for the site's maintainer: " {message}</p>
        </div>
    }
}
