//! Announces client-side route changes and moves focus to the new page, as Next.js's route
//! announcer and Gatsby's screen-reader-tested focus approach do.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// A polite live region. After each navigation (not the first load) it reads the new
/// document title aloud, moves focus to the page's `<h1>` (or to `<main>`), and scrolls to
/// the top. Query-string changes (filters, search) are not navigations and are not announced.
///
/// Pages that load their data (an article) show their `<h1>` and title only once it has
/// arrived, so the announcement waits for the heading, up to [`HEADING_WAIT_TRIES`] checks.
#[component]
pub fn RouteAnnouncer() -> impl IntoView {
    let location = use_location();
    let (message, set_message) = signal(String::new());
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.as_ref().is_some_and(|p| *p != path) {
            wait_for_heading(path.clone(), set_message, 0);
        }
        path
    });
    view! {
        <p class="sr-only" id="route-announcer" aria-live="polite" aria-atomic="true">
            {message}
        </p>
    }
}

/// How many times (every [`CHECK_EVERY`]) to look for the new page's heading before
/// announcing with what is there.
const HEADING_WAIT_TRIES: u32 = 40;
const CHECK_EVERY: Duration = Duration::from_millis(50);

fn wait_for_heading(path: String, set_message: WriteSignal<String>, tries: u32) {
    set_timeout(
        move || {
            let Some(window) = web_sys::window() else {
                return;
            };
            // A newer navigation has taken over: its own announcement will follow.
            if window.location().pathname().ok().as_deref() != Some(path.as_str()) {
                return;
            }
            let has_heading = window
                .document()
                .and_then(|d| d.query_selector("main h1").ok().flatten())
                .is_some();
            if has_heading || tries >= HEADING_WAIT_TRIES {
                // One more tick so the page's <Title> has been applied too.
                set_timeout(move || announce(set_message), CHECK_EVERY);
            } else {
                wait_for_heading(path, set_message, tries + 1);
            }
        },
        CHECK_EVERY,
    );
}

fn announce(set_message: WriteSignal<String>) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let title = document.title();
    let heading = document.query_selector("main h1").ok().flatten();
    let target = heading.or_else(|| document.get_element_by_id("main"));
    let label = if title.is_empty() {
        target
            .as_ref()
            .and_then(|t| t.text_content())
            .unwrap_or_default()
    } else {
        title
    };
    set_message.set(format!("Navigated to {label}"));
    if let Some(target) = target {
        if !target.has_attribute("tabindex") {
            let _ = target.set_attribute("tabindex", "-1");
        }
        if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(target) {
            let _ = el.focus();
        }
    }
    if let Some(w) = web_sys::window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
