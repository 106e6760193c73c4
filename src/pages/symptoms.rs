//! Back pain symptom checklist page: tick what you feel, learn what to do next.

use leptos::prelude::*;

use crate::components::page_meta::PageMeta;
use crate::components::part::PartPage;
use crate::context::{path_to, use_lang};
use crate::routes::{Page, Part};
use crate::text::{site::SiteText, symptoms::SymptomsText};

/// Back pain symptom checklist. The checklist arrives as its own wasm file
/// ([`crate::components::part`]), so articles load without it.
#[component]
pub fn SymptomsPage() -> impl IntoView {
    let lang = use_lang();
    let text = SymptomsText::of(lang);
    view! {
        <PageMeta title=text.title description=text.description path=path_to(Page::Symptoms) />
        <PartPage part=Part::Checklist what=SiteText::of(lang).part_checklist />
    }
}
