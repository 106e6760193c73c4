//! Back pain symptom checklist page: tick what you feel, learn what to do next.

use leptos::prelude::*;

use crate::components::chunk::PartPage;
use crate::components::page_meta::PageMeta;
use crate::routes::Part;

/// Back pain symptom checklist. The checklist arrives as its own wasm file
/// ([`crate::components::chunk`]), so articles load without it.
#[component]
pub fn SymptomsPage() -> impl IntoView {
    view! {
        <PageMeta title="Back pain symptom checklist" description="Tick how your back pain feels and learn how soon to get help, emergency signs first. Your answers stay on your device." path="/symptoms" />
        <PartPage part=Part::Checklist what="the checklist" />
    }
}
