//! The contact draft in this tab's `sessionStorage`, so moving around the site or a reload never
//! loses what a patient typed. Storage can be unavailable (private modes, blocked storage):
//! then the form still works, it just cannot keep the draft.

use crate::contact::draft::{make_idempotency_key, Draft};

/// The `sessionStorage` key holding the draft.
pub const STORAGE_KEY: &str = "contact-draft";

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The saved draft, if there is one.
pub fn load() -> Option<Draft> {
    let json = session()?.get_item(STORAGE_KEY).ok().flatten()?;
    Draft::from_json(&json)
}

/// Saves the draft, or removes it when it is empty.
pub fn save(draft: &Draft) {
    let Some(s) = session() else { return };
    if draft.is_empty() {
        _ = s.remove_item(STORAGE_KEY);
    } else {
        _ = s.set_item(STORAGE_KEY, &draft.to_json());
    }
}

/// Forgets the draft (after a successful send, or "Clear form").
pub fn clear() {
    if let Some(s) = session() {
        _ = s.remove_item(STORAGE_KEY);
    }
}

/// A fresh idempotency key from the clock and `Math.random`.
pub fn new_idempotency_key() -> String {
    make_idempotency_key(js_sys::Date::now(), js_sys::Math::random())
}
