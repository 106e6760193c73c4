//! The Visit page (`/visit`): opening hours, closures, directions and booking.

use leptos::prelude::*;

use crate::components::part::PartPage;
use crate::routes::Part;

/// The Visit page. Its code is a wasm file of its own (`part::visit`), fetched before a
/// pre-rendered Visit page hydrates.
#[component]
pub fn VisitPage() -> impl IntoView {
    view! { <PartPage part=Part::Visit what="the opening hours" /> }
}
