//! Browser tests of the contact form: mounted for real in headless Chromium, found by role and
//! label, and waited on by condition. None of them sends a message (Playwright does that,
//! against the local receiver).
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{
    button, click, find, find_all, heading, is_checked, labelled, mount_site_at, next_frame,
    text_of, type_into, type_now, wait_until, Mounted,
};
use clinic_site::components::contact_form::ContactForm;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SUMMARY_HEADING: &str = "Please fix the following before sending";

fn session() -> web_sys::Storage {
    web_sys::window()
        .unwrap()
        .session_storage()
        .unwrap()
        .unwrap()
}

/// Whether keyboard focus is on this element.
fn has_focus(element: &web_sys::Element) -> bool {
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element();
    active.as_ref() == Some(element)
}

/// Mounts `/contact` with no draft left from another test, once the form is rendered.
async fn open_contact() -> Mounted {
    session().remove_item("contact-draft").unwrap();
    open_contact_keeping_draft().await
}

/// Mounts `/contact` as a returning patient finds it (with any stored draft), once rendered.
async fn open_contact_keeping_draft() -> Mounted {
    let site = mount_site_at("/contact");
    wait_until("the contact form is rendered", || {
        find_all(&site, "h2")
            .iter()
            .any(|h| text_of(h) == "Send us a message")
    })
    .await;
    site
}

/// The error summary (the region its heading belongs to).
fn summary(site: &Mounted) -> web_sys::HtmlElement {
    heading(site, SUMMARY_HEADING)
        .parent_element()
        .expect("the summary heading sits in the summary")
        .unchecked_into()
}

/// The summary's links as (text, href), in order.
fn summary_links(site: &Mounted) -> Vec<(String, String)> {
    find_all(&summary(site), "a")
        .iter()
        .map(|a| (text_of(a), a.get_attribute("href").unwrap_or_default()))
        .collect()
}

fn is_invalid(control: &web_sys::Element) -> bool {
    control.get_attribute("aria-invalid").as_deref() == Some("true")
}

/// The text of the elements a control's `aria-describedby` names, joined.
fn description(site: &Mounted, control: &web_sys::Element) -> String {
    control
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .split_whitespace()
        .map(|id| text_of(&find(site, &format!("[id='{id}']"))))
        .collect::<Vec<_>>()
        .join(" ")
}

#[wasm_bindgen_test]
async fn submitting_an_empty_form_focuses_a_summary_linking_each_required_field() {
    let site = open_contact().await;
    click(&button(&site, "Send message")).await;

    let summary = summary(&site);
    wait_until("the summary is shown and has focus", || {
        !summary.hidden() && has_focus(&summary)
    })
    .await;
    assert_eq!(summary.get_attribute("tabindex").as_deref(), Some("-1"));
    let hrefs: Vec<String> = summary_links(&site).into_iter().map(|(_, h)| h).collect();
    assert_eq!(
        hrefs,
        ["#contact-name", "#contact-email", "#contact-message"],
        "one link per field in error, in form order"
    );

    for label in ["Your name", "Email address", "Your message"] {
        let control = labelled(&site, label);
        assert!(is_invalid(&control), "{label} is marked invalid");
        let described = description(&site, &control);
        assert!(
            described.contains("Error: Enter"),
            "{label} is described by its error: {described}"
        );
    }
    assert!(
        !is_invalid(&labelled(&site, "Phone number")),
        "phone is optional for email replies"
    );
}

#[wasm_bindgen_test]
async fn typing_a_fix_clears_that_fields_error_and_its_summary_link_at_once() {
    let site = open_contact().await;
    click(&button(&site, "Send message")).await;
    let email = labelled(&site, "Email address");
    wait_until("the email is marked invalid", || is_invalid(&email)).await;

    type_into(&email, "not-an-address").await;
    wait_until("the email error is reworded", || {
        description(&site, &email).contains("name@example.com, with no spaces")
    })
    .await;
    assert!(is_invalid(&email));

    type_into(&email, "ada@example.com").await;
    wait_until("the email error is gone", || !is_invalid(&email)).await;
    assert!(
        !description(&site, &email).contains("Error"),
        "{}",
        description(&site, &email)
    );
    assert!(site
        .query_selector("#contact-email-error")
        .unwrap()
        .is_none());
    let hrefs: Vec<String> = summary_links(&site).into_iter().map(|(_, h)| h).collect();
    assert_eq!(hrefs, ["#contact-name", "#contact-message"]);
    assert!(
        is_invalid(&labelled(&site, "Your name")),
        "other errors stay until fixed"
    );
}

#[wasm_bindgen_test]
async fn a_summary_link_moves_focus_to_its_field_without_leaving_the_page() {
    let site = open_contact().await;
    click(&button(&site, "Send message")).await;
    let summary = summary(&site);
    wait_until("the summary is shown", || !summary.hidden()).await;
    let (text, _) = summary_links(&site)[2].clone();
    assert!(text.contains("message"), "{text}");
    let link = find_all(&summary, "a")[2].clone();
    click(&link).await;
    let message = labelled(&site, "Your message");
    wait_until("the message field has focus", || has_focus(&message)).await;
    let path = web_sys::window().unwrap().location().pathname().unwrap();
    assert_eq!(path, "/contact");
}

#[wasm_bindgen_test]
async fn choosing_a_call_makes_the_phone_required_and_the_label_says_so() {
    let site = open_contact().await;
    let phone = labelled(&site, "Phone number");
    let label = find(&site, "label[for='contact-phone']");
    assert!(text_of(&label).contains("(optional, needed for a call or text)"));
    assert_eq!(phone.get_attribute("aria-required"), None);

    let call = labelled(&site, "Phone call");
    click(&call).await;
    wait_until("the phone is required", || {
        phone.get_attribute("aria-required").as_deref() == Some("true")
    })
    .await;
    assert!(is_checked(&call));
    assert!(!is_checked(&labelled(&site, "Email")));
    assert_eq!(text_of(&label), "Phone number (required)");
}

#[wasm_bindgen_test]
async fn the_draft_survives_the_form_being_unmounted_and_mounted_again() {
    let site = open_contact().await;
    type_into(&labelled(&site, "Your name"), "نور 🌿").await;
    click(&labelled(&site, "Text message")).await;
    wait_until("the draft is stored", || {
        session()
            .get_item("contact-draft")
            .unwrap()
            .is_some_and(|d| d.contains("نور") && d.contains("text"))
    })
    .await;
    drop(site);

    let site = open_contact_keeping_draft().await;
    let name: web_sys::HtmlInputElement = labelled(&site, "Your name").unchecked_into();
    assert_eq!(name.value(), "نور 🌿");
    assert!(is_checked(&labelled(&site, "Text message")));
}

/// The draft's effect runs after the form is on screen (in the app, once the start-up reaches
/// it): what is typed before then is stored at once, over the stored draft, not instead of it.
#[wasm_bindgen_test]
async fn what_is_typed_before_the_draft_comes_back_is_stored_at_once_with_it() {
    session().remove_item("contact-draft").unwrap();
    let stored = r#"{"name":"Nour","message":"Stored before the reload"}"#;
    session().set_item("contact-draft", stored).unwrap();
    let config = browser::demo_config();
    let site = browser::mount(move || {
        provide_context(config);
        view! { <ContactForm /> }
    });
    // In the same task as the mount: no effect has run yet.
    type_now(&labelled(&site, "Email address"), "nour@example.com");
    let now = session()
        .get_item("contact-draft")
        .unwrap()
        .unwrap_or_default();
    assert!(
        now.contains("nour@example.com") && now.contains("Stored before the reload"),
        "{now}"
    );

    next_frame().await;
    let name: web_sys::HtmlInputElement = labelled(&site, "Your name").unchecked_into();
    let email: web_sys::HtmlInputElement = labelled(&site, "Email address").unchecked_into();
    wait_until("the stored draft is back", || name.value() == "Nour").await;
    assert_eq!(email.value(), "nour@example.com");
}

#[wasm_bindgen_test]
async fn clearing_the_form_empties_it_says_so_and_focuses_the_name() {
    let site = open_contact().await;
    let name = labelled(&site, "Your name");
    type_into(&name, "Ada").await;
    click(&button(&site, "Send message")).await;
    wait_until("errors are shown", || !summary(&site).hidden()).await;

    click(&button(&site, "Clear form")).await;
    let status = find(&site, ".contact-form__status");
    wait_until(
        "the name has focus and the status says the form was cleared",
        || has_focus(&name) && text_of(&status) == "The form has been cleared.",
    )
    .await;
    let input: web_sys::HtmlInputElement = name.unchecked_into();
    assert_eq!(input.value(), "");
    assert!(summary(&site).hidden(), "no errors after clearing");
    assert_eq!(session().get_item("contact-draft").unwrap(), None);
}

#[wasm_bindgen_test]
async fn the_honeypot_is_hidden_from_people_and_keyboards() {
    let site = open_contact().await;
    let trap = labelled(&site, "Leave this field empty");
    assert_eq!(trap.get_attribute("name").as_deref(), Some("_gotcha"));
    assert_eq!(trap.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(trap.get_attribute("autocomplete").as_deref(), Some("off"));
    let wrapper = trap.parent_element().unwrap();
    assert_eq!(
        wrapper.get_attribute("aria-hidden").as_deref(),
        Some("true")
    );
}

/// On a Spanish page the form speaks Spanish: its labels, its errors and their summary, and
/// what it posts without the app (the language, and the Spanish thank-you page to land on).
#[wasm_bindgen_test]
async fn on_a_spanish_page_the_form_labels_and_errors_are_in_spanish() {
    session().remove_item("contact-draft").unwrap();
    let site = mount_site_at("/es/contacto");
    wait_until("the Spanish form is rendered", || {
        find_all(&site, "h2")
            .iter()
            .any(|h| text_of(h) == "Envíenos un mensaje")
    })
    .await;
    let name = labelled(&site, "Su nombre");
    let label = find(&site, "label[for='contact-name']");
    assert_eq!(text_of(&label), "Su nombre (obligatorio)");

    click(&button(&site, "Enviar mensaje")).await;
    let summary: web_sys::HtmlElement = heading(&site, "Corrija lo siguiente antes de enviar")
        .parent_element()
        .unwrap()
        .unchecked_into();
    wait_until("the Spanish summary is shown", || !summary.hidden()).await;
    assert!(is_invalid(&name));
    assert_eq!(
        description(&site, &name),
        "Error: Escriba su nombre, para saber a quién le respondemos."
    );

    let hidden = |name: &str| {
        find(&site, &format!("input[name='{name}']"))
            .get_attribute("value")
            .unwrap_or_default()
    };
    assert_eq!(hidden("language"), "es");
    assert!(
        hidden("_next").ends_with("/es/mensaje-enviado"),
        "{}",
        hidden("_next")
    );
}
