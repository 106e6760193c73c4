//! Browser tests of the app shell: mounted for real in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{mount_site_at, settle};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_shell_renders_the_main_navigation_with_its_three_sections() {
    let root = mount_site_at("/contact");
    let nav = root
        .query_selector("nav[aria-label='Main']")
        .unwrap()
        .expect("a navigation landmark named Main");
    let links: Vec<String> = (0..3)
        .filter_map(|i| nav.query_selector_all("a").unwrap().item(i))
        .filter_map(|n| n.text_content())
        .collect();
    assert_eq!(links, ["Blog", "Symptom checklist", "Contact"]);
    let current = nav
        .query_selector("a[aria-current='page']")
        .unwrap()
        .unwrap();
    assert_eq!(current.text_content().unwrap(), "Contact");
}

#[wasm_bindgen_test]
fn the_shell_has_a_skip_link_main_region_and_a_footer_with_a_tel_link() {
    let root = mount_site_at("/symptoms");
    let skip = root.query_selector("a.skip-link").unwrap().unwrap();
    assert_eq!(skip.get_attribute("href").unwrap(), "#main");
    assert!(root.query_selector("main#main").unwrap().is_some());
    let tel = root
        .query_selector("footer a[href^='tel:']")
        .unwrap()
        .unwrap();
    assert_eq!(tel.get_attribute("href").unwrap(), "tel:+15035550142");
}

#[wasm_bindgen_test]
async fn an_unknown_path_renders_the_not_found_page_with_a_way_back() {
    let root = mount_site_at("/definitely/not/here");
    settle().await;
    let h1 = root
        .query_selector("main h1")
        .unwrap()
        .unwrap_or_else(|| panic!("no h1 in {}", root.inner_html()));
    assert_eq!(h1.text_content().unwrap(), "Page not found");
    assert!(root
        .query_selector("main a[href='/blog']")
        .unwrap()
        .is_some());
}
