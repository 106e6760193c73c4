//! The listing: the cards that pass the filter, a count for screen readers, and a clear
//! empty state. Takes data as props and never fetches.

use leptos::prelude::*;

use crate::blog::{search::Filter, PostSummary};
use crate::components::post_card::PostCard;
use crate::paths::href;
use crate::routes::BLOG_PATH;

/// The filtered list of posts.
#[component]
pub fn PostList(
    /// Every post, newest first.
    posts: Vec<PostSummary>,
    /// The tag and search words from the URL.
    #[prop(into)]
    filter: Signal<Filter>,
) -> impl IntoView {
    let total = posts.len();
    let shown = Memo::new(move |_| {
        let filter = filter.get();
        filter
            .apply(&posts)
            .into_iter()
            .cloned()
            .collect::<Vec<_>>()
    });
    let count = move || {
        let n = shown.with(Vec::len);
        if filter.with(Filter::is_active) {
            format!("{n} of {total} articles match")
        } else {
            format!("{total} articles")
        }
    };
    view! {
        <p class="post-list__count" role="status">{count}</p>
        <Show
            when=move || shown.with(|s| !s.is_empty())
            fallback=|| view! {
                <div class="post-list__empty">
                    <h2>"No articles match"</h2>
                    <p>"Try other words, or a different topic."</p>
                    <a class="button button--secondary" href=href(BLOG_PATH)>"Show all posts"</a>
                </div>
            }
        >
            <ul class="post-list" role="list">
                <For each=move || shown.get() key=|p| p.slug.clone() let(post)>
                    <li><PostCard post /></li>
                </For>
            </ul>
        </Show>
    }
}
