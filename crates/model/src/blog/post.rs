//! A post as the site stores it (`public/posts/<slug>.json`) and its index entry: the schema,
//! and what is derived from it (words, reading time, summary). Text is always text.
//!
//! Read leniently, down to the blocks and spans: a field this version does not know is ignored,
//! so a tab opened before a deploy that adds one still reads the new files. Typos are the
//! content build's to refuse, in the front matter the files are built from; it also checks
//! that the committed files are exactly what it builds.

use serde::{Deserialize, Serialize};

use super::blocks::{Block, Image, Inline};
use super::date::is_iso_date;
use super::reading::{count_words, reading_minutes};
use crate::lang::Lang;

/// One article, as stored in `public/posts/<slug>.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Post {
    /// Lowercase words joined by hyphens; also the file name and the URL segment. Unique
    /// across languages: every post's file is `posts/<slug>.json`.
    pub slug: String,
    /// The language it is written in; English when a file does not say.
    #[serde(default)]
    pub lang: Lang,
    /// The slug of the same post in the other language, if it has been translated: set by the
    /// content build on both posts of a pair (the translation names its original).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
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

impl Post {
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
            lang: self.lang,
            translation: self.translation.clone(),
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

/// Words of a run of spans, read as one text (a word may run across spans: "close" + ".").
fn count_inlines(spans: &[Inline]) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for c in spans.iter().flat_map(|span| span.text().chars()) {
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            words += 1;
        }
    }
    words
}

/// One entry of a language's index (`public/posts/index.json` for English, see
/// [`crate::site_files::post_index`]): everything a card needs, derived from the post.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PostSummary {
    pub slug: String,
    #[serde(default)]
    pub lang: Lang,
    /// The slug of the same post in the other language, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
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

/// The index of `lang`'s posts among `posts`: one summary each, newest first (ties by slug).
/// Each language has its own ([`crate::site_files::post_index`]), so a listing, its topics
/// and a post's related posts only ever see posts in the page's language.
pub fn build_index(posts: &[Post], lang: Lang) -> Vec<PostSummary> {
    let mut index: Vec<PostSummary> = posts
        .iter()
        .filter(|post| post.lang == lang)
        .map(Post::summary)
        .collect();
    index.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.slug.cmp(&b.slug))
    });
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blog::fixtures::{parse, sample};
    use serde_json::json;

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
    fn reading_time_is_computed_from_the_body() {
        let post = parse(sample()).unwrap();
        // heading 3 + paragraph 7 + list 6 + quote 3 + call to action 2 words
        assert_eq!(post.word_count(), 21);
        assert_eq!(post.reading_minutes(), 1);
    }

    #[test]
    fn a_post_with_fields_this_version_does_not_know_reads_as_without_them() {
        let mut v = sample();
        v["series"] = json!({"name": "Back basics", "part": 2});
        v["hero"]["focal_point"] = json!([0.5, 0.3]);
        v["reviewed"]["credentials_url"] = json!("https://clinic.example/team");
        v["body"][3]["loading"] = json!("lazy");
        v["body"][6]["pmid"] = json!("29879283");
        assert_eq!(parse(v), parse(sample()));
    }

    #[test]
    fn an_index_entry_with_fields_this_version_does_not_know_reads_as_without_them() {
        let entry = parse(sample()).unwrap().summary();
        let mut v = serde_json::to_value(&entry).unwrap();
        v["series"] = json!("Back basics");
        v["hero"]["focal_point"] = json!([0.5, 0.3]);
        let index: Vec<PostSummary> = serde_json::from_value(json!([v])).unwrap();
        assert_eq!(index, vec![entry]);
    }

    #[test]
    fn the_index_is_newest_first() {
        let a = parse(sample()).unwrap();
        let mut b = a.clone();
        b.slug = "newer".into();
        b.published = "2025-01-01".into();
        let index = build_index(&[a, b], Lang::En);
        assert_eq!(index[0].slug, "newer");
        assert_eq!(index[1].slug, "lifting-safely");
        assert_eq!(index[1].reading_minutes, 1);
    }

    #[test]
    fn each_language_has_its_own_index_and_an_entry_keeps_its_translation() {
        let english = Post {
            translation: Some("levantar-peso-con-cuidado".into()),
            ..parse(sample()).unwrap()
        };
        let spanish = Post {
            slug: "levantar-peso-con-cuidado".into(),
            lang: Lang::Es,
            translation: Some("lifting-safely".into()),
            ..english.clone()
        };
        let posts = [english, spanish];
        let slugs = |lang| -> Vec<(String, Option<String>)> {
            build_index(&posts, lang)
                .into_iter()
                .map(|entry| (entry.slug, entry.translation))
                .collect()
        };
        assert_eq!(
            slugs(Lang::En),
            [(
                "lifting-safely".into(),
                Some("levantar-peso-con-cuidado".into())
            )]
        );
        assert_eq!(
            slugs(Lang::Es),
            [(
                "levantar-peso-con-cuidado".into(),
                Some("lifting-safely".into())
            )]
        );
    }

    #[test]
    fn a_post_file_without_a_language_is_english_and_one_with_it_says_so() {
        let post = parse(sample()).unwrap();
        assert_eq!((post.lang, post.translation.as_deref()), (Lang::En, None));
        let mut v = sample();
        v["lang"] = json!("es");
        v["translation"] = json!("lifting-safely-en");
        let post = parse(v).unwrap();
        assert_eq!(post.lang, Lang::Es);
        assert_eq!(post.translation.as_deref(), Some("lifting-safely-en"));
        let written = serde_json::to_value(&post).unwrap();
        assert_eq!(written["lang"], "es");
        assert_eq!(written["translation"], "lifting-safely-en");
        let untranslated = serde_json::to_value(parse(sample()).unwrap()).unwrap();
        assert_eq!(untranslated["lang"], "en");
        assert!(untranslated.get("translation").is_none());
    }
}
