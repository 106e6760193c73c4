//! Deploy skew: a tab opened before a deploy keeps running the old app, whose own wasm files
//! (the checklist's, the contact form's) an atomic deploy has deleted. When such a file cannot
//! be fetched, the tab asks the site which app its pages load now; if that is a newer one, it
//! reloads once into it (the contact draft is in sessionStorage, and nothing else is typed
//! before a part has loaded), instead of saying "your connection may have dropped" forever.

/// The app's script named in a page's HTML (`clinic-site-<hex>.js`, Trunk's hashed name).
pub fn app_script(html: &str) -> Option<&str> {
    const STEM: &str = crate::site_files::APP_SCRIPT_PREFIX;
    html.match_indices(STEM).find_map(|(at, _)| {
        let rest = &html[at + STEM.len()..];
        let hex = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        (hex > 0 && rest[hex..].starts_with(".js")).then(|| &html[at..at + STEM.len() + hex + 3])
    })
}

/// Whether to reload into the app the site serves now: only when it is another app than this
/// tab's, and not one this tab has already reloaded for (then a reload would not help, and
/// the patient is told what failed instead of watching the page reload in a loop).
pub fn should_reload(running: &str, deployed: &str, reloaded_for: Option<&str>) -> bool {
    running != deployed && reloaded_for != Some(deployed)
}

/// Reloads the page if the site has been deployed anew since it was opened; the answer is
/// true when the reload has started. Called when a part of the app could not be fetched.
/// Boxed, so its callers share one copy of it in the wasm instead of each inlining it.
#[cfg(all(target_arch = "wasm32", not(feature = "ssr")))]
pub fn reload_if_redeployed() -> std::pin::Pin<Box<dyn std::future::Future<Output = bool>>> {
    Box::pin(reload())
}

#[cfg(all(target_arch = "wasm32", not(feature = "ssr")))]
async fn reload() -> bool {
    const RELOADED_FOR: &str = "reloaded-for-app";
    let Some(window) = web_sys::window() else {
        return false;
    };
    // This tab's app: Trunk preloads its script by name in every page's head.
    let Some(running) = window
        .document()
        .and_then(|d| d.query_selector("link[rel=modulepreload]").ok().flatten())
        .and_then(|link| link.get_attribute("href"))
        .and_then(|href| app_script(&href).map(str::to_string))
    else {
        return false;
    };
    let Ok(here) = window.location().href() else {
        return false;
    };
    let Some(deployed) = crate::api::fetch_deployed_page(&here).await else {
        return false;
    };
    let Some(deployed) = app_script(&deployed) else {
        return false;
    };
    // Without a place to note the reload (storage blocked), no reload: a stale cache could
    // otherwise serve the old page again and again.
    let Some(storage) = window.session_storage().ok().flatten() else {
        return false;
    };
    let reloaded_for = storage.get_item(RELOADED_FOR).ok().flatten();
    if !should_reload(&running, deployed, reloaded_for.as_deref()) {
        return false;
    }
    storage.set_item(RELOADED_FOR, deployed).is_ok() && window.location().reload().is_ok()
}

/// Native builds (the build-time renderer, unit tests) fetch no parts.
#[cfg(not(all(target_arch = "wasm32", not(feature = "ssr"))))]
pub async fn reload_if_redeployed() -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_app_script_is_found_by_its_hashed_name() {
        let head = r#"<link rel="stylesheet" href="/main-1a.css"><link rel="modulepreload" href="/clinic-site-0f3a9c.js" integrity="x"><script type="module">import init from '/clinic-site-0f3a9c.js';</script>"#;
        assert_eq!(app_script(head), Some("clinic-site-0f3a9c.js"));
        assert_eq!(
            app_script("<p>clinic-site-notes</p><link href=/clinic/clinic-site-ab12.js>"),
            Some("clinic-site-ab12.js"),
            "words that only look like it are skipped"
        );
        assert_eq!(app_script("<link href=/clinic-site-ab12_bg.wasm>"), None);
        assert_eq!(app_script(""), None);
    }

    #[test]
    fn a_tab_reloads_once_into_a_newer_app_and_never_for_its_own() {
        assert!(should_reload("clinic-site-a.js", "clinic-site-b.js", None));
        assert!(
            !should_reload("clinic-site-a.js", "clinic-site-a.js", None),
            "same app: the network failed"
        );
        assert!(
            !should_reload(
                "clinic-site-a.js",
                "clinic-site-b.js",
                Some("clinic-site-b.js")
            ),
            "reloaded for it already"
        );
        assert!(
            should_reload(
                "clinic-site-b.js",
                "clinic-site-c.js",
                Some("clinic-site-b.js")
            ),
            "a later deploy"
        );
    }
}
