//! Helpers shared by the browser tests (`tests/web_*.rs`): mount the real site, find elements
//! as a screen reader would (by role, label and text), and wait on conditions, never on a clock.
#![allow(dead_code)]

use std::any::Any;

use clinic_site::{config::SiteConfig, Site};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The demo configuration shipped in `public/site.json`.
pub fn demo_config() -> SiteConfig {
    SiteConfig::parse(include_str!("../../public/site.json")).expect("demo config")
}

/// Something mounted for one test. Dropping it unmounts the view (running its cleanups) and
/// removes its container, so no test leaves a live site (or duplicate ids) behind for the next.
pub struct Mounted {
    pub root: web_sys::HtmlElement,
    handle: Option<Box<dyn Any>>,
}

impl std::ops::Deref for Mounted {
    type Target = web_sys::HtmlElement;

    fn deref(&self) -> &Self::Target {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.root.remove();
    }
}

/// A fresh container appended to `<body>`.
fn container() -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let div: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Mounts any view into a fresh container; unmounted when the result is dropped.
pub fn mount<F, N>(f: F) -> Mounted
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
    N::State: 'static,
{
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), f);
    Mounted {
        root,
        handle: Some(Box::new(handle)),
    }
}

/// Mounts the whole site at `path`; unmounted when the result is dropped.
pub fn mount_site_at(path: &str) -> Mounted {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let config = demo_config();
    // In the language its address is in, as `App` provides it.
    let lang = clinic_site::lang::Lang::of_path(path).0;
    mount(move || {
        provide_context(lang);
        view! { <Site config /> }
    })
}

/// Resolves after the browser's next animation frame.
pub async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

/// Waits, frame by frame, until `condition` holds. The frame budget only turns a broken
/// behaviour into a readable failure instead of a hung run; it is not a timing assumption.
pub async fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    for _ in 0..600 {
        if condition() {
            return;
        }
        next_frame().await;
    }
    panic!("gave up waiting until {what}");
}

/// Waits until an element matching `selector` is inside `root`, and returns it.
pub async fn wait_for(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    wait_until(&format!("{selector} is rendered"), || {
        root.query_selector(selector).unwrap().is_some()
    })
    .await;
    find(root, selector)
}

/// The first element matching `selector`, or a panic that shows what was rendered.
pub fn find(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
        .unchecked_into()
}

/// Every element matching `selector`, in document order.
pub fn find_all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(JsCast::unchecked_into)
        .collect()
}

/// An element's text with runs of whitespace collapsed, as a screen reader reads it.
pub fn text_of(element: &web_sys::Element) -> String {
    element
        .text_content()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The button whose accessible name is `name`.
pub fn button(root: &web_sys::Element, name: &str) -> web_sys::HtmlElement {
    named_by(root, "button, [role='button']", name)
        .unwrap_or_else(|| panic!("no button named {name:?} in {}", root.inner_html()))
}

/// The link whose accessible name is `name`.
pub fn link(root: &web_sys::Element, name: &str) -> web_sys::HtmlElement {
    named_by(root, "a[href]", name)
        .unwrap_or_else(|| panic!("no link named {name:?} in {}", root.inner_html()))
}

/// The heading (any level) whose text is `name`.
pub fn heading(root: &web_sys::Element, name: &str) -> web_sys::HtmlElement {
    named_by(root, "h1, h2, h3, h4, h5, h6", name)
        .unwrap_or_else(|| panic!("no heading {name:?} in {}", root.inner_html()))
}

/// The form control labelled `label`: a `<label for>` whose text starts with `label`.
pub fn labelled(root: &web_sys::Element, label: &str) -> web_sys::HtmlElement {
    let control_id = find_all(root, "label[for]")
        .into_iter()
        .find(|l| text_of(l).starts_with(label))
        .and_then(|l| l.get_attribute("for"))
        .unwrap_or_else(|| panic!("no label starting {label:?} in {}", root.inner_html()));
    find(root, &format!("[id='{control_id}']"))
}

/// Whether a checkbox or radio button is checked.
pub fn is_checked(element: &web_sys::Element) -> bool {
    element
        .dyn_ref::<web_sys::HtmlInputElement>()
        .is_some_and(web_sys::HtmlInputElement::checked)
}

/// Clicks an element, then lets the reactive updates it causes render.
pub async fn click(element: &web_sys::HtmlElement) {
    element.click();
    next_frame().await;
}

/// Types `value` into an input or text area as a user would (an `input` event follows).
pub async fn type_into(element: &web_sys::HtmlElement, value: &str) {
    type_now(element, value);
    next_frame().await;
}

/// Types `value` as [`type_into`] does, without letting anything else run before returning:
/// for what must hold the moment the patient has typed.
pub fn type_now(element: &web_sys::HtmlElement, value: &str) {
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(value);
    }
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    element.dispatch_event(&event).unwrap();
}

/// The first element matching `selector` inside `root`, if any (for waiting on its absence).
pub fn query(root: &web_sys::Element, selector: &str) -> Option<web_sys::HtmlElement> {
    root.query_selector(selector)
        .unwrap()
        .map(JsCast::unchecked_into)
}

/// An element's accessible name, for the ways this site names things: `aria-labelledby`, then
/// `aria-label`, then a fieldset's legend, then its own text.
pub fn accessible_name(element: &web_sys::Element) -> String {
    if let Some(ids) = element.get_attribute("aria-labelledby") {
        let document = element.owner_document().unwrap();
        return ids
            .split_whitespace()
            .filter_map(|id| document.get_element_by_id(id))
            .map(|e| text_of(&e))
            .collect::<Vec<_>>()
            .join(" ");
    }
    if let Some(label) = element.get_attribute("aria-label") {
        return label;
    }
    if element.tag_name() == "FIELDSET" {
        if let Some(legend) = element.query_selector("legend").unwrap() {
            return text_of(&legend);
        }
    }
    text_of(element)
}

/// The first element matching `selector` whose accessible name is `name`, if any.
pub fn named_by(
    root: &web_sys::Element,
    selector: &str,
    name: &str,
) -> Option<web_sys::HtmlElement> {
    find_all(root, selector)
        .into_iter()
        .find(|e| accessible_name(e) == name)
}

/// The region (a named `<section>` or `role="region"`) whose accessible name is `name`.
pub fn region(root: &web_sys::Element, name: &str) -> web_sys::HtmlElement {
    named_by(root, "section, [role='region']", name)
        .unwrap_or_else(|| panic!("no region named {name:?} in {}", root.inner_html()))
}

/// The group (a fieldset or `role="group"`) whose accessible name is `name`.
pub fn group(root: &web_sys::Element, name: &str) -> web_sys::HtmlElement {
    named_by(root, "fieldset, [role='group']", name)
        .unwrap_or_else(|| panic!("no group named {name:?} in {}", root.inner_html()))
}

/// The list whose accessible name is `name`, if it is rendered.
pub fn list(root: &web_sys::Element, name: &str) -> Option<web_sys::HtmlElement> {
    named_by(root, "ul, ol, [role='list']", name)
}

/// The text of each item of a list, in order.
pub fn list_items(list: &web_sys::Element) -> Vec<String> {
    find_all(list, ":scope > li")
        .iter()
        .map(|li| text_of(li))
        .collect()
}

/// Whether `element` has keyboard focus.
pub fn is_focused(element: &web_sys::Element) -> bool {
    let document = element.owner_document().unwrap();
    document
        .active_element()
        .is_some_and(|active| &active == element)
}
