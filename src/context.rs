//! What the routed site shares through Leptos's context.

use leptos::prelude::expect_context;

use crate::config::SiteConfig;

/// The configuration shared by [`crate::Site`]; components call this instead of `use_context`.
pub fn use_config() -> SiteConfig {
    expect_context::<SiteConfig>()
}

/// The language of the page being shown (provided by [`crate::App`] from the address the
/// visit started at; a link into the other language loads that page anew, see
/// `components::shell`). English where none is provided (the browser tests' mounts).
pub fn use_lang() -> crate::lang::Lang {
    leptos::prelude::use_context::<crate::lang::Lang>().unwrap_or_default()
}

/// The app path of a page without a parameter in the page's language ("/es/contacto").
pub fn path_to(page: crate::routes::Page) -> String {
    crate::routes::route(page).path_in(use_lang(), None)
}

/// [`path_to`] as a link (with the base path).
pub fn href_to(page: crate::routes::Page) -> String {
    crate::paths::href(&path_to(page))
}

/// The app path of a post in the page's language ("/es/blog/<slug>").
pub fn post_path_to(slug: &str) -> String {
    crate::routes::route(crate::routes::Page::Post).path_in(use_lang(), Some(slug))
}

/// The app path of a topic in the page's language ("/es/blog/tema/<tag>").
pub fn topic_path_to(tag: &str) -> String {
    crate::routes::route(crate::routes::Page::Topic).path_in(use_lang(), Some(tag))
}
