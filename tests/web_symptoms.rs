//! Browser tests of the symptom checklist, mounted for real in headless Chromium: what the result,
//! the emergency alert, the compact result bar and the print summary say as the patient ticks.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{
    button, click, find, find_all, group, heading, is_checked, is_focused, labelled, link, list,
    list_items, mount_site_at, query, region, text_of, wait_for, wait_until, Mounted,
};
use clinic_site::lang::Lang;
use clinic_site::symptoms::{Rules, Tier};
use leptos::prelude::provide_context;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Item wording, word for word as rules.json has it (the labels of the checkboxes).
const SADDLE: &str = "Numbness or tingling around your bottom, genitals or inner thighs (where you would sit on a bike saddle)";
const BLADDER: &str =
    "Loss of control of your bladder or bowels, such as leaking or not knowing when you need to go";
const URINE: &str = "New trouble passing urine, or not being able to pee at all";
const NECK: &str = "Neck pain or stiffness";
const SCIATICA: &str =
    "Shooting pain that starts in your back and runs down the back of one leg (sciatica)";
const FEVER: &str =
    "You have a high temperature, feel hot and shivery, or feel sick along with your back pain";
const WEIGHT_LOSS: &str = "You have lost weight without trying";

/// Mounts the site at `/symptoms` and waits until the checklist is on the page.
async fn open_checklist() -> Mounted {
    let site = mount_site_at("/symptoms");
    wait_for(&site, "form[aria-label='Symptoms']").await;
    site
}

/// The result section, found by its name.
fn result(site: &Mounted) -> web_sys::HtmlElement {
    region(site, "What to do next")
}

/// What the result's live region says now.
fn status(site: &Mounted) -> String {
    text_of(&find(&result(site), "[role='status']"))
}

/// The reasons the result gives now, or `None` while it gives none (the neutral state).
fn reasons(site: &Mounted) -> Option<Vec<String>> {
    list(&result(site), "Because you ticked").map(|l| list_items(&l))
}

/// The compact result bar.
fn bar(site: &Mounted) -> web_sys::HtmlElement {
    group(site, "Result so far")
}

/// Clicks the checkbox labelled `label` (as a patient would, by its label) and returns it.
async fn toggle(site: &Mounted, label: &str) -> web_sys::HtmlElement {
    let checkbox = labelled(site, label);
    click(&checkbox).await;
    checkbox
}

/// Waits until the live region's text contains `expected`.
async fn wait_for_status(site: &Mounted, expected: &str) {
    wait_until(&format!("the result says {expected:?}"), || {
        status(site).contains(expected)
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_result_region_is_the_one_polite_live_region_and_starts_neutral() {
    let site = open_checklist().await;
    let live = find(&result(&site), "[role='status']");
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
    assert_eq!(live.get_attribute("aria-atomic").as_deref(), Some("true"));
    assert!(status(&site).starts_with("Nothing is ticked yet."));
    assert_eq!(reasons(&site), None, "no reasons before anything is ticked");
    let page = find(&site, "main");
    let live_regions = find_all(&page, "[aria-live], [role='status'], [role='alert']");
    assert_eq!(live_regions, [live], "nothing else on the page announces");
}

#[wasm_bindgen_test]
async fn ticking_items_updates_the_live_region_to_the_most_severe_tier() {
    let site = open_checklist().await;
    let neck = toggle(&site, NECK).await;
    assert!(is_checked(&neck));
    wait_for_status(&site, "You can probably look after this at home for now.").await;
    assert!(
        status(&site).ends_with("(1 item ticked.)"),
        "{}",
        status(&site)
    );
    toggle(&site, SCIATICA).await;
    wait_for_status(&site, "Book an appointment within the next few days.").await;
    toggle(&site, WEIGHT_LOSS).await;
    wait_for_status(&site, "See a doctor today.").await;
    assert!(
        status(&site).ends_with("(3 items ticked.)"),
        "{}",
        status(&site)
    );
    toggle(&site, WEIGHT_LOSS).await;
    wait_for_status(&site, "Book an appointment within the next few days.").await;
    assert!(
        status(&site).ends_with("(2 items ticked.)"),
        "{}",
        status(&site)
    );
}

#[wasm_bindgen_test]
async fn the_reasons_name_exactly_what_is_ticked_when_items_of_one_tier_are_ticked_and_unticked() {
    // The defect this guards: the list went stale while the tier stayed the same. Each step
    // waits until the live region has taken the change (it reads the same assessment), then
    // the reasons must already say exactly what is ticked, word for word.
    let site = open_checklist().await;
    toggle(&site, SADDLE).await;
    wait_for_status(&site, "(1 item ticked.)").await;
    assert_eq!(reasons(&site).unwrap(), [SADDLE]);
    toggle(&site, BLADDER).await;
    wait_for_status(&site, "(2 items ticked.)").await;
    assert_eq!(reasons(&site).unwrap(), [SADDLE, BLADDER]);
    let saddle = toggle(&site, SADDLE).await;
    assert!(!is_checked(&saddle));
    wait_for_status(&site, "(1 item ticked.)").await;
    assert!(status(&site).starts_with("Get emergency help now."));
    assert_eq!(reasons(&site).unwrap(), [BLADDER]);
    // A milder item joins the ticks but not the reasons, until it is the most severe one left.
    toggle(&site, NECK).await;
    wait_for_status(&site, "(2 items ticked.)").await;
    assert_eq!(reasons(&site).unwrap(), [BLADDER]);
    toggle(&site, BLADDER).await;
    wait_for_status(&site, "You can probably look after this at home").await;
    assert_eq!(reasons(&site).unwrap(), [NECK]);
    toggle(&site, NECK).await;
    wait_for_status(&site, "Nothing is ticked yet.").await;
    assert_eq!(reasons(&site), None);
}

#[wasm_bindgen_test]
async fn an_emergency_tick_shows_an_alert_first_with_the_emergency_tel_link() {
    let site = open_checklist().await;
    assert!(query(&site, "[role='alert']").is_none());
    let urine = toggle(&site, URINE).await;
    let alert = wait_for(&site, "[role='alert']").await;
    let call = link(&alert, "Call 911 now");
    assert_eq!(call.get_attribute("href").as_deref(), Some("tel:911"));
    assert!(text_of(&alert).contains("nearest emergency department"));
    let page = find(&site, "main .symptoms");
    assert_eq!(
        page.first_element_child().as_ref(),
        Some(&*alert),
        "the alert comes before everything else on the page"
    );
    wait_for_status(&site, "Get emergency help now. Call 911 now").await;
    let focused = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element();
    assert!(
        !alert.contains(focused.as_ref().map(AsRef::as_ref)),
        "the alert never takes focus"
    );

    // "Clear all" takes the page back to neutral and removes the alert.
    click(&button(&site, "Clear all")).await;
    wait_until("the alert is gone", || {
        query(&site, "[role='alert']").is_none()
    })
    .await;
    assert!(!is_checked(&urine));
    wait_for_status(&site, "Nothing is ticked yet.").await;
}

#[wasm_bindgen_test]
async fn the_result_bar_follows_the_tier_and_offers_the_call_link_only_in_an_emergency() {
    let site = open_checklist().await;
    let outcome = |site: &Mounted| text_of(&find(&bar(site), ".symptoms-bar__outcome"));
    assert_eq!(outcome(&site), "Result: Nothing ticked yet");
    let more = link(&bar(&site), "See the full result");
    assert_eq!(
        more.get_attribute("href").as_deref(),
        Some("/symptoms#symptom-result")
    );
    assert!(query(&bar(&site), "a[href^='tel:']").is_none());

    toggle(&site, FEVER).await;
    wait_until("the bar says see a doctor today", || {
        outcome(&site) == "Result: See a doctor today"
    })
    .await;
    assert!(query(&bar(&site), "a[href^='tel:']").is_none());

    toggle(&site, SADDLE).await;
    wait_until("the bar says get emergency help now", || {
        outcome(&site) == "Result: Get emergency help now"
    })
    .await;
    let call = link(&bar(&site), "Call 911");
    assert_eq!(call.get_attribute("href").as_deref(), Some("tel:911"));

    toggle(&site, SADDLE).await;
    wait_until("the bar is back to see a doctor today", || {
        outcome(&site) == "Result: See a doctor today"
    })
    .await;
    assert!(query(&bar(&site), "a[href^='tel:']").is_none());
    // It only summarises: the result region does the announcing.
    assert!(query(&bar(&site), "[aria-live], [role='status'], [role='alert']").is_none());
    assert_eq!(bar(&site).get_attribute("aria-live"), None);
}

#[wasm_bindgen_test]
async fn see_the_full_result_moves_focus_to_the_result_heading_without_leaving_the_page() {
    let site = open_checklist().await;
    toggle(&site, SCIATICA).await;
    wait_for_status(&site, "Book an appointment").await;
    click(&link(&bar(&site), "See the full result")).await;
    let title = heading(&result(&site), "What to do next");
    wait_until("the result heading has focus", || is_focused(&title)).await;
    let location = web_sys::window().unwrap().location();
    assert_eq!(location.pathname().unwrap(), "/symptoms");
    assert!(is_checked(&labelled(&site, SCIATICA)), "the ticks are kept");
}

#[wasm_bindgen_test]
async fn the_print_summary_lists_every_ticked_item_in_checklist_order_and_follows_unticking() {
    let site = open_checklist().await;
    let summary = region(&site, "Your checklist summary");
    let ticked = || list(&summary, "What you ticked").map(|l| list_items(&l));
    assert_eq!(ticked(), None);
    assert!(text_of(&summary).contains("Nothing was ticked."));
    toggle(&site, NECK).await;
    toggle(&site, SADDLE).await;
    wait_until("both items are in the summary", || {
        ticked() == Some(vec![SADDLE.to_string(), NECK.to_string()])
    })
    .await;
    assert!(text_of(&summary).contains("Get emergency help now"));
    toggle(&site, SADDLE).await;
    wait_until("the unticked item leaves the summary", || {
        ticked() == Some(vec![NECK.to_string()])
    })
    .await;
    assert!(text_of(&summary).contains("You can probably look after this at home for now"));
}

#[wasm_bindgen_test]
async fn the_ask_the_clinic_link_carries_no_answers() {
    let site = open_checklist().await;
    toggle(&site, FEVER).await;
    wait_for_status(&site, "See a doctor today.").await;
    let ask = link(&result(&site), "Ask the clinic about this");
    assert_eq!(
        ask.get_attribute("href").as_deref(),
        Some("/contact?topic=back-pain")
    );
}

/// Once the start-up is over, the checklist's code is run once on a copy that is never in the
/// document, so the first tick does not wait for V8 to compile it. The patient's page is left
/// exactly as it was: the same ticks, the same result, one result region, nothing announced.
#[wasm_bindgen_test]
async fn warming_up_the_checklist_leaves_the_page_and_the_answers_as_they_are() {
    let site = open_checklist().await;
    let neck = toggle(&site, NECK).await;
    wait_for_status(&site, "You can probably look after this at home for now.").await;
    let said = status(&site);
    let page_before = site.root.inner_html();
    let performance = web_sys::window().unwrap().performance().unwrap();
    let warmed = || {
        performance
            .get_entries_by_name(clinic_site::components::symptom_checklist::WARMED_UP)
            .length()
    };
    let warmed_before = warmed();
    // The end of the start-up (in the app, `main.rs` calls this once hydration is done).
    clinic_site::startup::run_held().await;
    wait_until("the checklist is warmed up", || warmed() > warmed_before).await;
    assert!(is_checked(&neck));
    assert_eq!(status(&site), said);
    assert_eq!(site.root.inner_html(), page_before, "the page is untouched");
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        document
            .query_selector_all("#symptom-result, [role='alert']")
            .unwrap()
            .length(),
        1,
        "one result region, and no emergency alert from the copy's emergency ticks"
    );
}

/// The checklist alone, as a Spanish page shows it (`App` provides the page's language).
async fn open_spanish_checklist() -> Mounted {
    let config = browser::demo_config();
    let site = browser::mount(move || {
        provide_context(config);
        provide_context(Lang::Es);
        clinic_site::components::symptom_checklist::checklist_view()
    });
    wait_for(&site, "form[aria-label='Síntomas']").await;
    site
}

/// Every emergency sign, ticked alone on the Spanish page by its Spanish label, raises the
/// Spanish alert with its `tel:` link, first on the page; the live region says to call too, and
/// the alert goes once the sign is unticked.
#[wasm_bindgen_test]
async fn every_emergency_sign_ticked_in_spanish_raises_the_spanish_alert_with_its_call_link() {
    let site = open_spanish_checklist().await;
    let rules = Rules::shipped().unwrap();
    let signs: Vec<String> = rules
        .items
        .iter()
        .filter(|i| i.tier == Tier::Emergency)
        .map(|i| i.wording.es.clone())
        .collect();
    assert!(signs.len() >= 9, "{signs:?}");
    let spanish_status =
        |site: &Mounted| text_of(&find(&region(site, "Qué hacer ahora"), "[role='status']"));
    assert!(query(&site, "[role='alert']").is_none());
    for sign in &signs {
        let checkbox = toggle(&site, sign).await;
        assert!(is_checked(&checkbox), "{sign}");
        let alert = wait_for(&site, "[role='alert']").await;
        assert!(
            text_of(&alert).starts_with("Emergencia: busque ayuda ahora."),
            "{sign}: {}",
            text_of(&alert)
        );
        let call = link(&alert, "Llame al 911 ahora");
        assert_eq!(
            call.get_attribute("href").as_deref(),
            Some("tel:911"),
            "{sign}"
        );
        assert!(
            text_of(&alert).contains("o vaya a la sala de emergencias más cercana"),
            "{sign}: {}",
            text_of(&alert)
        );
        assert_eq!(
            find(&site, ".symptoms").first_element_child().as_ref(),
            Some(&*alert),
            "the alert comes first: {sign}"
        );
        wait_until(&format!("the result says to call 911 for {sign:?}"), || {
            spanish_status(&site)
                .starts_with("Busque ayuda de emergencia ahora. Llame al 911 ahora")
        })
        .await;
        assert_eq!(
            list(&region(&site, "Qué hacer ahora"), "Porque marcó").map(|l| list_items(&l)),
            Some(vec![sign.clone()])
        );
        toggle(&site, sign).await;
        wait_until(
            &format!("the alert is gone once {sign:?} is unticked"),
            || query(&site, "[role='alert']").is_none(),
        )
        .await;
        assert!(spanish_status(&site).starts_with("Todavía no ha marcado nada."));
    }
}
