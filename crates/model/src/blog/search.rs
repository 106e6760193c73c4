//! Filtering the listing by topic (`/blog/topic/<tag>`) and searching titles, descriptions and tags (`?q=`).

use super::post::PostSummary;
use crate::paths::{encode_uri_component, href};

/// The listing's filter, as read from the URL.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only posts with this tag; `None` or empty means all.
    pub tag: Option<String>,
    /// Words that must all appear in the title, description or tags.
    pub query: String,
}

impl Filter {
    /// Whether anything narrows the listing.
    pub fn is_active(&self) -> bool {
        self.tag.as_deref().is_some_and(|t| !t.trim().is_empty()) || !self.query.trim().is_empty()
    }

    /// Whether `post` passes the filter. Case-insensitive; every query word must match.
    pub fn matches(&self, post: &PostSummary) -> bool {
        let tag_ok = match self.tag.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(tag) => post.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)),
            None => true,
        };
        if !tag_ok {
            return false;
        }
        let haystack = format!(
            "{} {} {}",
            post.title,
            post.description,
            post.tags.join(" ").replace('-', " ")
        )
        .to_lowercase();
        self.query
            .to_lowercase()
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }

    /// The posts that pass, in the order given (the index is newest first).
    pub fn apply<'a>(&self, posts: &'a [PostSummary]) -> Vec<&'a PostSummary> {
        posts.iter().filter(|p| self.matches(p)).collect()
    }

    /// The listing's address for this filter: a topic is a page of its own
    /// (`/blog/topic/posture`, pre-rendered, so it works without script), and the search words
    /// ride along as `?q=`. Without a topic it is `/blog`.
    pub fn path(&self) -> String {
        self.path_in(crate::lang::Lang::En)
    }

    /// [`Filter::path`] in `lang`'s blog (`/es/blog/tema/postura?q=…`).
    pub fn path_in(&self, lang: crate::lang::Lang) -> String {
        use crate::routes::{route, Page};
        let mut path = match self.tag.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            Some(tag) => route(Page::Topic).path_in(lang, Some(&encode_uri_component(tag))),
            None => route(Page::Blog).path_in(lang, None),
        };
        if !self.query.trim().is_empty() {
            path.push_str("?q=");
            path.push_str(&encode(&self.query));
        }
        path
    }
}

/// Every tag in use with how many posts carry it, sorted by name.
pub fn tag_counts(posts: &[PostSummary]) -> Vec<(String, usize)> {
    // A sorted Vec rather than a BTreeMap: a site has a few dozen tags, and the map's
    // code would be the only BTreeMap in the wasm.
    let mut counts: Vec<(String, usize)> = Vec::new();
    for tag in posts.iter().flat_map(|p| &p.tags) {
        let tag = tag.to_lowercase();
        match counts.binary_search_by(|(t, _)| t.as_str().cmp(&tag)) {
            Ok(i) => counts[i].1 += 1,
            Err(i) => counts.insert(i, (tag, 1)),
        }
    }
    counts
}

/// Turns a tag slug into words for people ("low-back-pain" → "low back pain").
pub fn tag_label(tag: &str) -> String {
    tag.replace('-', " ")
}

/// Percent-encodes a query value, with spaces as `+` as forms write them.
pub fn encode(value: &str) -> String {
    encode_uri_component(value).replace("%20", "+")
}

/// The in-app link to a topic's page (`/blog/topic/posture`).
pub fn tag_href(tag: &str) -> String {
    tag_href_in(crate::lang::Lang::En, tag)
}

/// [`tag_href`] in `lang`'s blog (`/es/blog/tema/postura`).
pub fn tag_href_in(lang: crate::lang::Lang, tag: &str) -> String {
    let filter = Filter {
        tag: Some(tag.to_string()),
        ..Filter::default()
    };
    href(&filter.path_in(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(slug: &str, title: &str, description: &str, tags: &[&str]) -> PostSummary {
        PostSummary {
            title: title.into(),
            description: description.into(),
            ..PostSummary::fixture(slug, tags)
        }
    }

    fn posts() -> Vec<PostSummary> {
        vec![
            post(
                "desk",
                "Desk posture",
                "Set up your chair and screen.",
                &["posture", "work"],
            ),
            post(
                "sleep",
                "Sleep positions",
                "Pillows help the spine rest.",
                &["sleep", "posture"],
            ),
            post(
                "lift",
                "Lifting safely",
                "Bend the knees.",
                &["lifting", "low-back-pain"],
            ),
        ]
    }

    fn slugs(found: Vec<&PostSummary>) -> Vec<&str> {
        found.iter().map(|p| p.slug.as_str()).collect()
    }

    #[test]
    fn no_filter_shows_every_post_in_order() {
        let all = posts();
        assert!(!Filter::default().is_active());
        assert_eq!(
            slugs(Filter::default().apply(&all)),
            ["desk", "sleep", "lift"]
        );
    }

    #[test]
    fn a_tag_keeps_only_posts_with_that_tag() {
        let all = posts();
        let f = Filter {
            tag: Some("posture".into()),
            query: String::new(),
        };
        assert_eq!(slugs(f.apply(&all)), ["desk", "sleep"]);
    }

    #[test]
    fn search_looks_in_title_description_and_tags_ignoring_case() {
        let all = posts();
        let by = |q: &str| {
            slugs(
                Filter {
                    tag: None,
                    query: q.into(),
                }
                .apply(&all),
            )
        };
        assert_eq!(by("DESK"), ["desk"]);
        assert_eq!(by("pillows"), ["sleep"]);
        assert_eq!(by("low back"), ["lift"]);
        assert_eq!(by("posture chair"), ["desk"]);
    }

    #[test]
    fn tag_and_search_combine() {
        let all = posts();
        let f = Filter {
            tag: Some("posture".into()),
            query: "spine".into(),
        };
        assert_eq!(slugs(f.apply(&all)), ["sleep"]);
    }

    #[test]
    fn nothing_matching_gives_an_empty_list() {
        let all = posts();
        let f = Filter {
            tag: Some("posture".into()),
            query: "knees".into(),
        };
        assert!(f.apply(&all).is_empty());
        assert!(f.is_active());
    }

    #[test]
    fn tags_are_counted_and_sorted() {
        assert_eq!(
            tag_counts(&posts()),
            [
                ("lifting".to_string(), 1),
                ("low-back-pain".to_string(), 1),
                ("posture".to_string(), 2),
                ("sleep".to_string(), 1),
                ("work".to_string(), 1)
            ]
        );
        assert_eq!(tag_label("low-back-pain"), "low back pain");
    }

    #[test]
    fn a_filter_is_a_topic_page_with_the_search_words_in_the_query() {
        let f = Filter {
            tag: Some("posture".into()),
            query: "neck & back".into(),
        };
        assert_eq!(f.path(), "/blog/topic/posture?q=neck+%26+back");
        let words_only = Filter {
            tag: None,
            query: "desk".into(),
        };
        assert_eq!(words_only.path(), "/blog?q=desk");
        assert_eq!(Filter::default().path(), "/blog");
    }

    #[test]
    fn tag_links_lead_to_the_topic_page_with_the_tag_encoded() {
        assert_eq!(tag_href("low-back-pain"), "/blog/topic/low-back-pain");
        assert_eq!(tag_href("a&b c"), "/blog/topic/a%26b%20c");
    }
}
