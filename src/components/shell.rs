//! The frame around every page: skip link, header with navigation, main region and footer.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::clinic_links::{EmergencyLink, PhoneLink};
use crate::components::language_link::LanguageLink;
use crate::components::route_announcer::{PageAnnouncer, RouteAnnouncer};
use crate::context::{href_to, use_config, use_lang};
use crate::focus::focus_id;
use crate::paths::href;
use crate::routes::Page;
use crate::startup::{hydrate_at, later, phase_mark, LeftForLater};
use crate::text::site::SiteText;

/// Skip link, header, `<main>` holding the page, and footer.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let announcer = PageAnnouncer::new();
    // Pages' headings (PageHeading) report to it when they are really in the document.
    provide_context(announcer.clone());
    // While the pre-rendered page hydrates, `<main>` (the page) is left for a task of its own
    // (`crate::startup`), as are the header's and the footer's contents: the shell hydrates
    // first, then each of them, in this owner.
    let main = move || {
        view! { <main id="main" tabindex="-1" class="site-main"><PageLanguageLink />{children()}</main> }
    };
    let main = if crate::startup::is_hydrating() {
        let owner = Owner::current();
        // Where the router is: a link it handles changes this before the address bar.
        let pathname = leptos_router::hooks::use_location().pathname;
        let rendered_at = pathname.get_untracked();
        Either::Right(LeftForLater::new(move |element| {
            let owner = owner?;
            if pathname.get_untracked() != rendered_at {
                // A link was followed between the two tasks: the HTML is still the old page,
                // which the router cannot take over, so the browser loads the new one.
                let path = pathname.get_untracked();
                let base = crate::paths::base();
                let target = if path.starts_with(&format!("{base}/")) {
                    path
                } else {
                    href(&path)
                };
                if let Some(window) = web_sys::window() {
                    let _ = window.location().assign(&target);
                }
                return None;
            }
            // Only now: what was typed or ticked until the page's own fields hydrate counts.
            #[cfg(target_arch = "wasm32")]
            crate::hydration::keep_typed_fields();
            Some(owner.with(|| hydrate_at(main(), &element)))
        }))
    } else {
        Either::Left(main())
    };
    load_other_language_anew();
    view! {
        {phase_mark("clinic:router")}
        <a class="skip-link" href="#main" on:click=skip_to_main>{SiteText::of(use_lang()).skip_link}</a>
        <SiteHeader />
        {phase_mark("clinic:header")}
        <RouteAnnouncer announcer />
        {main}
        <SiteFooter />
    }
}

/// The language link at the top of every page of the route table but an article, which has its
/// own (it knows its translation); the Not Found page has its own too.
#[component]
fn PageLanguageLink() -> impl IntoView {
    let pathname = leptos_router::hooks::use_location().pathname;
    move || {
        let path = crate::paths::app_path(&pathname.get());
        crate::routes::recognize_in(&path)
            .filter(|(_, route, _)| route.page != Page::Post)
            .map(|_| view! { <LanguageLink /> })
    }
}

/// The page's language is the visit's (see `crate::App`): a link the router follows into the
/// other language (a post's link to a page of the other) loads that page anew, in its own
/// language, head and all.
fn load_other_language_anew() {
    let lang = use_lang();
    let pathname = leptos_router::hooks::use_location().pathname;
    Effect::new(move |_| {
        let path = pathname.get();
        if crate::lang::Lang::of_path(&crate::paths::app_path(&path)).0 != lang {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    });
}

/// Moves focus into `<main>` itself: the router would otherwise treat `#main` as a navigation
/// and only scroll, leaving keyboard focus behind in the header.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus_id("main");
}

/// The clinic's name, its phone number and the main navigation: on a phone, the name and the
/// number on one row and every destination on the next, so the header stays short and each is
/// one tap away.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let config = use_config();
    let text = SiteText::of(use_lang());
    let home = href_to(Page::Home);
    view! {
        <header class="site-header">
            {later(move || view! {
            <div class="site-header__inner">
                <a class="site-header__brand" href=home.clone()>
                    <span class="site-header__name">{config.clinic_name.clone()}</span>
                    <span class="site-header__tagline">{config.tagline.get(use_lang()).to_string()}</span>
                </a>
                // On a narrow phone the number is read out but not shown: "Call" fits beside
                // the name, and the navigation keeps one row.
                <a class="site-header__call" href=config.tel_href()>
                    {text.call}
                    <span class="site-header__number">" " {config.phone.display.clone()}</span>
                </a>
                <nav class="site-nav" aria-label=text.nav_label>
                    <ul class="site-nav__list">
                        <li><A href=href_to(Page::Blog)>{text.nav_blog}</A></li>
                        <li><A href=href_to(Page::Symptoms)>{text.nav_symptoms}</A></li>
                        <li><A href=href_to(Page::Visit)>{text.nav_visit}</A></li>
                        <li><A href=href_to(Page::Contact)>{text.nav_contact}</A></li>
                    </ul>
                </nav>
            </div>
            })}
        </header>
    }
}

/// Address, click-to-call phone link, the way to the hours and directions, and the medical
/// disclaimer.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let config = use_config();
    let text = SiteText::of(use_lang());
    view! {
        <footer class="site-footer">
            {later(move || view! {
            <div class="site-footer__inner">
                <p class="site-footer__name">{config.clinic_name.clone()}</p>
                <address class="site-footer__address">
                    {config.address_line()}
                    <br />
                    {text.footer_phone}
                    <PhoneLink />
                </address>
                <p class="site-footer__visit"><a href=href_to(Page::Visit)>{text.footer_visit}</a></p>
                <p class="site-footer__disclaimer">
                    {text.footer_disclaimer}
                    <EmergencyLink />
                    "."
                </p>
            </div>
            })}
        </footer>
    }
}
