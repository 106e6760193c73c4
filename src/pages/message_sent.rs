//! Where the contact form lands when the browser posts it by itself (no script yet, or none at
//! all): the form endpoint sends the patient here afterwards (`_next`, Formspree's convention),
//! to the page in the language the form was in.

use leptos::prelude::*;
use leptos_meta::Meta;

use crate::components::clinic_links::PhoneLink;
use crate::components::heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::context::{href_to, path_to, use_lang};
use crate::routes::Page;
use crate::text::contact::ContactText;

/// The English address the form endpoint sends the patient to after a message (the Spanish
/// one is `route(Page::MessageSent).path_in(Lang::Es, None)`).
pub const PATH: &str = crate::routes::MESSAGE_SENT_PATH;

/// "Your message has been sent", with the reply promise and ways on.
#[component]
pub fn MessageSentPage() -> impl IntoView {
    // Whatever was typed in this tab has gone to the clinic: no draft should come back. (In
    // the browser only; it changes nothing on the page, so it needs no effect.)
    #[cfg(target_arch = "wasm32")]
    crate::draft_storage::clear();
    let text = ContactText::of(use_lang());
    view! {
        <PageMeta
            title=text.sent_page_title
            description=text.sent_page_description
            path=path_to(Page::MessageSent)
        />
        <Meta name="robots" content="noindex" />
        <div class="page message-sent">
            <PageHeading>{text.sent_heading}</PageHeading>
            <p>{text.sent_page_promise}</p>
            <p>{text.sent_page_call} <PhoneLink /> "."</p>
            <ul class="message-sent__ways">
                <li><a href=href_to(Page::Blog)>{text.sent_page_blog}</a></li>
                <li><a href=href_to(Page::Symptoms)>{text.sent_page_symptoms}</a></li>
            </ul>
        </div>
    }
}
