//! What crawlers and feed readers read: the sitemap (each post with its last change), the
//! Atom feed and `robots.txt`, from the configuration's address and the pages rendered; and a
//! base-path build's publish folder.

use clinic_model::config::SiteConfig;
use clinic_model::site_files::{RenderedPage, FEED, NOT_FOUND_PAGE, SITEMAP};

use crate::build::Build;
use crate::feed;
use crate::files;

/// Writes the sitemap, the feed and `robots.txt`; returns what it did.
pub fn write(build: &Build, config: &SiteConfig, pages: &[RenderedPage]) -> Result<String, String> {
    let base_url = format!(
        "{}{}",
        config.base_url.trim_end_matches('/'),
        build.public_url.trim_end_matches('/')
    );
    let in_sitemap: Vec<&RenderedPage> = pages.iter().filter(|p| p.in_sitemap).collect();
    files::write(&build.file(SITEMAP), sitemap(&base_url, &in_sitemap))?;
    let index = build.file("posts/index.json");
    let posts: Vec<serde_json::Value> = if index.is_file() {
        files::read_json(&index)?
    } else {
        Vec::new()
    };
    let preview_list = build.file(clinic_model::blog::preview::MANIFEST);
    let previews: serde_json::Value = if preview_list.is_file() {
        files::read_json(&preview_list)?
    } else {
        serde_json::Value::Object(Default::default())
    };
    files::write(
        &build.file(FEED),
        feed::atom(config, &base_url, &posts, &previews),
    )?;
    files::write(
        &build.file("robots.txt"),
        format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}/{SITEMAP}\n"),
    )?;
    Ok(format!(
        "{SITEMAP} ({} URLs), {FEED} ({} posts), robots.txt",
        in_sitemap.len(),
        posts.len()
    ))
}

/// The sitemap: canonical addresses only, without a trailing slash, as every page's canonical
/// link writes them; a post's entry says when it last changed, so crawlers revisit it.
fn sitemap(base_url: &str, pages: &[&RenderedPage]) -> String {
    let urls: Vec<String> = pages
        .iter()
        .map(|page| {
            let lastmod = page
                .changed
                .as_ref()
                .map(|date| format!("<lastmod>{date}</lastmod>"))
                .unwrap_or_default();
            format!("  <url><loc>{base_url}{}</loc>{lastmod}</url>", page.path)
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n{}\n</urlset>\n",
        urls.join("\n")
    )
}

/// A base-path release build (`--public-url /clinic/`) is a publish folder as hosts take one:
/// the site in its folder (`clinic/`), and at the root what hosts read only there: `_headers`
/// (whose rules carry the folder), `_redirects`, `robots.txt`, and the Not Found page for
/// unknown addresses. (`trunk serve --public-url /clinic/` serves its folder as the site.)
pub fn move_into_base_path(build: &Build) -> Result<(), String> {
    const AT_ROOT: [&str; 3] = ["_headers", "_redirects", "robots.txt"];
    let mut entries = Vec::new();
    for entry in
        std::fs::read_dir(&build.dir).map_err(|e| format!("{}: {e}", build.dir.display()))?
    {
        let entry = entry.map_err(|e| e.to_string())?;
        entries.push(entry.file_name().to_string_lossy().into_owned());
    }
    let folder = build
        .public_url
        .split('/')
        .filter(|s| !s.is_empty())
        .fold(build.dir.clone(), |path, segment| path.join(segment));
    std::fs::create_dir_all(&folder).map_err(|e| format!("{}: {e}", folder.display()))?;
    for entry in entries.iter().filter(|e| !AT_ROOT.contains(&e.as_str())) {
        files::rename(&build.file(entry), &folder.join(entry))?;
    }
    std::fs::copy(folder.join(NOT_FOUND_PAGE), build.file(NOT_FOUND_PAGE))
        .map_err(|e| format!("{NOT_FOUND_PAGE}: {e}"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sitemap_lists_canonical_addresses_with_a_posts_last_change() {
        let page = |path: &str, changed: Option<&str>| RenderedPage {
            path: path.into(),
            file: String::new(),
            part: None,
            in_sitemap: true,
            precached: false,
            changed: changed.map(str::to_string),
        };
        let (home, post) = (page("/", None), page("/blog/a", Some("2025-03-04")));
        assert_eq!(
            sitemap("https://x.test/clinic", &[&home, &post]),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n  <url><loc>https://x.test/clinic/</loc></url>\n  <url><loc>https://x.test/clinic/blog/a</loc><lastmod>2025-03-04</lastmod></url>\n</urlset>\n"
        );
    }
}
