//! The Visit page (`/visit`): opening hours, closures, directions and booking.

use leptos::prelude::*;

use crate::components::part::PartPage;
use crate::context::use_lang;
use crate::routes::Part;
use crate::text::site::SiteText;

/// The Visit page. Its code is a wasm file of its own (`part::visit`), fetched before a
/// pre-rendered Visit page hydrates.
#[component]
pub fn VisitPage() -> impl IntoView {
    let what = SiteText::of(use_lang()).part_visit;
    view! { <PartPage part=Part::Visit what /> }
}
