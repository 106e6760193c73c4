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
use crate::context::{href_to, path_to, use_config, use_lang};
use crate::routes::Page;
use crate::text::fill;
use crate::text::visit::VisitText;

/// The Visit page's view, built inside its wasm file.
pub fn visit_view() -> AnyView {
    view! { <VisitPage /> }.into_any()
}

/// Hours, closures, address with directions, getting here, and booking.
#[component]
fn VisitPage() -> impl IntoView {
    let config = use_config();
    let t = VisitText::of(use_lang());
    let a = config.address.clone();
    let visit = visit_resource();
    view! {
        <PageMeta
            title=t.visit_title
            description=fill(
                t.visit_description,
                &[("locality", &a.locality), ("clinic", &config.clinic_name)],
            )
            path=path_to(Page::Visit)
            clinic=true
        />
        <div class="page visit">
            <PageHeading>{t.visit_heading}</PageHeading>
            <p class="visit__intro">{t.visit_intro}</p>
            <WithVisit visit view=move |visit: Visit| view! {
                <OpeningStatus visit=visit.clone() />
                <section aria-labelledby="visit-hours">
                    <h2 id="visit-hours">{t.hours_heading}</h2>
                    <HoursTable visit=visit.clone() />
                </section>
                <section aria-labelledby="visit-closures">
                    <h2 id="visit-closures">{t.closures_heading}</h2>
                    <UpcomingClosures visit=visit.clone() />
                </section>
            } />
            <section aria-labelledby="visit-address">
                <h2 id="visit-address">{t.address_heading}</h2>
                <address class="visit__address">
                    {config.clinic_name.clone()}<br />
                    {a.street.clone()}<br />
                    {format!("{}, {} {}", a.locality, a.region, a.postal_code)}
                </address>
                // A plain link: a phone hands it to its maps app. No map is embedded, so no
                // third party sees the visit.
                <p>
                    <a class="button" href=config.directions_url() rel="external noopener">
                        {t.directions}
                        <span class="sr-only">{t.directions_hint}</span>
                    </a>
                </p>
                <WithVisit visit quiet=true view=move |visit: Visit| getting_here(visit, t) />
            </section>
            <section aria-labelledby="visit-book">
                <h2 id="visit-book">{t.book_heading}</h2>
                <div class="booking-ways">
                    <PhoneLink class="button" prefix=t.call_prefix />
                    <WithVisit visit quiet=true view=|visit: Visit| view! { <BookOrWrite visit /> } />
                </div>
            </section>
        </div>
    }
}

/// Parking, transport and access notes, each that the clinic wrote, in the page's language.
fn getting_here(visit: Visit, t: VisitText) -> impl IntoView {
    let lang = use_lang();
    [
        (t.parking, visit.parking),
        (t.transport, visit.transport),
        (t.access, visit.access),
    ]
    .into_iter()
    .filter_map(|(title, text)| {
        let text = text?.get(lang).to_string();
        (!text.trim().is_empty()).then(|| {
            view! {
                <h3>{title}</h3>
                <p>{text}</p>
            }
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
    let t = VisitText::of(use_lang());
    match visit.booking() {
        Some(url) => view! {
            <a class="button button--secondary" href=url.to_string() rel="external">{t.book_online}</a>
        }
        .into_any(),
        None => view! {
            <a class="button button--secondary" href=href_to(Page::Contact)>{t.write_to_us}</a>
        }
        .into_any(),
    }
}
