//! The body renderer: typed blocks become typed views. Text is always text (no inner HTML),
//! and links are only ever http(s) or site paths (through `paths::href`).

use leptos::either::Either;
use leptos::prelude::*;

use crate::blog::blocks::{Block, Citation, Image, Inline, LinkTarget};
use crate::paths::href;

/// A post's body, block by block.
#[component]
pub fn PostBody(
    /// The blocks, in order, as validated by `Post::validate`.
    blocks: Vec<Block>,
) -> impl IntoView {
    // While a pre-rendered article hydrates, its body stays as the HTML has it: static text
    // and links (which the router handles wherever they are) with nothing reactive, so
    // hydration neither builds its views nor walks its nodes (see `crate::startup`).
    if crate::startup::is_hydrating() {
        return Either::Left(view! { <div class="post-body"></div> });
    }
    Either::Right(view! {
        <div class="post-body">{blocks.into_iter().map(render_block).collect_view()}</div>
    })
}

fn render_block(block: Block) -> AnyView {
    match block {
        Block::Heading { level: 2, text } => view! { <h2>{text}</h2> }.into_any(),
        Block::Heading { level: 3, text } => view! { <h3>{text}</h3> }.into_any(),
        Block::Heading { text, .. } => view! { <h4>{text}</h4> }.into_any(),
        Block::Paragraph { content } => view! { <p>{render_inlines(content)}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| view! { <li>{render_inlines(item)}</li> })
                .collect_view();
            if ordered {
                view! { <ol class="post-body__list">{items}</ol> }.into_any()
            } else {
                view! { <ul class="post-body__list">{items}</ul> }.into_any()
            }
        }
        Block::Image(image) => view! { <PostFigure image class="post-body__figure" /> }.into_any(),
        Block::Quote { text, attribution } => view! {
            <figure class="post-body__quote">
                <blockquote><p>{text}</p></blockquote>
                {attribution.map(|who| view! { <figcaption>"— " {who}</figcaption> })}
            </figure>
        }
        .into_any(),
        Block::Cta { text, label, href } => view! {
            <div class="post-body__cta">
                <p>{text}</p>
                {link(&href, label, "button")}
            </div>
        }
        .into_any(),
        Block::Citation(citation) => view! { <CitationView citation /> }.into_any(),
    }
}

/// The width of an image in the article column, for `sizes`.
pub const ARTICLE_SIZES: &str = "(min-width: 45rem) 42rem, 100vw";

/// An image with its reserved size and optional caption.
#[component]
pub fn PostFigure(
    /// The image; decorative images get an empty alt.
    image: Image,
    /// Block class of the figure.
    class: &'static str,
    /// Load at once and first (the hero, usually the page's largest paint) rather than when
    /// scrolled near.
    #[prop(optional)]
    eager: bool,
    /// For a photo, the width it takes on screen (the `sizes` attribute), from which the browser
    /// picks one of its WebP copies: by default the article column (42rem), or the whole screen
    /// on a phone.
    #[prop(default = ARTICLE_SIZES)]
    sizes: &'static str,
) -> impl IntoView {
    let alt = image.alt_text();
    // The original stays `src`, for browsers without srcset.
    let sizes = image.srcset.is_some().then_some(sizes);
    // width/height attributes give the browser the aspect ratio before the image loads
    // (with `height: auto` in CSS), so nothing shifts; an inline style would break the CSP.
    view! {
        <figure class=class>
            <img
                src=image.src
                srcset=image.srcset
                sizes=sizes
                alt=alt
                width=image.width
                height=image.height
                loading=if eager { "eager" } else { "lazy" }
                fetchpriority=eager.then_some("high")
                decoding="async"
            />
            {image.caption.map(|c| view! { <figcaption>{c}</figcaption> })}
        </figure>
    }
}

/// A reference to a study, with a link to it.
#[component]
pub fn CitationView(
    /// The study.
    citation: Citation,
) -> impl IntoView {
    let link = citation.link();
    let shown = citation
        .doi
        .as_ref()
        .map(|doi| format!("doi:{doi}"))
        .or_else(|| citation.url.clone())
        .unwrap_or_default();
    view! {
        <figure class="post-citation">
            <figcaption class="post-citation__label">"Reference"</figcaption>
            <p class="post-citation__text">
                {citation.authors} " " <cite>{citation.title}</cite> ". "
                <span class="post-citation__journal">{citation.journal}</span> ". "
                {citation.year.to_string()} ". "
                {link.map(|url| view! { <a href=url rel="noopener">{shown}</a> })}
            </p>
            {citation.summary.map(|s| view! { <p class="post-citation__summary">{s}</p> })}
        </figure>
    }
}

/// Inline spans: plain text, emphasis, strong, or a checked link.
pub fn render_inlines(spans: Vec<Inline>) -> impl IntoView {
    spans
        .into_iter()
        .map(|span| match span {
            Inline::Text(text) => text.into_any(),
            Inline::Emphasis(text) => view! { <em>{text}</em> }.into_any(),
            Inline::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
            Inline::Link { text, href } => link(&href, text, ""),
        })
        .collect_view()
}

/// A link to a site path (through the base path) or an http(s) URL; anything else is text.
fn link(target: &str, text: String, class: &'static str) -> AnyView {
    match LinkTarget::parse(target) {
        Some(LinkTarget::Internal(path)) => {
            view! { <a class=class href=href(&path)>{text}</a> }.into_any()
        }
        Some(LinkTarget::External(url)) => {
            view! { <a class=class href=url rel="noopener">{text}</a> }.into_any()
        }
        None => text.into_any(),
    }
}
