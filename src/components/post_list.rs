//! The listing: the cards that pass the filter, a count for screen readers, and a clear
//! empty state. Takes data as props and never fetches.

use leptos::prelude::*;

use crate::blog::{search::Filter, PostSummary};
use crate::components::post_card::PostCard;
use crate::context::{href_to, use_lang};
use crate::routes::Page;
use crate::text::{blog::BlogText, fill};

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
    let text = BlogText::of(use_lang());
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
            fill(
                text.count_matching,
                &[("n", &n.to_string()), ("total", &total.to_string())],
            )
        } else {
            fill(text.count_all, &[("total", &total.to_string())])
        }
    };
    view! {
        <p class="post-list__count" role="status">{count}</p>
        <Show
            when=move || shown.with(|s| !s.is_empty())
            fallback=move || view! {
                <div class="post-list__empty">
                    <h2>{text.none_match}</h2>
                    <p>{text.none_match_hint}</p>
                    <a class="button button--secondary" href=href_to(Page::Blog)>{text.show_all}</a>
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
