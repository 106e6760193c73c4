//! The home page's view (built inside its own wasm file, `part::home`): the clinic's front
//! door. The first screen of a phone holds what patients come for (calling, booking or writing,
//! whether the clinic is open, and the way there); below come the symptom checklist, the newest
//! articles and a word about the clinic.

use leptos::prelude::*;

use crate::api::posts::fetch_post_index;
use crate::api::{sendable, FetchError};
use crate::blog::PostSummary;
use crate::components::clinic_links::PhoneLink;
use crate::components::heading::PageHeading;
use crate::components::opening_hours::{visit_resource, OpeningStatus, WithVisit};
use crate::components::page_meta::PageMeta;
use crate::components::post_card::PostCard;
use crate::components::visit::BookOrWrite;
use crate::config::Visit;
use crate::context::{href_to, path_to, use_config};
use crate::routes::Page;
use crate::text::fill;
use crate::text::visit::VisitText;

/// How many of the newest articles the home page shows.
const NEWEST: usize = 3;

/// The home page's view, built inside its wasm file.
pub fn home_view() -> AnyView {
    view! { <Home /> }.into_any()
}

#[component]
fn Home() -> impl IntoView {
    let config = use_config();
    // A `Resource`: resolved at build time, and carried to the browser inside the page.
    let lang = crate::context::use_lang();
    let index = Resource::new(|| (), move |_| sendable(fetch_post_index(lang)));
    let visit = visit_resource();
    let t = VisitText::of(lang);
    let tagline = config.tagline.get(lang).to_string();
    view! {
        <PageMeta
            title=fill(
                t.home_title,
                &[("region", &config.address.region), ("locality", &config.address.locality)],
            )
            description=fill(
                t.home_description,
                &[
                    ("phone", &config.phone.display),
                    ("tagline", &tagline),
                    ("clinic", &config.clinic_name),
                ],
            )
            path=path_to(Page::Home)
            clinic=true
        />
        <div class="home">
            <section class="home__door">
                <PageHeading class="home__name">{config.clinic_name.clone()}</PageHeading>
                <p class="home__tagline">{tagline.clone()}</p>
                <WithVisit visit quiet=true view=|visit: Visit| view! { <OpeningStatus visit /> } />
                <div class="booking-ways">
                    <PhoneLink class="button" prefix=t.call_prefix />
                    <WithVisit visit quiet=true view=|visit: Visit| view! { <BookOrWrite visit /> } />
                </div>
                <p class="home__visit">
                    <a href=href_to(Page::Visit)>{t.visit_title}</a>
                </p>
            </section>
            <section class="home__section home__checklist" aria-labelledby="home-checklist">
                <h2 id="home-checklist">{t.checklist_heading}</h2>
                <p>{t.checklist_text}</p>
                <a class="button button--secondary" href=href_to(Page::Symptoms)>{t.checklist_start}</a>
            </section>
            <section class="home__section" aria-labelledby="home-articles">
                <h2 id="home-articles">{t.articles_heading}</h2>
                <Suspense fallback=move || view! {
                    <p class="blog__status" role="status" aria-busy="true">{t.articles_loading}</p>
                }>
                    {move || Suspend::new(async move { newest_view(index.await, t) })}
                </Suspense>
                <p><a href=href_to(Page::Blog)>{t.articles_all}</a></p>
            </section>
            <WithVisit visit quiet=true view=move |visit: Visit| {
                let intro = visit.intro.map(|intro| intro.get(lang).to_string());
                intro.filter(|intro| !intro.trim().is_empty()).map(|intro| view! {
                    <section class="home__section" aria-labelledby="home-about">
                        <h2 id="home-about">{t.about_heading}</h2>
                        <p>{intro}</p>
                    </section>
                })
            } />
        </div>
    }
}

/// The newest articles, or a short note (the link to every article follows).
fn newest_view(result: Result<Vec<PostSummary>, FetchError>, t: VisitText) -> AnyView {
    match result {
        Ok(posts) if !posts.is_empty() => {
            let cards = posts
                .into_iter()
                .take(NEWEST)
                .map(|post| view! { <li><PostCard post heading_level=3 /></li> })
                .collect_view();
            view! { <ul class="post-list" role="list">{cards}</ul> }.into_any()
        }
        Ok(_) => view! { <p>{t.articles_none}</p> }.into_any(),
        Err(_) => view! {
            <p class="home__note" role="status">{t.articles_failed}</p>
        }
        .into_any(),
    }
}
