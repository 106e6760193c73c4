//! Contact the clinic: the phone number first, then the contact form.

use leptos::prelude::*;

use crate::components::heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::components::part::PartPage;
use crate::routes::Part;
use crate::routes::CONTACT_PATH;

/// Contact the clinic. `?topic=back-pain` (from the symptom checklist) starts the message. The
/// form (with the clinic's phone number) arrives as its own wasm file
/// ([`crate::components::part`]); the pre-rendered page waits for it before it hydrates.
#[component]
pub fn ContactPage() -> impl IntoView {
    view! {
        <PageMeta
            title="Contact the clinic"
            description="Write to the clinic or call us: ask a question or request an appointment. We reply within one working day."
            path=CONTACT_PATH
            clinic=true
        />
        <div class="page contact-page">
            <PageHeading>"Contact the clinic"</PageHeading>
            <p class="contact-page__intro">
                "Questions about care, opening hours or a first visit are welcome. "
                "Call us, or write and we'll get back to you."
            </p>
            <PartPage part=Part::Contact what="the contact form" />
        </div>
    }
}
