//! Announces client-side route changes and moves focus to the new page, as Next.js's route
//! announcer and Gatsby's screen-reader-tested focus approach do.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use send_wrapper::SendWrapper;

use crate::focus::focus_element;

/// What the announcer knows; shared by the route effect and the pages' headings.
#[derive(Default)]
struct State {
    /// The path whose page was last announced (or first loaded, which is not announced).
    announced: Option<String>,
    /// The newest page heading in the document, and the path it was rendered for.
    heading: Option<(String, web_sys::Element)>,
}

/// The handle pages use (through [`PageHeading`](crate::components::heading::PageHeading))
/// to say "my heading is in the document". Provided by the shell.
#[derive(Clone)]
pub struct PageAnnouncer {
    state: SendWrapper<Rc<RefCell<State>>>,
    message: RwSignal<String>,
    /// "Navigated to {title}" in the page's language.
    navigated_to: &'static str,
}

impl PageAnnouncer {
    /// A new announcer with nothing announced yet; the first page it sees is not announced.
    pub fn new() -> Self {
        PageAnnouncer {
            state: SendWrapper::new(Rc::new(RefCell::new(State::default()))),
            message: RwSignal::new(String::new()),
            navigated_to: crate::text::site::SiteText::of(crate::context::use_lang()).navigated_to,
        }
    }

    /// A page heading is in the document: announce its page if it is the new one.
    pub fn heading_ready(&self, heading: web_sys::Element) {
        let Some(path) = current_path() else {
            return;
        };
        self.state.borrow_mut().heading = Some((path, heading));
        self.announce_if_ready();
    }

    /// The location changed: announce if the new page's heading is already there. (The
    /// first page of the visit is not announced: screen readers read it as a page load.)
    fn path_changed(&self) {
        self.announce_if_ready();
    }

    /// Announces once both have happened for the same path: the location changed to a path
    /// not yet announced, and that path's heading is in the document. However long the
    /// page's data takes, this waits for the heading itself, never for a clock.
    fn announce_if_ready(&self) {
        let Some(path) = current_path() else {
            return;
        };
        let heading = {
            let mut state = self.state.borrow_mut();
            let Some(announced) = state.announced.as_deref() else {
                // First load: remember it, announce nothing.
                state.announced = Some(path);
                return;
            };
            let heading = match &state.heading {
                Some((for_path, heading)) if *for_path == path && announced != path => {
                    heading.clone()
                }
                _ => return,
            };
            state.announced = Some(path);
            heading
        };
        let message = self.message;
        let navigated_to = self.navigated_to;
        // The page's <Title> is applied by an effect of the same update: read it on the next
        // frame, when every effect of this update has run.
        request_animation_frame(move || {
            if !heading.is_connected() {
                return; // replaced meanwhile; the newer heading reports itself
            }
            let title = web_sys::window()
                .and_then(|w| w.document())
                .map(|d| d.title())
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| heading.text_content().unwrap_or_default());
            message.set(crate::text::fill(navigated_to, &[("title", &title)]));
            focus_element(&heading);
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        });
    }
}

impl Default for PageAnnouncer {
    fn default() -> Self {
        Self::new()
    }
}

/// The document's path now (with the base path, if any).
fn current_path() -> Option<String> {
    web_sys::window().and_then(|w| w.location().pathname().ok())
}

/// A polite live region. After each navigation (not the first load) it reads the new page's
/// title aloud, moves focus to the page's `<h1>` and scrolls to the top, once that heading
/// is in the document: an article waits for its data, an error page for its error heading.
/// Query-string changes (filters, search) are not navigations and are not announced.
#[component]
pub fn RouteAnnouncer(
    /// The shell's announcer, which the pages' headings report to.
    announcer: PageAnnouncer,
) -> impl IntoView {
    let location = use_location();
    let message = announcer.message;
    Effect::new(move |_| {
        location.pathname.track();
        announcer.path_changed();
    });
    view! {
        <p class="sr-only" id="route-announcer" aria-live="polite" aria-atomic="true">
            {move || message.get()}
        </p>
    }
}
