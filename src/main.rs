//! Entry point: hydrate the pre-rendered page, or mount the app where there is none for this
//! address; everything else lives in `lib.rs`.
fn main() {
    console_error_panic_hook::set_once();
    #[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
    start();
}

/// Hydrates only a page rendered for exactly this address. A page served for another one
/// (the Not Found page for an unknown path, the listing for `/blog?q=desk`) is replaced.
#[cfg(all(feature = "hydrate", target_arch = "wasm32"))]
fn start() {
    let location = web_sys::window().map(|w| w.location());
    let here = location.as_ref().and_then(|l| l.pathname().ok());
    let has_query = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .is_some_and(|s| s.len() > 1);
    match clinic_site::hydration::install_prerendered_data() {
        Some(rendered_for) if Some(&rendered_for) == here.as_ref() && !has_query => {
            // The page's own wasm chunk (the checklist) must be here before hydrating, so the
            // first render matches the HTML. If it cannot be fetched, the page stays as the HTML
            // it is: readable, with its links and its emergency advice.
            clinic_site::paths::set_base(&clinic_site::paths::document_base_path());
            let app_path = clinic_site::paths::app_path(&rendered_for);
            wasm_bindgen_futures::spawn_local(async move {
                match clinic_site::components::chunk::preload_for(&app_path).await {
                    Ok(()) => {
                        // Only now: what was ticked while the chunk arrived counts too.
                        clinic_site::hydration::keep_typed_fields();
                        leptos::mount::hydrate_body(clinic_site::App);
                    }
                    Err(_) => leptos::logging::warn!(
                        "part of the app could not be fetched; the page stays as plain HTML"
                    ),
                }
            });
        }
        _ => {
            clinic_site::hydration::discard_prerendered_page();
            leptos::mount::mount_to_body(clinic_site::App);
        }
    }
}
