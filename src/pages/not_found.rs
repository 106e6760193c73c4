//! The page for any address the site does not have.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::components::clinic_links::PhoneLink;
use crate::components::heading::PageHeading;
use crate::components::language_link::LanguageLink;
use crate::context::{href_to, use_lang};
use crate::routes::Page;
use crate::text::site::SiteText;

/// A real "not found" page with ways back, in the language its address is in.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let t = SiteText::of(use_lang());
    view! {
        <Title text=t.not_found_title />
        <Meta name="description" content=t.not_found_description />
        <Meta name="robots" content="noindex" />
        <div class="page not-found">
            <LanguageLink />
            <PageHeading>{t.not_found_title}</PageHeading>
            <p>{t.not_found_text}</p>
            <ul class="not-found__ways">
                <li><a href=href_to(Page::Blog)>{t.not_found_blog}</a></li>
                <li><a href=href_to(Page::Symptoms)>{t.not_found_symptoms}</a></li>
                <li><a href=href_to(Page::Contact)>{t.not_found_contact}</a></li>
                <li>{t.not_found_call} <PhoneLink /></li>
            </ul>
        </div>
    }
}
