//! The blocks of a post's body and the inline text inside them, as the post file spells them.
//! Text is always text: nothing here is ever rendered as markup. They are read through
//! `super::block_wire`.

use serde::{Deserialize, Serialize};

/// An image with its intrinsic size, so the page reserves its space before it loads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Image {
    /// Relative to the site ("images/desk.svg"), or an absolute https URL.
    pub src: String,
    /// What the image shows, for people who cannot see it. Required unless decorative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alt: Option<String>,
    /// Marks an image that adds nothing to the text; it gets an empty alt.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub decorative: bool,
    /// Longer descriptions belong here, shown under the image.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    pub width: u32,
    pub height: u32,
    /// For a photo: its WebP copies at a few widths, as the `srcset` attribute reads them
    /// ("images/generated/x-…-480.webp 480w, …"). Written by the content build, never by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub srcset: Option<String>,
}

impl Image {
    /// The `alt` attribute to render: empty for decorative images.
    pub fn alt_text(&self) -> String {
        if self.decorative {
            String::new()
        } else {
            self.alt.clone().unwrap_or_default()
        }
    }
}

/// One block of a post's body.
///
/// Read through `super::block_wire` rather than serde's internally tagged enums, which buffer every
/// block in a generic tree first and cost about 20 KB of wasm; the JSON is the same.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A section heading, level 2 to 4 (the title is the only level 1).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        content: Vec<Inline>,
    },
    /// A bulleted (or, with `ordered`, numbered) list; each item is a run of inline spans.
    List {
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Image(Image),
    Quote {
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        attribution: Option<String>,
    },
    /// A highlighted invitation to act, e.g. "Use the symptom checklist".
    Cta {
        text: String,
        label: String,
        href: String,
    },
    Citation(Citation),
}

/// A reference to published research.
///
/// Strict, unlike the rest of a post: post files read it through `super::block_wire`, which
/// ignores unknown fields, so its own `Deserialize` only reads the content build's
/// `citation` fences in Markdown, where an unknown field is an author's typo.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// As printed, e.g. "Goertz CM, Long CR, Vining RD, et al."
    pub authors: String,
    pub title: String,
    pub journal: String,
    pub year: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What the study found, in plain words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
}

impl Citation {
    /// Where the reader can find the study: the DOI resolver, else the URL.
    pub fn link(&self) -> Option<String> {
        self.doi
            .as_ref()
            .map(|doi| format!("https://doi.org/{doi}"))
            .or_else(|| self.url.clone())
    }
}

/// A run of text inside a paragraph or list item: `{"text": "…"}`, `{"strong": "…"}`,
/// `{"emphasis": "…"}` or `{"link": {"text": "…", "href": "…"}}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Inline {
    Text(String),
    Emphasis(String),
    Strong(String),
    Link { text: String, href: String },
}

impl Inline {
    /// The words the reader sees.
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(t) | Inline::Emphasis(t) | Inline::Strong(t) => t,
            Inline::Link { text, .. } => text,
        }
    }
}

/// Where a link in a post points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// A path of this site ("/symptoms"); rendered through `paths::href`.
    Internal(String),
    /// An http(s) URL elsewhere.
    External(String),
}

impl LinkTarget {
    /// Classifies a link; anything that is not http(s) or a site path is refused
    /// (`javascript:`, `data:`, protocol-relative `//host`, relative paths…).
    pub fn parse(href: &str) -> Option<LinkTarget> {
        let href = href.trim();
        if href.starts_with('/') && !href.starts_with("//") && !href.contains('\\') {
            Some(LinkTarget::Internal(href.to_string()))
        } else if is_http_url(href) {
            Some(LinkTarget::External(href.to_string()))
        } else {
            None
        }
    }
}

pub(crate) fn is_http_url(s: &str) -> bool {
    crate::paths::is_web_url(s, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blog::fixtures::{parse, sample};
    use serde_json::json;

    #[test]
    fn a_citation_links_to_the_doi_resolver() {
        let post = parse(sample()).unwrap();
        let Block::Citation(c) = &post.body[6] else {
            panic!("citation")
        };
        assert_eq!(
            c.link().unwrap(),
            "https://doi.org/10.1001/jamanetworkopen.2018.0105"
        );
    }

    #[test]
    fn an_image_field_this_version_does_not_know_is_ignored_but_a_missing_one_is_named() {
        let mut v = sample();
        v["hero"]["focal_point"] = json!([0.5, 0.3]);
        assert_eq!(parse(v), parse(sample()));
        let mut v = sample();
        let hero = v["hero"].as_object_mut().unwrap();
        let width = hero.remove("width").unwrap();
        hero.insert("widht".into(), width);
        assert!(parse(v).unwrap_err().contains("missing field `width`"));
    }
}
