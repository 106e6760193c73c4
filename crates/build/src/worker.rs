//! The service worker (`sw.js`): `src/web/sw.js` with this build's data (`BUILD`), and every
//! page saying which build it is.
//!
//! The worker's mode:
//! - release builds: "offline";
//! - a development build (`trunk serve`): "development", a worker that caches nothing and clears
//!   what a release build served from the same address saved, so an edit shows on the next reload;
//! - a release build with `"offline_support": false` in site.json: "retired", the way out. Its
//!   worker deletes the site's caches and unregisters itself on each device that had the old
//!   one (the browser checks sw.js on every visit), and no page registers a worker any more.

use std::collections::{BTreeMap, BTreeSet};

use clinic_model::config::SiteConfig;
use clinic_model::lang::Lang;
use clinic_model::routes::{route, Page};
use clinic_model::site_files::{
    not_found_page, offline_page, post_index, RenderedPage, HASH_HEX_DIGITS, ICON_DIR, ICON_SOURCE,
    SITE_CONFIG, WEB_MANIFEST, WORKER,
};
use serde::Serialize;

use crate::build::Build;
use crate::files;
use crate::head::{with_build_version, without_tags_naming};
use crate::naming::{hash_in, is_asset, Named};

/// What the worker is given (`const BUILD = …;` before its code).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BuildData<'a> {
    mode: &'a str,
    version: String,
    /// Every file saved when the worker installs.
    precache: Vec<String>,
    /// Those served from the cache, never asked for again: named by their bytes.
    cache_first: Vec<String>,
    /// The precached page each address falls back to offline ("" is the home page).
    fallbacks: BTreeMap<String, String>,
    /// Every page's address without a parameter, and every post's, relative to the site.
    pages: Vec<String>,
    /// Each language's addresses and pages, the longest prefix first.
    languages: Vec<LanguageData>,
    /// How many hex digits of its hash a file's name carries.
    hash_digits: usize,
    read_timeout_ms: u32,
}

/// What the worker knows of one language, relative to the site.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LanguageData {
    /// Its code, as a post's data gives its language ("es").
    code: &'static str,
    /// Where its addresses start ("es/"; English: "").
    prefix: String,
    /// Where its posts' addresses start ("blog/", "es/blog/").
    post_prefix: String,
    /// Its offline page and its Not Found page.
    offline: String,
    not_found: String,
    /// Its list of posts.
    list_data: &'static str,
}

/// Each language's [`LanguageData`], the longest prefix first (a path is of the first whose
/// prefix starts it).
fn languages() -> Vec<LanguageData> {
    let mut languages: Vec<LanguageData> = Lang::ALL
        .iter()
        .map(|&lang| LanguageData {
            code: lang.code(),
            prefix: lang.prefix().map(|p| format!("{p}/")).unwrap_or_default(),
            post_prefix: format!(
                "{}/",
                route(Page::Post).path_in(lang, Some("")).trim_matches('/')
            ),
            offline: offline_page(lang),
            not_found: not_found_page(lang),
            list_data: post_index(lang),
        })
        .collect();
    languages.sort_by_key(|language| std::cmp::Reverse(language.prefix.len()));
    languages
}

/// Writes `sw.js` and marks every page with the build's version; returns what it did.
pub fn write(
    build: &Build,
    config: &SiteConfig,
    pages: &[RenderedPage],
    named: &Named,
) -> Result<String, String> {
    let mode = if !build.release {
        "development"
    } else if config.offline_support == Some(false) {
        "retired"
    } else {
        "offline"
    };
    let source = files::read_text(&build.source_dir.join("src/web").join(WORKER))?;
    let address = |page: &RenderedPage| page.path.trim_start_matches('/').to_string();
    let precached: Vec<&RenderedPage> = pages.iter().filter(|p| p.precached).collect();
    // Each precached page under the address a patient opens it by ("" is the home page); the
    // Not Found page under its file, since no address opens it.
    let is_not_found = |page: &RenderedPage| page.file == not_found_page(page.lang);
    let precache_of = |page: &RenderedPage| {
        if is_not_found(page) {
            page.file.clone()
        } else {
            address(page)
        }
    };
    let mut fallbacks: BTreeMap<String, String> = precached
        .iter()
        .filter(|p| !is_not_found(p))
        .map(|p| (address(p), precache_of(p)))
        .collect();
    fallbacks.insert("index.html".into(), String::new());
    // What the worker falls back to when the network fails: the pages above and site.json.
    // Every other precached file is served from the cache.
    let fallback_files: BTreeSet<String> = precached
        .iter()
        .map(|p| precache_of(p))
        .chain(Lang::ALL.map(offline_page))
        .chain([SITE_CONFIG.to_string()])
        .collect();
    let precache = if mode == "offline" {
        precache_list(build, &precached, &precache_of)?
    } else {
        Vec::new()
    };
    check_named_by_bytes(build, &precache, &fallback_files, named)?;

    let page_addresses: Vec<String> = pages.iter().map(address).collect();
    let read_timeout_ms = config.fetch_timeout_ms();
    let mut version = format!(
        "{mode}\0{source}\0{}\0{}\0{read_timeout_ms}",
        serde_json::to_string(&fallbacks).map_err(|e| e.to_string())?,
        serde_json::to_string(&page_addresses).map_err(|e| e.to_string())?,
    )
    .into_bytes();
    for path in &precache {
        let file = file_of(build, path);
        if !build.file(&file).is_file() {
            return Err(format!(
                "the worker would precache {path}, which the build does not have"
            ));
        }
        version.extend(path.as_bytes());
        version.extend(files::read(&build.file(&file))?);
    }
    let version = files::name_hash(&version);
    let data = BuildData {
        mode,
        version: version.clone(),
        cache_first: precache
            .iter()
            .filter(|p| !fallback_files.contains(*p))
            .cloned()
            .collect(),
        precache,
        fallbacks,
        pages: page_addresses,
        languages: languages(),
        hash_digits: HASH_HEX_DIGITS,
        read_timeout_ms,
    };
    let json = serde_json::to_string(&data).map_err(|e| e.to_string())?;
    files::write(
        &build.file(WORKER),
        format!(
            "// Generated by the build (crates/build) from src/web/{WORKER}: do not edit.\nconst BUILD = {json};\n\n{source}"
        ),
    )?;
    // Every page says which deploy it is (src/web/register.js compares it with a new worker's).
    // Retired, no page registers a worker: the script and its preload are left out.
    let register = named
        .renamed
        .iter()
        .find(|(old, _)| old.starts_with("register"))
        .map(|(_, now)| now.clone());
    let retire = register.filter(|_| mode == "retired");
    files::edit_html(&build.dir, |html| {
        let html = with_build_version(html, &version);
        Ok(match &retire {
            Some(file) => without_tags_naming(&html, file),
            None => html,
        })
    })?;
    if let Some(file) = &retire {
        files::remove(&build.file(file))?;
    }
    Ok(format!(
        "{WORKER} ({mode}: {} files precached, version {version})",
        data.precache.len()
    ))
}

/// Every file the worker saves when it installs: the precached pages, the offline page, the
/// scripts, wasm and stylesheet, the configuration, the manifest, the icons and the pictures
/// the precached pages show.
fn precache_list(
    build: &Build,
    precached: &[&RenderedPage],
    precache_of: &impl Fn(&RenderedPage) -> String,
) -> Result<Vec<String>, String> {
    let assets: Vec<String> = files::names_in(&build.dir)?
        .into_iter()
        .filter(|f| is_asset(f) && f != WORKER)
        .collect();
    let icons: Vec<String> = files::names_in(&build.file(ICON_DIR))?
        .into_iter()
        .filter(|f| f.ends_with(".png"))
        .map(|f| format!("{ICON_DIR}/{f}"))
        .collect();
    let mut pictures = BTreeSet::new();
    for page in precached {
        pictures.extend(pictures_in(&files::read_text(&build.file(&page.file))?));
    }
    let mut list: Vec<String> = precached.iter().map(|p| precache_of(p)).collect();
    list.extend(Lang::ALL.map(offline_page));
    list.extend(assets);
    list.extend([SITE_CONFIG.into(), WEB_MANIFEST.into(), ICON_SOURCE.into()]);
    list.extend(icons);
    list.extend(pictures);
    Ok(list)
}

/// The site's pictures a page shows (`src`, and every candidate of a `srcset`).
fn pictures_in(html: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut push = |src: &str| {
        if src.starts_with("images/") {
            found.insert(src.to_string());
        }
    };
    for piece in html.split(" src=").skip(1) {
        let value = piece.strip_prefix('"').unwrap_or(piece);
        push(
            value
                .split(|c: char| c == '"' || c == '>' || c.is_whitespace())
                .next()
                .unwrap_or(""),
        );
    }
    for piece in html.split(" srcset=\"").skip(1) {
        for candidate in piece.split('"').next().unwrap_or("").split(',') {
            push(candidate.split_whitespace().next().unwrap_or(""));
        }
    }
    found
}

/// Served from the cache forever, so never under a name another build could give other bytes:
/// each script, wasm and stylesheet precached carries the hash of the bytes the build ends with
/// (the app's script and the part loader, the hash of the pair).
fn check_named_by_bytes(
    build: &Build,
    precache: &[String],
    fallback_files: &BTreeSet<String>,
    named: &Named,
) -> Result<(), String> {
    let mut unnamed = Vec::new();
    for path in precache
        .iter()
        .filter(|p| !fallback_files.contains(*p) && (is_asset(p) || p.ends_with(".mjs")))
    {
        let of_pair = named.renamed[..2].iter().any(|(_, now)| now == path);
        let expected = if of_pair {
            named.pair.clone()
        } else {
            files::name_hash(&files::read(&build.file(path))?)
        };
        if hash_in(path) != Some(expected.as_str()) {
            unnamed.push(path.as_str());
        }
    }
    if unnamed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "the worker would serve these from its cache under names without a hash of their \
             bytes, so a later deploy could pair them with another version's files; name them \
             in crates/build/src/naming.rs:\n  {}",
            unnamed.join("\n  ")
        ))
    }
}

/// The file the host serves for a path of the site ("" is index.html, "blog" is blog.html).
fn file_of(build: &Build, path: &str) -> String {
    if path.is_empty() {
        "index.html".into()
    } else if build.file(&format!("{path}.html")).is_file() {
        format!("{path}.html")
    } else {
        path.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pictures_a_page_shows_are_found_in_src_and_srcset() {
        let html = r#"<img src=images/a.svg alt=x><img src="images/b-480.webp" srcset="images/b-480.webp 480w, images/b-960.webp 960w" sizes=100vw><img src=https://x/images/c.png><script src=/app.js></script>"#;
        assert_eq!(
            pictures_in(html).into_iter().collect::<Vec<_>>(),
            ["images/a.svg", "images/b-480.webp", "images/b-960.webp"]
        );
    }
}
