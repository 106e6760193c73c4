//! Contact the clinic page (placeholder until its feature lands).

use leptos::prelude::*;
use leptos_meta::Title;

/// Contact the clinic.
#[component]
pub fn ContactPage() -> impl IntoView {
    view! {
        <Title text="Contact the clinic" />
        <div class="page">
            <h1>"Contact the clinic"</h1>
            <p>"The contact form will appear here."</p>
        </div>
    }
}
