//! Browser tests of the symptom checklist's result region, mounted for real in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{mount_site_at, next_frame as settle};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the site at `/symptoms` into a fresh container and returns the container.
fn mount_checklist() -> browser::Mounted {
    mount_site_at("/symptoms")
}

async fn click(root: &web_sys::HtmlElement, selector: &str) {
    let el: web_sys::HtmlElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .unchecked_into();
    el.click();
    settle().await;
}

fn live_region_text(root: &web_sys::HtmlElement) -> String {
    root.query_selector(".symptom-result [role='status']")
        .unwrap()
        .expect("the result has a status live region")
        .text_content()
        .unwrap_or_default()
}

fn is_checked(root: &web_sys::HtmlElement, selector: &str) -> bool {
    let el = root.query_selector(selector).unwrap().unwrap();
    js_sys::Reflect::get(&el, &JsValue::from_str("checked"))
        .unwrap()
        .as_bool()
        .unwrap()
}

#[wasm_bindgen_test]
async fn the_result_region_is_a_polite_live_region_that_starts_neutral() {
    let root = mount_checklist();
    settle().await;
    let status = root
        .query_selector(".symptom-result [role='status']")
        .unwrap()
        .unwrap();
    assert_eq!(status.get_attribute("aria-live").as_deref(), Some("polite"));
    assert!(live_region_text(&root).contains("Nothing is ticked yet"));
    assert!(root.query_selector("[role='alert']").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn ticking_items_updates_the_live_region_to_the_most_severe_tier() {
    let root = mount_checklist();
    settle().await;
    click(&root, "#symptom-neck-pain").await;
    assert!(is_checked(&root, "#symptom-neck-pain"));
    assert!(
        live_region_text(&root).contains("look after this at home"),
        "{}",
        live_region_text(&root)
    );
    click(&root, "#symptom-sciatica").await;
    assert!(live_region_text(&root).contains("within the next few days"));
    click(&root, "#symptom-weight-loss").await;
    let text = live_region_text(&root);
    assert!(text.contains("See a doctor today"), "{text}");
    assert!(text.contains("3 items ticked"), "{text}");
    click(&root, "#symptom-weight-loss").await;
    assert!(live_region_text(&root).contains("within the next few days"));
}

#[wasm_bindgen_test]
async fn an_emergency_tick_shows_an_alert_first_with_the_emergency_tel_link() {
    let root = mount_checklist();
    settle().await;
    click(&root, "#symptom-trouble-passing-urine").await;
    let alert = root
        .query_selector("[role='alert']")
        .unwrap()
        .expect("an alert appears");
    let tel = alert.query_selector("a[href^='tel:']").unwrap().unwrap();
    assert_eq!(tel.get_attribute("href").as_deref(), Some("tel:911"));
    assert!(alert
        .text_content()
        .unwrap()
        .contains("nearest emergency department"));
    let first = root
        .query_selector("main .symptoms")
        .unwrap()
        .unwrap()
        .first_element_child()
        .unwrap();
    assert_eq!(first.get_attribute("role").as_deref(), Some("alert"));
    assert!(live_region_text(&root).contains("Get emergency help now"));

    // "Clear all" takes the page back to neutral and removes the alert.
    let clear = root
        .query_selector(".symptoms__actions button")
        .unwrap()
        .expect("a Clear all button");
    assert_eq!(clear.text_content().as_deref(), Some("Clear all"));
    let clear: web_sys::HtmlElement = clear.unchecked_into();
    clear.click();
    settle().await;
    assert!(root.query_selector("[role='alert']").unwrap().is_none());
    assert!(!is_checked(&root, "#symptom-trouble-passing-urine"));
    assert!(live_region_text(&root).contains("Nothing is ticked yet"));
}

#[wasm_bindgen_test]
async fn the_ask_the_clinic_link_carries_no_answers() {
    let root = mount_checklist();
    settle().await;
    click(&root, "#symptom-fever").await;
    let ask = root
        .query_selector(".symptom-result a[href*='contact']")
        .unwrap()
        .expect("an Ask the clinic link");
    assert_eq!(
        ask.text_content().as_deref(),
        Some("Ask the clinic about this")
    );
    let href = ask.get_attribute("href").unwrap();
    assert_eq!(href, "/contact?topic=back-pain");
}
