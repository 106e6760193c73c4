//! Where the contact form lands when the browser posts it by itself (no script yet, or none at
//! all): the form endpoint sends the patient here afterwards (`_next`, Formspree's convention).

use leptos::prelude::*;
use leptos_meta::Meta;

use crate::components::clinic_links::PhoneLink;
use crate::components::heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::paths::href;
use crate::routes::{BLOG_PATH, SYMPTOMS_PATH};

/// The address the form endpoint sends the patient to after a message.
pub const PATH: &str = crate::routes::MESSAGE_SENT_PATH;

/// "Your message has been sent", with the reply promise and ways on.
#[component]
pub fn MessageSentPage() -> impl IntoView {
    // Whatever was typed in this tab has gone to the clinic: no draft should come back. (In
    // the browser only; it changes nothing on the page, so it needs no effect.)
    #[cfg(target_arch = "wasm32")]
    crate::draft_storage::clear();
    view! {
        <PageMeta
            title="Message sent"
            description="Your message has reached the clinic. We reply within one working day."
            path=PATH
        />
        <Meta name="robots" content="noindex" />
        <div class="page message-sent">
            <PageHeading>"Thank you, your message has been sent"</PageHeading>
            <p>"We reply within one working day, the way you asked us to."</p>
            <p>"If it can't wait, call us at " <PhoneLink /> "."</p>
            <ul class="message-sent__ways">
                <li><a href=href(BLOG_PATH)>"Read the blog"</a></li>
                <li><a href=href(SYMPTOMS_PATH)>"Use the symptom checklist"</a></li>
            </ul>
        </div>
    }
}
