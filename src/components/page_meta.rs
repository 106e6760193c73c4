//! A page's head: title, description, canonical link, Open Graph and Twitter card, written once
//! per page so link previews, crawlers and the pre-rendered HTML all see the same.

use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};

use crate::context::use_config;
use crate::paths::href;

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
    /// Also describe the clinic itself as JSON-LD (home and contact pages).
    #[prop(optional)]
    clinic: bool,
) -> impl IntoView {
    let config = use_config();
    let url = config.canonical(&href(&path));
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    let image = image.map(|(src, alt)| {
        let src = config.canonical(&href(&format!("/{src}")));
        view! {
            <Meta property="og:image" content=src />
            <Meta property="og:image:alt" content=alt.clone() />
            <Meta name="twitter:image:alt" content=alt />
        }
    });
    let clinic_ld = clinic.then(|| {
        // Written at build time only, like an article's JSON-LD (see `pages/post.rs`): search
        // engines read the pre-rendered page, and hydration keeps its text.
        #[cfg(feature = "ssr")]
        let json =
            crate::blog::structured_data::medical_clinic(&config, &config.canonical(&href("/")));
        #[cfg(not(feature = "ssr"))]
        let json = "{}";
        view! { <Script type_="application/ld+json">{json}</Script> }
    });
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=description.clone() />
        <Link rel="canonical" href=url.clone() />
        <Meta property="og:type" content=if article { "article" } else { "website" } />
        <Meta property="og:title" content=title.clone() />
        <Meta property="og:description" content=description.clone() />
        <Meta property="og:url" content=url />
        <Meta property="og:site_name" content=config.clinic_name.clone() />
        {image}
        <Meta name="twitter:card" content=card />
        <Meta name="twitter:title" content=title />
        <Meta name="twitter:description" content=description />
        {clinic_ld}
    }
}
