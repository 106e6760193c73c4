//! A page's head: title, description, canonical link, Open Graph and Twitter card, written once
//! per page so link previews, crawlers and the pre-rendered HTML all see the same.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, MetaProps, Script, Title};

use crate::context::{use_config, use_lang};
use crate::lang::Lang;
use crate::paths::href;
use crate::routes::alternate;
use crate::text::{fill, site::SiteText};

/// The clinic's logo (drawn by the content build from `public/icon.svg`): the preview of a page
/// without an image of its own, and the publisher's logo in an article's JSON-LD.
pub use crate::site_files::LOGO;

/// The head tags of one page. Leptos removes them when the page goes, so client-side
/// navigation never leaves two of anything.
#[component]
pub fn PageMeta(
    /// The page's own title (the clinic's name is added by the app's title formatter).
    #[prop(into)]
    title: String,
    /// One or two sentences for search results and link previews.
    #[prop(into)]
    description: String,
    /// The app path ("/blog"), for the canonical and Open Graph URLs.
    #[prop(into)]
    path: String,
    /// An article rather than a website page (Open Graph type).
    #[prop(optional)]
    article: bool,
    /// The preview image as (site path like "images/x.svg", alt text).
    #[prop(optional)]
    image: Option<(String, String)>,
    /// Also describe the clinic itself as JSON-LD (the home, Visit and contact pages).
    #[prop(optional)]
    clinic: bool,
    /// For an article: its translation's slug, if it has one (other pages are the same page in
    /// both languages).
    #[prop(optional_no_strip)]
    translation: Option<String>,
) -> impl IntoView {
    let config = use_config();
    let lang = use_lang();
    let url = config.canonical(&href(&path));
    // The page in each language (`hreflang`, English also for `x-default`), when the other
    // language has this same page: each points to the other, and to itself.
    let alternate = alternate(&path, |_| translation.clone())
        .filter(|(_, same_page)| *same_page)
        .map(|(other_path, _)| config.canonical(&href(&other_path)));
    let hreflang = alternate.as_ref().map(|other_url| {
        let (english, spanish) = match lang {
            Lang::En => (url.clone(), other_url.clone()),
            Lang::Es => (other_url.clone(), url.clone()),
        };
        [
            ("en", english.clone()),
            ("es", spanish),
            ("x-default", english),
        ]
        .into_iter()
        .map(|(code, href)| view! { <Link rel="alternate" hreflang=code href /> })
        .collect_view()
    });
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    // A page without a picture of its own is previewed with the clinic's logo.
    let (src, alt) = image.unwrap_or_else(|| {
        let alt = fill(
            SiteText::of(lang).logo_alt,
            &[("clinic", &config.clinic_name)],
        );
        (LOGO.to_string(), alt)
    });
    let src = config.canonical(&href(&format!("/{src}")));
    // One `<meta>` per entry, built by one loop: written as a dozen siblings, each would be code
    // of its own in the app's first load (3.6 KB of wasm before brotli).
    let kind = if article { "article" } else { "website" };
    let tags = [
        (None, Some("og:type"), kind.to_string()),
        (None, Some("og:title"), title.clone()),
        (None, Some("og:description"), description.clone()),
        (None, Some("og:url"), url.clone()),
        (None, Some("og:site_name"), config.clinic_name.clone()),
        (None, Some("og:locale"), lang.og_locale().to_string()),
        (None, Some("og:image"), src.clone()),
        (None, Some("og:image:alt"), alt.clone()),
        (Some("twitter:card"), None, card.to_string()),
        (Some("twitter:title"), None, title.clone()),
        (Some("twitter:description"), None, description.clone()),
        (Some("twitter:image"), None, src),
        (Some("twitter:image:alt"), None, alt),
    ]
    .into_iter()
    .chain(alternate.is_some().then(|| {
        (
            None,
            Some("og:locale:alternate"),
            lang.other().og_locale().to_string(),
        )
    }))
    .map(
        |(name, property, content): (Option<&'static str>, Option<&'static str>, String)| {
            Meta(MetaProps {
                charset: None,
                name: name.map(Into::into),
                property: property.map(Into::into),
                http_equiv: None,
                itemprop: None,
                content: Some(content.into()),
            })
        },
    )
    .collect_view();
    let clinic_ld = clinic.then(|| {
        // Written at build time only, like an article's JSON-LD (see `pages/post.rs`): search
        // engines read the pre-rendered page, and hydration keeps its text.
        #[cfg(feature = "ssr")]
        let json = crate::blog::structured_data::chiropractor(
            &config,
            &crate::api::visit_at_build_time(),
            &config.canonical(&href("/")),
            &config.canonical(&href(&format!("/{LOGO}"))),
            crate::calendar::Date::today_utc().plus_days(-1),
        );
        #[cfg(not(feature = "ssr"))]
        let json = "{}";
        view! { <Script type_="application/ld+json">{json}</Script> }
    });
    view! {
        <Title text=title />
        <Meta name="description" content=description />
        <Link rel="canonical" href=url />
        {hreflang}
        {tags}
        {clinic_ld}
    }
}
