//! The page for any address the site does not have.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::clinic_links::PhoneLink;
use crate::components::heading::PageHeading;
use crate::paths::href;
use crate::routes::{BLOG_PATH, CONTACT_PATH, SYMPTOMS_PATH};

/// A real "not found" page with ways back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <Title text="Page not found" />
        <Meta name="description" content="This page could not be found. Find articles, the symptom checklist and ways to contact the clinic." />
        <Meta name="robots" content="noindex" />
        <div class="page not-found">
            <PageHeading>"Page not found"</PageHeading>
            <p>"We couldn't find the page you asked for. It may have moved, or the address may have a typo."</p>
            <ul class="not-found__ways">
                <li><a href=href(BLOG_PATH)>"Read the blog"</a></li>
                <li><a href=href(SYMPTOMS_PATH)>"Use the symptom checklist"</a></li>
                <li><a href=href(CONTACT_PATH)>"Contact the clinic"</a></li>
                <li>"Or call us at " <PhoneLink /></li>
            </ul>
        </div>
    }
}
