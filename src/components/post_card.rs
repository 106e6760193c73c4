//! A post's card on the listing and under "More posts": image, linked title, byline, date,
//! excerpt, reading time and tags. Takes data as props and never fetches.

use leptos::prelude::*;

use crate::blog::{
    search::{tag_href, tag_label},
    PostSummary,
};
use crate::components::article::PostTime;
use crate::components::post_body::PostFigure;
use crate::paths::href;

/// One post as a card.
#[component]
pub fn PostCard(
    /// The post, as listed in the index.
    post: PostSummary,
    /// Level of the title heading: 2 on the listing, 3 under "More posts".
    #[prop(default = 2)]
    heading_level: u8,
) -> impl IntoView {
    let link = href(&format!("/blog/{}", post.slug));
    let title = post.title.clone();
    let title_link = view! { <a class="post-card__link" href=link>{title}</a> };
    let heading = if heading_level == 3 {
        view! { <h3 class="post-card__title">{title_link}</h3> }.into_any()
    } else {
        view! { <h2 class="post-card__title">{title_link}</h2> }.into_any()
    };
    let tags = post
        .tags
        .iter()
        .map(|tag| {
            view! { <li><a class="post-card__tag" href=tag_href(tag)>{tag_label(tag)}</a></li> }
        })
        .collect_view();
    view! {
        <article class="post-card">
            <PostFigure image=post.hero.clone() class="post-card__image" />
            <div class="post-card__content">
                {heading}
                <p class="post-card__meta">
                    <span class="post-card__author">{post.author.clone()}</span>
                    <span aria-hidden="true">" · "</span>
                    <PostTime iso=post.published.clone() />
                    <span aria-hidden="true">" · "</span>
                    <span>{format!("{} min read", post.reading_minutes)}</span>
                </p>
                <p class="post-card__excerpt">{post.description.clone()}</p>
                <ul class="post-card__tags" aria-label="Topics">{tags}</ul>
            </div>
        </article>
    }
}
