//! Content checks, run by `cargo test`: every post under `public/posts/` parses and validates,
//! every image passes the alt-text lint, every image file exists, and `index.json` matches
//! the posts exactly. The content build (`src/bin/content.rs`) writes both from `content/posts`.

use std::{fs, path::PathBuf};

use clinic_model::blog::{
    build_index,
    lint::{lint_alt, lint_post},
    Post, PostSummary,
};

fn public() -> PathBuf {
    clinic_content::repo_root().join("public")
}

/// Every post file (all `*.json` but `index.json`), with its file stem.
fn post_files() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = fs::read_dir(public().join("posts"))
        .expect("public/posts exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .filter(|path| path.file_stem().is_some_and(|s| s != "index"))
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = fs::read_to_string(&path).expect("readable post file");
            (stem, text)
        })
        .collect();
    files.sort();
    files
}

fn posts() -> Vec<Post> {
    post_files()
        .into_iter()
        .map(|(stem, text)| {
            let post = Post::parse(&text).unwrap_or_else(|e| panic!("posts/{stem}.json: {e}"));
            assert_eq!(
                post.slug, stem,
                "posts/{stem}.json: the slug must equal the file name"
            );
            post
        })
        .collect()
}

#[test]
fn every_post_parses_and_passes_validation() {
    let posts = posts();
    assert!(
        posts.len() >= 8,
        "the demo has at least 8 posts, found {}",
        posts.len()
    );
}

#[test]
fn every_image_in_every_post_passes_the_alt_text_lint() {
    let issues: Vec<String> = posts()
        .iter()
        .flat_map(lint_post)
        .map(|issue| issue.to_string())
        .collect();
    assert!(issues.is_empty(), "alt-text lint:\n{}", issues.join("\n"));
}

#[test]
fn every_image_file_exists_and_drawings_are_small() {
    for post in posts() {
        for (place, image) in post.images() {
            let file = public().join(&image.src);
            let meta = fs::metadata(&file).unwrap_or_else(|_| {
                panic!("post \"{}\", {place}: {} is missing", post.slug, image.src)
            });
            // A photo may be as large as the writer has it: readers get its WebP copies
            // (`srcset`, written by the content build), its clean copy only without WebP.
            assert!(
                image.srcset.is_some() || meta.len() < 20_000,
                "{} is {} bytes; keep drawings small",
                image.src,
                meta.len()
            );
        }
    }
}

#[test]
fn internal_links_point_to_existing_posts_or_pages() {
    use clinic_model::blog::blocks::{Block, Inline, LinkTarget};
    use clinic_model::routes::link_reaches;
    let posts = posts();
    let exists = |path: &str| {
        link_reaches(
            path,
            |slug| posts.iter().any(|p| p.slug == slug),
            |tag| posts.iter().any(|p| p.tags.iter().any(|t| t == tag)),
        )
    };
    for post in &posts {
        for (index, block) in post.body.iter().enumerate() {
            let mut hrefs: Vec<&str> = Vec::new();
            match block {
                Block::Paragraph { content } => hrefs.extend(content.iter().filter_map(link_of)),
                Block::List { items, .. } => {
                    hrefs.extend(items.iter().flatten().filter_map(link_of))
                }
                Block::Cta { href, .. } => hrefs.push(href),
                _ => {}
            }
            for href in hrefs {
                if let Some(LinkTarget::Internal(path)) = LinkTarget::parse(href) {
                    assert!(
                        exists(&path),
                        "post \"{}\", block {index}: {path} does not exist",
                        post.slug
                    );
                }
            }
        }
    }

    fn link_of(span: &Inline) -> Option<&str> {
        match span {
            Inline::Link { href, .. } => Some(href),
            _ => None,
        }
    }
}

#[test]
fn the_index_matches_the_post_files() {
    let expected = build_index(&posts());
    let path = public().join("posts/index.json");
    let current = fs::read_to_string(&path).expect("public/posts/index.json exists");
    let parsed: Vec<PostSummary> =
        serde_json::from_str(&current).expect("public/posts/index.json parses");
    assert!(
        parsed == expected,
        "public/posts/index.json disagrees with the post files.\n\
         It is built from content/posts: cargo run -p clinic-content --bin content"
    );
}

#[test]
fn the_seed_alt_texts_are_all_rejected_by_the_lint() {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/seed-003-alt-texts.json")).expect("fixture");
    let images = fixture["images"].as_array().expect("images");
    assert_eq!(images.len(), 10);
    for image in images {
        let alt = image["alt"].as_str().expect("alt");
        let src = image["src"].as_str().expect("src");
        assert!(
            !lint_alt(Some(alt), src).is_empty(),
            "the lint let this through: {alt}"
        );
    }
}

#[test]
fn bad_alt_fixtures_each_fail_for_their_reason() {
    use clinic_model::blog::lint::AltProblem;
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/bad-alt-texts.json")).expect("fixture");
    for case in fixture.as_array().expect("cases") {
        let alt = case["alt"].as_str();
        let src = case["src"].as_str().expect("src");
        let expected = case["fails_because"].as_str().expect("reason");
        let problems = lint_alt(alt, src);
        let found = problems.iter().any(|p| {
            matches!(
                (expected, p),
                ("missing", AltProblem::Missing)
                    | ("too long", AltProblem::TooLong(_))
                    | ("redundant opening", AltProblem::RedundantOpening(_))
                    | ("file name", AltProblem::FileName)
                    | ("caption", AltProblem::ReadsLikeACaption(_))
            )
        });
        assert!(
            found,
            "{alt:?} should fail because {expected}, got {problems:?}"
        );
    }
}
