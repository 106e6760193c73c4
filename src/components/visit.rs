//! The Visit page's view (built inside its own wasm file, `part::visit`): when the clinic is
//! open, the closures ahead, where it is and how to get there, and how to book. Everything but
//! today's status reads the same without script.

use leptos::prelude::*;

use crate::components::clinic_links::PhoneLink;
use crate::components::heading::PageHeading;
use crate::components::opening_hours::{
    visit_resource, HoursTable, OpeningStatus, UpcomingClosures, WithVisit,
};
use crate::components::page_meta::PageMeta;
use crate::config::Visit;
use crate::context::use_config;
use crate::paths::href;
use crate::routes::{CONTACT_PATH, VISIT_PATH};

/// The Visit page's view, built inside its wasm file.
pub fn visit_view() -> AnyView {
    view! { <VisitPage /> }.into_any()
}

/// Hours, closures, address with directions, getting here, and booking.
#[component]
fn VisitPage() -> impl IntoView {
    let config = use_config();
    let a = config.address.clone();
    let visit = visit_resource();
    view! {
        <PageMeta
            title="Opening hours and directions"
            description=format!(
                "When {} is open, holiday closures, the address in {} with directions, parking, buses and step-free access.",
                config.clinic_name, a.locality
            )
            path=VISIT_PATH
            clinic=true
        />
        <div class="page visit">
            <PageHeading>"Visit the clinic"</PageHeading>
            <p class="visit__intro">
                "When we are open, the days we are closed, how to find us and where to park, and how to book a visit."
            </p>
            <WithVisit visit view=|visit: Visit| view! {
                <OpeningStatus visit=visit.clone() />
                <section aria-labelledby="visit-hours">
                    <h2 id="visit-hours">"Opening hours"</h2>
                    <HoursTable visit=visit.clone() />
                </section>
                <section aria-labelledby="visit-closures">
                    <h2 id="visit-closures">"Closures and holiday hours"</h2>
                    <UpcomingClosures visit=visit.clone() />
                </section>
            } />
            <section aria-labelledby="visit-address">
                <h2 id="visit-address">"Where we are"</h2>
                <address class="visit__address">
                    {config.clinic_name.clone()}<br />
                    {a.street.clone()}<br />
                    {format!("{}, {} {}", a.locality, a.region, a.postal_code)}
                </address>
                // A plain link: a phone hands it to its maps app. No map is embedded, so no
                // third party sees the visit.
                <p>
                    <a class="button" href=config.directions_url() rel="external noopener">
                        "Get directions"
                        <span class="sr-only">" (opens your maps app)"</span>
                    </a>
                </p>
                <WithVisit visit quiet=true view=|visit: Visit| getting_here(visit) />
            </section>
            <section aria-labelledby="visit-book">
                <h2 id="visit-book">"Book an appointment"</h2>
                <div class="booking-ways">
                    <PhoneLink class="button" prefix="Call " />
                    <WithVisit visit quiet=true view=|visit: Visit| view! { <BookOrWrite visit /> } />
                </div>
            </section>
        </div>
    }
}

/// Parking, transport and access notes, each that the clinic wrote.
fn getting_here(visit: Visit) -> impl IntoView {
    [
        ("Parking", visit.parking),
        ("By bus and bicycle", visit.transport),
        ("Step-free access", visit.access),
    ]
    .into_iter()
    .filter_map(|(title, text)| {
        let text = text.filter(|t| !t.trim().is_empty())?;
        Some(view! {
            <h3>{title}</h3>
            <p>{text}</p>
        })
    })
    .collect_view()
}

/// Booking online when the clinic takes bookings online, else writing to us.
#[component]
pub fn BookOrWrite(
    /// Where the booking link comes from.
    visit: Visit,
) -> impl IntoView {
    match visit.booking() {
        Some(url) => view! {
            <a class="button button--secondary" href=url.to_string() rel="external">"Book online"</a>
        }
        .into_any(),
        None => view! {
            <a class="button button--secondary" href=href(CONTACT_PATH)>"Write to us"</a>
        }
        .into_any(),
    }
}
