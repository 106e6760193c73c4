//! Handing a pre-rendered page over to the browser: the data its loads resolved to at build
//! time, and whatever the patient typed before the app took over.
//!
//! The build writes each page's resolved resources into `<script type="application/json"
//! id="prerender-data">` in its head: data, never executed, so the CSP still allows only the
//! hashed loader script. Before hydrating, [`install_prerendered_data`] gives them to Leptos
//! under the names its hydration reads.

use std::sync::Mutex;

/// The id of the data block in a pre-rendered page's head.
pub const DATA_ELEMENT_ID: &str = "prerender-data";

/// Text typed into form fields before hydration, by element id (hydration resets fields to
/// what the HTML said, so it is kept here and handed back by [`take_typed`]).
static TYPED: Mutex<Vec<(String, String)>> = Mutex::new(Vec::new());

/// Boxes and radio buttons ticked before hydration, by element id (see [`take_ticked`]).
static TICKED: Mutex<Vec<(String, ())>> = Mutex::new(Vec::new());

/// Removes and returns what `store` keeps for `id`: each kept value is handed back once.
fn take<T>(store: &Mutex<Vec<(String, T)>>, id: &str) -> Option<T> {
    let mut kept = store.lock().ok()?;
    let at = kept.iter().position(|(field, _)| field == id)?;
    Some(kept.remove(at).1)
}

fn keep<T>(store: &Mutex<Vec<(String, T)>>, id: String, value: T) {
    if let Ok(mut kept) = store.lock() {
        kept.push((id, value));
    }
}

/// Remembers what was typed into a field before hydration.
pub fn remember_typed(id: String, value: String) {
    keep(&TYPED, id, value);
}

/// What was typed into the field `id` before hydration, once.
pub fn take_typed(id: &str) -> Option<String> {
    take(&TYPED, id)
}

/// Remembers that a checkbox or radio button was ticked before hydration.
pub fn remember_ticked(id: String) {
    keep(&TICKED, id, ());
}

/// Whether the box or radio button `id` was ticked before hydration; true once.
pub fn take_ticked(id: &str) -> bool {
    take(&TICKED, id).is_some()
}

/// Whether the app has taken the page over (hydrated or mounted it); false while the page is
/// as the build rendered it. A view that depends on what the build could not know (the query
/// of the address) starts as rendered and changes when this turns true, so hydration meets
/// the HTML it expects. Set by `App`'s one start-up effect: every `Effect::new` closure costs
/// the wasm its own copy of the effect machinery, so pages read this instead of making one.
#[derive(Clone, Copy, Debug)]
pub struct TakenOver(pub leptos::prelude::RwSignal<bool>);

/// The app's [`TakenOver`] signal; true where there is no app around (a component mounted by
/// itself, as in the browser tests).
pub fn taken_over() -> leptos::prelude::RwSignal<bool> {
    leptos::prelude::use_context::<TakenOver>()
        .map(|t| t.0)
        .unwrap_or_else(|| leptos::prelude::RwSignal::new(true))
}

/// Text made safe to write between tags: leptos_meta 0.8 writes the `<title>` text into the
/// pre-rendered head as it is, so a title holding `</title><!--` would end the element and
/// hide the rest of the page. The browser sets the title as text and needs no escaping.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            other => out.push(other),
        }
    }
    out
}

/// The attribute marking each resource's own element (see [`data_block`]).
pub const RESOURCE_ATTRIBUTE: &str = "data-resource";

/// The page's data for hydration: a block with the path the page was rendered for (`p`), the
/// serialized errors (`e`) and the incomplete chunks (`i`), then each resolved resource in an
/// element of its own, holding the text Leptos reads as it is (JSON, decoded once, by the
/// resource itself; an unresolved one is empty and marked `data-pending`). Inside `<script>`
/// every `<` is written `\u003c`, so no text can end the element: in JSON a `<` can only be
/// inside a string, where the escape means the same.
#[cfg(feature = "ssr")]
pub fn data_block(
    path: &str,
    resources: &[Option<String>],
    errors: &str,
    incomplete: &[usize],
) -> String {
    #[derive(serde::Serialize)]
    struct Data<'a> {
        p: &'a str,
        e: Box<serde_json::value::RawValue>,
        i: &'a [usize],
    }
    let errors = serde_json::value::RawValue::from_string(errors.to_string())
        .unwrap_or_else(|_| serde_json::value::RawValue::from_string("[]".into()).unwrap());
    let json = serde_json::to_string(&Data {
        p: path,
        e: errors,
        i: incomplete,
    })
    .unwrap_or_default();
    let mut block = format!(
        r#"<script type="application/json" id="{DATA_ELEMENT_ID}">{}</script>"#,
        json.replace('<', "\\u003c")
    );
    for resource in resources {
        match resource {
            Some(text) => block.push_str(&format!(
                r#"<script type="application/json" {RESOURCE_ATTRIBUTE}>{}</script>"#,
                text.replace('<', "\\u003c")
            )),
            None => block.push_str(&format!(
                r#"<script type="application/json" {RESOURCE_ATTRIBUTE} data-pending></script>"#
            )),
        }
    }
    block
}

/// Reads the page's data block, if it has one, and installs it for hydration. Returns the
/// path the page was rendered for, so the caller hydrates only when that is where we are.
#[cfg(target_arch = "wasm32")]
pub fn install_prerendered_data() -> Option<String> {
    use js_sys::{Array, Reflect};
    let document = web_sys::window()?.document()?;
    let element = document.get_element_by_id(DATA_ELEMENT_ID)?;
    let data = js_sys::JSON::parse(&element.text_content()?).ok()?;
    let global = js_sys::global();
    for (key, name) in [("e", "__SERIALIZED_ERRORS"), ("i", "__INCOMPLETE_CHUNKS")] {
        let value = Reflect::get(&data, &key.into()).ok()?;
        Reflect::set(&global, &name.into(), &value).ok()?;
    }
    let resources = Array::new();
    let elements = document
        .query_selector_all(&format!("script[{RESOURCE_ATTRIBUTE}]"))
        .ok()?;
    for i in 0..elements.length() {
        let text = elements
            .item(i)
            .filter(|e| {
                use wasm_bindgen::JsCast;
                e.dyn_ref::<web_sys::Element>()
                    .is_some_and(|e| !e.has_attribute("data-pending"))
            })
            .and_then(|e| e.text_content());
        resources.push(&text.map_or(wasm_bindgen::JsValue::NULL, Into::into));
    }
    Reflect::set(&global, &"__RESOLVED_RESOURCES".into(), &resources).ok()?;
    Reflect::get(&data, &"p".into()).ok()?.as_string()
}

/// Removes a page that was rendered for another address (the Not Found page served for an
/// unknown path, the listing served for `/blog?q=desk`): its body, and its head tags after the
/// `<!--HEAD-->` marker, so the app that mounts instead writes the only title, description and
/// links.
#[cfg(target_arch = "wasm32")]
pub fn discard_prerendered_page() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(body) = document.body() {
        while let Some(child) = body.first_child() {
            let _ = body.remove_child(&child);
        }
    }
    let Some(head) = document.head() else { return };
    let mut node = head.first_child();
    let mut after_marker = false;
    while let Some(current) = node {
        node = current.next_sibling();
        if after_marker {
            let _ = head.remove_child(&current);
        } else if current.node_type() == web_sys::Node::COMMENT_NODE
            && current.text_content().as_deref() == Some("HEAD")
        {
            after_marker = true;
        }
    }
}

/// Keeps what was typed into the page's fields, and what was ticked, before the app took over.
#[cfg(target_arch = "wasm32")]
pub fn keep_typed_fields() {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(fields) = document.query_selector_all("input[id], textarea[id]") else {
        return;
    };
    for i in 0..fields.length() {
        let Some(node) = fields.item(i) else { continue };
        let (id, value) = if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
            match input.type_().as_str() {
                "hidden" => continue,
                "checkbox" | "radio" => {
                    // Ticked, and not by the HTML's own default: the patient's choice.
                    if input.checked() && !input.default_checked() && !input.id().is_empty() {
                        remember_ticked(input.id());
                    }
                    continue;
                }
                _ => {}
            }
            (input.id(), input.value())
        } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
            (area.id(), area.value())
        } else {
            continue;
        };
        if !value.is_empty() {
            remember_typed(id, value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_close_its_element_or_open_a_comment() {
        assert_eq!(
            escape_text("Pain < 3 days & rest</title><!--"),
            "Pain &lt; 3 days &amp; rest&lt;/title&gt;&lt;!--"
        );
        assert_eq!(
            escape_text("Plain \"quoted\" text"),
            "Plain \"quoted\" text"
        );
    }

    #[test]
    fn typed_text_is_handed_back_once_per_field() {
        remember_typed("contact-name".into(), "Ada".into());
        assert_eq!(take_typed("contact-email"), None);
        assert_eq!(take_typed("contact-name").as_deref(), Some("Ada"));
        assert_eq!(take_typed("contact-name"), None);
    }

    #[test]
    fn a_tick_is_handed_back_once_per_box() {
        remember_ticked("symptom-neck-pain".into());
        assert!(!take_ticked("symptom-leg-pain"));
        assert!(take_ticked("symptom-neck-pain"));
        assert!(!take_ticked("symptom-neck-pain"));
    }
}
