//! The page the service worker (src/web/sw.js) shows, with no connection, for a page it has
//! not saved: what still works, and the articles saved on this device. Rendered at build time
//! only (`site_files::OFFLINE_PAGE`, by src/bin/prerender.rs), without the app: it is served at whatever
//! address was asked for, which the app would take for that page. Its own small script
//! (src/web/offline.js) fills in the saved articles and the "Try again" button.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::clinic_links::{EmergencyLink, PhoneLink};
use crate::components::heading::PageHeading;
use crate::paths::href;
use crate::routes::SYMPTOMS_PATH;

/// "You're offline": the page asked for is not saved here; the checklist, the saved articles
/// and the phone still work.
#[component]
pub fn OfflinePage() -> impl IntoView {
    view! {
        <Title text="You're offline" />
        <Meta name="robots" content="noindex" />
        <div class="page offline">
            <PageHeading>"You're offline"</PageHeading>
            <p>
                "This page isn't saved on this device, and there is no connection to fetch it. "
                "It will open once you're back online."
            </p>
            <p>
                <button type="button" class="button" id="offline-retry" hidden=true>
                    "Try again"
                </button>
            </p>
            <section class="offline__saved" aria-labelledby="saved-heading">
                <h2 id="saved-heading">"Articles saved on this device"</h2>
                <p id="saved-none">
                    "None yet. Articles you open while you have a connection are kept here, "
                    "so you can read them again without one."
                </p>
                <ul id="saved-articles" class="saved-articles" hidden=true></ul>
            </section>
            <section class="offline__still" aria-labelledby="still-heading">
                <h2 id="still-heading">"Still working without a connection"</h2>
                <ul>
                    <li>
                        <a href=href(SYMPTOMS_PATH)>"The back pain symptom checklist"</a>
                        ", including what to do about warning signs"
                    </li>
                    <li>"Calling the clinic: " <PhoneLink /></li>
                    <li>"In an emergency, call " <EmergencyLink /></li>
                </ul>
            </section>
        </div>
    }
}
