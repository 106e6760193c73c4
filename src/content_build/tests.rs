//! The Markdown → post mapping, each convention, and each problem with its line.

use std::path::Path;

use super::*;
use crate::blog::{Block, Image, Inline};

/// Front matter of a valid post; its body starts on line 12.
const FRONT: &str = "+++
title = \"Lifting safely\"
description = \"Bend your knees.\"
author = \"Dr. Maya Okafor, DC\"
published = 2024-05-07
tags = [\"lifting\", \"prevention\"]

[hero]
src = \"images/hero.svg\"
alt = \"A person lifting a box with bent knees\"
+++
";

/// Every image is 640×360, except `images/missing.svg`, which does not exist.
fn measure(src: &str) -> Result<(u32, u32), String> {
    if src == "images/missing.svg" {
        Err(format!("{src} does not exist under public/"))
    } else {
        Ok((640, 360))
    }
}

fn source(body: &str) -> String {
    format!("{FRONT}{body}")
}

fn convert(body: &str) -> Result<Post, Vec<Diagnostic>> {
    convert_post(
        "content/posts/x.md",
        "lifting-safely",
        &source(body),
        &measure,
    )
    .post
}

fn blocks(body: &str) -> Vec<Block> {
    match convert(body) {
        Ok(post) => post.body,
        Err(problems) => panic!("{problems:#?}"),
    }
}

/// The problems of a body, as they print.
fn problems(body: &str) -> Vec<String> {
    problems_of(&source(body))
}

fn problems_of(text: &str) -> Vec<String> {
    match convert_post("content/posts/x.md", "lifting-safely", text, &measure).post {
        Ok(_) => panic!("expected problems"),
        Err(found) => found.iter().map(Diagnostic::to_string).collect(),
    }
}

fn text(t: &str) -> Inline {
    Inline::Text(t.into())
}

#[test]
fn headings_two_to_four_become_heading_blocks() {
    assert_eq!(
        blocks("## Why\n\n### How\n\n#### Detail\n"),
        [
            Block::Heading {
                level: 2,
                text: "Why".into()
            },
            Block::Heading {
                level: 3,
                text: "How".into()
            },
            Block::Heading {
                level: 4,
                text: "Detail".into()
            },
        ]
    );
}

#[test]
fn a_paragraph_keeps_bold_italic_and_links_and_joins_wrapped_lines() {
    assert_eq!(
        blocks("Keep the load **close**, _always_.\nSee [the checklist](/symptoms).\n"),
        [Block::Paragraph {
            content: vec![
                text("Keep the load "),
                Inline::Strong("close".into()),
                text(", "),
                Inline::Emphasis("always".into()),
                text(". See "),
                Inline::Link {
                    text: "the checklist".into(),
                    href: "/symptoms".into()
                },
                text("."),
            ]
        }]
    );
}

#[test]
fn text_stays_as_written_without_smart_quotes_and_with_escapes_removed() {
    assert_eq!(
        blocks("The body's \"rule\" -- 2 \\* 3 & <b\\>\n"),
        [Block::Paragraph {
            content: vec![text("The body's \"rule\" -- 2 * 3 & <b>")]
        }]
    );
}

#[test]
fn bullet_and_numbered_lists_become_lists_tight_or_loose() {
    let items = vec![
        vec![Inline::Strong("Plan".into()), text(" the lift")],
        vec![text("Bend your knees")],
    ];
    assert_eq!(
        blocks("- **Plan** the lift\n- Bend your knees\n"),
        [Block::List {
            ordered: false,
            items: items.clone()
        }]
    );
    assert_eq!(
        blocks("1. **Plan** the lift\n\n2. Bend your knees\n"),
        [Block::List {
            ordered: true,
            items
        }]
    );
}

#[test]
fn an_image_alone_in_its_paragraph_is_an_image_block_with_its_caption_and_size() {
    assert_eq!(
        blocks("![A knee pulled to the chest](images/knee.svg \"Hold behind the thigh.\")\n"),
        [Block::Image(Image {
            src: "images/knee.svg".into(),
            alt: Some("A knee pulled to the chest".into()),
            decorative: false,
            caption: Some("Hold behind the thigh.".into()),
            width: 640,
            height: 360,
            srcset: None,
        })]
    );
}

#[test]
fn decorative_in_brackets_marks_a_decorative_image() {
    assert_eq!(
        blocks("![(decorative)](images/wave.svg)\n"),
        [Block::Image(Image {
            src: "images/wave.svg".into(),
            alt: None,
            decorative: true,
            caption: None,
            width: 640,
            height: 360,
            srcset: None,
        })]
    );
}

#[test]
fn a_quote_takes_its_last_dash_line_as_the_attribution() {
    let expected = [Block::Quote {
        text: "Slow is smooth. Smooth is fast.".into(),
        attribution: Some("June Whitaker, PT".into()),
    }];
    assert_eq!(
        blocks("> Slow is smooth.\n> Smooth is fast.\n>\n> — June Whitaker, PT\n"),
        expected
    );
    assert_eq!(
        blocks("> Slow is smooth.\n> Smooth is fast.\n> -- June Whitaker, PT\n"),
        expected
    );
    assert_eq!(
        blocks("> Slow is smooth.\n"),
        [Block::Quote {
            text: "Slow is smooth.".into(),
            attribution: None
        }]
    );
}

#[test]
fn a_quote_starting_with_the_cta_marker_is_a_call_to_action() {
    let expected = [Block::Cta {
        text: "Still sore? We can help.".into(),
        label: "Contact us".into(),
        href: "/contact".into(),
    }];
    assert_eq!(
        blocks("> [!cta]\n> Still sore?\n> We can help.\n> [Contact us](/contact)\n"),
        expected
    );
    assert_eq!(
        blocks("> [!CTA] Still sore? We can help.\n>\n> [Contact us](/contact)\n"),
        expected
    );
    // Two paragraphs in the box read as two sentences, not run together.
    assert_eq!(
        blocks("> [!cta]\n> Still sore?\n>\n> We can help.\n>\n> [Contact us](/contact)\n"),
        expected
    );
}

#[test]
fn a_citation_block_holds_the_study_as_toml() {
    let body = "```citation\nauthors = \"Goertz CM, et al.\"\ntitle = \"A trial\"\n\
                journal = \"JAMA Network Open\"\nyear = 2018\ndoi = \"10.1001/x\"\n```\n";
    let [Block::Citation(citation)] = &blocks(body)[..] else {
        panic!("one citation")
    };
    assert_eq!(citation.authors, "Goertz CM, et al.");
    assert_eq!(citation.year, 2018);
    assert_eq!(
        citation.link().as_deref(),
        Some("https://doi.org/10.1001/x")
    );
    assert_eq!(citation.summary, None);
}

#[test]
fn the_front_matter_fills_the_post_and_a_review_keeps_its_due_date() {
    let text = FRONT
        .replace(
            "tags =",
            "updated = 2024-06-01\nreading_level_exception = \"Condition names\"\ntags =",
        )
        .replace(
            "knees\"\n+++\n",
            "knees\"\ncaption = \"Knees bent\"\n\n[review]\nby = \"Dr. Lee Hart, DC\"\n\
         on = 2024-05-08\nnext_due = 2024-11-08\n+++\nText.\n",
        );
    let post = convert_post("content/posts/x.md", "lifting-safely", &text, &measure)
        .post
        .unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(post.slug, "lifting-safely");
    assert_eq!(post.updated.as_deref(), Some("2024-06-01"));
    assert_eq!(post.hero.caption.as_deref(), Some("Knees bent"));
    assert_eq!((post.hero.width, post.hero.height), (640, 360));
    let review = post.reviewed.unwrap();
    assert_eq!(review.on, "2024-05-08");
    assert_eq!(review.due().as_deref(), Some("2024-11-08"));
}

#[test]
fn a_level_one_heading_is_refused_on_its_line() {
    assert_eq!(
        problems("Intro.\n\n# Title again\n"),
        [
            "content/posts/x.md:14: a `#` heading is level 1, and the title is the page's only \
          level-1 heading: use `##` for a section (`###`, `####` below it)"
        ]
    );
}

#[test]
fn bad_front_matter_is_placed_on_its_line() {
    let text = source("Text.\n").replace("author = \"Dr. Maya Okafor, DC\"", "author = Dr. Okafor");
    let found = problems_of(&text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("content/posts/x.md:4: front matter: "),
        "{found:?}"
    );
    let text = source("Text.\n").replace("published = 2024-05-07", "published = 2024-5-7");
    assert!(
        problems_of(&text)[0].starts_with("content/posts/x.md:5: front matter: "),
        "{:?}",
        problems_of(&text)
    );
}

#[test]
fn an_image_without_alt_is_refused_with_the_way_to_fix_it() {
    let found = problems("Text.\n\n![](images/box.svg)\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("content/posts/x.md:14: image images/box.svg has no alt text")
            && found[0].contains("(decorative)"),
        "{found:?}"
    );
}

#[test]
fn a_hero_without_alt_names_the_hero_table() {
    let text = source("Text.\n").replace("alt = \"A person lifting a box with bent knees\"\n", "");
    assert_eq!(
        problems_of(&text),
        [
            "content/posts/x.md:8: the hero image has no alt text: add `alt = \"what it shows\"` \
          under [hero], or `decorative = true` if it adds nothing to the post"
        ]
    );
}

#[test]
fn an_image_file_that_does_not_exist_is_named_on_its_line() {
    let public = Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
    let measure = |src: &str| image_size::measure(&public, src);
    let text = source("Text.\n\n![A box](images/nope.svg)\n")
        .replace("images/hero.svg", "images/lifting-safely.svg");
    let found = convert_post("content/posts/x.md", "lifting-safely", &text, &measure)
        .post
        .unwrap_err();
    assert_eq!(
        found.iter().map(Diagnostic::to_string).collect::<Vec<_>>(),
        [
            "content/posts/x.md:14: images/nope.svg does not exist under public/ (check the \
          spelling, or add the file)"
        ]
    );
}

#[test]
fn an_internal_link_to_a_missing_page_is_refused_on_its_line() {
    let post = |file: &str, slug: &str, body: &str| {
        let converted = convert_post(file, slug, &source(body), &measure);
        assert!(converted.post.is_ok(), "{:#?}", converted.post);
        converted
    };
    let sources = [
        post(
            "content/posts/a.md",
            "lifting-safely",
            "See [b](/blog/other-post), [topic](/blog/topic/lifting),\n[home](/) and [x](/blog/topic/nope).\n",
        ),
        post(
            "content/posts/b.md",
            "other-post",
            "> [!cta]\n> Go.\n> [Book](/book)\n\n[desk](/blog/desk#top) [far](https://example.com/x)\n",
        ),
    ];
    let found: Vec<String> = check_links(&sources)
        .iter()
        .map(Diagnostic::to_string)
        .collect();
    let nowhere =
        ": link to /, /blog, /symptoms, /contact, /blog/<post file name> or /blog/topic/<tag>";
    assert_eq!(
        found,
        [
            format!("content/posts/a.md:13: the link to /blog/topic/nope goes nowhere{nowhere}"),
            format!("content/posts/b.md:14: the link to /book goes nowhere{nowhere}"),
            format!("content/posts/b.md:16: the link to /blog/desk#top goes nowhere{nowhere}"),
        ]
    );
}

#[test]
fn a_post_with_problems_still_has_its_links_checked_and_can_be_linked_to() {
    let broken = convert_post(
        "content/posts/a.md",
        "broken-post",
        &source("# Oops\n\n[gone](/blog/gone)\n"),
        &measure,
    );
    assert!(broken.post.is_err());
    let linking = convert_post(
        "content/posts/b.md",
        "other-post",
        &source("See [a](/blog/broken-post) and [its topic](/blog/topic/prevention).\n"),
        &measure,
    );
    let found: Vec<String> = check_links(&[broken, linking])
        .iter()
        .map(Diagnostic::to_string)
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("content/posts/a.md:14: the link to /blog/gone goes nowhere"),
        "{found:?}"
    );
}

#[test]
fn a_front_matter_mistake_does_not_hide_the_body_problems() {
    let text = source("# Oops\n").replace("author = \"Dr. Maya Okafor, DC\"", "autor = \"X\"");
    let found = problems_of(&text);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("content/posts/x.md:4: front matter: unknown field `autor`"));
    assert!(found[1].starts_with("content/posts/x.md:12: a `#` heading"));
}

#[test]
fn an_unsafe_link_is_refused_on_its_line() {
    let found = problems("Text.\n\n[x](javascript:alert(1))\n");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("content/posts/x.md:14: link to `javascript:alert(1)`"),
        "{found:?}"
    );
}

#[test]
fn markdown_the_site_cannot_show_is_refused_on_its_line() {
    let cases = [
        ("<b>Hi</b>\n", "HTML is not allowed"),
        ("Text.\n\n---\n", "dividing rule"),
        ("- a\n  - b\n", "a list inside a list"),
        ("***both***\n", "bold and italic cannot be combined"),
        (
            "Look: ![A box](images/box.svg)\n",
            "an image goes in a paragraph of its own",
        ),
        ("```js\nx\n```\n", "the only fenced block is ```citation"),
        ("> [!note]\n> x\n", "unknown box `[!note]`"),
        ("> [!cta]\n> No button.\n", "ends with its button"),
        ("> One.\n>\n> Two.\n", "a quote holds one paragraph"),
        ("## A [link](/)\n", "a heading is plain text"),
        ("##### Deep\n", "headings go down to `####`"),
    ];
    for (body, expected) in cases {
        let found = problems(body);
        assert!(
            found.iter().any(|p| p.contains(expected)),
            "{body:?}: {found:?}"
        );
        assert!(
            found.iter().all(|p| p.starts_with("content/posts/x.md:1")),
            "{body:?}: {found:?}"
        );
    }
}

#[test]
fn a_citation_mistake_is_placed_on_the_line_inside_the_block() {
    let body =
        "Text.\n\n```citation\nauthors = \"A\"\ntitle = \"T\"\njornal = \"J\"\nyear = 2018\n```\n";
    let found = problems(body);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("content/posts/x.md:17: citation: unknown field `jornal`"),
        "{found:?}"
    );
    let found = problems(
        "```citation\nauthors = \"A\"\ntitle = \"T\"\njournal = \"J\"\nyear = 2018\n```\n",
    );
    assert!(
        found[0].contains("citation needs a DOI or a URL"),
        "{found:?}"
    );
    assert!(found[0].starts_with("content/posts/x.md:12:"), "{found:?}");
}

#[test]
fn the_model_checks_and_the_alt_lint_are_placed_on_the_source_lines() {
    let text = source("Text.\n\n![Image of a box](images/box.svg)\n").replace(
        "tags = [\"lifting\", \"prevention\"]",
        "tags = [\"Lifting\"]",
    );
    assert_eq!(
        problems_of(&text),
        [
            "content/posts/x.md:6: field `tags` needs at least one tag, each lowercase with hyphens",
            "content/posts/x.md:14: block 1: alt text starts with \"image of\"; screen readers \
             already say it is an image",
        ]
    );
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let found = problems("# Title\n\n![](images/missing.svg)\n\n<div>x</div>\n");
    assert_eq!(found.len(), 4, "{found:#?}");
    assert!(found[0].starts_with("content/posts/x.md:12: a `#` heading"));
    assert!(found[1].starts_with("content/posts/x.md:14: image images/missing.svg has no alt"));
    assert!(found[2].starts_with("content/posts/x.md:14: images/missing.svg does not exist"));
    assert!(found[3].starts_with("content/posts/x.md:16: HTML is not allowed"));
}

#[test]
fn a_file_name_that_is_not_a_slug_is_refused() {
    let found = convert_post(
        "content/posts/X.md",
        "Lifting Safely",
        &source("Text.\n"),
        &measure,
    )
    .post
    .unwrap_err();
    assert_eq!(found[0].line, 1);
    assert!(found[0].message.contains("lowercase words"), "{found:?}");
}

/// Long sentences of long words: grade 20 or so.
const HARD_BODY: &str = "Musculoskeletal inflammation necessitates comprehensive \
    interdisciplinary evaluation, particularly considering concomitant neurological \
    manifestations, radiological investigations and pharmacological interventions.\n";

#[test]
fn a_post_above_grade_eight_fails_naming_its_file_grade_and_fixes() {
    let found = problems(HARD_BODY);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("content/posts/x.md:12: the text reads at Flesch–Kincaid grade "),
        "{}",
        found[0]
    );
    for needed in [
        "shorter sentences",
        "simpler words",
        "reading_level_exception",
    ] {
        assert!(found[0].contains(needed), "{needed}: {}", found[0]);
    }
}

#[test]
fn a_post_above_grade_eight_with_a_recorded_reason_builds_and_shows_it() {
    let text = source(HARD_BODY).replace(
        "tags =",
        "reading_level_exception = \"Names of treatments\"\ntags =",
    );
    let source = convert_post("content/posts/x.md", "lifting-safely", &text, &measure);
    assert!(source.post.is_ok(), "{:#?}", source.post);
    let measured = source.row.measured.expect("measured");
    assert!(measured.reading.whole.grade() > 8.0);
    assert!(measured.reading.prose.grade() > 8.0);
    assert_eq!(
        measured.status,
        report::Status::Exception("Names of treatments".into())
    );
}

#[test]
fn a_plain_post_is_measured_as_the_page_counts_it() {
    let text = source("## Rest\n\nRest a little. Then walk.\n\n- Ice first\n- Heat later\n")
        .replace(
            "knees\"\n+++",
            "knees\"\n\n[review]\nby = \"Dr. B\"\non = 2025-03-01\n+++",
        );
    let source = convert_post("content/posts/x.md", "lifting-safely", &text, &measure);
    let post = source.post.expect("valid");
    let measured = source.row.measured.expect("measured");
    assert_eq!(measured.words, post.word_count());
    assert_eq!(measured.minutes, 1);
    // The heading is not measured; the paragraph has 2 sentences, each list item 1.
    assert_eq!(measured.reading.whole.sentences, 4);
    assert_eq!(measured.reading.whole.words, 9);
    // The prose grade reads the paragraph alone.
    assert_eq!(measured.reading.prose.sentences, 2);
    assert_eq!(measured.reading.prose.words, 5);
    assert_eq!(measured.status, report::Status::Ok);
    assert_eq!(source.row.review_due.as_deref(), Some("2026-03-01"));
}

#[test]
fn hard_paragraphs_fail_the_gate_though_short_list_items_pull_the_whole_post_down() {
    let list = "- Walk\n".repeat(60);
    let body = format!("{HARD_BODY}\n{list}");
    let source = convert_post(
        "content/posts/x.md",
        "lifting-safely",
        &source(&body),
        &measure,
    );
    let measured = source.row.measured.expect("measured");
    assert!(measured.reading.whole.grade() <= 8.0, "{measured:?}");
    assert!(measured.reading.prose.grade() > 8.0, "{measured:?}");
    assert_eq!(measured.status, report::Status::TooHard);
    let found = problems(&body);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("in its prose alone"), "{}", found[0]);
}

#[test]
fn an_exception_on_a_post_that_reads_easily_is_flagged_as_not_needed() {
    let text = source("Rest a little. Then walk.\n").replace(
        "tags =",
        "reading_level_exception = \"Names of treatments\"\ntags =",
    );
    let source = convert_post("content/posts/x.md", "lifting-safely", &text, &measure);
    assert!(source.post.is_ok(), "{:#?}", source.post);
    assert_eq!(
        source.row.measured.expect("measured").status,
        report::Status::ExceptionNotNeeded
    );
}

/// The committed JSON is what the sources build, read as values (key order aside); the index
/// is byte for byte what `tests/content.rs` writes.
#[test]
fn the_markdown_sources_build_the_committed_json() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let outputs = build(root).outputs.unwrap_or_else(|problems| {
        panic!(
            "{}",
            problems
                .iter()
                .map(Diagnostic::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    let sources = std::fs::read_dir(root.join(SOURCE_DIR))
        .expect("content/posts")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "md"))
        })
        .count();
    assert_eq!(
        outputs.len(),
        sources + 1,
        "one JSON per post, and the index"
    );
    for output in &outputs {
        let committed = std::fs::read_to_string(root.join(&output.path)).expect("committed");
        let committed: serde_json::Value = serde_json::from_str(&committed).expect("json");
        let built: serde_json::Value = serde_json::from_str(&output.text).expect("json");
        assert_eq!(
            built, committed,
            "{} is stale: run cargo run --no-default-features --features content --bin content",
            output.path
        );
    }
    assert!(stale(root, &outputs).is_empty());
}

/// A site in a fresh folder under the system's temp dir, removed when dropped.
struct TempSite(std::path::PathBuf);

impl TempSite {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("content-build-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join(SOURCE_DIR)).expect("content dir");
        std::fs::create_dir_all(dir.join(OUTPUT_DIR)).expect("posts dir");
        std::fs::create_dir_all(dir.join("public/images")).expect("images dir");
        Self(dir)
    }
}

impl Drop for TempSite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_photo_post_gets_its_size_from_the_file_and_webp_copies_offered_by_srcset() {
    let site = TempSite::new("photo");
    let root = &site.0;
    // A 1000×600 "photo": a gradient, so the encoder has something to do.
    let photo = image::RgbImage::from_fn(1000, 600, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    photo
        .save(root.join("public/images/room.jpg"))
        .expect("jpeg written");
    std::fs::write(
        root.join("public/images/hero.svg"),
        r#"<svg width="640" height="360"></svg>"#,
    )
    .expect("svg written");
    let body = "Our treatment room is quiet and warm.\n\n\
                ![The treatment room, with a padded table by a window](images/room.jpg)\n";
    std::fs::write(root.join(SOURCE_DIR).join("our-room.md"), source(body)).expect("post written");

    let built = build(root);
    let outputs = built.outputs.unwrap_or_else(|p| panic!("{p:?}"));
    let post = Post::parse(&outputs[0].text).expect("the post reads back");
    let Some(Block::Image(image)) = post.body.iter().find(|b| matches!(b, Block::Image(_))) else {
        panic!("no image block in {:?}", post.body);
    };
    assert_eq!(
        (image.width, image.height),
        (1000, 600),
        "read from the JPEG"
    );
    let srcset = image.srcset.as_deref().expect("a photo gets a srcset");
    let candidates: Vec<(&str, &str)> = srcset
        .split(", ")
        .map(|c| c.split_once(' ').expect("path and width"))
        .collect();
    assert_eq!(
        candidates.iter().map(|(_, w)| *w).collect::<Vec<_>>(),
        ["480w", "800w", "1000w"]
    );
    assert!(post.hero.srcset.is_none(), "a drawing needs no copies");

    // Nothing is encoded until asked; then each copy is a WebP of its width, in proportion.
    assert!(!root.join("public").join(candidates[0].0).exists());
    assert_eq!(photos::write(&root.join("public"), &built.photos), Ok(3));
    for (path, width) in &candidates {
        let bytes = std::fs::read(root.join("public").join(path)).expect("variant written");
        let decoded = webp::Decoder::new(&bytes).decode().expect("a WebP file");
        let width: u32 = width.trim_end_matches('w').parse().expect("width");
        assert_eq!(
            (decoded.width(), decoded.height()),
            (width, width * 600 / 1000)
        );
        assert!(bytes.len() < 60_000, "{path} is {} bytes", bytes.len());
    }
    // A second build writes nothing again (so `trunk serve` is not woken by its own output).
    assert_eq!(photos::write(&root.join("public"), &built.photos), Ok(0));
}

#[test]
fn a_photo_that_cannot_be_read_is_refused_with_its_name() {
    let site = TempSite::new("broken-photo");
    let root = &site.0;
    std::fs::write(root.join("public/images/room.jpg"), b"not a jpeg").expect("written");
    std::fs::write(
        root.join("public/images/hero.svg"),
        r#"<svg width="640" height="360"></svg>"#,
    )
    .expect("svg written");
    std::fs::write(
        root.join(SOURCE_DIR).join("our-room.md"),
        source("Text.\n\n![The treatment room](images/room.jpg)\n"),
    )
    .expect("post written");
    let problems = build(root).outputs.expect_err("refused");
    assert!(
        problems.iter().any(|p| p
            .to_string()
            .contains("images/room.jpg: cannot be read as a JPEG or PNG photo")),
        "{problems:?}"
    );
}

/// A 1000×600 JPEG at `public/images/<name>`, with `exif` (a TIFF structure) if given.
fn write_jpeg(root: &Path, name: &str, exif: Option<Vec<u8>>) {
    use image::ImageEncoder;
    let photo = image::RgbImage::from_fn(1000, 600, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut bytes = Vec::new();
    let mut encoder = image::codecs::jpeg::JpegEncoder::new(&mut bytes);
    if let Some(exif) = exif {
        encoder
            .set_exif_metadata(exif)
            .expect("the JPEG encoder takes EXIF");
    }
    encoder
        .write_image(photo.as_raw(), 1000, 600, image::ExtendedColorType::Rgb8)
        .expect("jpeg encoded");
    std::fs::write(root.join("public/images").join(name), bytes).expect("jpeg written");
}

/// EXIF with one entry in its first directory: `tag` (SHORT) = `value`.
fn exif_with(tag: u16, value: u16) -> Vec<u8> {
    let mut exif = b"II*\0\x08\0\0\0\x01\0".to_vec();
    exif.extend(tag.to_le_bytes());
    exif.extend([3, 0, 1, 0, 0, 0]);
    exif.extend(value.to_le_bytes());
    exif.extend([0, 0, 0, 0, 0, 0]);
    exif
}

#[test]
fn a_phone_photo_stored_sideways_is_measured_and_copied_upright() {
    let site = TempSite::new("sideways");
    let root = &site.0;
    // Orientation 6: the camera stored it turned; viewers rotate it 90° clockwise.
    write_jpeg(root, "portrait.jpg", Some(exif_with(0x0112, 6)));
    let public = root.join("public");
    assert_eq!(
        image_size::measure(&public, "images/portrait.jpg"),
        Ok((600, 1000))
    );
    let variants = photos::plan(&public, "images/portrait.jpg", 600).expect("planned");
    assert_eq!(
        variants.iter().map(|v| v.width).collect::<Vec<_>>(),
        [480, 600]
    );
    photos::write(&public, &variants).expect("written");
    let bytes = std::fs::read(public.join(&variants[0].path)).expect("variant");
    let decoded = webp::Decoder::new(&bytes).decode().expect("a WebP file");
    assert_eq!(
        (decoded.width(), decoded.height()),
        (480, 800),
        "upright, not sideways"
    );
}

#[test]
fn a_photo_that_records_where_it_was_taken_is_refused() {
    let site = TempSite::new("gps");
    let root = &site.0;
    write_jpeg(root, "garden.jpg", Some(exif_with(0x8825, 26)));
    let message = image_size::measure(&root.join("public"), "images/garden.jpg").unwrap_err();
    assert!(
        message.contains("records the place it was taken"),
        "{message}"
    );
    assert!(message.contains("remove location"), "{message}");
}

#[test]
fn copies_of_a_photo_no_post_uses_are_removed() {
    let site = TempSite::new("stale-copies");
    let public = site.0.join("public");
    write_jpeg(&site.0, "room.jpg", None);
    let variants = photos::plan(&public, "images/room.jpg", 1000).expect("planned");
    assert_eq!(photos::write(&public, &variants), Ok(3));
    assert_eq!(photos::write(&public, &variants[..1]), Ok(0));
    assert!(public.join(&variants[0].path).exists());
    assert!(
        !public.join(&variants[1].path).exists(),
        "a copy no post asks for is gone"
    );
}

/// A post `slug` whose hero is `images/<hero>`, with a short body.
fn write_post_with_hero(root: &Path, slug: &str, hero: &str) {
    let text = source("Our treatment room is quiet and warm.\n")
        .replace("images/hero.svg", &format!("images/{hero}"));
    std::fs::write(root.join(SOURCE_DIR).join(format!("{slug}.md")), text).expect("post written");
}

#[test]
fn a_drawn_hero_gets_a_png_link_preview_1200_wide_drawn_from_the_svg() {
    let site = TempSite::new("preview-svg");
    let root = &site.0;
    let public = root.join("public");
    // Blue on the left half, orange on the right.
    std::fs::write(
        public.join("images/hero.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">
             <rect width="320" height="360" fill="#1e6091"/>
             <rect x="320" width="320" height="360" fill="#f4a261"/></svg>"##,
    )
    .expect("svg written");
    write_post_with_hero(root, "our-room", "hero.svg");
    let built = build(root);
    built.outputs.as_ref().unwrap_or_else(|p| panic!("{p:?}"));
    let [planned] = built.previews.as_slice() else {
        panic!("one preview expected: {:?}", built.previews);
    };
    let preview = &planned.preview;
    assert!(
        preview.src.starts_with("images/previews/our-room-") && preview.src.ends_with(".png"),
        "{}",
        preview.src
    );
    assert_eq!(
        (preview.width, preview.height, preview.media_type.as_str()),
        (1200, 675, "image/png")
    );

    assert_eq!(previews::write(&public, &built.previews), Ok(1));
    let png = image::open(public.join(&preview.src))
        .expect("a PNG")
        .to_rgb8();
    assert_eq!(png.dimensions(), (1200, 675));
    assert_eq!(
        png.get_pixel(10, 10).0,
        [0x1e, 0x60, 0x91],
        "the drawing's left half"
    );
    assert_eq!(
        png.get_pixel(1190, 660).0,
        [0xf4, 0xa2, 0x61],
        "its right half"
    );
    // The list the renderer and the feed read.
    let manifest: crate::blog::preview::Manifest = serde_json::from_str(
        &std::fs::read_to_string(public.join(crate::blog::preview::MANIFEST))
            .expect("list written"),
    )
    .expect("the list reads back");
    assert_eq!(manifest.get("our-room"), Some(preview));

    // Nothing is drawn again, and a preview no post uses any more is removed.
    let stale = public.join("images/previews/old-post-0000000000000000.png");
    std::fs::write(&stale, b"old").expect("stale file");
    assert_eq!(previews::write(&public, &built.previews), Ok(0));
    assert!(!stale.exists(), "a preview no post uses is removed");
    assert!(public.join(&preview.src).exists());
}

#[test]
fn a_photo_hero_gets_a_jpeg_preview_never_enlarged_and_without_its_metadata() {
    let site = TempSite::new("preview-photo");
    let root = &site.0;
    let public = root.join("public");
    // EXIF that names the camera's maker (tag 0x010f), which a preview must not carry.
    write_jpeg(root, "room.jpg", Some(exif_with(0x010f, 7)));
    write_post_with_hero(root, "our-room", "room.jpg");
    let built = build(root);
    built.outputs.as_ref().unwrap_or_else(|p| panic!("{p:?}"));
    let [planned] = built.previews.as_slice() else {
        panic!("one preview expected: {:?}", built.previews);
    };
    let preview = &planned.preview;
    assert!(preview.src.ends_with(".jpg"), "{}", preview.src);
    assert_eq!(
        (preview.width, preview.height, preview.media_type.as_str()),
        (1000, 600, "image/jpeg"),
        "a 1000 px photo is not enlarged"
    );
    assert_eq!(previews::write(&public, &built.previews), Ok(1));
    let bytes = std::fs::read(public.join(&preview.src)).expect("written");
    assert_eq!(
        image::load_from_memory(&bytes).expect("a JPEG").width(),
        1000
    );
    assert!(
        !bytes.windows(4).any(|w| w == b"Exif"),
        "the preview carries no EXIF"
    );
}

/// The problems of a site whose only post has a hero drawing with `inside` its `<svg>`.
fn problems_of_hero_drawing(name: &str, inside: &str) -> Vec<String> {
    let site = TempSite::new(name);
    let root = &site.0;
    std::fs::write(
        root.join("public/images/hero.svg"),
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360">{inside}</svg>"#
        ),
    )
    .expect("svg written");
    write_post_with_hero(root, "our-room", "hero.svg");
    let problems = build(root).outputs.expect_err("refused");
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn a_drawn_hero_with_text_is_refused_with_what_to_do() {
    let problems = problems_of_hero_drawing("preview-text", r#"<text x="10" y="20">Sale!</text>"#);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("images/hero.svg: the drawing has text")),
        "{problems:?}"
    );
}

#[test]
fn a_see_through_png_hero_gets_a_preview_on_white_not_black() {
    let site = TempSite::new("preview-alpha");
    let root = &site.0;
    let public = root.join("public");
    // Left half fully transparent (its hidden colour black), right half opaque red.
    let png = image::RgbaImage::from_fn(800, 400, |x, _| {
        if x < 400 {
            image::Rgba([0, 0, 0, 0])
        } else {
            image::Rgba([200, 0, 0, 255])
        }
    });
    png.save(public.join("images/logo.png"))
        .expect("png written");
    write_post_with_hero(root, "our-room", "logo.png");
    let built = build(root);
    built.outputs.as_ref().unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(previews::write(&public, &built.previews), Ok(1));
    let preview = image::open(public.join(&built.previews[0].preview.src))
        .expect("a JPEG")
        .to_rgb8();
    let near = |got: [u8; 3], want: [u8; 3]| got.iter().zip(want).all(|(g, w)| g.abs_diff(w) < 12);
    assert!(
        near(preview.get_pixel(50, 200).0, [255, 255, 255]),
        "{:?}",
        preview.get_pixel(50, 200)
    );
    assert!(
        near(preview.get_pixel(750, 200).0, [200, 0, 0]),
        "{:?}",
        preview.get_pixel(750, 200)
    );
}

#[test]
fn a_drawn_hero_embedding_a_picture_is_refused() {
    let problems = problems_of_hero_drawing(
        "preview-image",
        r#"<image href="photo.jpg" width="640" height="360"/>"#,
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("images/hero.svg: the drawing embeds a picture")),
        "{problems:?}"
    );
}
