//! The Atom feed of each language's posts (RFC 4287), from its post index: what
//! feed readers and "follow this site" buttons subscribe to. Every page's head links it
//! ([`crate::head`]), and so does the blog listing. Its pictures are the raster copies of the
//! heroes the content build drew (`previews`, slug → `{src, type}`): feed readers show those,
//! where many would not show an SVG.

use clinic_model::config::SiteConfig;
use clinic_model::lang::Lang;
use clinic_model::routes::{route, Page};
use clinic_model::site_files::feed_file;
use clinic_model::text::{blog::BlogText, fill};
use serde_json::Value;

/// Text safe inside an XML element or a quoted attribute.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
    out
}

/// An ISO date ("2025-03-04") as the timestamp Atom requires: midnight UTC that day.
fn stamp(date: &str) -> String {
    format!("{date}T00:00:00Z")
}

fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

/// When a post last changed.
fn changed(post: &Value) -> &str {
    post.get("updated")
        .and_then(Value::as_str)
        .unwrap_or_else(|| text(post, "published"))
}

/// The feed of `lang`'s posts (`posts`, from that language's index).
pub fn atom(
    config: &SiteConfig,
    lang: Lang,
    base_url: &str,
    posts: &[Value],
    previews: &Value,
) -> String {
    let post_route = route(Page::Post);
    let latest = posts.iter().map(changed).max().unwrap_or("1970-01-01");
    let entries: Vec<String> = posts
        .iter()
        .map(|post| {
            let slug = text(post, "slug");
            let url = format!("{base_url}{}", post_route.path_in(lang, Some(slug)));
            let preview = previews.get(slug);
            let hero = post.get("hero").unwrap_or(&Value::Null);
            let src = preview
                .and_then(|p| p.get("src"))
                .and_then(Value::as_str)
                .unwrap_or_else(|| text(hero, "src"));
            let image = if src.starts_with("http:") || src.starts_with("https:") {
                src.to_string()
            } else {
                format!("{base_url}/{src}")
            };
            let lower = image.to_ascii_lowercase();
            let media_type = preview
                .and_then(|p| p.get("type"))
                .and_then(Value::as_str)
                .unwrap_or(if lower.ends_with(".svg") {
                    "image/svg+xml"
                } else if lower.ends_with(".png") {
                    "image/png"
                } else if lower.ends_with(".webp") {
                    "image/webp"
                } else {
                    "image/jpeg"
                });
            let categories: Vec<String> = post
                .get("tags")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(|tag| format!("    <category term=\"{}\"/>", xml(tag)))
                .collect();
            format!(
                "  <entry>
    <title>{title}</title>
    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>
    <link rel=\"enclosure\" type=\"{media_type}\" href=\"{image}\" title=\"{alt}\"/>
    <id>{url}</id>
    <published>{published}</published>
    <updated>{updated}</updated>
    <author><name>{author}</name></author>
{categories}
    <summary>{summary}</summary>
  </entry>",
                title = xml(text(post, "title")),
                url = xml(&url),
                image = xml(&image),
                alt = xml(text(hero, "alt")),
                published = stamp(text(post, "published")),
                updated = stamp(changed(post)),
                author = xml(text(post, "author")),
                categories = categories.join("\n"),
                summary = xml(text(post, "description")),
            )
        })
        .collect();
    let blog = format!("{base_url}{}", route(Page::Blog).path_in(lang, None));
    let title = fill(
        BlogText::of(lang).feed_title,
        &[("clinic", &config.clinic_name)],
    );
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>
<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{lang}\">
  <title>{title}</title>
  <subtitle>{tagline}</subtitle>
  <link rel=\"alternate\" type=\"text/html\" href=\"{blog}\"/>
  <link rel=\"self\" type=\"application/atom+xml\" href=\"{base}/{feed}\"/>
  <id>{blog}</id>
  <updated>{latest}</updated>
  <author><name>{name}</name></author>
{entries}
</feed>
",
        lang = lang.code(),
        title = xml(&title),
        feed = feed_file(lang),
        name = xml(&config.clinic_name),
        tagline = xml(config.tagline.get(lang)),
        blog = xml(&blog),
        base = xml(base_url),
        latest = stamp(latest),
        entries = entries.join("\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(name: &str, tagline: &str) -> SiteConfig {
        let mut shipped: Value = serde_json::from_str(
            &std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../public/site.json"
            ))
            .unwrap(),
        )
        .unwrap();
        shipped["clinic_name"] = name.into();
        shipped["tagline"] = serde_json::json!({ "en": tagline, "es": tagline });
        SiteConfig::parse(&shipped.to_string()).unwrap()
    }

    fn child<'a, 'i>(node: roxmltree::Node<'a, 'i>, name: &str) -> roxmltree::Node<'a, 'i> {
        node.children()
            .find(|c| c.has_tag_name(name))
            .unwrap_or_else(|| panic!("no {name}"))
    }

    #[test]
    fn text_with_markup_characters_stays_text_and_every_entry_has_an_id_and_dates() {
        let tricky = r#"Tom & "Jerry" <b>bold</b> it's"#;
        let posts = [serde_json::json!({
            "slug": "a-b", "title": tricky, "description": "5 < 6 & \"so\"", "author": "O'Brien & Co",
            "published": "2025-01-02", "tags": ["x&y"], "hero": { "src": "images/a.jpg", "alt": "a \"quoted\" <alt>" },
        })];
        let feed = atom(
            &config(tricky, "<script>x</script>"),
            Lang::En,
            "https://example.test",
            &posts,
            &Value::Null,
        );
        assert!(
            !feed.contains("<b>") && !feed.contains("<script>"),
            "{feed}"
        );
        let doc = roxmltree::Document::parse(&feed).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(
            child(root, "title").text(),
            Some(format!("{tricky}: articles").as_str())
        );
        assert_eq!(child(root, "subtitle").text(), Some("<script>x</script>"));
        let entry = child(root, "entry");
        assert_eq!(child(entry, "title").text(), Some(tricky));
        assert_eq!(child(entry, "summary").text(), Some("5 < 6 & \"so\""));
        assert_eq!(
            child(child(entry, "author"), "name").text(),
            Some("O'Brien & Co")
        );
        assert_eq!(
            child(entry, "id").text(),
            Some("https://example.test/blog/a-b")
        );
        assert_eq!(
            child(entry, "published").text(),
            Some("2025-01-02T00:00:00Z")
        );
        assert_eq!(child(entry, "updated").text(), Some("2025-01-02T00:00:00Z"));
        assert_eq!(child(entry, "category").attribute("term"), Some("x&y"));
        let enclosure = entry
            .children()
            .find(|c| c.attribute("rel") == Some("enclosure"))
            .unwrap();
        assert_eq!(
            enclosure.attribute("href"),
            Some("https://example.test/images/a.jpg")
        );
        assert_eq!(enclosure.attribute("type"), Some("image/jpeg"));
        assert_eq!(enclosure.attribute("title"), Some("a \"quoted\" <alt>"));
    }

    #[test]
    fn a_drawn_preview_is_the_entrys_picture_and_the_feed_dates_from_its_newest_change() {
        let posts = [
            serde_json::json!({"slug": "a", "published": "2025-01-02", "updated": "2025-06-01", "hero": {"src": "images/a.svg"}}),
            serde_json::json!({"slug": "b", "published": "2025-03-04", "hero": {"src": "images/b.svg"}}),
        ];
        let previews =
            serde_json::json!({"a": {"src": "images/previews/a-1.png", "type": "image/png"}});
        let feed = atom(
            &config("C", "T"),
            Lang::En,
            "https://x.test",
            &posts,
            &previews,
        );
        assert!(feed.contains(r#"<link rel="enclosure" type="image/png" href="https://x.test/images/previews/a-1.png""#));
        assert!(feed.contains(
            r#"<link rel="enclosure" type="image/svg+xml" href="https://x.test/images/b.svg""#
        ));
        assert!(feed.contains("  <updated>2025-06-01T00:00:00Z</updated>\n  <author>"));
    }
}
