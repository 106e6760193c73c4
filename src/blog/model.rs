//! The post content model (what `public/posts/*.json` holds) and the checks a post must pass
//! before it is shown. Text is always text: nothing here is ever rendered as markup.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::{count_words, reading_minutes};

/// One article, as stored in `public/posts/<slug>.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Post {
    /// Lowercase words joined by hyphens; also the file name and the URL segment.
    pub slug: String,
    pub title: String,
    /// One or two sentences: the meta description and the excerpt on cards.
    pub description: String,
    pub author: String,
    /// ISO date, "YYYY-MM-DD".
    pub published: String,
    /// ISO date of the last meaningful change, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// Who checked the medical content, and when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<Review>,
    pub tags: Vec<String>,
    pub hero: Image,
    pub body: Vec<Block>,
}

/// A medical review of a post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The reviewer's name and credentials.
    pub by: String,
    /// ISO date of the review.
    pub on: String,
    /// ISO date the next review is due, when it is not a year after `on` (see [`Review::due`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_due: Option<String>,
}

impl Review {
    /// When the content should be checked again: `next_due`, else one year after `on`
    /// (29 February falls back to the 28th). `None` when the dates are not ISO dates.
    pub fn due(&self) -> Option<String> {
        if let Some(due) = &self.next_due {
            return is_iso_date(due).then(|| due.clone());
        }
        if !is_iso_date(&self.on) {
            return None;
        }
        let (year, rest) = self.on.split_once('-')?;
        let next = year.parse::<u32>().ok()? + 1;
        let rest = if rest == "02-29" { "02-28" } else { rest };
        Some(format!("{next:04}-{rest}"))
    }
}

/// An image with its intrinsic size, so the page reserves its space before it loads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
/// Read through [`RawBlock`] rather than serde's internally tagged enums, which buffer every
/// block in a generic tree first and cost about 20 KB of wasm; the JSON is the same.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", try_from = "RawBlock")]
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

/// Every field any block may have, flat, as the post file spells it; [`Block::try_from`]
/// then checks that a block has what its type needs and nothing that belongs to another type.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlock {
    #[serde(rename = "type")]
    kind: String,
    level: Option<u8>,
    text: Option<String>,
    content: Option<Vec<Inline>>,
    ordered: Option<bool>,
    items: Option<Vec<Vec<Inline>>>,
    src: Option<String>,
    alt: Option<String>,
    decorative: Option<bool>,
    caption: Option<String>,
    width: Option<u32>,
    height: Option<u32>,
    srcset: Option<String>,
    attribution: Option<String>,
    label: Option<String>,
    href: Option<String>,
    authors: Option<String>,
    title: Option<String>,
    journal: Option<String>,
    year: Option<u16>,
    doi: Option<String>,
    url: Option<String>,
    summary: Option<String>,
}

impl TryFrom<RawBlock> for Block {
    type Error = String;

    fn try_from(raw: RawBlock) -> Result<Block, String> {
        let kind = raw.kind.as_str();
        // Which fields each type may have; any other field present is a mistake.
        let allowed: &[&str] = match kind {
            "heading" => &["level", "text"],
            "paragraph" => &["content"],
            "list" => &["ordered", "items"],
            "image" => &[
                "src",
                "alt",
                "decorative",
                "caption",
                "width",
                "height",
                "srcset",
            ],
            "quote" => &["text", "attribution"],
            "cta" => &["text", "label", "href"],
            "citation" => &[
                "authors", "title", "journal", "year", "doi", "url", "summary",
            ],
            other => {
                return Err(format!(
                    "unknown block type `{other}`, expected one of `heading`, `paragraph`, \
                     `list`, `image`, `quote`, `cta`, `citation`"
                ))
            }
        };
        let present = [
            ("level", raw.level.is_some()),
            ("text", raw.text.is_some()),
            ("content", raw.content.is_some()),
            ("ordered", raw.ordered.is_some()),
            ("items", raw.items.is_some()),
            ("src", raw.src.is_some()),
            ("alt", raw.alt.is_some()),
            ("decorative", raw.decorative.is_some()),
            ("caption", raw.caption.is_some()),
            ("width", raw.width.is_some()),
            ("height", raw.height.is_some()),
            ("srcset", raw.srcset.is_some()),
            ("attribution", raw.attribution.is_some()),
            ("label", raw.label.is_some()),
            ("href", raw.href.is_some()),
            ("authors", raw.authors.is_some()),
            ("title", raw.title.is_some()),
            ("journal", raw.journal.is_some()),
            ("year", raw.year.is_some()),
            ("doi", raw.doi.is_some()),
            ("url", raw.url.is_some()),
            ("summary", raw.summary.is_some()),
        ];
        if let Some((field, _)) = present
            .iter()
            .find(|(field, here)| *here && !allowed.contains(field))
        {
            return Err(format!("unknown field `{field}` in a `{kind}` block"));
        }
        fn need<T>(value: Option<T>, field: &str, kind: &str) -> Result<T, String> {
            value.ok_or_else(|| format!("missing field `{field}` in a `{kind}` block"))
        }
        Ok(match kind {
            "heading" => Block::Heading {
                level: need(raw.level, "level", kind)?,
                text: need(raw.text, "text", kind)?,
            },
            "paragraph" => Block::Paragraph {
                content: need(raw.content, "content", kind)?,
            },
            "list" => Block::List {
                ordered: raw.ordered.unwrap_or(false),
                items: need(raw.items, "items", kind)?,
            },
            "image" => Block::Image(Image {
                src: need(raw.src, "src", kind)?,
                alt: raw.alt,
                decorative: raw.decorative.unwrap_or(false),
                caption: raw.caption,
                width: need(raw.width, "width", kind)?,
                height: need(raw.height, "height", kind)?,
                srcset: raw.srcset,
            }),
            "quote" => Block::Quote {
                text: need(raw.text, "text", kind)?,
                attribution: raw.attribution,
            },
            "cta" => Block::Cta {
                text: need(raw.text, "text", kind)?,
                label: need(raw.label, "label", kind)?,
                href: need(raw.href, "href", kind)?,
            },
            _ => Block::Citation(Citation {
                authors: need(raw.authors, "authors", kind)?,
                title: need(raw.title, "title", kind)?,
                journal: need(raw.journal, "journal", kind)?,
                year: need(raw.year, "year", kind)?,
                doi: raw.doi,
                url: raw.url,
                summary: raw.summary,
            }),
        })
    }
}

/// A reference to published research.
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
#[serde(rename_all = "snake_case", deny_unknown_fields)]
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

fn is_http_url(s: &str) -> bool {
    crate::paths::is_web_url(s, false)
}

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

    /// Every image of the post, hero first, with where it sits ("hero image", "block 4").
    pub fn images(&self) -> Vec<(String, &Image)> {
        let mut images = vec![("hero image".to_string(), &self.hero)];
        for (index, block) in self.body.iter().enumerate() {
            if let Block::Image(image) = block {
                images.push((format!("block {index}"), image));
            }
        }
        images
    }

    /// Words of the readable body (headings, paragraphs, lists, quotes, captions).
    pub fn word_count(&self) -> usize {
        self.body
            .iter()
            .map(|block| match block {
                Block::Heading { text, .. } | Block::Quote { text, .. } => count_words(text),
                Block::Paragraph { content } => count_inlines(content),
                Block::List { items, .. } => items.iter().map(|i| count_inlines(i)).sum(),
                Block::Image(image) => image.caption.as_deref().map_or(0, count_words),
                Block::Cta { text, .. } => count_words(text),
                Block::Citation(c) => c.summary.as_deref().map_or(0, count_words),
            })
            .sum()
    }

    /// Minutes to read the post; computed, never stored in the post file.
    pub fn reading_minutes(&self) -> u32 {
        reading_minutes(self.word_count())
    }

    /// The index entry for this post.
    pub fn summary(&self) -> PostSummary {
        PostSummary {
            slug: self.slug.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            author: self.author.clone(),
            published: self.published.clone(),
            updated: self.updated.clone(),
            tags: self.tags.clone(),
            hero: self.hero.clone(),
            reading_minutes: self.reading_minutes(),
        }
    }

    /// The newest date of the post: its update if any, else its publication.
    pub fn modified(&self) -> &str {
        self.updated.as_deref().unwrap_or(&self.published)
    }
}

fn count_inlines(spans: &[Inline]) -> usize {
    let joined: Vec<&str> = spans.iter().map(Inline::text).collect();
    count_words(&joined.concat())
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

/// "YYYY-MM-DD" with a plausible month and day (the calendar is the browser's business).
pub fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |p: &str, len: usize| {
        (p.len() == len && p.chars().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (number(year, 4), number(month, 2), number(day, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

/// One entry of `public/posts/index.json`: everything a card needs, derived from the post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostSummary {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub author: String,
    pub published: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    pub tags: Vec<String>,
    pub hero: Image,
    pub reading_minutes: u32,
}

/// The index for a set of posts: one summary each, newest first (ties by slug).
pub fn build_index(posts: &[Post]) -> Vec<PostSummary> {
    let mut index: Vec<PostSummary> = posts.iter().map(Post::summary).collect();
    index.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    index
}

#[cfg(test)]
impl PostSummary {
    /// A minimal summary for tests: title = slug, published 2024-01-01, a placeholder hero.
    pub(crate) fn fixture(slug: &str, tags: &[&str]) -> Self {
        PostSummary {
            slug: slug.into(),
            title: slug.into(),
            description: String::new(),
            author: "A".into(),
            published: "2024-01-01".into(),
            updated: None,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            hero: Image {
                src: "images/x.svg".into(),
                alt: Some("x".into()),
                decorative: false,
                caption: None,
                width: 1,
                height: 1,
                srcset: None,
            },
            reading_minutes: 1,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use serde_json::{json, Value};

    /// A small valid post as JSON, for tests to bend.
    pub(crate) fn sample() -> Value {
        json!({
            "slug": "lifting-safely",
            "title": "Lifting safely",
            "description": "Bend your knees.",
            "author": "Dr. Maya Okafor, DC",
            "published": "2024-05-07",
            "reviewed": {"by": "Dr. Lee Hart, DC", "on": "2024-05-08"},
            "tags": ["lifting", "prevention"],
            "hero": {"src": "images/lifting.svg", "alt": "A person lifting a box with bent knees", "width": 640, "height": 360},
            "body": [
                {"type": "heading", "level": 2, "text": "Why it matters"},
                {"type": "paragraph", "content": [{"text": "Keep the load "}, {"strong": "close"}, {"text": ". See "}, {"link": {"text": "the checklist", "href": "/symptoms"}}]},
                {"type": "list", "ordered": true, "items": [[{"text": "Plan the lift"}], [{"emphasis": "Bend"}, {"text": " your knees"}]]},
                {"type": "image", "src": "images/box.svg", "decorative": true, "width": 10, "height": 10},
                {"type": "quote", "text": "Slow is smooth.", "attribution": "Our front desk"},
                {"type": "cta", "text": "Still sore?", "label": "Contact us", "href": "/contact"},
                {"type": "citation", "authors": "Goertz CM, et al.", "title": "A trial", "journal": "JAMA Network Open", "year": 2018, "doi": "10.1001/jamanetworkopen.2018.0105"}
            ]
        })
    }

    fn parse(v: Value) -> Result<Post, String> {
        Post::parse(&v.to_string())
    }

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
    fn a_missing_field_is_named_by_the_parser() {
        let mut v = sample();
        v.as_object_mut().unwrap().remove("title");
        assert!(parse(v).unwrap_err().contains("title"));
    }

    #[test]
    fn an_unknown_block_type_is_rejected() {
        let mut v = sample();
        v["body"][0] = json!({"type": "html", "text": "<b>hi</b>"});
        assert!(parse(v).unwrap_err().contains("html"));
    }

    #[test]
    fn unknown_fields_are_rejected_so_typos_surface() {
        let mut v = sample();
        v["hero"]["alt_text"] = json!("x");
        assert!(parse(v).unwrap_err().contains("alt_text"));
    }

    #[test]
    fn a_misspelt_or_misplaced_block_field_is_rejected() {
        let mut v = sample();
        v["body"][0]["txet"] = json!("x");
        assert!(parse(v).unwrap_err().contains("txet"));
        let mut v = sample();
        v["body"][4]["caption"] = json!("A quote has an attribution, not a caption");
        let err = parse(v).unwrap_err();
        assert!(err.contains("caption") && err.contains("quote"), "{err}");
    }

    #[test]
    fn a_block_missing_a_field_names_the_field() {
        let mut v = sample();
        v["body"][5].as_object_mut().unwrap().remove("label");
        let err = parse(v).unwrap_err();
        assert!(err.contains("label") && err.contains("cta"), "{err}");
    }

    #[test]
    fn blocks_read_back_what_they_write() {
        let post = parse(sample()).unwrap();
        let json = serde_json::to_string(&post.body).unwrap();
        let back: Vec<Block> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, post.body);
    }

    #[test]
    fn a_review_is_due_a_year_later_unless_a_date_is_given() {
        let mut review = Review {
            by: "Dr. Lee Hart, DC".into(),
            on: "2024-05-08".into(),
            next_due: None,
        };
        assert_eq!(review.due().as_deref(), Some("2025-05-08"));
        review.on = "2024-02-29".into();
        assert_eq!(review.due().as_deref(), Some("2025-02-28"));
        review.next_due = Some("2024-11-01".into());
        assert_eq!(review.due().as_deref(), Some("2024-11-01"));
        let mut v = sample();
        v["reviewed"]["next_due"] = json!("soon");
        assert!(parse(v).unwrap_err().contains("next_due"));
    }

    #[test]
    fn an_unordered_list_is_written_without_the_ordered_flag() {
        let list = Block::List {
            ordered: false,
            items: vec![vec![Inline::Text("a".into())]],
        };
        let json = serde_json::to_value(&list).unwrap();
        assert!(json.get("ordered").is_none(), "{json}");
        assert_eq!(serde_json::from_value::<Block>(json).unwrap(), list);
    }

    #[test]
    fn dates_must_be_iso() {
        let mut v = sample();
        v["published"] = json!("07/05/2024");
        assert!(parse(v).unwrap_err().contains("published"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2024-13-01"));
        assert!(!is_iso_date("2024-1-01"));
    }

    #[test]
    fn slugs_and_tags_are_lowercase_hyphenated_words() {
        assert!(is_slug("back-spasm-symptoms"));
        assert!(!is_slug("Back-Spasms"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("../etc"));
        let mut v = sample();
        v["tags"] = json!([]);
        assert!(parse(v).unwrap_err().contains("tags"));
    }

    #[test]
    fn text_that_looks_like_markup_stays_text() {
        let mut v = sample();
        v["title"] = json!("<script>alert(1)</script>");
        assert_eq!(parse(v).unwrap().title, "<script>alert(1)</script>");
    }

    #[test]
    fn reading_time_is_computed_from_the_body() {
        let post = parse(sample()).unwrap();
        // heading 3 + paragraph 7 + list 6 + quote 3 + call to action 2 words
        assert_eq!(post.word_count(), 21);
        assert_eq!(post.reading_minutes(), 1);
    }

    #[test]
    fn the_index_is_newest_first() {
        let a = parse(sample()).unwrap();
        let mut b = a.clone();
        b.slug = "newer".into();
        b.published = "2025-01-01".into();
        let index = build_index(&[a, b]);
        assert_eq!(index[0].slug, "newer");
        assert_eq!(index[1].slug, "lifting-safely");
        assert_eq!(index[1].reading_minutes, 1);
    }
}
