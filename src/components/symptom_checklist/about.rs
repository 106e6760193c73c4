//! What the checklist is and where it comes from: the introduction and the sources.

use leptos::prelude::*;

use super::sentence::sentence;
use crate::components::clinic_links::{EmergencyLink, PhoneLink};
use crate::context::use_lang;
use crate::symptoms::Source;
use crate::text::symptoms::SymptomsText;

/// How to use the checklist, that it is not a diagnosis, and that answers stay on the device.
#[component]
pub fn ChecklistIntro() -> impl IntoView {
    let text = SymptomsText::of(use_lang());
    let notice = sentence(text.notice, |slot| match slot {
        "strong" => view! { <strong>{text.not_a_diagnosis}</strong> }.into_any(),
        "phone" => view! { <PhoneLink /> }.into_any(),
        _ => view! { <EmergencyLink /> }.into_any(),
    });
    view! {
        <div class="symptoms__intro no-print">
            <p>{text.intro}</p>
            <p class="symptoms__notice">{notice}</p>
            <p class="symptoms__privacy">{text.privacy}</p>
        </div>
    }
}

/// The public health sources the items and advice rest on. They are English pages, so their
/// links say so (`hreflang`, and the Spanish introduction in words).
#[component]
pub fn ChecklistSources(
    /// Each distinct source, in the order to list them.
    sources: Vec<Source>,
) -> impl IntoView {
    let text = SymptomsText::of(use_lang());
    view! {
        <section class="symptoms__sources no-print" aria-labelledby="symptoms-sources-title">
            <h2 id="symptoms-sources-title">{text.sources_heading}</h2>
            <p>{text.sources_intro}</p>
            <ul>
                {sources
                    .into_iter()
                    .map(|s| view! { <li><a href=s.url hreflang="en" lang="en">{s.title}</a></li> })
                    .collect_view()}
            </ul>
        </section>
    }
}
