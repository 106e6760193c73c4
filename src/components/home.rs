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
use crate::context::use_config;
use crate::paths::href;
use crate::routes::{BLOG_PATH, SYMPTOMS_PATH, VISIT_PATH};

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
    let index = Resource::new(|| (), |_| sendable(fetch_post_index()));
    let visit = visit_resource();
    view! {
        <PageMeta
            title=format!("Chiropractor in {}, {}", config.address.locality, config.address.region)
            description=format!(
                "{} {} Call {}, book, or see our opening hours and directions.",
                config.clinic_name, config.tagline, config.phone.display
            )
            path="/"
            clinic=true
        />
        <div class="home">
            <section class="home__door">
                <PageHeading class="home__name">{config.clinic_name.clone()}</PageHeading>
                <p class="home__tagline">{config.tagline.clone()}</p>
                <WithVisit visit quiet=true view=|visit: Visit| view! { <OpeningStatus visit /> } />
                <div class="booking-ways">
                    <PhoneLink class="button" prefix="Call " />
                    <WithVisit visit quiet=true view=|visit: Visit| view! { <BookOrWrite visit /> } />
                </div>
                <p class="home__visit">
                    <a href=href(VISIT_PATH)>"Opening hours and directions"</a>
                </p>
            </section>
            <section class="home__section home__checklist" aria-labelledby="home-checklist">
                <h2 id="home-checklist">"Back pain? Check your symptoms"</h2>
                <p>
                    "Answer a few questions to learn which signs need urgent care and which can wait for an appointment. Your answers stay on your phone."
                </p>
                <a class="button button--secondary" href=href(SYMPTOMS_PATH)>"Start the symptom checklist"</a>
            </section>
            <section class="home__section" aria-labelledby="home-articles">
                <h2 id="home-articles">"Latest articles"</h2>
                <Suspense fallback=|| view! {
                    <p class="blog__status" role="status" aria-busy="true">"Loading articles…"</p>
                }>
                    {move || Suspend::new(async move { newest_view(index.await) })}
                </Suspense>
                <p><a href=href(BLOG_PATH)>"All articles"</a></p>
            </section>
            <WithVisit visit quiet=true view=|visit: Visit| {
                visit.intro.filter(|t| !t.trim().is_empty()).map(|intro| view! {
                    <section class="home__section" aria-labelledby="home-about">
                        <h2 id="home-about">"About the clinic"</h2>
                        <p>{intro}</p>
                    </section>
                })
            } />
        </div>
    }
}

/// The newest articles, or a short note (the link to every article follows).
fn newest_view(result: Result<Vec<PostSummary>, FetchError>) -> AnyView {
    match result {
        Ok(posts) if !posts.is_empty() => {
            let cards = posts
                .into_iter()
                .take(NEWEST)
                .map(|post| view! { <li><PostCard post heading_level=3 /></li> })
                .collect_view();
            view! { <ul class="post-list" role="list">{cards}</ul> }.into_any()
        }
        Ok(_) => view! { <p>"Articles are on their way."</p> }.into_any(),
        Err(_) => view! {
            <p class="home__note" role="status">"We couldn't load the latest articles just now."</p>
        }
        .into_any(),
    }
}
