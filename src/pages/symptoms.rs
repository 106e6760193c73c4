//! Back pain symptom checklist page (placeholder until its feature lands).

use leptos::prelude::*;
use leptos_meta::Title;

/// Back pain symptom checklist.
#[component]
pub fn SymptomsPage() -> impl IntoView {
    view! {
        <Title text="Back pain symptom checklist" />
        <div class="page">
            <h1>"Back pain symptom checklist"</h1>
            <p>"The checklist will appear here."</p>
        </div>
    }
}
