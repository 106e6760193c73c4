//! Alder Creek-style clinic website: a Leptos client-side app. `main.rs` only mounts [`App`];
//! everything lives here so browser tests can mount the same components.

pub mod api;
pub mod blog;
pub mod components;
pub mod config;
pub mod contact;
pub mod focus;
pub mod intl;
pub mod pages;
pub mod paths;
pub mod symptoms;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::components::shell::Shell;
use crate::config::SiteConfig;
use crate::pages::{
    blog::BlogPage, contact::ContactPage, not_found::NotFoundPage, post::PostPage,
    symptoms::SymptomsPage,
};

/// The whole app: loads the clinic's configuration once, then shows the site (or why it can't).
#[component]
pub fn App() -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    paths::set_base(&paths::document_base_path());
    let config = LocalResource::new(api::fetch_site_config);
    view! {
        <Suspense fallback=|| view! { <p class="app-status" aria-busy="true">"Loading…"</p> }>
            {move || Suspend::new(async move {
                match config.await {
                    Ok(config) => view! { <Site config /> }.into_any(),
                    Err(message) => view! { <ConfigErrorView message /> }.into_any(),
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
    let clinic = config.clinic_name.clone();
    provide_context(config);
    view! {
        <Title formatter=move |page: String| {
            if page.is_empty() { clinic.clone() } else { format!("{page} · {clinic}") }
        } />
        <Router base=paths::base()>
            <Shell>
                <AppRoutes />
            </Shell>
        </Router>
    }
}

/// Every route of the site, declared in one place.
#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=NotFoundPage>
            <Route path=path!("/") view=BlogPage />
            <Route path=path!("/blog") view=BlogPage />
            <Route path=path!("/blog/:slug") view=PostPage />
            <Route path=path!("/symptoms") view=SymptomsPage />
            <Route path=path!("/contact") view=ContactPage />
        </Routes>
    }
}

/// Shown instead of the site when `site.json` is missing or malformed: never a blank page.
#[component]
pub fn ConfigErrorView(
    /// What went wrong, for the person deploying the site.
    message: String,
) -> impl IntoView {
    view! {
        <main id="main" class="config-error">
            <h1>"This site is not set up correctly"</h1>
            <p>
                "The clinic's details could not be loaded, so the site cannot be shown. "
                "If you need care urgently, please telephone the clinic or your local emergency number."
            </p>
            <p role="alert">"Details for the site's maintainer: " {message}</p>
        </main>
    }
}

/// The configuration shared by [`Site`]; components call this instead of `use_context`.
pub fn use_config() -> SiteConfig {
    expect_context::<SiteConfig>()
}
