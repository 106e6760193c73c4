//! Browser tests of the contact form: mounted for real in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{mount_site_at, next_frame as settle};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear_stored_draft() {
    let storage = web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap();
    storage.remove_item("contact-draft").unwrap();
}

#[wasm_bindgen_test]
async fn submitting_an_empty_form_focuses_a_summary_linking_each_required_field() {
    clear_stored_draft();
    let root = mount_site_at("/contact");
    settle().await;
    let send: web_sys::HtmlElement = root
        .query_selector("button[type='submit']")
        .unwrap()
        .expect("a send button")
        .unchecked_into();
    assert_eq!(send.text_content().unwrap(), "Send message");
    send.click();
    settle().await;

    let summary = root
        .query_selector(".contact-form__summary")
        .unwrap()
        .expect("an error summary");
    assert!(!summary.has_attribute("hidden"), "the summary is shown");
    assert_eq!(summary.get_attribute("tabindex").as_deref(), Some("-1"));
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element();
    assert_eq!(active.as_ref(), Some(&summary), "the summary has focus");
    assert!(
        summary.query_selector("h3").unwrap().is_some(),
        "the summary has a heading"
    );

    // One link per field in error, in form order.
    let links = summary.query_selector_all("a").unwrap();
    let hrefs: Vec<String> = (0..links.length())
        .filter_map(|i| links.item(i))
        .filter_map(|n| n.unchecked_into::<web_sys::Element>().get_attribute("href"))
        .collect();
    assert_eq!(
        hrefs,
        ["#contact-name", "#contact-email", "#contact-message"]
    );

    for id in ["contact-name", "contact-email", "contact-message"] {
        let input = root.query_selector(&format!("#{id}")).unwrap().unwrap();
        assert_eq!(
            input.get_attribute("aria-invalid").as_deref(),
            Some("true"),
            "{id}"
        );
        let described = input.get_attribute("aria-describedby").unwrap_or_default();
        let error_id = format!("{id}-error");
        assert!(
            described.split(' ').any(|d| d == error_id),
            "{id}: {described}"
        );
        let error = root
            .query_selector(&format!("#{error_id}"))
            .unwrap()
            .unwrap();
        assert!(
            !error.text_content().unwrap().trim().is_empty(),
            "{id} error text"
        );
    }
    let phone = root.query_selector("#contact-phone").unwrap().unwrap();
    assert_eq!(
        phone.get_attribute("aria-invalid"),
        None,
        "phone is optional for email replies"
    );
}

#[wasm_bindgen_test]
async fn the_honeypot_is_hidden_from_people_and_keyboards() {
    clear_stored_draft();
    let root = mount_site_at("/contact");
    settle().await;
    let trap = root
        .query_selector("input[name='_gotcha']")
        .unwrap()
        .expect("a honeypot");
    assert_eq!(trap.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(trap.get_attribute("autocomplete").as_deref(), Some("off"));
    let wrapper = trap.parent_element().unwrap();
    assert_eq!(
        wrapper.get_attribute("aria-hidden").as_deref(),
        Some("true")
    );
}
