//! Browser tests of the blog views: the card and the body renderer mounted for real in
//! headless Chromium, with the demo content.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{
    button, demo_config, find, heading, link, mount, mount_site_at, text_of, wait_until,
};
use clinic_site::api::FetchError;
use clinic_site::blog::{Block, Post};
use clinic_site::components::fetch_error::{FetchErrorView, Subject};
use clinic_site::components::{
    post_body::{PostBody, PostFigure},
    post_card::PostCard,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn demo_post() -> Post {
    Post::parse(include_str!(
        "../public/posts/back-spasms-causes-and-relief.json"
    ))
    .expect("demo post")
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is rendered"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn the_card_links_its_title_and_shows_image_date_reading_time_and_tags() {
    let summary = demo_post().summary();
    let root = mount(move || view! { <PostCard post=summary /> });
    let link = root
        .query_selector("article h2 a")
        .unwrap()
        .expect("a linked title");
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "/blog/back-spasms-causes-and-relief"
    );
    assert!(link.text_content().unwrap().starts_with("Back spasms"));
    let img = root.query_selector("img").unwrap().unwrap();
    assert_eq!(
        img.get_attribute("alt").unwrap(),
        "A person bending forward with one hand pressed to the lower back"
    );
    assert_eq!(img.get_attribute("width").unwrap(), "640");
    assert_eq!(img.get_attribute("height").unwrap(), "360");
    let time = root.query_selector("time").unwrap().unwrap();
    assert_eq!(time.get_attribute("datetime").unwrap(), "2025-03-04");
    // Intl writes the date in the reader's locale; it is never the raw ISO text.
    let shown = time.text_content().unwrap();
    assert!(shown.contains("2025") && shown != "2025-03-04", "{shown}");
    assert!(text(&root, ".post-card__meta").contains("min read"));
    let tag = root
        .query_selector("ul[aria-label='Topics'] a")
        .unwrap()
        .unwrap();
    assert_eq!(
        tag.get_attribute("href").unwrap(),
        "/blog/topic/back-spasms"
    );
}

#[wasm_bindgen_test]
fn a_photo_offers_its_webp_copies_and_only_the_hero_loads_first() {
    let mut photo = demo_post().hero;
    photo.src = "images/room.jpg".into();
    photo.srcset =
        Some("images/generated/room-1-480.webp 480w, images/generated/room-1-800.webp 800w".into());
    let (hero, below) = (photo.clone(), photo.clone());
    let root = mount(move || {
        view! {
            <PostFigure image=hero class="post__hero" eager=true />
            <PostFigure image=below class="post-body__figure" />
        }
    });
    let imgs = root.query_selector_all("img").unwrap();
    let attr = |i: u32, name: &str| {
        imgs.item(i)
            .unwrap()
            .dyn_into::<web_sys::Element>()
            .unwrap()
            .get_attribute(name)
    };
    for i in 0..2 {
        assert_eq!(attr(i, "src").as_deref(), Some("images/room.jpg"));
        assert_eq!(attr(i, "srcset"), photo.srcset);
        assert_eq!(
            attr(i, "sizes").as_deref(),
            Some("(min-width: 45rem) 42rem, 100vw")
        );
        assert_eq!(attr(i, "width").as_deref(), Some("640"));
        assert_eq!(attr(i, "height").as_deref(), Some("360"));
    }
    assert_eq!(attr(0, "fetchpriority").as_deref(), Some("high"));
    assert_eq!(attr(0, "loading").as_deref(), Some("eager"));
    assert_eq!(attr(1, "fetchpriority"), None);
    assert_eq!(attr(1, "loading").as_deref(), Some("lazy"));
}

#[wasm_bindgen_test]
fn a_card_asks_for_a_photo_no_wider_than_its_column() {
    let mut summary = demo_post().summary();
    summary.hero.srcset = Some("images/generated/room-1-480.webp 480w".into());
    let root = mount(move || view! { <PostCard post=summary /> });
    let img = root.query_selector("img").unwrap().unwrap();
    assert_eq!(
        img.get_attribute("sizes").as_deref(),
        Some("(min-width: 62rem) 23rem, (min-width: 42rem) 50vw, 100vw")
    );
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
}

#[wasm_bindgen_test]
fn a_drawing_has_no_srcset_or_sizes() {
    let hero = demo_post().hero;
    let root = mount(move || view! { <PostFigure image=hero class="post__hero" eager=true /> });
    let img = root.query_selector("img").unwrap().unwrap();
    assert_eq!(img.get_attribute("srcset"), None);
    assert_eq!(img.get_attribute("sizes"), None);
}

#[wasm_bindgen_test]
fn the_body_renders_every_block_as_typed_elements() {
    // The demo post, plus the kinds it lacks: a level-4 heading, an image and a quote.
    let mut blocks = demo_post().body;
    blocks.extend(
        serde_json::from_str::<Vec<Block>>(
            r#"[
                {"type": "heading", "level": 4, "text": "A smaller heading"},
                {"type": "image", "src": "images/knee-to-chest.svg", "alt": "A person lying on their back hugging one knee",
                 "caption": "Hold for twenty seconds.", "width": 640, "height": 360},
                {"type": "quote", "text": "Keep moving, gently.", "attribution": "A patient"}
            ]"#,
        )
        .unwrap(),
    );
    let root = mount(move || view! { <PostBody blocks /> });
    let body = root.query_selector(".post-body").unwrap().unwrap();
    let text = |selector: &str| {
        body.query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
            .text_content()
            .unwrap_or_default()
    };
    assert!(body.query_selector("h2").unwrap().is_some());
    assert!(body.query_selector("h3").unwrap().is_some());
    assert_eq!(text("h4"), "A smaller heading");
    assert!(!text("p").is_empty(), "paragraphs are <p>");
    let img = body
        .query_selector("figure img[alt='A person lying on their back hugging one knee']")
        .unwrap();
    assert!(img.is_some(), "an image is a figure with its alt text");
    assert_eq!(
        text("figure:has(img[alt^='A person lying']) figcaption"),
        "Hold for twenty seconds."
    );
    assert_eq!(
        text("figure.post-body__quote blockquote p"),
        "Keep moving, gently."
    );
    assert_eq!(text("figure.post-body__quote figcaption"), "— A patient");
    assert!(body.query_selector("ol > li strong").unwrap().is_some());
    assert!(body.query_selector("ul > li").unwrap().is_some());
    let internal = body
        .query_selector("a[href='/blog/lifting-safely']")
        .unwrap();
    assert!(internal.is_some(), "internal links go through paths::href");
    let cite = body
        .query_selector("figure.post-citation cite")
        .unwrap()
        .unwrap();
    assert!(cite
        .text_content()
        .unwrap()
        .starts_with("Effect of Usual Medical Care"));
    let doi = body
        .query_selector("figure.post-citation a")
        .unwrap()
        .unwrap();
    assert_eq!(
        doi.get_attribute("href").unwrap(),
        "https://doi.org/10.1001/jamanetworkopen.2018.0105"
    );
    let cta = body.query_selector(".post-body__cta a").unwrap().unwrap();
    assert_eq!(cta.get_attribute("href").unwrap(), "/symptoms");
}

#[wasm_bindgen_test]
fn markup_in_content_is_shown_as_text_and_unsafe_links_are_not_links() {
    let blocks: Vec<Block> = serde_json::from_str(
        r#"[
            {"type": "paragraph", "content": [{"text": "<img src=x onerror=alert(1)>"},
                {"link": {"text": "click", "href": "javascript:alert(1)"}}]},
            {"type": "image", "src": "images/divider-wave.svg", "decorative": true, "width": 640, "height": 40}
        ]"#,
    )
    .unwrap();
    let root = mount(move || view! { <PostBody blocks /> });
    let p = root.query_selector("p").unwrap().unwrap();
    assert!(p
        .text_content()
        .unwrap()
        .contains("<img src=x onerror=alert(1)>"));
    assert!(p.query_selector("img").unwrap().is_none());
    assert!(p.query_selector("a").unwrap().is_none());
    let img = root.query_selector("img").unwrap().unwrap();
    assert_eq!(
        img.get_attribute("alt").unwrap(),
        "",
        "decorative images get an empty alt"
    );
}

#[wasm_bindgen_test]
fn a_read_that_timed_out_says_so_and_offers_try_again_and_the_clinic_phone() {
    let retried = RwSignal::new(0);
    let root = mount(move || {
        provide_context(demo_config());
        let on_retry = Callback::new(move |()| retried.update(|n| *n += 1));
        view! { <FetchErrorView error=FetchError::Timeout(10) subject=Subject::Article on_retry /> }
    });
    heading(&root, "This is taking too long");
    let alert = find(&root, "[role='alert']");
    assert!(
        text_of(&alert).contains("within 10 seconds"),
        "{}",
        text_of(&alert)
    );
    assert_eq!(
        link(&root, "(503) 555-0142")
            .get_attribute("href")
            .as_deref(),
        Some("tel:+15035550142")
    );
    link(&root, "Back to all articles");
    button(&root, "Try again").click();
    assert_eq!(retried.get_untracked(), 1);
}

#[wasm_bindgen_test]
async fn a_client_side_navigation_announces_the_new_page_and_focuses_its_heading() {
    let site = mount_site_at("/blog");
    let announcer = find(&site, "#route-announcer");
    wait_until("the listing's heading is shown", || {
        site.query_selector("main h1").unwrap().is_some()
    })
    .await;
    assert_eq!(text_of(&announcer), "", "the first page is not announced");
    let nav = find(&site, "nav[aria-label='Main']");
    link(&nav, "Contact").click();
    wait_until("the new page is announced", || {
        !text_of(&announcer).is_empty()
    })
    .await;
    assert_eq!(
        text_of(&announcer),
        "Navigated to Contact the clinic · Alder Creek Chiropractic"
    );
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .expect("something has focus");
    assert_eq!(focused.tag_name(), "H1");
    assert_eq!(text_of(&focused), "Contact the clinic");
}

/// While a page hydrates, the article body is static HTML that hydration leaves alone: no views
/// are built for it and its nodes are not walked (`PostBody`, `clinic_site::startup`). Here the
/// blocks given differ from the HTML on purpose: walking the body would not find the nodes it
/// expects, and the test fails.
#[wasm_bindgen_test]
fn a_hydrating_body_is_left_as_the_html_has_it() {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_inner_html(r#"<div class="post-body"><h2>As rendered</h2><p>Kept <a href="/symptoms">as it is</a>.</p><!----></div>"#);
    document.body().unwrap().append_child(&root).unwrap();
    let kept = root.query_selector(".post-body p").unwrap().unwrap();
    let blocks = demo_post().body;
    let handle = leptos::mount::hydrate_from(root.clone().unchecked_into(), move || {
        view! { <PostBody blocks /> }
    });
    let p = root.query_selector(".post-body p").unwrap().unwrap();
    assert!(p.is_same_node(Some(&kept)));
    assert_eq!(text(&root, ".post-body h2"), "As rendered");
    assert_eq!(
        root.query_selector_all(".post-body > *").unwrap().length(),
        2
    );
    // After hydration, a body is built from its blocks as usual.
    let built = mount(move || view! { <PostBody blocks=demo_post().body /> });
    assert!(
        built
            .root
            .query_selector_all(".post-body > *")
            .unwrap()
            .length()
            > 2
    );
    drop(handle);
}
