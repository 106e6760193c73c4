//! Where the site lives: the base path (the site may be served under e.g. `/clinic/`) and app links.

use std::sync::RwLock;

// Global rather than thread-local: at build time the pages render on a thread pool.
static BASE: RwLock<String> = RwLock::new(String::new());

/// Turns the path of the document's base URL ("/clinic/") into the router's base ("/clinic").
/// A site at the root has the empty base.
pub fn router_base(base_uri_path: &str) -> String {
    base_uri_path.trim_end_matches('/').to_string()
}

/// Records the base once at start-up (read from `<base href>`, which Trunk's public URL sets).
pub fn set_base(base: &str) {
    if let Ok(mut b) = BASE.write() {
        *b = router_base(base);
    }
}

/// The router's base, "" at the root.
pub fn base() -> String {
    BASE.read().map(|b| b.clone()).unwrap_or_default()
}

/// An in-app link for an absolute app path: `href("/blog")` is "/clinic/blog" under a base.
/// The router does not prefix absolute links itself, so every link goes through here.
pub fn href(path: &str) -> String {
    join(&base(), path)
}

fn join(base: &str, path: &str) -> String {
    match (base.is_empty(), path) {
        (true, _) => path.to_string(),
        (false, "/") => format!("{base}/"),
        (false, _) => format!("{base}{path}"),
    }
}

/// Removes the base from a location's pathname, giving the app path ("/clinic/blog" → "/blog").
pub fn app_path(pathname: &str) -> String {
    let base = base();
    match pathname.strip_prefix(base.as_str()) {
        Some("") => "/".to_string(),
        Some(rest) if rest.starts_with('/') => rest.to_string(),
        _ => pathname.to_string(),
    }
}

/// The clean address of a page's file address, if `pathname` is one: hosts also serve a page
/// at its file's name (`/blog/x.html` for `/blog/x`, `/index.html` for the site's root at
/// `base_path`, "/" or "/clinic/"), which no route knows. `None` when the address is clean.
pub fn clean_address(pathname: &str, base_path: &str) -> Option<String> {
    let stem = pathname.strip_suffix(".html")?;
    // Only the root's index is a folder's page; elsewhere `index` is a name (a post's, a topic's).
    Some(match stem.strip_suffix("index") {
        Some(folder) if folder == base_path => folder.to_string(),
        _ => stem.to_string(),
    })
}

/// The one check for an absolute web address: `https://` (or, unless `https_only`, `http://`)
/// followed by a host, with no whitespace. Used for post links, the checklist's sources and
/// the configuration's URLs, so they all agree on what counts.
pub fn is_web_url(s: &str, https_only: bool) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| (!https_only).then(|| s.strip_prefix("http://")).flatten());
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

/// Percent-encodes like JavaScript's `encodeURIComponent`.
pub fn encode_uri_component(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'~'
            | b'*'
            | b'\''
            | b'('
            | b')' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// Lowercase ASCII letters and digits in words joined by single hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|word| {
            !word.is_empty()
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_urls_need_a_scheme_and_a_host_and_no_spaces() {
        assert!(is_web_url("https://example.org/x", true));
        assert!(is_web_url("http://127.0.0.1:8787/f/contact", false));
        assert!(!is_web_url("http://example.org", true), "https only");
        for bad in [
            "https://",
            "https:///path",
            "javascript:alert(1)",
            "/blog",
            "https://a b",
            "ftp://x",
        ] {
            assert!(!is_web_url(bad, false), "{bad}");
        }
    }

    #[test]
    fn uri_components_are_encoded_like_javascript_does() {
        assert_eq!(encode_uri_component("a b&c=d/é"), "a%20b%26c%3Dd%2F%C3%A9");
        assert_eq!(encode_uri_component("keep-_.!~*'()"), "keep-_.!~*'()");
    }

    #[test]
    fn a_site_at_the_root_has_an_empty_base() {
        assert_eq!(router_base("/"), "");
        assert_eq!(join("", "/blog"), "/blog");
        assert_eq!(join("", "/"), "/");
    }

    #[test]
    fn a_site_under_a_folder_prefixes_every_link() {
        assert_eq!(router_base("/clinic/"), "/clinic");
        assert_eq!(join("/clinic", "/blog/x"), "/clinic/blog/x");
        assert_eq!(join("/clinic", "/"), "/clinic/");
    }

    #[test]
    fn a_file_address_is_cleaned_to_the_page_it_serves() {
        let clean = |path| clean_address(path, "/");
        assert_eq!(
            clean("/blog/lifting-safely.html").as_deref(),
            Some("/blog/lifting-safely")
        );
        assert_eq!(clean("/blog.html").as_deref(), Some("/blog"));
        assert_eq!(clean("/index.html").as_deref(), Some("/"));
        assert_eq!(
            clean("/blog/index.html").as_deref(),
            Some("/blog/index"),
            "a post named index"
        );
        assert_eq!(
            clean("/blog/reindex.html").as_deref(),
            Some("/blog/reindex")
        );
        assert_eq!(clean("/blog/lifting-safely"), None);
        assert_eq!(clean("/"), None);
    }

    #[test]
    fn under_a_base_the_root_index_is_the_base() {
        let clean = |path| clean_address(path, "/clinic/");
        assert_eq!(clean("/clinic/index.html").as_deref(), Some("/clinic/"));
        assert_eq!(
            clean("/clinic/contact.html").as_deref(),
            Some("/clinic/contact")
        );
        assert_eq!(
            clean("/clinic/blog/topic/index.html").as_deref(),
            Some("/clinic/blog/topic/index")
        );
    }

    #[test]
    fn app_path_strips_the_base() {
        set_base("/clinic/");
        assert_eq!(app_path("/clinic/blog"), "/blog");
        assert_eq!(app_path("/clinic/"), "/");
        assert_eq!(app_path("/clinic"), "/");
        assert_eq!(app_path("/clinical"), "/clinical");
        assert_eq!(href("/contact"), "/clinic/contact");
        set_base("/");
        assert_eq!(href("/contact"), "/contact");
    }

    #[test]
    fn slugs_are_lowercase_hyphenated_words() {
        assert!(is_slug("back-spasm-symptoms"));
        assert!(!is_slug("Back-Spasms"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("../etc"));
    }

    #[test]
    fn a_slug_is_safe_as_a_file_name_and_a_url_segment() {
        for bad in ["", "-a", "a-", "Back", "a b", "a/b", "ü"] {
            assert!(!is_slug(bad), "{bad:?}");
        }
    }
}
