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
            clinic_site::hydration::keep_typed_fields();
            leptos::mount::hydrate_body(clinic_site::App);
        }
        _ => {
            clinic_site::hydration::discard_prerendered_page();
            leptos::mount::mount_to_body(clinic_site::App);
        }
    }
}
