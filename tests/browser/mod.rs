//! Helpers shared by the browser tests (`tests/web_*.rs`): mount the real site and wait for it.
#![allow(dead_code)]

use clinic_site::{config::SiteConfig, Site};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The demo configuration shipped in `public/site.json`.
pub fn demo_config() -> SiteConfig {
    SiteConfig::parse(include_str!("../../public/site.json")).expect("demo config")
}

/// Mounts the whole site at `path` into a fresh container and returns the container.
pub fn mount_site_at(path: &str) -> web_sys::HtmlElement {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let document = window.document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let config = demo_config();
    let handle = leptos::mount::mount_to(container.clone(), move || view! { <Site config /> });
    handle.forget();
    container
}

/// Lets the browser run pending tasks and paint: route matching and effects render on later
/// ticks, and focus moves after a frame.
pub async fn settle() {
    let timeout = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(timeout).await.unwrap();
    for _ in 0..3 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    }
}

/// The first element matching `selector`, or a panic that shows what was rendered.
pub fn find(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
        .unchecked_into()
}
