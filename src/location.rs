//! Where the document lives, read from the browser.

/// Reads the document's base path in the browser ("/" when there is no `<base>`).
pub fn document_base_path() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .and_then(|uri| {
            // "http://host:port/clinic/" → "/clinic/"
            let after_scheme = uri.split_once("://")?.1;
            after_scheme
                .find('/')
                .map(|i| after_scheme[i..].to_string())
        })
        .map(|p| p.split(['?', '#']).next().unwrap_or("/").to_string())
        .unwrap_or_else(|| "/".to_string())
}
