//! Content checks, run by `cargo test`: every post under `public/posts/` parses and validates,
//! every image passes the alt-text lint, every image file exists, each language's index
//! (`index.json`, `index.es.json`) matches its posts exactly, and each translation pair names
//! each other. The content build (`src/bin/content.rs`) writes them all from `content/posts`.

use std::{fs, path::PathBuf};

use clinic_model::blog::{
    build_index,
    lint::{lint_alt, lint_post},
    Post, PostSummary,
};
use clinic_model::lang::Lang;
use clinic_model::site_files::post_index;

fn public() -> PathBuf {
    clinic_content::repo_root().join("public")
}

/// Every post file (all `*.json` but the languages' indexes), with its file stem.
fn post_files() -> Vec<(String, String)> {
    let indexes: Vec<PathBuf> = Lang::ALL
        .iter()
        .map(|&lang| public().join(post_index(lang)))
        .collect();
    let mut files: Vec<(String, String)> = fs::read_dir(public().join("posts"))
        .expect("public/posts exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .filter(|path| !indexes.contains(path))
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
fn internal_links_point_to_existing_posts_or_pages_of_the_posts_language() {
    use clinic_model::blog::blocks::{Block, Inline, LinkTarget};
    use clinic_model::routes::{recognize_in, Page};
    let posts = posts();
    let exists = |from: Lang, path: &str| {
        let path = path.split(['?', '#']).next().unwrap_or(path);
        let Some((lang, route, param)) = recognize_in(path) else {
            return false;
        };
        let of_lang = || posts.iter().filter(move |p| p.lang == lang);
        lang == from
            && route.linkable
            && match (route.page, param) {
                (Page::Post, Some(slug)) => of_lang().any(|p| p.slug == slug),
                (Page::Topic, Some(tag)) => of_lang().any(|p| p.tags.iter().any(|t| t == tag)),
                _ => true,
            }
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
                        exists(post.lang, &path),
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
fn each_languages_index_matches_its_post_files() {
    let posts = posts();
    for lang in Lang::ALL {
        let expected = build_index(&posts, lang);
        let file = post_index(lang);
        let current =
            fs::read_to_string(public().join(file)).unwrap_or_else(|_| panic!("{file} exists"));
        let parsed: Vec<PostSummary> =
            serde_json::from_str(&current).unwrap_or_else(|_| panic!("{file} parses"));
        assert!(
            parsed == expected,
            "{file} disagrees with the post files.\n\
             It is built from content/posts: cargo run -p clinic-content --bin content"
        );
        assert!(parsed.iter().all(|entry| entry.lang == lang), "{file}");
    }
}

#[test]
fn the_english_index_lists_english_posts_only_and_each_translation_names_its_pair() {
    let posts = posts();
    let english: Vec<PostSummary> =
        serde_json::from_str(&fs::read_to_string(public().join(post_index(Lang::En))).unwrap())
            .unwrap();
    assert!(english.iter().all(|entry| entry.lang == Lang::En));
    let spanish: Vec<&Post> = posts.iter().filter(|p| p.lang == Lang::Es).collect();
    assert!(
        spanish.len() >= 3,
        "the demo has at least 3 Spanish posts, found {}",
        spanish.len()
    );
    for post in &posts {
        let Some(other) = &post.translation else {
            continue;
        };
        let pair = posts
            .iter()
            .find(|p| p.slug == *other)
            .unwrap_or_else(|| panic!("{}: its translation {other} exists", post.slug));
        assert_eq!(pair.translation.as_deref(), Some(post.slug.as_str()));
        assert_ne!(pair.lang, post.lang, "{} and {other}", post.slug);
    }
    for post in spanish {
        let review = post
            .reviewed
            .as_ref()
            .expect("a translation has its own review");
        let original = posts
            .iter()
            .find(|p| Some(&p.slug) == post.translation.as_ref())
            .expect("each demo Spanish post translates an English one");
        let original_review = original
            .reviewed
            .as_ref()
            .expect("its original is reviewed");
        assert!(review.on >= original_review.on, "{}", post.slug);
        assert_eq!(original.hero.src, post.hero.src, "the same picture");
        assert_ne!(original.hero.alt, post.hero.alt, "with Spanish alt text");
    }
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
