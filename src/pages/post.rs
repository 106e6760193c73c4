//! One article (`/blog/:slug`): loads the post (once per visit) and the posts chosen from the
//! index for "More posts", sets the head (title, description, OpenGraph, canonical, JSON-LD),
//! and hands the data to the pure views.

use leptos::prelude::*;

use leptos_meta::{Meta, Script, Title};
use leptos_router::hooks::use_params_map;

use crate::api::posts::{fetch_post, fetch_post_index};
use crate::api::{sendable, FetchError};
use crate::blog::{related::related, related::RELATED_COUNT, Post, PostSummary};
use crate::components::article::PostArticle;
use crate::components::clinic_links::PhoneLink;
use crate::components::fetch_error::{FetchErrorView, Subject};
use crate::components::language_link::LanguageLink;
use crate::components::page_meta::PageMeta;
use crate::components::part::PartPage;
use crate::components::post_card::PostCard;
use crate::context::{href_to, post_path_to, use_config, use_lang};
use crate::paths::href;
use crate::routes::{Page, Part};
use crate::text::{blog::BlogText, site::SiteText};

/// The posts chosen for "More posts", from the index.
type Related = Resource<Result<Vec<PostSummary>, FetchError>>;

/// The article page.
#[component]
pub fn PostPage() -> impl IntoView {
    crate::startup::phase("clinic:post-page");
    let params = use_params_map();
    let lang = use_lang();
    let text = BlogText::of(lang);
    let slug = Memo::new(move |_| params.with(|p| p.get(crate::routes::SLUG).unwrap_or_default()));
    // A `Resource`: resolved at build time, and carried to the browser inside the page.
    let post = Resource::new(
        move || slug.get(),
        |slug| sendable(async move { fetch_post(&slug).await }),
    );
    // "More posts", made here, once per article, however often the article's view is built.
    // Only the chosen few travel inside the pre-rendered page, not the whole index.
    let related = Resource::new(
        move || slug.get(),
        move |slug| {
            sendable(async move {
                let all = fetch_post_index(lang).await?;
                let tags = all.iter().find(|p| p.slug == slug).map(|p| p.tags.clone());
                Ok(
                    related(&slug, &tags.unwrap_or_default(), &all, RELATED_COUNT)
                        .into_iter()
                        .cloned()
                        .collect::<Vec<_>>(),
                )
            })
        },
    );
    // Failures are never cached, so refetching really asks the server again.
    let on_retry = Callback::new(move |()| post.refetch());
    let pending = RwSignal::new(false);
    // Whether an article (or its error) is on screen, which the pending notice replaces
    // nothing of. Not read from the resource: reading it out here would suspend the app.
    let has_content = RwSignal::new(false);
    crate::startup::phase("clinic:post-resources");
    view! {
        // A hop to another article (or a retry) keeps the current page until the next one
        // is ready, so nothing flashes; a load slow enough to notice says so (see blog.css).
        <Show when=move || pending.get() && has_content.get()>
            <p class="page-pending" role="status">{text.loading_article}</p>
        </Show>
        <div class="page-content" aria-busy=move || pending.get().then_some("true")>
            <Transition
                fallback=move || view! {
                    <p class="blog__status" role="status" aria-busy="true">{text.loading_article}</p>
                }
                set_pending=pending.write_only()
            >
                // The future only waits; the view is built by a plain function, because view
                // code inside an async block is compiled into one large state machine per page.
                {move || Suspend::new(async move {
                    let result = post.await;
                    has_content.set(true);
                    loaded_post_view(result, on_retry, related)
                })}
            </Transition>
        </div>
    }
}

/// The article, or why it could not be loaded.
fn loaded_post_view(
    result: Result<Post, FetchError>,
    on_retry: Callback<()>,
    related: Related,
) -> AnyView {
    match result {
        Ok(post) => view! { <PostView post related /> }.into_any(),
        Err(error) => view! {
            <Title text=BlogText::of(use_lang()).article_unavailable />
            <div class="page">
                <FetchErrorView error subject=Subject::Article on_retry page_heading=true />
            </div>
        }
        .into_any(),
    }
}

/// A loaded post: head tags, the article, the call to action and "More posts".
#[component]
fn PostView(
    /// The post, already validated.
    post: Post,
    /// The posts for "More posts".
    related: Related,
) -> impl IntoView {
    let config = use_config();
    let path = post_path_to(&post.slug);
    let translation = post.translation.clone();
    let url = config.canonical(&href(&path));
    // The JSON-LD is for search engines and link previews, which read the pre-rendered page:
    // it is written at build time only. Hydration keeps the HTML's text as it is; after a
    // navigation inside the app the head holds an empty object. Serialising it in the browser
    // would cost the wasm 1.2 KB brotli.
    //
    // The same goes for the preview image: link previews and search engines get the raster copy
    // the content build made of the hero (`crate::blog::preview`); the browser keeps the hero.
    #[cfg(feature = "ssr")]
    let image = crate::api::preview_at_build_time(&post.slug)
        .map_or_else(|| post.hero.src.clone(), |preview| preview.src);
    #[cfg(not(feature = "ssr"))]
    let image = post.hero.src.clone();
    #[cfg(feature = "ssr")]
    let json_ld = {
        let image_url = config.canonical(&href(&format!("/{image}")));
        let logo_url = config.canonical(&href(&format!("/{}", crate::components::page_meta::LOGO)));
        crate::blog::structured_data::blog_posting(
            &post,
            &url,
            &image_url,
            &config.clinic_name,
            &logo_url,
        )
    };
    #[cfg(not(feature = "ssr"))]
    let json_ld = "{}";
    let (title, description) = (post.title.clone(), post.description.clone());
    let (published, alt) = (
        post.published.clone(),
        post.hero.alt.clone().unwrap_or_default(),
    );
    let language_link = translation.clone();
    view! {
        <div class="post-page">
            <LanguageLink translation=language_link />
            <PostArticle post share_url=url />
            {crate::startup::phase_mark("clinic:article")}
            // Below the article: hydrated in a task of its own (`crate::startup`). The head tags
            // are written into `<head>` wherever they stand; here they hydrate in that task too,
            // not in the article's (the HTML already holds them, so nothing waits for them).
            {crate::startup::later(move || view! {
                <div class="post-page__more">
                    {crate::startup::phase_mark("clinic:post-head")}
                    <PageMeta title description path article=true image=(image, alt) translation />
                    <Meta property="article:published_time" content=published />
                    <Script type_="application/ld+json">{json_ld}</Script>
                    {crate::startup::phase_mark("clinic:post-meta")}
                    <PostCallToAction />
                    <RelatedPosts related />
                </div>
            })}
        </div>
    }
}

/// "Talk to us": call, write, or book. The short form is its own wasm file, fetched the first
/// time the patient opens it (or at once, if they opened it before the app started), so the
/// article loads without it. Once shown it stays, with what was typed, when closed again.
#[component]
fn PostCallToAction() -> impl IntoView {
    let text = BlogText::of(use_lang());
    let form = SiteText::of(use_lang()).part_form;
    let details = NodeRef::<leptos::html::Details>::new();
    let opened = RwSignal::new(false);
    let note_opened = move || {
        if details
            .get_untracked()
            .is_some_and(|d| d.has_attribute("open"))
        {
            opened.set(true);
        }
    };
    // Effects run once the page is hydrated: by then the patient may have opened it.
    Effect::new(move |_| note_opened());
    view! {
        <section class="post-cta" aria-labelledby="post-cta-title">
            <h2 id="post-cta-title">{text.cta_heading}</h2>
            <p>{text.cta_text}</p>
            <div class="post-cta__actions">
                <PhoneLink class="button" prefix=text.cta_call />
                <a class="button button--secondary" href=href_to(Page::Contact)>{text.cta_write}</a>
            </div>
            <details class="post-cta__form" node_ref=details on:toggle=move |_| note_opened()>
                <summary>{text.cta_form}</summary>
                {move || {
                    if opened.get() {
                        view! { <PartPage part=Part::Contact compact=true what=form /> }.into_any()
                    } else {
                        // What a patient sees who opens it before the app has started.
                        view! {
                            <p class="post-cta__wait">
                                {text.cta_wait}
                                <a href=href_to(Page::Contact)>{text.cta_wait_link}</a> "."
                            </p>
                        }
                            .into_any()
                    }
                }}
            </details>
        </section>
    }
}

/// "More posts": ranked by shared tags, then recency; never the current post.
#[component]
fn RelatedPosts(
    /// The posts chosen for this article.
    related: Related,
) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            // Without the index the article still stands; the list is simply left out.
            {move || Suspend::new(async move { related_view(&related.await.unwrap_or_default()) })}
        </Suspense>
    }
}

/// The "More posts" section, or nothing when there are no other posts.
fn related_view(posts: &[PostSummary]) -> Option<AnyView> {
    if posts.is_empty() {
        return None;
    }
    let cards = posts
        .iter()
        .map(|p| view! { <li><PostCard post=p.clone() heading_level=3 /></li> })
        .collect_view();
    Some(
        view! {
            <section class="related" aria-labelledby="related-title">
                <h2 id="related-title">{BlogText::of(use_lang()).more_posts}</h2>
                <ul class="post-list post-list--related" role="list">{cards}</ul>
            </section>
        }
        .into_any(),
    )
}
