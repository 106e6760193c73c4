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

/// Remembers what was typed into a field before hydration.
pub fn remember_typed(id: String, value: String) {
    if let Ok(mut typed) = TYPED.lock() {
        typed.push((id, value));
    }
}

/// What was typed into the field `id` before hydration, once.
pub fn take_typed(id: &str) -> Option<String> {
    let mut typed = TYPED.lock().ok()?;
    let at = typed.iter().position(|(field, _)| field == id)?;
    Some(typed.remove(at).1)
}

/// The data block's JSON: the path the page was rendered for (`p`), the resolved resources
/// (`r`, each an encoded string or null), serialized errors (`e`) and incomplete chunks (`i`).
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
        r: &'a [Option<String>],
        e: Box<serde_json::value::RawValue>,
        i: &'a [usize],
    }
    let errors = serde_json::value::RawValue::from_string(errors.to_string())
        .unwrap_or_else(|_| serde_json::value::RawValue::from_string("[]".into()).unwrap());
    let json = serde_json::to_string(&Data {
        p: path,
        r: resources,
        e: errors,
        i: incomplete,
    })
    .unwrap_or_default();
    // Inside <script>, "</script" would end the block early.
    format!(
        r#"<script type="application/json" id="{DATA_ELEMENT_ID}">{}</script>"#,
        json.replace('<', "\\u003c")
    )
}

/// Reads the page's data block, if it has one, and installs it for hydration. Returns the
/// path the page was rendered for, so the caller hydrates only when that is where we are.
#[cfg(target_arch = "wasm32")]
pub fn install_prerendered_data() -> Option<String> {
    use js_sys::Reflect;
    let element = web_sys::window()?
        .document()?
        .get_element_by_id(DATA_ELEMENT_ID)?;
    let data = js_sys::JSON::parse(&element.text_content()?).ok()?;
    let global = js_sys::global();
    for (key, name) in [
        ("r", "__RESOLVED_RESOURCES"),
        ("e", "__SERIALIZED_ERRORS"),
        ("i", "__INCOMPLETE_CHUNKS"),
    ] {
        let value = Reflect::get(&data, &key.into()).ok()?;
        Reflect::set(&global, &name.into(), &value).ok()?;
    }
    Reflect::get(&data, &"p".into()).ok()?.as_string()
}

/// Keeps what was typed into the page's text fields before the app took over.
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
            if matches!(input.type_().as_str(), "checkbox" | "radio" | "hidden") {
                continue;
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
    fn typed_text_is_handed_back_once_per_field() {
        remember_typed("contact-name".into(), "Ada".into());
        assert_eq!(take_typed("contact-email"), None);
        assert_eq!(take_typed("contact-name").as_deref(), Some("Ada"));
        assert_eq!(take_typed("contact-name"), None);
    }
}
