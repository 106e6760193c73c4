//! The app's parts: the pieces of the app that arrive as wasm files of their own (the home
//! page, the Visit page, the symptom checklist, the contact form and the blog listing), so an
//! article, the page patients land on most, loads without them. Each part is a
//! `#[wasm_split]` function; `scripts/tools/wasm-bindgen` splits it out at build time (code
//! several parts share goes into files of its own, which wasm-split-cli names `chunk-…`), and
//! the browser fetches it the first time it is shown. A native build (the build-time renderer, the
//! unit tests) calls the functions directly.
//!
//! A page pre-rendered with one of these parts has its file loaded before hydration
//! ([`preload_for`]), so the first render in the browser matches the HTML. Anywhere else a
//! [`LoadedPart`] shows "Loading …" while the file arrives, and if it cannot arrive, says so and
//! offers "Try again" and the clinic's phone number.

use crate::context::use_lang;
use crate::text::{fill, site::SiteText};
use std::future::Future;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
#[cfg(feature = "parts")]
use wasm_split_helpers::wasm_split;
use wasm_split_helpers::SplitLoaderError;

use crate::components::clinic_links::PhoneLink;
use crate::components::contact_form::contact_form_view;
use crate::components::home::home_view;
use crate::components::listing::listing_view;
use crate::components::symptom_checklist::checklist_view;
use crate::components::visit::visit_view;
use crate::deploy::reload_if_redeployed;
use crate::routes::{part_for, Part};

/// A part of the app's code could not be fetched (offline, or the server failed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PartError;

impl From<SplitLoaderError> for PartError {
    fn from(_: SplitLoaderError) -> Self {
        PartError
    }
}

/// The symptom checklist, with its rules and texts.
#[cfg(feature = "parts")]
#[wasm_split(checklist, fallible, preload(preload_checklist))]
pub fn checklist() -> Result<AnyView, PartError> {
    Ok(checklist_view())
}

/// The home page: the clinic's front door, with today's status and the newest articles.
#[cfg(feature = "parts")]
#[wasm_split(home, fallible, preload(preload_home))]
pub fn home() -> Result<AnyView, PartError> {
    Ok(home_view())
}

/// The Visit page: hours, closures, directions.
#[cfg(feature = "parts")]
#[wasm_split(visit, fallible, preload(preload_visit))]
pub fn visit() -> Result<AnyView, PartError> {
    Ok(visit_view())
}

/// The blog listing (`/blog`, the topic pages), with its search and topic filter.
#[cfg(feature = "parts")]
#[wasm_split(listing, fallible, preload(preload_listing))]
pub fn listing() -> Result<AnyView, PartError> {
    Ok(listing_view())
}

/// The contact form: the contact page's (`compact` false) or the short one an article offers.
#[cfg(feature = "parts")]
#[wasm_split(contact, fallible, preload(preload_contact))]
pub fn contact_form(compact: bool) -> Result<AnyView, PartError> {
    Ok(contact_form_view(compact))
}

/// Loads the part a pre-rendered page needs before it hydrates (`app_path` without the base).
pub async fn preload_for(app_path: &str) -> Result<(), PartError> {
    match part_for(app_path) {
        Some(Part::Checklist) => preload_checklist().await?,
        Some(Part::Contact) => preload_contact().await?,
        Some(Part::Listing) => preload_listing().await?,
        Some(Part::Home) => preload_home().await?,
        Some(Part::Visit) => preload_visit().await?,
        None => {}
    }
    Ok(())
}

/// A part as a page shows it, by its `Part` (the home, Visit and contact pages, the listing,
/// the checklist, and an article's contact form). One component for them all: `LoadedPart`'s code is generic over its load, and each
/// page with a load of its own would add a copy of it to the app's first load.
#[component]
pub fn PartPage(
    /// The part the page shows.
    part: Part,
    /// What is loading, for the messages: "the checklist".
    what: &'static str,
    /// The contact form's short version, for an article's call to action.
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    view! { <LoadedPart load=move || part_view(part, compact) what /> }
}

/// Fetches (if not yet here) and renders a part as its page shows it.
async fn part_view(part: Part, compact: bool) -> Result<AnyView, PartError> {
    match part {
        Part::Home => home().await,
        Part::Listing => listing().await,
        Part::Checklist => checklist().await,
        Part::Visit => visit().await,
        Part::Contact => contact_form(compact).await,
    }
}

/// Shows a part once its file has arrived; the file is fetched on first use only.
#[component]
pub fn LoadedPart<F, Fut>(
    /// Fetches the part (if not yet here) and renders it.
    load: F,
    /// What is loading, for the messages: "the checklist".
    what: &'static str,
) -> impl IntoView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, PartError>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    let on_retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    view! {
        <Suspense fallback=move || view! { <p class="app-status" aria-busy="true">{fill(SiteText::of(use_lang()).loading_part, &[("what", what)])}</p> }>
            {move || {
                attempt.track();
                // The browser's futures are not Send; the build-time renderer runs on one thread.
                let part = SendWrapper::new(load());
                Suspend::new(async move {
                    let loaded = part.await;
                    SendWrapper::new(shown(loaded, what, on_retry)).await
                })
            }}
        </Suspense>
    }
}

/// What a part shows once its load has ended. One function for every part, not one per part
/// (`LoadedPart` is generic over its load, and each copy of this would cost the wasm its bytes).
async fn shown(
    loaded: Result<AnyView, PartError>,
    what: &'static str,
    on_retry: Callback<()>,
) -> AnyView {
    match loaded {
        Ok(view) => view,
        // A deploy since this tab opened may have removed the file: the page reloads into the
        // new version, and the loading text stays until it goes.
        Err(PartError) if reload_if_redeployed().await => std::future::pending().await,
        Err(PartError) => view! { <PartErrorView what on_retry /> }.into_any(),
    }
}

/// The message when a part's file could not be fetched: what happened, and two ways on.
#[component]
fn PartErrorView(what: &'static str, on_retry: Callback<()>) -> impl IntoView {
    let t = SiteText::of(use_lang());
    view! {
        <div class="fetch-error">
            <p class="fetch-error__message" role="alert">
                {fill(t.part_failed, &[("what", what)])}
            </p>
            <p class="fetch-error__call">{t.call_instead_before} <PhoneLink /> "."</p>
            <div class="fetch-error__actions">
                <button type="button" class="button" on:click=move |_| on_retry.run(())>
                    {t.try_again}
                </button>
            </div>
        </div>
    }
}

/// Without the `split` feature (the browser tests) the parts are plain functions of the wasm.
#[cfg(not(feature = "parts"))]
mod unsplit {
    use super::*;

    pub async fn checklist() -> Result<AnyView, PartError> {
        Ok(checklist_view())
    }

    pub async fn preload_checklist() -> Result<(), SplitLoaderError> {
        Ok(())
    }

    pub async fn contact_form(compact: bool) -> Result<AnyView, PartError> {
        Ok(contact_form_view(compact))
    }

    pub async fn preload_contact() -> Result<(), SplitLoaderError> {
        Ok(())
    }

    pub async fn listing() -> Result<AnyView, PartError> {
        Ok(listing_view())
    }

    pub async fn preload_listing() -> Result<(), SplitLoaderError> {
        Ok(())
    }

    pub async fn home() -> Result<AnyView, PartError> {
        Ok(home_view())
    }

    pub async fn preload_home() -> Result<(), SplitLoaderError> {
        Ok(())
    }

    pub async fn visit() -> Result<AnyView, PartError> {
        Ok(visit_view())
    }

    pub async fn preload_visit() -> Result<(), SplitLoaderError> {
        Ok(())
    }
}
#[cfg(not(feature = "parts"))]
pub use unsplit::{checklist, contact_form, home, listing, visit};
#[cfg(not(feature = "parts"))]
use unsplit::{preload_checklist, preload_contact, preload_home, preload_listing, preload_visit};
