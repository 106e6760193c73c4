//! The language link: the same page in the other language, or, for an article not yet
//! translated, the other language's blog, saying so. A link into the other language is a
//! document load (`rel="external"`): the page comes in its own language, head and all.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::context::use_lang;
use crate::paths::{app_path, href};
use crate::routes::{alternate, route, Page};
use crate::text::site::SiteText;

/// The link for the page at the router's location. `translation` is the slug of the article's
/// translation, for an article (pages without one are the same page in both languages).
#[component]
pub fn LanguageLink(
    /// For an article: its translation's slug, if it has one.
    #[prop(optional_no_strip)]
    translation: Option<String>,
) -> impl IntoView {
    let lang = use_lang();
    let other = lang.other();
    let path = app_path(&use_location().pathname.get_untracked());
    let text = SiteText::of(lang);
    // The link's words are in the language it leads to.
    let theirs = SiteText::of(other);
    let (target, same_page) = alternate(&path, |_| translation.clone())
        .unwrap_or_else(|| (route(Page::Home).path_in(other, None), false));
    let page = crate::routes::recognize_in(&path).map(|(_, route, _)| route.page);
    let words = match page {
        _ if same_page => theirs.language_name,
        Some(Page::Post) => theirs.language_blog_untranslated,
        Some(Page::Topic) => theirs.language_blog,
        _ => theirs.language_name,
    };
    view! {
        <p class="language-link">
            <a href=href(&target) hreflang=other.code() lang=other.code() rel="external">
                <span class="sr-only" lang=lang.code()>{text.language_link_label}</span>
                {words}
            </a>
        </p>
    }
}
