//! Fetching the blog: the index once per visit, each post once; failures are never cached,
//! so "Retry" really asks the server again. Requests are aborted when the page that asked
//! for them goes away (see `get_json`), so call these inside the `Resource` fetcher.

use std::cell::RefCell;

use super::{get_json, FetchError};
use crate::blog::{Post, PostSummary};
use crate::paths::is_slug;

thread_local! {
    /// The last index fetched, with its language (the build renders both languages' pages in
    /// one process; a visit stays in one, see `crate::App`).
    static INDEX: RefCell<Option<(crate::lang::Lang, Vec<PostSummary>)>> = const { RefCell::new(None) };
    // A Vec, not a HashMap: a visit reads a handful of posts, and this would be the
    // wasm's only String-keyed HashMap.
    static POSTS: RefCell<Vec<Post>> = const { RefCell::new(Vec::new()) };
}

/// Where a post's file lives, relative to the document base; `None` for a slug that
/// cannot be a post (so "../site" never becomes a request, and "index" is the index).
pub fn post_path(slug: &str) -> Option<String> {
    (is_slug(slug) && slug != "index").then(|| format!("posts/{slug}.json"))
}

/// The list of `lang`'s posts, newest first. Fetched once; later calls reuse it.
pub async fn fetch_post_index(lang: crate::lang::Lang) -> Result<Vec<PostSummary>, FetchError> {
    let cached = INDEX.with(|i| match &*i.borrow() {
        Some((of, index)) if *of == lang => Some(index.clone()),
        _ => None,
    });
    if let Some(index) = cached {
        return Ok(index);
    }
    let index: Vec<PostSummary> = get_json(crate::site_files::post_index(lang)).await?;
    INDEX.with(|i| *i.borrow_mut() = Some((lang, index.clone())));
    Ok(index)
}

/// One post, checked before it is shown. Fetched once per slug; later calls reuse it.
pub async fn fetch_post(slug: &str) -> Result<Post, FetchError> {
    if let Some(post) = cached_post(slug) {
        return Ok(post);
    }
    let path = post_path(slug).ok_or(FetchError::NotFound)?;
    let post: Post = get_json(&path).await?;
    check_post(slug, &post)?;
    remember_post(post.clone());
    Ok(post)
}

/// A fetched post must pass validation and be the post that was asked for.
pub fn check_post(slug: &str, post: &Post) -> Result<(), FetchError> {
    post.validate()
        .map_err(|e| FetchError::Malformed(e.to_string()))?;
    if post.slug != slug {
        return Err(FetchError::Malformed(format!(
            "field `slug` is \"{}\" in the file for \"{slug}\"",
            post.slug
        )));
    }
    Ok(())
}

/// The post, if this visit already fetched it.
pub fn cached_post(slug: &str) -> Option<Post> {
    POSTS.with(|p| p.borrow().iter().find(|post| post.slug == slug).cloned())
}

fn remember_post(post: Post) {
    POSTS.with(|p| {
        let mut posts = p.borrow_mut();
        posts.retain(|known| known.slug != post.slug);
        posts.push(post);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn demo_post() -> Post {
        Post::parse(include_str!("../../public/posts/lifting-safely.json")).expect("demo post")
    }

    #[test]
    fn only_slugs_become_request_paths() {
        assert_eq!(
            post_path("lifting-safely").as_deref(),
            Some("posts/lifting-safely.json")
        );
        assert_eq!(post_path("../site"), None);
        assert_eq!(post_path("index"), None);
    }

    #[test]
    fn a_post_served_under_another_slug_is_malformed() {
        let err = check_post("sleep-positions-for-back-pain", &demo_post()).unwrap_err();
        assert!(
            matches!(&err, FetchError::Malformed(m) if m.contains("slug")),
            "{err}"
        );
    }

    #[test]
    fn a_post_failing_validation_is_malformed_and_names_the_block() {
        let mut post = demo_post();
        post.hero.alt = None;
        let err = check_post("lifting-safely", &post).unwrap_err();
        assert!(
            matches!(&err, FetchError::Malformed(m) if m.contains("hero image")),
            "{err}"
        );
    }

    #[test]
    fn a_remembered_post_is_served_from_the_cache() {
        assert_eq!(cached_post("lifting-safely"), None);
        remember_post(demo_post());
        assert_eq!(
            cached_post("lifting-safely").map(|p| p.slug),
            Some("lifting-safely".into())
        );
    }
}
