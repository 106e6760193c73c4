//! The article view: `<article>` with title, byline, dates, hero, body and share links.
//! Pure: it takes the post as props and never fetches; browser calls sit behind helpers.

use leptos::prelude::*;

use crate::blog::Post;
use crate::components::heading::PageHeading;
use crate::components::post_body::{PostBody, PostFigure};
use crate::components::share::ShareLinks;
use crate::components::tag_list::TagList;
use crate::context::use_lang;
use crate::intl::{date_in, format_date};
use crate::lang::Lang;
use crate::startup::later;
use crate::text::{blog::BlogText, fill};

/// A date as `<time datetime="2025-03-04">`, written the way the reader's locale writes it.
#[component]
pub fn PostTime(
    /// ISO date, "YYYY-MM-DD".
    iso: String,
) -> impl IntoView {
    // The HTML (built without a browser) and the first render say the same; the reader's
    // own locale takes over once the app runs (effects run only in the browser).
    // A Spanish page writes Spanish dates ("4 de marzo de 2025"), whatever the reader's locale.
    let lang = use_lang();
    let text = RwSignal::new(date_in(lang, &iso));
    let for_locale = iso.clone();
    Effect::new(move |_| {
        if lang == Lang::En {
            text.set(format_date(&for_locale));
        }
    });
    view! { <time datetime=iso>{move || text.get()}</time> }
}

/// One whole article.
#[component]
pub fn PostArticle(
    /// The post, already validated.
    mut post: Post,
    /// The address to share (absolute, canonical).
    share_url: String,
) -> impl IntoView {
    let words = BlogText::of(use_lang());
    let minutes = fill(
        words.minutes_read,
        &[("n", &post.reading_minutes().to_string())],
    );
    let updated = post.updated.clone().map(|iso| {
        view! { <li>{words.updated} <PostTime iso /></li> }
    });
    // "Medically reviewed by … on …" and "Next review due …": how old the check is, and when
    // the next one is due (the content build writes the date: a year after the review unless
    // set). Two items of the dates list, which the page shows side by side and a screen reader
    // reads as two items.
    let reviewed = post.reviewed.clone().map(|review| {
        let due = review
            .next_due
            .map(|iso| view! { <li>{words.next_review} <PostTime iso /></li> });
        view! {
            <li>{words.reviewed_by} {review.by} {words.reviewed_on} <PostTime iso=review.on /></li>
            {due}
        }
    });
    let title = post.title.clone();
    // While the page hydrates, the article's header and footer each hydrate in a task of their
    // own (`crate::startup`); the body is static text, left as the HTML has it.
    let body = std::mem::take(&mut post.body);
    let hero = post.hero.clone();
    let header = later(move || {
        view! {
            <header class="post__header">
                <TagList tags=post.tags.clone() block="post" />
                <PageHeading id="post-title" class="post__title">{post.title.clone()}</PageHeading>
                <p class="post__description">{post.description.clone()}</p>
                <p class="post__byline">{words.by} <span class="post__author">{post.author.clone()}</span></p>
                <ul class="post__dates">
                    <li>{words.published} <PostTime iso=post.published.clone() /></li>
                    {updated}
                    {reviewed}
                    <li>{minutes}</li>
                </ul>
            </header>
        }
    });
    let footer = later(move || {
        view! {
            <footer class="post__footer">
                <ShareLinks url=share_url title />
            </footer>
        }
    });
    view! {
        <article class="post" aria-labelledby="post-title">
            {header}
            <PostFigure image=hero class="post__hero" eager=true />
            <PostBody blocks=body />
            {footer}
        </article>
    }
}
