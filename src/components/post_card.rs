//! A post's card on the listing and under "More posts": image, linked title, byline, date,
//! excerpt, reading time and tags. Takes data as props and never fetches.

use leptos::prelude::*;

use crate::blog::PostSummary;
use crate::components::article::PostTime;
use crate::components::heading::Heading;
use crate::components::post_body::PostFigure;
use crate::components::tag_list::TagList;
use crate::context::{post_path_to, use_lang};
use crate::paths::href;
use crate::text::{blog::BlogText, fill};

/// One post as a card.
#[component]
pub fn PostCard(
    /// The post, as listed in the index.
    post: PostSummary,
    /// Level of the title heading: 2 on the listing, 3 under "More posts".
    #[prop(default = 2)]
    heading_level: u8,
) -> impl IntoView {
    let link = href(&post_path_to(&post.slug));
    let minutes = fill(
        BlogText::of(use_lang()).minutes_read,
        &[("n", &post.reading_minutes.to_string())],
    );
    let title = post.title.clone();
    view! {
        <article class="post-card">
            // Cards sit in a grid of 19rem-and-wider columns: three across on a wide screen,
            // two on a tablet, one on a phone.
            <PostFigure
                image=post.hero.clone()
                class="post-card__image"
                sizes="(min-width: 62rem) 23rem, (min-width: 42rem) 50vw, 100vw"
            />
            <div class="post-card__content">
                <Heading level=heading_level class="post-card__title">
                    <a class="post-card__link" href=link>{title}</a>
                </Heading>
                <p class="post-card__meta">
                    <span class="post-card__author">{post.author.clone()}</span>
                    <span aria-hidden="true">" · "</span>
                    <PostTime iso=post.published.clone() />
                    <span aria-hidden="true">" · "</span>
                    <span>{minutes}</span>
                </p>
                <p class="post-card__excerpt">{post.description.clone()}</p>
                <TagList tags=post.tags.clone() block="post-card" />
            </div>
        </article>
    }
}
