//! Browser tests of the app shell: mounted for real in headless Chromium.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{find, find_all, link, mount_site_at, text_of, wait_for};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_shell_renders_the_main_navigation_with_its_four_sections() {
    let site = mount_site_at("/contact");
    let nav = wait_for(&site, "nav[aria-label='Main']").await;
    let links: Vec<String> = find_all(&nav, "a").iter().map(|a| text_of(a)).collect();
    assert_eq!(links, ["Blog", "Symptom checklist", "Visit", "Contact"]);
    let current = find(&nav, "a[aria-current='page']");
    assert_eq!(text_of(&current), "Contact");
}

#[wasm_bindgen_test]
async fn the_shell_has_a_skip_link_main_region_and_a_footer_with_a_tel_link() {
    let site = mount_site_at("/symptoms");
    wait_for(&site, "main#main").await;
    let skip = link(&site, "Skip to main content");
    assert_eq!(skip.get_attribute("href").unwrap(), "#main");
    let tel = find(&site, "footer a[href^='tel:']");
    assert_eq!(tel.get_attribute("href").unwrap(), "tel:+15035550142");
    assert_eq!(text_of(&tel), "(503) 555-0142");
}

#[wasm_bindgen_test]
async fn an_unknown_path_renders_the_not_found_page_with_a_way_back() {
    let site = mount_site_at("/definitely/not/here");
    let h1 = wait_for(&site, "main h1").await;
    assert_eq!(text_of(&h1), "Page not found");
    assert!(site
        .query_selector("main a[href='/blog']")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn unmounting_a_site_removes_it_so_tests_never_share_ids() {
    let site = mount_site_at("/symptoms");
    wait_for(&site, "main#main").await;
    drop(site);
    let document = web_sys::window().unwrap().document().unwrap();
    assert!(document.get_element_by_id("main").is_none());
}
