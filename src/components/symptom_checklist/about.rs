//! What the checklist is and where it comes from: the introduction and the sources.

use leptos::prelude::*;

use crate::components::clinic_links::{EmergencyLink, PhoneLink};
use crate::symptoms::Source;

/// How to use the checklist, that it is not a diagnosis, and that answers stay on the device.
#[component]
pub fn ChecklistIntro() -> impl IntoView {
    view! {
        <div class="symptoms__intro no-print">
            <p>
                "Tick anything that matches how your back feels right now. "
                "The advice below changes as you tick, starting with the most serious signs."
            </p>
            <p class="symptoms__notice">
                <strong>"This checklist is not a diagnosis."</strong>
                " It helps you decide how soon to get help. If you are worried, call the clinic on "
                <PhoneLink />
                ", or in an emergency call "
                <EmergencyLink />
                "."
            </p>
            <p class="symptoms__privacy">
                "Your answers stay on this device. They are not sent to the clinic or anyone else, "
                "and they are gone when you leave or reload the page."
            </p>
        </div>
    }
}

/// The public health sources the items and advice rest on.
#[component]
pub fn ChecklistSources(
    /// Each distinct source, in the order to list them.
    sources: Vec<Source>,
) -> impl IntoView {
    view! {
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
    }
}
