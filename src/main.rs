//! Entry point: hydrate the pre-rendered page, or mount the app where there is none for this
//! address; everything else lives in `lib.rs`.
fn main() {
    console_error_panic_hook::set_once();
    #[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
    start();
}

/// Hydrates the page rendered for this address, whatever its query holds (`?fbclid=…` from a
/// shared link, `?q=` for the listing, which applies it after hydrating). A page served for
/// another address (the Not Found page for an unknown path) is replaced by the app.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
fn start() {
    clinic_site::startup::mark("clinic:start");
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let mut here = location.pathname().ok();
    // Hosts also serve a page at its file's name (`/blog/x.html`, `/index.html`), which no
    // route knows: the app goes by the clean address, and shows it.
    let base_path = clinic_site::location::document_base_path();
    if let Some(clean) = here
        .as_deref()
        .and_then(|path| clinic_site::paths::clean_address(path, &base_path))
    {
        let address = format!(
            "{clean}{}{}",
            location.search().unwrap_or_default(),
            location.hash().unwrap_or_default()
        );
        let moved = window.history().is_ok_and(|history| {
            history
                .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&address))
                .is_ok()
        });
        if moved {
            here = Some(clean);
        }
    }
    use clinic_site::startup::{self, mark, next_task};
    startup::init_executor();
    // Each step in its own task (see `startup`): the wasm's instantiation ends here.
    wasm_bindgen_futures::spawn_local(async move {
        next_task().await;
        let rendered = clinic_site::hydration::install_prerendered_data();
        mark("clinic:data");
        match rendered {
            Some(rendered_for) if Some(&rendered_for) == here.as_ref() => {
                // The page's own wasm part (the checklist, the listing…) must be here before hydrating, so
                // the first render matches the HTML. If it cannot be fetched, the page stays as
                // the HTML it is: readable, with its links and its emergency advice.
                clinic_site::paths::set_base(&base_path);
                let app_path = clinic_site::paths::app_path(&rendered_for);
                match clinic_site::components::part::preload_for(&app_path).await {
                    Ok(()) => {
                        next_task().await;
                        hydrate().await;
                        mark("clinic:hydrated");
                    }
                    // A deploy between the page and its part removed the file: reload into
                    // the new version. Otherwise the page stays as the HTML it is.
                    Err(_) => {
                        if !clinic_site::deploy::reload_if_redeployed().await {
                            leptos::logging::warn!(
                                "part of the app could not be fetched; the page stays as plain HTML"
                            );
                        }
                    }
                }
            }
            _ => {
                clinic_site::hydration::discard_prerendered_page();
                // A page served for another address (a host's Not Found page) says its own
                // language; the app about to be mounted is in the address's.
                clinic_site::paths::set_base(&base_path);
                set_document_lang();
                leptos::mount::mount_to_body(clinic_site::App);
                mark("clinic:hydrated");
            }
        }
        // What hydrating spawned (effects' first runs), one piece per task.
        startup::run_held().await;
        mark("clinic:idle");
    });
}

/// `leptos::mount::hydrate_body`, in several tasks: the shell (router, skip link, announcer),
/// then each part it left for later (`startup::hydrate_later`: the header's contents, the page
/// inside `<main>` and the parts it leaves in turn, the footer's). The parts still read the data
/// the build left in the page, so the hydration is declared complete only after all of them.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
async fn hydrate() {
    use leptos::prelude::*;
    use leptos::tachys::{hydration::Cursor, view::PositionState, view::RenderHtml};
    use std::sync::Arc;
    use wasm_bindgen::JsCast;
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let owner = Owner::new_root(Some(Arc::new(
        hydration_context::HydrateSharedContext::new(),
    )));
    let shell = owner.with(|| {
        clinic_site::App().into_view().hydrate::<true>(
            &Cursor::new(body.unchecked_into()),
            &PositionState::default(),
        )
    });
    clinic_site::startup::mark("clinic:shell");
    clinic_site::startup::next_task().await;
    // The page's part keeps what was typed or ticked until it hydrates (`Shell`).
    clinic_site::startup::hydrate_the_rest().await;
    if let Some(context) = owner.shared_context() {
        context.hydration_complete();
    }
    // The app lives as long as the page.
    std::mem::forget((owner, shell));
}

/// `<html lang>` as the address's language, for an app mounted over a page of another.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
fn set_document_lang() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let lang = clinic_site::lang::Lang::of_path(&clinic_site::paths::app_path(&path)).0;
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
    }
}
