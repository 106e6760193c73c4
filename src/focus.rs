//! The one way the site moves keyboard focus: to an element by id, now or after the next paint.

use wasm_bindgen::JsCast;

/// Focuses the element with this id, making it focusable from script (`tabindex="-1"`) if it
/// is not already. Returns whether there was such an element.
pub fn focus_id(id: &str) -> bool {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    element.is_some_and(|e| focus_element(&e))
}

/// Focuses an element, making it focusable from script if needed.
pub fn focus_element(element: &web_sys::Element) -> bool {
    let is_native = matches!(
        element.tag_name().as_str(),
        "A" | "BUTTON" | "INPUT" | "SELECT" | "TEXTAREA"
    );
    if !is_native && !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
    match element.dyn_ref::<web_sys::HtmlElement>() {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Focuses the element with this id after the browser has rendered the current updates
/// (a panel that was just un-hidden cannot take focus before that).
pub fn focus_id_after_paint(id: String) {
    leptos::prelude::request_animation_frame(move || {
        focus_id(&id);
    });
}
