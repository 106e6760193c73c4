//! The blog listing's views (built inside its own wasm file, `part::listing`): the cards, the
//! search form and the topic filter, with search words kept in the URL (`?q=`) so a filtered
//! list survives reload and can be shared. `/blog?tag=<tag>` links still filter once the app runs.

use leptos::prelude::*;
use leptos_router::{
    hooks::{query_signal_with_options, use_params_map, use_query_map},
    NavigateOptions,
};

use crate::api::posts::fetch_post_index;
use crate::api::{sendable, FetchError};
use crate::blog::search::{tag_counts, tag_label, Filter};
use crate::blog::PostSummary;
use crate::components::fetch_error::{FetchErrorView, Subject};
use crate::components::heading::PageHeading;
use crate::components::page_meta::PageMeta;
use crate::components::post_list::PostList;
use crate::context::{path_to, use_lang};
use crate::paths::href;
use crate::routes::Page;
use crate::text::{blog::BlogText, fill};

/// The listing's view (`/blog` and the topic pages), built inside its wasm file (`part::listing`).
pub fn listing_view() -> AnyView {
    view! { <Listing /> }.into_any()
}

/// The listing: loads the index (once per visit) and hands it to the views.
#[component]
fn Listing() -> impl IntoView {
    let query = use_query_map();
    let params = use_params_map();
    // The page was rendered without a query, and hydration must start from that same page: a
    // shared `/blog?q=desk` shows the listing at once, and the app narrows it just after.
    let query_applies = crate::hydration::taken_over();
    let filter = Memo::new(move |_| {
        let topic = params.with(|p| p.get(crate::routes::TAG));
        let (tag, words) = if query_applies.get() {
            query.with(|q| (q.get("tag"), q.get("q").unwrap_or_default()))
        } else {
            (None, String::new())
        };
        Filter {
            tag: topic.or(tag).filter(|t| !t.trim().is_empty()),
            query: words,
        }
    });
    let topic = Memo::new(move |_| filter.with(|f| f.tag.clone()));
    // A `Resource`: resolved at build time, and carried to the browser inside the page.
    let lang = use_lang();
    let text = BlogText::of(lang);
    let index = Resource::new(|| (), move |_| sendable(fetch_post_index(lang)));
    // Failures are never cached, so refetching really asks the server again.
    let on_retry = Callback::new(move |()| index.refetch());
    view! {
        // A topic page has its own title and address.
        {move || match topic.get() {
            None => view! {
                <PageMeta
                    title=text.blog_title
                    description=text.blog_description
                    path=path_to(Page::Blog)
                />
            }.into_any(),
            Some(tag) => view! {
                <PageMeta
                    title=fill(text.topic_title, &[("topic", &tag_label(&tag))])
                    description=fill(text.topic_description, &[("topic", &tag_label(&tag))])
                    path=Filter { tag: Some(tag), query: String::new() }.path_in(lang)
                />
            }.into_any(),
        }}
        <div class="blog">
            <header class="blog__intro">
                <PageHeading>
                    {move || match topic.get() {
                        Some(tag) => fill(text.topic_title, &[("topic", &tag_label(&tag))]),
                        None => text.listing_heading.to_string(),
                    }}
                </PageHeading>
                <p>{text.listing_intro}</p>
                // A file, not a page of the app: `rel="external"` lets the browser fetch it.
                <p class="blog__feed">
                    <a href=href(&format!("/{}", crate::site_files::feed_file(lang))) rel="external" type="application/atom+xml">{text.feed_link}</a>
                </p>
            </header>
            <SearchForm filter />
            <Suspense fallback=move || view! {
                <p class="blog__status" role="status" aria-busy="true">{text.loading_articles}</p>
            }>
                // The future only waits; a plain function builds the view (smaller wasm).
                {move || Suspend::new(async move { loaded_index_view(index.await, filter, on_retry) })}
            </Suspense>
        </div>
    }
}

/// The topics and the list, or why the index could not be loaded.
fn loaded_index_view(
    result: Result<Vec<PostSummary>, FetchError>,
    filter: Memo<Filter>,
    on_retry: Callback<()>,
) -> AnyView {
    match result {
        Ok(posts) => view! {
            <TagFilter posts=posts.clone() filter />
            <PostList posts filter />
        }
        .into_any(),
        Err(error) => {
            view! { <FetchErrorView error subject=Subject::ArticleList on_retry /> }.into_any()
        }
    }
}

/// The search box. Typing replaces the URL's `?q=` (no history entry per keystroke).
#[component]
fn SearchForm(
    /// The current filter, read from the URL.
    filter: Memo<Filter>,
) -> impl IntoView {
    // `?q=` follows the box; each keystroke replaces the entry instead of adding one.
    let (_, set_query) = query_signal_with_options::<String>(
        "q",
        NavigateOptions {
            replace: true,
            scroll: false,
            ..Default::default()
        },
    );
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        set_query.set((!text.trim().is_empty()).then_some(text));
    };
    view! {
        <div class="blog-search">
            <form class="blog-search__form" role="search" on:submit=|ev| ev.prevent_default()>
                <label for="blog-search-input" class="blog-search__label">{BlogText::of(use_lang()).search_label}</label>
                <input
                    id="blog-search-input"
                    class="blog-search__input"
                    type="search"
                    name="q"
                    autocomplete="off"
                    prop:value=move || filter.with(|f| f.query.clone())
                    on:input=on_input
                />
            </form>
        </div>
    }
}

/// Topic links; the current one is marked. Each is a real link, so it works without script
/// and survives reload.
#[component]
fn TagFilter(
    /// Every post, to collect the topics.
    posts: Vec<PostSummary>,
    /// The current filter.
    filter: Memo<Filter>,
) -> impl IntoView {
    let lang = use_lang();
    let text = BlogText::of(lang);
    let current = move || filter.with(|f| f.tag.clone());
    let all_link = move || {
        let f = Filter {
            tag: None,
            query: filter.with(|f| f.query.clone()),
        };
        href(&f.path_in(lang))
    };
    let tags = tag_counts(&posts)
        .into_iter()
        .map(|(tag, count)| {
            let for_link = tag.clone();
            let for_current = tag.clone();
            let url = move || {
                let f = Filter { tag: Some(for_link.clone()), query: filter.with(|f| f.query.clone()) };
                href(&f.path_in(lang))
            };
            let is_current = move || current().as_deref() == Some(for_current.as_str());
            view! {
                <li>
                    <a class="tag-filter__link" href=url aria-current=move || is_current().then_some("true")>
                        {tag_label(&tag)}
                        <span class="tag-filter__count">"(" {count} ")"</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="tag-filter" aria-label=text.topics_label>
            <ul class="tag-filter__list">
                <li>
                    <a class="tag-filter__link" href=all_link aria-current=move || current().is_none().then_some("true")>
                        {text.all_topics}
                    </a>
                </li>
                {tags}
            </ul>
        </nav>
    }
}
