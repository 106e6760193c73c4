//! Alder Creek-style clinic website: a Leptos app whose every route is rendered to HTML at
//! build time (`src/bin/prerender.rs`, feature `ssr`) and hydrated in the browser. `main.rs`
//! only hydrates or mounts [`App`]; everything lives here so browser tests can mount it too.
// The hydrate build's view types nest deeper than rustc's default limit.
#![recursion_limit = "256"]

// The model (crates/model) under the names the site has always used: `crate::blog`, …
pub use clinic_model::{
    blog, calendar, config, contact, hours, lang, paths, routes, site_files, symptoms, text,
};

pub mod api;
pub mod clinic_clock;
pub mod components;
pub mod context;
pub mod deploy;
pub mod draft_storage;
pub mod focus;
pub mod hydration;
pub mod intl;
#[cfg(target_arch = "wasm32")]
pub mod location;
pub mod pages;
pub mod startup;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    ParamSegment, StaticSegment,
};

use crate::api::{ConfigLoadError, FetchError};
use crate::components::shell::Shell;
use crate::config::SiteConfig;
use crate::lang::Lang;
use crate::pages::{
    blog::BlogPage, contact::ContactPage, home::HomePage, message_sent::MessageSentPage,
    not_found::NotFoundPage, post::PostPage, symptoms::SymptomsPage, visit::VisitPage,
};
use crate::text::{fill, site::SiteText};

/// The whole app: loads the clinic's configuration once, then shows the site (or why it can't).
#[component]
pub fn App() -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    paths::set_base(&location::document_base_path());
    // A `Resource`, not a `LocalResource`: it resolves at build time too, and its value
    // travels to the browser inside the page, so hydration needs no second request.
    let lang = start_lang();
    provide_context(lang);
    let config = Resource::new(|| (), |_| api::sendable(api::fetch_site_config()));
    let on_retry = Callback::new(move |()| config.refetch());
    // Effects run only in the browser, after hydration or mounting: from here on the page
    // is the app (tests wait for this; a pre-rendered page looks ready long before).
    let taken_over = RwSignal::new(false);
    provide_context(hydration::TakenOver(taken_over));
    Effect::new(move |_| {
        taken_over.set(true);
        if let Some(root) = document_element() {
            let _ = root.set_attribute("data-app", "ready");
        }
    });
    view! {
        <Suspense fallback=move || view! { <p class="app-status" aria-busy="true">{SiteText::of(lang).loading}</p> }>
            {move || Suspend::new(async move {
                match config.await {
                    Ok(config) => view! { <Site config /> }.into_any(),
                    Err(error) => view! { <ConfigErrorView error on_retry /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The routed site for a loaded configuration, which it shares through context.
#[component]
pub fn Site(
    /// The clinic's facts, as parsed from `site.json`.
    config: SiteConfig,
) -> impl IntoView {
    provide_meta_context();
    api::set_read_timeout_ms(config.fetch_timeout_ms());
    let clinic = config.clinic_name.clone();
    provide_context(config);
    view! {
        <Title formatter=move |page: String| {
            let title = if page.is_empty() { clinic.clone() } else { format!("{page} · {clinic}") };
            // Written raw into the pre-rendered head (see `escape_text`); set as text in the browser.
            if cfg!(feature = "ssr") { hydration::escape_text(&title) } else { title }
        } />
        <Router base=paths::base()>
            <Shell>
                <AppRoutes />
            </Shell>
        </Router>
    }
}

/// The offline page (`pages::offline`) in the site's frame, for the build-time renderer: the
/// same header, navigation and footer as every page, and never hydrated.
#[cfg(feature = "ssr")]
#[component]
pub fn OfflineSite(
    /// The clinic's facts, as parsed from `site.json`.
    config: SiteConfig,
) -> impl IntoView {
    provide_meta_context();
    provide_context(start_lang());
    let clinic = config.clinic_name.clone();
    provide_context(config);
    view! {
        // As `Site`'s titles ("You're offline · Clinic"), always escaped: this is never hydrated.
        <Title formatter=move |page: String| hydration::escape_text(&format!("{page} · {clinic}")) />
        <Router base=paths::base()>
            <Shell>
                <pages::offline::OfflinePage />
            </Shell>
        </Router>
    }
}

/// Every route of the site, from the route table's segments (`routes::ROUTES`; the renderer's
/// test `every_route_of_the_table_renders_its_page` checks the two agree).
#[component]
pub fn AppRoutes() -> impl IntoView {
    use routes::{
        BLOG, BLOG_ES, CONTACT, CONTACT_ES, MESSAGE_SENT, MESSAGE_SENT_ES, SLUG, SYMPTOMS,
        SYMPTOMS_ES, TAG, TOPIC, TOPIC_ES, VISIT, VISIT_ES,
    };
    // Spanish, under its prefix: the same pages, which read the language from the context.
    const ES: &str = match Lang::Es.prefix() {
        Some(prefix) => prefix,
        None => "",
    };
    view! {
        <Routes fallback=NotFoundPage>
            <Route path=() view=HomePage />
            <Route path=(StaticSegment(BLOG),) view=BlogPage />
            <Route path=(StaticSegment(BLOG), ParamSegment(SLUG)) view=PostPage />
            <Route path=(StaticSegment(BLOG), StaticSegment(TOPIC), ParamSegment(TAG)) view=BlogPage />
            <Route path=(StaticSegment(SYMPTOMS),) view=SymptomsPage />
            <Route path=(StaticSegment(CONTACT),) view=ContactPage />
            <Route path=(StaticSegment(VISIT),) view=VisitPage />
            <Route path=(StaticSegment(MESSAGE_SENT),) view=MessageSentPage />
            <Route path=(StaticSegment(ES),) view=HomePage />
            <Route path=(StaticSegment(ES), StaticSegment(BLOG_ES)) view=BlogPage />
            <Route path=(StaticSegment(ES), StaticSegment(BLOG_ES), ParamSegment(SLUG)) view=PostPage />
            <Route path=(StaticSegment(ES), StaticSegment(BLOG_ES), StaticSegment(TOPIC_ES), ParamSegment(TAG)) view=BlogPage />
            <Route path=(StaticSegment(ES), StaticSegment(SYMPTOMS_ES)) view=SymptomsPage />
            <Route path=(StaticSegment(ES), StaticSegment(CONTACT_ES)) view=ContactPage />
            <Route path=(StaticSegment(ES), StaticSegment(VISIT_ES)) view=VisitPage />
            <Route path=(StaticSegment(ES), StaticSegment(MESSAGE_SENT_ES)) view=MessageSentPage />
        </Routes>
    }
}

/// The language of the address the visit starts at (the page being pre-rendered, at build
/// time). It stays for the visit: a link into the other language loads its page anew.
fn start_lang() -> Lang {
    #[cfg(target_arch = "wasm32")]
    let path = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .map(|p| paths::app_path(&p))
        .unwrap_or_default();
    #[cfg(not(target_arch = "wasm32"))]
    let path = use_context::<leptos_router::location::RequestUrl>()
        .map(|url| paths::app_path(url.as_ref()))
        .unwrap_or_default();
    Lang::of_path(&path).0
}

/// Shown instead of the site when `site.json` cannot be used: never a blank page. A slow or
/// broken connection gets "try again"; a missing or malformed file is named for whoever
/// maintains the site. (The clinic's phone number is in that file, so it cannot be shown.)
#[component]
pub fn ConfigErrorView(
    /// What went wrong.
    error: ConfigLoadError,
    /// Loads the configuration again.
    on_retry: Callback<()>,
) -> impl IntoView {
    let text = SiteText::of(crate::context::use_lang());
    let urgent = text.urgent;
    if error.is_transient() {
        let (heading, message) = match &error {
            ConfigLoadError::Fetch(FetchError::Timeout(seconds)) => (
                text.config_timeout_heading,
                fill(text.config_timeout, &[("seconds", &seconds.to_string())]),
            ),
            ConfigLoadError::Fetch(FetchError::Server(status)) => (
                text.config_server_heading,
                fill(text.config_server, &[("status", &status.to_string())]),
            ),
            _ => (text.offline_heading, text.config_offline.to_string()),
        };
        return view! {
            <main id="main" class="config-error">
                <h1>{heading}</h1>
                <p role="alert">{message} " " {urgent}</p>
                <button type="button" class="button" on:click=move |_| on_retry.run(())>
                    {text.try_again}
                </button>
            </main>
        }
        .into_any();
    }
    view! {
        <main id="main" class="config-error">
            <h1>{text.config_broken_heading}</h1>
            <p>{text.config_broken} {urgent}</p>
            <p role="alert">{text.config_broken_detail} {error.detail()}</p>
        </main>
    }
    .into_any()
}

fn document_element() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}
