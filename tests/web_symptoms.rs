//! Browser tests of the symptom checklist's result region: mounted for real in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{find, mount_site_at, settle};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn status_text(root: &web_sys::Element) -> String {
    find(root, ".symptom-result [role='status']")
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_result_region_is_polite_and_neutral_until_something_is_ticked() {
    let root = mount_site_at("/symptoms");
    settle().await;
    let status = find(&root, ".symptom-result [role='status']");
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
    let neutral = status_text(&root);
    assert!(root.query_selector("[role='alert']").unwrap().is_none());

    find(&root, "#symptom-neck-pain").click();
    settle().await;
    let after = status_text(&root);
    assert_ne!(after, neutral, "ticking an item updates the live region");
    assert!(root.query_selector("[role='alert']").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn an_emergency_tick_puts_an_alert_with_the_emergency_number_first() {
    let root = mount_site_at("/symptoms");
    settle().await;
    find(&root, "#symptom-neck-pain").click();
    find(&root, "#symptom-saddle-numbness").click();
    settle().await;

    let alert = find(&root, "[role='alert']");
    let tel = find(&alert, "a[href='tel:911']");
    assert!(tel.text_content().unwrap().contains("911"));
    // Nothing in the page comes before the alert.
    let page = find(&root, "main > div, main > *");
    let first = page.first_element_child().unwrap();
    assert_eq!(
        first,
        alert.clone().into(),
        "the alert is the page's first element"
    );

    // Unticking the emergency sign removes the alert again.
    find(&root, "#symptom-saddle-numbness").click();
    settle().await;
    assert!(root.query_selector("[role='alert']").unwrap().is_none());
}
