//! Contact the clinic: the phone number first, then the contact form.

use leptos::prelude::*;

use crate::components::heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::components::part::PartPage;
use crate::context::{path_to, use_lang};
use crate::routes::{Page, Part};
use crate::text::contact::ContactText;
use crate::text::site::SiteText;

/// Contact the clinic. `?topic=back-pain` (from the symptom checklist) starts the message. The
/// form (with the clinic's phone number) arrives as its own wasm file
/// ([`crate::components::part`]); the pre-rendered page waits for it before it hydrates.
#[component]
pub fn ContactPage() -> impl IntoView {
    let lang = use_lang();
    let text = ContactText::of(lang);
    view! {
        <PageMeta
            title=text.page_title
            description=text.page_description
            path=path_to(Page::Contact)
            clinic=true
        />
        <div class="page contact-page">
            <PageHeading>{text.page_title}</PageHeading>
            <p class="contact-page__intro">{text.page_intro}</p>
            <PartPage part=Part::Contact what=SiteText::of(lang).part_contact />
        </div>
    }
}
