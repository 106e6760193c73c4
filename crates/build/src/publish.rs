//! What crawlers and feed readers read: the sitemap (each post with its last change), the
//! Atom feed and `robots.txt`, from the configuration's address and the pages rendered; and a
//! base-path build's publish folder.

use clinic_model::config::SiteConfig;
use clinic_model::lang::Lang;
use clinic_model::site_files::{feed_file, post_index, RenderedPage, NOT_FOUND_PAGE, SITEMAP};

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
    let preview_list = build.file(clinic_model::blog::preview::MANIFEST);
    let previews: serde_json::Value = if preview_list.is_file() {
        files::read_json(&preview_list)?
    } else {
        serde_json::Value::Object(Default::default())
    };
    let mut feeds = Vec::new();
    for lang in Lang::ALL {
        let index = build.file(post_index(lang));
        let posts: Vec<serde_json::Value> = if index.is_file() {
            files::read_json(&index)?
        } else {
            Vec::new()
        };
        let feed = feed_file(lang);
        files::write(
            &build.file(feed),
            feed::atom(config, lang, &base_url, &posts, &previews),
        )?;
        feeds.push(format!("{feed} ({} posts)", posts.len()));
    }
    files::write(
        &build.file("robots.txt"),
        format!("User-agent: *\nAllow: /\n\nSitemap: {base_url}/{SITEMAP}\n"),
    )?;
    Ok(format!(
        "{SITEMAP} ({} URLs), {}, robots.txt",
        in_sitemap.len(),
        feeds.join(", ")
    ))
}

/// The sitemap: canonical addresses only, without a trailing slash, as every page's canonical
/// link writes them; a post's entry says when it last changed, so crawlers revisit it. A page
/// with the same page in the other language lists both, and English as `x-default`, as its
/// `hreflang` links do.
fn sitemap(base_url: &str, pages: &[&RenderedPage]) -> String {
    let urls: Vec<String> = pages
        .iter()
        .map(|page| {
            let lastmod = page
                .changed
                .as_ref()
                .map(|date| format!("<lastmod>{date}</lastmod>"))
                .unwrap_or_default();
            let alternates = page
                .alternate
                .as_ref()
                .map(|other| {
                    let (english, spanish) = match page.lang {
                        Lang::En => (&page.path, other),
                        Lang::Es => (other, &page.path),
                    };
                    [("en", english), ("es", spanish), ("x-default", english)]
                        .iter()
                        .map(|(code, path)| {
                            format!("<xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{base_url}{path}\"/>")
                        })
                        .collect::<String>()
                })
                .unwrap_or_default();
            format!(
                "  <url><loc>{base_url}{}</loc>{lastmod}{alternates}</url>",
                page.path
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n{}\n</urlset>\n",
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
            lang: Lang::En,
            alternate: None,
            file: String::new(),
            part: None,
            in_sitemap: true,
            precached: false,
            changed: changed.map(str::to_string),
        };
        let (home, post) = (page("/", None), page("/blog/a", Some("2025-03-04")));
        assert_eq!(
            sitemap("https://x.test/clinic", &[&home, &post]),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n  <url><loc>https://x.test/clinic/</loc></url>\n  <url><loc>https://x.test/clinic/blog/a</loc><lastmod>2025-03-04</lastmod></url>\n</urlset>\n"
        );
    }

    #[test]
    fn a_page_in_both_languages_lists_both_from_each_with_english_as_the_default() {
        let page = |path: &str, lang: Lang, other: &str| RenderedPage {
            path: path.into(),
            lang,
            alternate: Some(other.into()),
            file: String::new(),
            part: None,
            in_sitemap: true,
            precached: false,
            changed: None,
        };
        let english = page("/contact", Lang::En, "/es/contacto");
        let spanish = page("/es/contacto", Lang::Es, "/contact");
        let links = "<xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://x.test/contact\"/><xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://x.test/es/contacto\"/><xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://x.test/contact\"/>";
        let map = sitemap("https://x.test", &[&english, &spanish]);
        assert!(
            map.contains(&format!("<loc>https://x.test/contact</loc>{links}</url>")),
            "{map}"
        );
        assert!(
            map.contains(&format!(
                "<loc>https://x.test/es/contacto</loc>{links}</url>"
            )),
            "{map}"
        );
    }
}
