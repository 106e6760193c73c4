//! The blog listing (`/`, `/blog` and each topic's page `/blog/topic/<tag>`), with search
//! words kept in the URL (`?q=`) so a filtered list survives reload and can be shared.
//! Topic pages are pre-rendered, so filtering by topic works without script; the older
//! `/blog?tag=<tag>` links still filter once the app runs.

use leptos::prelude::*;

use crate::components::part::PartPage;
use crate::routes::Part;

/// The listing page. Its code is a wasm file of its own (`part::listing`), so an article, the
/// page patients land on most, loads without it: a pre-rendered listing fetches the file before
/// hydrating (and its HTML preloads it); in the app it arrives the first time it is shown.
#[component]
pub fn BlogPage() -> impl IntoView {
    view! { <PartPage part=Part::Listing what=crate::text::site::SiteText::of(crate::context::use_lang()).part_listing /> }
}
