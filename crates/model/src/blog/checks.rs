//! The checks a post must pass before it is shown, beyond what serde reads: alt text, image
//! sizes, heading levels, dates, slugs and safe links. Each problem names the post and the block.

use thiserror::Error;

use super::blocks::{is_http_url, Block, Image, Inline, LinkTarget};
use super::date::is_iso_date;
use super::post::Post;
use crate::paths::is_slug;

/// Why a post cannot be shown; names the post and, where it can, the block.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("post \"{slug}\", {place}: {problem}")]
pub struct ContentError {
    pub slug: String,
    /// "hero image", "block 3", "field `published`"…
    pub place: String,
    pub problem: String,
}

impl Post {
    /// Parses a post file and checks it. Serde names a missing or mistyped field;
    /// the checks name the block.
    pub fn parse(json: &str) -> Result<Post, String> {
        let post: Post = serde_json::from_str(json).map_err(|e| e.to_string())?;
        post.validate().map_err(|e| e.to_string())?;
        Ok(post)
    }

    /// Checks what serde cannot: required alt text, heading levels, dates, safe links.
    pub fn validate(&self) -> Result<(), ContentError> {
        let fail = |place: &str, problem: &str| {
            Err(ContentError {
                slug: self.slug.clone(),
                place: place.to_string(),
                problem: problem.to_string(),
            })
        };
        if !is_slug(&self.slug) {
            return fail(
                "field `slug`",
                "must be lowercase letters, digits and single hyphens",
            );
        }
        if let Some(translation) = &self.translation {
            if !is_slug(translation) || *translation == self.slug {
                return fail(
                    "field `translation`",
                    "must be the slug of another post (lowercase letters, digits and single \
                     hyphens)",
                );
            }
        }
        for (field, value) in [
            ("title", &self.title),
            ("description", &self.description),
            ("author", &self.author),
        ] {
            if value.trim().is_empty() {
                return fail(&format!("field `{field}`"), "is empty");
            }
        }
        if !is_iso_date(&self.published) {
            return fail("field `published`", "must be a date like 2024-05-07");
        }
        if self.updated.as_deref().is_some_and(|d| !is_iso_date(d)) {
            return fail("field `updated`", "must be a date like 2024-05-07");
        }
        if let Some(review) = &self.reviewed {
            if review.by.trim().is_empty() || !is_iso_date(&review.on) {
                return fail(
                    "field `reviewed`",
                    "needs a reviewer and a date like 2024-05-07",
                );
            }
            if review.next_due.as_deref().is_some_and(|d| !is_iso_date(d)) {
                return fail(
                    "field `reviewed`",
                    "`next_due` must be a date like 2024-05-07",
                );
            }
        }
        if self.tags.is_empty() || self.tags.iter().any(|t| !is_slug(t)) {
            return fail(
                "field `tags`",
                "needs at least one tag, each lowercase with hyphens",
            );
        }
        if let Err(problem) = check_image(&self.hero) {
            return fail("hero image", problem);
        }
        if self.body.is_empty() {
            return fail("field `body`", "is empty");
        }
        for (index, block) in self.body.iter().enumerate() {
            if let Err(problem) = check_block(block) {
                return fail(&format!("block {index}"), problem);
            }
        }
        Ok(())
    }
}

fn check_image(image: &Image) -> Result<(), &'static str> {
    let has_alt = image.alt.as_deref().is_some_and(|a| !a.trim().is_empty());
    if !image.decorative && !has_alt {
        return Err("image has no alt text; describe it or mark it \"decorative\": true");
    }
    if image.decorative && has_alt {
        return Err("a decorative image must not have alt text");
    }
    if image.width == 0 || image.height == 0 {
        return Err("image needs its width and height so the page does not shift");
    }
    let src = image.src.trim();
    let relative = !src.is_empty()
        && !src.starts_with('/')
        && !src.contains(':')
        && !src.split('/').any(|part| part == "..");
    if !relative && !src.starts_with("https://") {
        return Err("image src must be a path like images/x.svg or an https URL");
    }
    let is_candidate = |c: &str| {
        c.split_once(' ').is_some_and(|(path, w)| {
            path.starts_with("images/") && !path.contains("..") && w.ends_with('w')
        })
    };
    if image
        .srcset
        .as_deref()
        .is_some_and(|s| !s.split(", ").all(is_candidate))
    {
        return Err("image srcset must list files under images/ with their widths");
    }
    Ok(())
}

fn check_inlines(spans: &[Inline]) -> Result<(), &'static str> {
    if spans.is_empty() {
        return Err("has no text");
    }
    for span in spans {
        if let Inline::Link { href, text } = span {
            if LinkTarget::parse(href).is_none() {
                return Err("link must be http(s) or a site path starting with /");
            }
            if text.trim().is_empty() {
                return Err("link has no text");
            }
        }
    }
    Ok(())
}

fn check_block(block: &Block) -> Result<(), &'static str> {
    match block {
        Block::Heading { level, text } => {
            if !(2..=4).contains(level) {
                return Err("heading level must be 2, 3 or 4");
            }
            if text.trim().is_empty() {
                return Err("heading has no text");
            }
        }
        Block::Paragraph { content } => check_inlines(content)?,
        Block::List { items, .. } => {
            if items.is_empty() {
                return Err("list has no items");
            }
            for item in items {
                check_inlines(item)?;
            }
        }
        Block::Image(image) => check_image(image)?,
        Block::Quote { text, .. } => {
            if text.trim().is_empty() {
                return Err("quote has no text");
            }
        }
        Block::Cta { text, label, href } => {
            if text.trim().is_empty() || label.trim().is_empty() {
                return Err("call to action needs text and a label");
            }
            if LinkTarget::parse(href).is_none() {
                return Err("link must be http(s) or a site path starting with /");
            }
        }
        Block::Citation(c) => {
            if c.authors.trim().is_empty() || c.title.trim().is_empty() {
                return Err("citation needs authors and a title");
            }
            if c.doi.is_none() && c.url.is_none() {
                return Err("citation needs a DOI or a URL");
            }
            if c.url.as_deref().is_some_and(|u| !is_http_url(u)) {
                return Err("citation URL must be http(s)");
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blog::fixtures::{parse, sample};
    use serde_json::json;

    #[test]
    fn a_complete_post_parses_with_every_block_kind() {
        let post = parse(sample()).expect("valid");
        assert_eq!(post.body.len(), 7);
        assert!(matches!(post.body[0], Block::Heading { level: 2, .. }));
        assert!(matches!(&post.body[2], Block::List { ordered: true, items } if items.len() == 2));
        assert_eq!(post.reviewed.unwrap().by, "Dr. Lee Hart, DC");
    }

    #[test]
    fn an_image_without_alt_is_rejected_naming_the_post_and_block() {
        let mut v = sample();
        v["body"][3] = json!({"type": "image", "src": "images/box.svg", "width": 10, "height": 10});
        let err = parse(v).unwrap_err();
        assert!(
            err.contains("lifting-safely") && err.contains("block 3"),
            "{err}"
        );
        assert!(err.contains("alt"), "{err}");
    }

    #[test]
    fn a_hero_with_blank_alt_is_rejected() {
        let mut v = sample();
        v["hero"]["alt"] = json!("   ");
        let err = parse(v).unwrap_err();
        assert!(err.contains("hero image"), "{err}");
    }

    #[test]
    fn a_decorative_image_with_alt_text_is_contradictory() {
        let mut v = sample();
        v["body"][3]["alt"] = json!("A box");
        assert!(parse(v).unwrap_err().contains("decorative"));
    }

    #[test]
    fn an_image_without_size_is_rejected_because_it_would_shift_the_page() {
        let mut v = sample();
        v["hero"]["width"] = json!(0);
        assert!(parse(v).unwrap_err().contains("width"));
    }

    #[test]
    fn heading_levels_outside_two_to_four_are_rejected() {
        for level in [1, 5] {
            let mut v = sample();
            v["body"][0]["level"] = json!(level);
            let err = parse(v).unwrap_err();
            assert!(err.contains("block 0") && err.contains("level"), "{err}");
        }
    }

    #[test]
    fn links_must_be_http_or_site_paths() {
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "//evil.example",
            "symptoms",
            "http://",
        ] {
            let mut v = sample();
            v["body"][1]["content"][3]["link"]["href"] = json!(bad);
            let err = parse(v).unwrap_err();
            assert!(
                err.contains("block 1") && err.contains("link"),
                "{bad}: {err}"
            );
        }
        assert_eq!(
            LinkTarget::parse("https://doi.org/x"),
            Some(LinkTarget::External("https://doi.org/x".into()))
        );
        assert_eq!(
            LinkTarget::parse("/contact"),
            Some(LinkTarget::Internal("/contact".into()))
        );
    }

    #[test]
    fn a_call_to_action_with_an_unsafe_link_is_rejected() {
        let mut v = sample();
        v["body"][5]["href"] = json!("javascript:void(0)");
        assert!(parse(v).unwrap_err().contains("block 5"));
    }

    #[test]
    fn a_citation_needs_a_doi_or_url() {
        let mut v = sample();
        v["body"][6].as_object_mut().unwrap().remove("doi");
        assert!(parse(v).unwrap_err().contains("DOI"));
    }

    #[test]
    fn a_slug_or_tag_must_be_lowercase_hyphenated_words() {
        let mut v = sample();
        v["tags"] = json!([]);
        assert!(parse(v).unwrap_err().contains("tags"));
    }

    #[test]
    fn a_translation_must_name_another_post_by_its_slug() {
        for bad in ["Lifting Safely", "lifting-safely", ""] {
            let mut v = sample();
            v["translation"] = json!(bad);
            assert!(
                parse(v).unwrap_err().contains("field `translation`"),
                "{bad:?}"
            );
        }
        let mut v = sample();
        v["translation"] = json!("levantar-peso-con-cuidado");
        assert!(parse(v).is_ok());
    }

    #[test]
    fn text_that_looks_like_markup_stays_text() {
        let mut v = sample();
        v["title"] = json!("<script>alert(1)</script>");
        assert_eq!(parse(v).unwrap().title, "<script>alert(1)</script>");
    }

    #[test]
    fn a_missing_field_is_named_by_the_parser() {
        let mut v = sample();
        v.as_object_mut().unwrap().remove("title");
        assert!(parse(v).unwrap_err().contains("title"));
    }
}
