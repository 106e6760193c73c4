//! A post's topics as a list of links to each topic's own page.

use leptos::prelude::*;

use crate::blog::search::{tag_href_in, tag_label};
use crate::context::use_lang;
use crate::text::blog::BlogText;

/// The topics of a post, each a link to the topic's pre-rendered page (`/blog/topic/<tag>`,
/// `search::tag_href`).
#[component]
pub fn TagList(
    /// The post's tags, as written in the post.
    tags: Vec<String>,
    /// The block the list sits in ("post" or "post-card"): classes are `{block}__tags` and
    /// `{block}__tag`.
    block: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    let links = tags
        .iter()
        .map(|tag| {
            view! { <li><a class=format!("{block}__tag") href=tag_href_in(lang, tag)>{tag_label(tag)}</a></li> }
        })
        .collect_view();
    view! { <ul class=format!("{block}__tags") aria-label=BlogText::of(lang).topics_label>{links}</ul> }
}
