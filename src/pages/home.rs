//! The home page (`/`): the clinic's front door.

use leptos::prelude::*;

use crate::components::part::PartPage;
use crate::context::use_lang;
use crate::routes::Part;
use crate::text::site::SiteText;

/// The home page. Its code is a wasm file of its own (`part::home`), fetched before a
/// pre-rendered home page hydrates, so an article loads without it.
#[component]
pub fn HomePage() -> impl IntoView {
    let what = SiteText::of(use_lang()).part_home;
    view! { <PartPage part=Part::Home what /> }
}
