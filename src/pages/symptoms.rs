//! Back pain symptom checklist page: tick what you feel, learn what to do next.

use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::components::part::PartPage;
use crate::routes::Part;
use crate::routes::SYMPTOMS_PATH;

/// Back pain symptom checklist. The checklist arrives as its own wasm file
/// ([`crate::components::part`]), so articles load without it.
#[component]
pub fn SymptomsPage() -> impl IntoView {
    view! {
        <PageMeta title="Back pain symptom checklist" description="Tick how your back pain feels and learn how soon to get help, emergency signs first. Your answers stay on your device." path=SYMPTOMS_PATH />
        <PartPage part=Part::Checklist what="the checklist" />
    }
}
