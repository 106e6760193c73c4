//! The built site's files by name, and what the renderer hands the build: one home for each
//! name that the app, the renderer, the content build and the build crate (`crates/build`)
//! share. Routes have theirs in [`crate::routes`].

use serde::{Deserialize, Serialize};

/// The page a static host serves, with status 404, for an address the site does not have.
pub const NOT_FOUND_PAGE: &str = "404.html";
/// The page the service worker serves, offline, for a page it has not saved.
pub const OFFLINE_PAGE: &str = "offline.html";

/// The Not Found page in `lang`: Cloudflare Pages serves the nearest one up the folders;
/// Netlify serves the root's (English) for any address, over which the app, once started,
/// mounts in the address's language.
pub fn not_found_page(lang: crate::lang::Lang) -> String {
    in_folder(lang, NOT_FOUND_PAGE)
}

/// The offline page in `lang`, which the worker shows for a page of that language.
pub fn offline_page(lang: crate::lang::Lang) -> String {
    in_folder(lang, OFFLINE_PAGE)
}

/// `file` in `lang`'s folder ("es/404.html"; English at the root).
fn in_folder(lang: crate::lang::Lang, file: &str) -> String {
    match lang.prefix() {
        Some(prefix) => format!("{prefix}/{file}"),
        None => file.to_string(),
    }
}
/// The offline page's script (from `src/web/offline.js`), as the offline page links it before
/// the build names it by its bytes.
pub const OFFLINE_SCRIPT: &str = "offline.js";
/// The service worker, at the site's root (its scope is the whole site).
pub const WORKER: &str = "sw.js";
/// The site's configuration, served beside the pages.
pub const SITE_CONFIG: &str = "site.json";
/// The web app manifest.
pub const WEB_MANIFEST: &str = "manifest.webmanifest";
/// The posts as an Atom feed.
pub const FEED: &str = "feed.xml";
/// The English posts' index (every card's data), relative to the site's root.
pub const POST_INDEX: &str = "posts/index.json";
/// The Spanish posts' index: each language lists its own posts (the post files share `posts/`).
pub const POST_INDEX_ES: &str = "posts/index.es.json";

/// The index of `lang`'s posts.
pub fn post_index(lang: crate::lang::Lang) -> &'static str {
    match lang {
        crate::lang::Lang::En => POST_INDEX,
        crate::lang::Lang::Es => POST_INDEX_ES,
    }
}

/// The Spanish posts' Atom feed: each language has its own.
pub const FEED_ES: &str = "es/feed.xml";

/// The Atom feed of `lang`'s posts.
pub fn feed_file(lang: crate::lang::Lang) -> &'static str {
    match lang {
        crate::lang::Lang::En => FEED,
        crate::lang::Lang::Es => FEED_ES,
    }
}
/// The sitemap.
pub const SITEMAP: &str = "sitemap.xml";

/// The app's file stem: Trunk names the app's script and wasm after the crate
/// (`clinic-site-<hash>.js`, `clinic-site-<hash>_bg.wasm`).
pub const APP_STEM: &str = "clinic-site";
/// How the app's script's name starts ([`APP_STEM`] and the hash's dash).
pub const APP_SCRIPT_PREFIX: &str = "clinic-site-";
/// The stem of the script that loads the app's wasm parts (written by wasm-split-cli as
/// `__wasm_split.js`).
pub const PART_LOADER_STEM: &str = "__wasm_split";
/// How many hex digits of a file's SHA-256 its name carries (`main-<16 hex>.css`).
pub const HASH_HEX_DIGITS: usize = 16;

/// The drawing every icon is made from, at the site's root (served itself as the SVG favicon).
pub const ICON_SOURCE: &str = "icon.svg";
/// The folder of the icons drawn from [`ICON_SOURCE`].
pub const ICON_DIR: &str = "icons";

/// What an icon is for: which link of the page's head, or which entry of the manifest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconUse {
    /// The favicon's PNG copy, for browsers without SVG favicons.
    Favicon,
    /// The apple-touch-icon (iOS rounds it itself).
    AppleTouch,
    /// A home-screen icon the manifest lists, shown as it is.
    Any,
    /// A home-screen icon the manifest lists, which a phone may mask.
    Maskable,
}

/// One icon: its file in [`ICON_DIR`], its width and height, whether its corners are cut,
/// and what it is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Icon {
    pub file: &'static str,
    pub size: u32,
    pub rounded: bool,
    pub used_as: IconUse,
}

/// Every icon the site links: drawn by the content build, listed by the manifest and linked
/// by every page's head.
pub const ICONS: [Icon; 5] = [
    Icon {
        file: "favicon-32.png",
        size: 32,
        rounded: true,
        used_as: IconUse::Favicon,
    },
    Icon {
        file: "apple-touch-icon.png",
        size: 180,
        rounded: false,
        used_as: IconUse::AppleTouch,
    },
    Icon {
        file: "icon-192.png",
        size: 192,
        rounded: true,
        used_as: IconUse::Any,
    },
    LOGO_ICON,
    Icon {
        file: "maskable-512.png",
        size: 512,
        rounded: false,
        used_as: IconUse::Maskable,
    },
];

/// The largest plain icon: the clinic's logo in link previews and structured data.
const LOGO_ICON: Icon = Icon {
    file: "icon-512.png",
    size: 512,
    rounded: true,
    used_as: IconUse::Any,
};

/// The clinic's logo, relative to the site's root.
pub const LOGO: &str = "icons/icon-512.png";

impl Icon {
    /// Its path relative to the site's root (`icons/icon-192.png`).
    pub fn path(&self) -> String {
        format!("{ICON_DIR}/{}", self.file)
    }
}

/// What the renderer wrote, handed to the build crate's later steps (the parts' preloads, the
/// sitemap, the service worker): written into the site folder as [`RenderedSite::FILE`], read
/// and removed by the build, so it is never deployed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenderedSite {
    /// [`RenderedSite::FORMAT`] when written: a build reading another format stops.
    pub format: u32,
    /// Every page, in the route table's order, then the Not Found page.
    pub pages: Vec<RenderedPage>,
}

impl RenderedSite {
    /// The file's name in the site folder.
    pub const FILE: &'static str = "rendered.json";
    /// The version of this shape.
    pub const FORMAT: u32 = 2;
}

/// A page the renderer wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenderedPage {
    /// The app path ("/blog/lifting-safely"; "/404" for the Not Found page, "/es/404" for
    /// the Spanish one).
    pub path: String,
    /// The page's language.
    pub lang: crate::lang::Lang,
    /// The app path of the same page in the other language, where it has one (`hreflang`,
    /// the sitemap's alternates).
    pub alternate: Option<String>,
    /// The file, relative to the site ("blog/lifting-safely.html").
    pub file: String,
    /// The wasm part the page shows, by its name ("listing"), which it preloads.
    pub part: Option<String>,
    /// Listed in the sitemap.
    pub in_sitemap: bool,
    /// Precached by the service worker when it installs: a page without a parameter, and the
    /// Not Found page.
    pub precached: bool,
    /// When a post last changed (an ISO date), for the sitemap.
    pub changed: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_logo_is_an_icon_of_the_list() {
        assert_eq!(LOGO, LOGO_ICON.path());
        assert!(ICONS.contains(&LOGO_ICON));
    }

    #[test]
    fn the_app_script_prefix_is_the_stem_and_a_dash() {
        assert_eq!(APP_SCRIPT_PREFIX, format!("{APP_STEM}-"));
    }

    #[test]
    fn each_language_has_its_own_post_index_beside_the_posts() {
        use crate::lang::Lang;
        assert_eq!(post_index(Lang::En), "posts/index.json");
        assert_eq!(post_index(Lang::Es), "posts/index.es.json");
    }

    #[test]
    fn every_icon_has_its_own_file() {
        for (i, icon) in ICONS.iter().enumerate() {
            assert!(ICONS[i + 1..].iter().all(|other| other.file != icon.file));
        }
    }
}
