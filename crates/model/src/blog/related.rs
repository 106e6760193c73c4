//! "More posts": other posts ranked by how many tags they share with this one, then recency.

use super::post::PostSummary;

/// How many related posts the post page shows.
pub const RELATED_COUNT: usize = 3;

/// Up to `count` posts other than `slug`: most shared tags first, then newest, then by slug
/// so the order is stable. Posts sharing no tag still fill the list, newest first.
///
/// Within one language: `posts` is the page's language's index, and should entries of
/// another language be among them, only those in the language of `slug`'s own entry count.
pub fn related<'a>(
    slug: &str,
    tags: &[String],
    posts: &'a [PostSummary],
    count: usize,
) -> Vec<&'a PostSummary> {
    let shared = |p: &PostSummary| p.tags.iter().filter(|t| tags.contains(t)).count();
    let lang = posts.iter().find(|p| p.slug == slug).map(|p| p.lang);
    let mut others: Vec<(usize, &PostSummary)> = posts
        .iter()
        .filter(|p| p.slug != slug && lang.is_none_or(|lang| p.lang == lang))
        .map(|p| (shared(p), p))
        .collect();
    others.sort_by(|(sa, a), (sb, b)| {
        sb.cmp(sa)
            .then_with(|| b.published.cmp(&a.published))
            .then_with(|| a.slug.cmp(&b.slug))
    });
    others.into_iter().take(count).map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(slug: &str, published: &str, tags: &[&str]) -> PostSummary {
        PostSummary {
            published: published.into(),
            ..PostSummary::fixture(slug, tags)
        }
    }

    fn tags(t: &[&str]) -> Vec<String> {
        t.iter().map(|s| s.to_string()).collect()
    }

    fn ranked(slug: &str, t: &[&str], posts: &[PostSummary], n: usize) -> Vec<String> {
        related(slug, &tags(t), posts, n)
            .iter()
            .map(|p| p.slug.clone())
            .collect()
    }

    #[test]
    fn more_shared_tags_rank_higher() {
        let posts = vec![
            post("one", "2024-06-01", &["sleep"]),
            post("two", "2024-01-01", &["sleep", "posture"]),
            post("three", "2024-03-01", &["lifting"]),
        ];
        assert_eq!(
            ranked("me", &["sleep", "posture"], &posts, 3),
            ["two", "one", "three"]
        );
    }

    #[test]
    fn ties_go_to_the_newer_post() {
        let posts = vec![
            post("old", "2023-01-01", &["posture"]),
            post("new", "2024-01-01", &["posture"]),
        ];
        assert_eq!(ranked("me", &["posture"], &posts, 3), ["new", "old"]);
    }

    #[test]
    fn the_current_post_is_never_related_to_itself() {
        let posts = vec![
            post("me", "2024-01-01", &["posture"]),
            post("other", "2020-01-01", &[]),
        ];
        assert_eq!(ranked("me", &["posture"], &posts, 3), ["other"]);
    }

    #[test]
    fn posts_in_another_language_are_never_related() {
        let spanish = |slug, tags| PostSummary {
            lang: crate::lang::Lang::Es,
            ..post(slug, "2024-06-01", tags)
        };
        let posts = vec![
            spanish("yo", &["postura"]),
            spanish("otro", &[]),
            post("english", "2025-01-01", &["postura"]),
        ];
        assert_eq!(ranked("yo", &["postura"], &posts, 3), ["otro"]);
    }

    #[test]
    fn the_list_is_capped() {
        let posts: Vec<_> = (1..=6)
            .map(|i| post(&format!("p{i}"), &format!("2024-0{i}-01"), &["a"]))
            .collect();
        assert_eq!(ranked("x", &["a"], &posts, 3), ["p6", "p5", "p4"]);
    }
}
