//! A post's link-preview image: what a messaging app, a social network or a feed reader shows
//! beside a shared article (`og:image`, the JSON-LD `image`, the feed's enclosure).
//!
//! Those clients draw raster images only (none of them draws SVG, which is what our
//! illustrations are), and want them about 1200 px wide. The content build
//! (the content crate's `previews`) therefore writes, for each post whose hero is a file of
//! the site, a PNG of its drawing or a JPEG of its photo into `images/previews/`, and lists
//! them in [`MANIFEST`]. The build-time renderer (`api::preview_manifest` in the site) and the feed read that list; the browser never
//! does (so none of this reaches the wasm).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The list of previews, by post slug, under the site's root (`public/` in the repository,
/// the built site's folder at build time).
pub const MANIFEST: &str = "images/previews/previews.json";

/// Where the preview files go, under the site's root.
pub const DIR: &str = "images/previews";

/// The width previews are made at: what Facebook, LinkedIn and others ask for, and what
/// Google Discover wants for a large image. A smaller photo is not enlarged.
pub const WIDTH: u32 = 1200;

/// One post's preview image.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preview {
    /// Relative to the site, like `images/previews/lifting-safely-<hash>.png`.
    pub src: String,
    pub width: u32,
    pub height: u32,
    /// `image/png` (a drawing) or `image/jpeg` (a photo).
    #[serde(rename = "type")]
    pub media_type: String,
}

/// Every post's preview, by slug.
pub type Manifest = BTreeMap<String, Preview>;

/// Whether a hero `src` is a file of the site (and so gets a preview), not an https URL.
pub fn is_local(src: &str) -> bool {
    !src.starts_with("https://") && !src.starts_with("http://")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_reads_back_what_the_content_build_writes() {
        let text = r#"{"lifting-safely": {"src": "images/previews/lifting-safely-0123456789abcdef.png",
            "width": 1200, "height": 675, "type": "image/png"}}"#;
        let manifest: Manifest = serde_json::from_str(text).expect("valid");
        let preview = &manifest["lifting-safely"];
        assert_eq!(preview.width, 1200);
        assert_eq!(preview.media_type, "image/png");
        let again: Manifest =
            serde_json::from_str(&serde_json::to_string(&manifest).expect("serialises"))
                .expect("reads back");
        assert_eq!(again, manifest);
    }

    #[test]
    fn only_files_of_the_site_get_a_preview() {
        assert!(is_local("images/lifting-safely.svg"));
        assert!(!is_local("https://images.example/x.jpg"));
    }
}
