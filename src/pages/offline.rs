//! The page the service worker (src/web/sw.js) shows, with no connection, for a page it has
//! not saved: what still works, and the articles saved on this device. Rendered at build time
//! only (`site_files::OFFLINE_PAGE`, by src/bin/prerender.rs), without the app: it is served at whatever
//! address was asked for, which the app would take for that page. Its own small script
//! (src/web/offline.js) fills in the saved articles and the "Try again" button.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::clinic_links::{EmergencyLink, PhoneLink};
use crate::components::heading::PageHeading;
use crate::context::{href_to, use_lang};
use crate::routes::Page;
use crate::text::site::SiteText;

/// "You're offline": the page asked for is not saved here; the checklist, the saved articles
/// and the phone still work.
#[component]
pub fn OfflinePage() -> impl IntoView {
    let t = SiteText::of(use_lang());
    view! {
        <Title text=t.offline_title />
        <Meta name="robots" content="noindex" />
        <div class="page offline">
            <PageHeading>{t.offline_title}</PageHeading>
            <p>{t.offline_text}</p>
            <p>
                <button type="button" class="button" id="offline-retry" hidden=true>
                    {t.try_again}
                </button>
            </p>
            <section class="offline__saved" aria-labelledby="saved-heading">
                <h2 id="saved-heading">{t.offline_saved_heading}</h2>
                <p id="saved-none">{t.offline_saved_none}</p>
                // Its script (src/web/offline.js) labels each saved article's date with these.
                <ul
                    id="saved-articles"
                    class="saved-articles"
                    hidden=true
                    data-reviewed=t.saved_reviewed
                    data-updated=t.saved_updated
                    data-published=t.saved_published
                ></ul>
            </section>
            <section class="offline__still" aria-labelledby="still-heading">
                <h2 id="still-heading">{t.offline_still_heading}</h2>
                <ul>
                    <li>
                        <a href=href_to(Page::Symptoms)>{t.offline_checklist}</a>
                        {t.offline_checklist_after}
                    </li>
                    <li>{t.offline_call} <PhoneLink /></li>
                    <li>{t.offline_emergency} <EmergencyLink /></li>
                </ul>
            </section>
        </div>
    }
}
