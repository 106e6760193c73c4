//! The Markdown → post mapping, each convention, and each problem with its line.

use std::io::Cursor;
use std::path::Path;

use super::*;
use clinic_model::blog::{Block, Image, Inline};

/// Front matter of a valid post; its body starts on line 12.
const FRONT: &str = "+++
title = \"Lifting safely\"
description = \"Bend your knees and keep the load close: a short guide to lifting well.\"
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
        blocks("The body's \"rule\" -- 2 \\* 3 & a < b\\>\n"),
        [Block::Paragraph {
            content: vec![text("The body's \"rule\" -- 2 * 3 & a < b>")]
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
    let root = &crate::files::repo_root();
    let measure = |src: &str| image_size::measure(root, src);
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
        ": link to /, /blog, /blog/topic/<tag>, /blog/<post file name>, /symptoms, /contact or /visit";
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
    // The body starts on line 12; each case names the line its problem is on.
    let cases = [
        ("<b>Hi</b>\n", 12, "HTML is not allowed"),
        ("Text.\n\n---\n", 14, "dividing rule"),
        ("- a\n  - b\n", 13, "a list inside a list"),
        ("***both***\n", 12, "bold and italic cannot be combined"),
        (
            "Look: ![A box](images/box.svg)\n",
            12,
            "an image goes in a paragraph of its own",
        ),
        (
            "Text.\n\n```js\nx\n```\n",
            14,
            "the only fenced block is ```citation",
        ),
        ("> [!note]\n> x\n", 12, "unknown box `[!note]`"),
        ("> [!cta]\n> No button.\n", 12, "ends with its button"),
        ("> One.\n>\n> Two.\n", 12, "a quote holds one paragraph"),
        ("## A [link](/)\n", 12, "a heading is plain text"),
        ("Text.\n\n##### Deep\n", 14, "headings go down to `####`"),
    ];
    for (body, line, expected) in cases {
        let found = problems(body);
        let on_its_line = format!("content/posts/x.md:{line}: ");
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&on_its_line) && p.contains(expected)),
            "{body:?}: {found:?}"
        );
        assert!(
            found.iter().all(|p| p.starts_with(&on_its_line)),
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
    let text = source("Text.\n\n![Image of a box](images/box.svg)\n")
        .replace("title = \"Lifting safely\"", "title = \" \"");
    assert_eq!(
        problems_of(&text),
        [
            "content/posts/x.md:2: field `title` is empty",
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

#[test]
fn a_file_named_after_a_list_of_posts_is_refused() {
    let found = convert_post(
        "content/posts/index.md",
        "index",
        &source("Text.\n"),
        &measure,
    )
    .post
    .unwrap_err();
    assert_eq!(found[0].line, 1);
    assert!(
        found[0].message.contains("taken by the list of posts"),
        "{found:?}"
    );
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
    assert!(measured.level.grades().unwrap().whole.grade() > 8.0);
    assert!(measured.level.grades().unwrap().prose.grade() > 8.0);
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
    assert_eq!(measured.level.grades().unwrap().whole.sentences, 4);
    assert_eq!(measured.level.grades().unwrap().whole.words, 9);
    // The prose grade reads the paragraph alone.
    assert_eq!(measured.level.grades().unwrap().prose.sentences, 2);
    assert_eq!(measured.level.grades().unwrap().prose.words, 5);
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
    assert!(
        measured.level.grades().unwrap().whole.grade() <= 8.0,
        "{measured:?}"
    );
    assert!(
        measured.level.grades().unwrap().prose.grade() > 8.0,
        "{measured:?}"
    );
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
    let root = &crate::files::repo_root();
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
        sources + Lang::ALL.len(),
        "one JSON per post, and each language's index"
    );
    for output in &outputs {
        let committed = std::fs::read_to_string(root.join(&output.path)).expect("committed");
        let committed: serde_json::Value = serde_json::from_str(&committed).expect("json");
        let built: serde_json::Value = serde_json::from_str(&output.text).expect("json");
        assert_eq!(
            built, committed,
            "{} is stale: run cargo run -p clinic-content --bin content",
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
        std::fs::create_dir_all(dir.join(photos::ORIGINALS_DIR)).expect("uploads dir");
        Self(dir)
    }
}

impl Drop for TempSite {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn a_photo_post_gets_its_size_from_the_file_a_clean_copy_and_webp_copies_offered_by_srcset() {
    let site = TempSite::new("photo");
    let root = &site.0;
    // A 1000×600 "photo": a gradient, so the encoder has something to do.
    let photo = image::RgbImage::from_fn(1000, 600, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
    });
    photo
        .save(root.join("content/images/room.jpg"))
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
    // The fallback is the clean copy, named for the upload's content.
    let clean = image.src.as_str();
    assert!(
        clean.starts_with("images/generated/room-") && clean.ends_with(".jpg"),
        "{clean}"
    );
    assert_eq!(
        clean.len(),
        "images/generated/room-".len() + 16 + ".jpg".len()
    );

    // Nothing is encoded until asked; then each copy is a WebP of its width, in proportion.
    let public = root.join("public");
    assert!(!public.join(candidates[0].0).exists());
    assert_eq!(photos::write(root, &built.photos), Ok(4));
    for (path, width) in &candidates {
        let bytes = std::fs::read(public.join(path)).expect("variant written");
        let decoded = webp::Decoder::new(&bytes).decode().expect("a WebP file");
        let width: u32 = width.trim_end_matches('w').parse().expect("width");
        assert_eq!(
            (decoded.width(), decoded.height()),
            (width, width * 600 / 1000)
        );
        assert!(bytes.len() < 60_000, "{path} is {} bytes", bytes.len());
    }
    let copy = image::open(public.join(clean)).expect("the clean copy is a JPEG");
    assert_eq!((copy.width(), copy.height()), (1000, 600));
    // A second build writes nothing again (so `trunk serve` is not woken by its own output).
    assert_eq!(photos::write(root, &built.photos), Ok(0));
}

#[test]
fn a_photo_that_cannot_be_read_is_refused_with_its_name() {
    let site = TempSite::new("broken-photo");
    let root = &site.0;
    std::fs::write(root.join("content/images/room.jpg"), b"not a jpeg").expect("written");
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

/// A 1000×600 JPEG, with `exif` (a TIFF structure) if given.
fn jpeg(exif: Option<Vec<u8>>) -> Vec<u8> {
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
    bytes
}

/// A 1000×600 JPEG uploaded as `content/images/<name>`, with `exif` if given.
fn write_jpeg(root: &Path, name: &str, exif: Option<Vec<u8>>) {
    std::fs::write(root.join(photos::ORIGINALS_DIR).join(name), jpeg(exif)).expect("jpeg written");
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
        image_size::measure(root, "images/portrait.jpg"),
        Ok((600, 1000))
    );
    let (clean, webp) = photos::plan(root, "images/portrait.jpg", 600).expect("planned");
    assert_eq!(webp.iter().map(|v| v.width).collect::<Vec<_>>(), [480, 600]);
    let mut variants = vec![clean.clone()];
    variants.extend(webp.clone());
    photos::write(root, &variants).expect("written");
    let bytes = std::fs::read(public.join(&webp[0].path)).expect("variant");
    let decoded = webp::Decoder::new(&bytes).decode().expect("a WebP file");
    assert_eq!(
        (decoded.width(), decoded.height()),
        (480, 800),
        "upright, not sideways"
    );
    // The clean copy is turned, not told to turn: it has no EXIF to say so.
    let copy = image::open(public.join(&clean.path)).expect("a JPEG");
    assert_eq!((copy.width(), copy.height()), (600, 1000));
}

#[test]
fn a_photo_that_records_where_it_was_taken_is_refused() {
    let site = TempSite::new("gps");
    let root = &site.0;
    write_jpeg(root, "garden.jpg", Some(exif_with(0x8825, 26)));
    let message = image_size::measure(root, "images/garden.jpg").unwrap_err();
    assert!(
        message.contains("records the place it was taken"),
        "{message}"
    );
    assert!(message.contains("remove location"), "{message}");
}

#[test]
fn copies_of_a_photo_no_post_uses_are_removed() {
    let site = TempSite::new("stale-copies");
    let root = &site.0;
    let public = root.join("public");
    write_jpeg(root, "room.jpg", None);
    let (clean, webp) = photos::plan(root, "images/room.jpg", 1000).expect("planned");
    let mut variants = vec![clean];
    variants.extend(webp);
    assert_eq!(photos::write(root, &variants), Ok(4));
    assert_eq!(photos::write(root, &variants[..1]), Ok(0));
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

    assert_eq!(previews::write(root, &built.previews), Ok(1));
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
    let manifest: clinic_model::blog::preview::Manifest = serde_json::from_str(
        &std::fs::read_to_string(public.join(clinic_model::blog::preview::MANIFEST))
            .expect("list written"),
    )
    .expect("the list reads back");
    assert_eq!(manifest.get("our-room"), Some(preview));

    // Nothing is drawn again, and a preview no post uses any more is removed.
    let stale = public.join("images/previews/old-post-0000000000000000.png");
    std::fs::write(&stale, b"old").expect("stale file");
    assert_eq!(previews::write(root, &built.previews), Ok(0));
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
    assert_eq!(previews::write(root, &built.previews), Ok(1));
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
            r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="640" height="360">{inside}</svg>"#
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
        problems.iter().any(|p| p.starts_with(
            "content/posts/our-room.md:8: images/hero.svg, line 1: the drawing has text"
        )),
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
    png.save(root.join("content/images/logo.png"))
        .expect("png written");
    write_post_with_hero(root, "our-room", "logo.png");
    let built = build(root);
    built.outputs.as_ref().unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(previews::write(root, &built.previews), Ok(1));
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
        problems.iter().any(|p| p.starts_with(
            "content/posts/our-room.md:8: images/hero.svg, line 1: the drawing embeds a picture"
        )),
        "{problems:?}"
    );
}

#[test]
fn a_prefixed_text_element_is_found_too() {
    let problems = problems_of_hero_drawing(
        "preview-prefixed-text",
        r#"<s:text xmlns:s="http://www.w3.org/2000/svg">Sale!</s:text>"#,
    );
    assert!(
        problems.iter().any(|p| p.contains("the drawing has text")),
        "{problems:?}"
    );
}

#[test]
fn a_drawn_hero_referring_to_a_file_is_refused_on_its_line() {
    let filter = |href: &str| {
        format!(
            "<filter id=\"f\"><feImage {href}/></filter>\
             <rect width=\"640\" height=\"360\" filter=\"url(#f)\"/>"
        )
    };
    let cases = [
        (
            r#"<image href="../../secret.svg" width="640" height="360"/>"#.to_string(),
            "line 1: the drawing embeds a picture or a web page (<image>)",
        ),
        (
            r#"<image xlink:href="/etc/secret.svg" width="640" height="360"/>"#.to_string(),
            "line 1: the drawing embeds a picture or a web page (<image>)",
        ),
        (
            r#"<s:image xmlns:s="http://www.w3.org/2000/svg" href="secret.svg"/>"#.to_string(),
            "line 1: the drawing embeds a picture or a web page (<image>)",
        ),
        (
            filter(r#"href="../../secret.svg""#),
            "line 1: the drawing refers to something outside itself (<feImage> with \
             href=\"../../secret.svg\")",
        ),
        (
            format!("\n\n{}", filter(r#"xlink:href="/etc/secret.svg""#)),
            "line 3: the drawing refers to something outside itself (<feImage> with \
             href=\"/etc/secret.svg\")",
        ),
        (
            filter(r#"href="data:image/svg+xml;base64,PHN2Zy8+""#),
            "line 1: the drawing refers to something outside itself (<feImage> with \
             href=\"data:image/svg+xml;base64,PHN2Zy8+\")",
        ),
        (
            r#"<use href="shapes.svg#knee"/>"#.to_string(),
            "line 1: the drawing refers to something outside itself (<use> with \
             href=\"shapes.svg#knee\")",
        ),
    ];
    for (index, (inside, expected)) in cases.iter().enumerate() {
        let problems = problems_of_hero_drawing(&format!("preview-href-{index}"), inside);
        assert!(
            problems.iter().any(|p| p.starts_with(&format!(
                "content/posts/our-room.md:8: images/hero.svg, {expected}"
            ))),
            "{inside}: {problems:?}"
        );
    }
}

#[test]
fn a_drawn_hero_referring_to_its_own_elements_is_drawn() {
    let site = TempSite::new("preview-local-href");
    let root = &site.0;
    std::fs::write(
        root.join("public/images/hero.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="640" height="360">
             <defs><rect id="r" width="640" height="360" fill="#1e6091"/>
             <filter id="f"><feImage href="#r"/></filter></defs>
             <use xlink:href="#r"/><rect width="10" height="10" filter="url(#f)"/></svg>"##,
    )
    .expect("svg written");
    write_post_with_hero(root, "our-room", "hero.svg");
    let built = build(root);
    built.outputs.as_ref().unwrap_or_else(|p| panic!("{p:?}"));
    assert_eq!(previews::write(root, &built.previews), Ok(1));
    let png = image::open(root.join("public").join(&built.previews[0].preview.src))
        .expect("a PNG")
        .to_rgb8();
    assert_eq!(png.get_pixel(600, 300).0, [0x1e, 0x60, 0x91]);
}

/// Whether every pixel of an RGB drawing is white.
fn all_white(rgb: &[u8]) -> bool {
    rgb.iter().all(|b| *b == 255)
}

#[test]
fn the_preview_renderer_reads_no_file_outside_the_drawing() {
    let site = TempSite::new("preview-bounded");
    let images = site.0.join("public/images");
    // A red file beside the drawing, which a renderer that follows paths would draw.
    let secret = images.join("secret.svg");
    std::fs::write(
        &secret,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="64" height="36"><rect width="64" height="36" fill="red"/></svg>"#,
    )
    .expect("secret written");
    let absolute = secret.display().to_string();
    let red_svg = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI2NCIgaGVpZ2h0PSIzNiI+PHJlY3Qgd2lkdGg9IjY0IiBoZWlnaHQ9IjM2IiBmaWxsPSJyZWQiLz48L3N2Zz4=";
    let image = |attribute: &str, href: &str| {
        format!(r#"<image {attribute}="{href}" width="64" height="36"/>"#)
    };
    let fe_image = |attribute: &str, href: &str| {
        format!(
            r#"<filter id="f" x="0" y="0" width="1" height="1"><feImage {attribute}="{href}" width="64" height="36"/></filter><rect width="64" height="36" filter="url(#f)"/>"#
        )
    };
    for inside in [
        image("href", "secret.svg"),
        image("xlink:href", "secret.svg"),
        image("href", &absolute),
        image("xlink:href", &absolute),
        image("href", red_svg),
        fe_image("href", "secret.svg"),
        fe_image("xlink:href", "secret.svg"),
        fe_image("href", &absolute),
        fe_image("xlink:href", &absolute),
        fe_image("href", red_svg),
    ] {
        let hero = images.join("hero.svg");
        std::fs::write(
            &hero,
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="36">{inside}</svg>"#
            ),
        )
        .expect("hero written");
        let drawn = previews::draw_svg(&hero, 64, 36).expect("drawn");
        assert!(all_white(&drawn), "{inside} drew another file");
    }
}

/// The problems and previews of a site whose only post has the hero drawing `svg`.
fn build_with_hero_svg(name: &str, svg: &str) -> (Vec<String>, Build) {
    let site = TempSite::new(name);
    let root = &site.0;
    std::fs::write(root.join("public/images/hero.svg"), svg).expect("svg written");
    write_post_with_hero(root, "our-room", "hero.svg");
    let built = build(root);
    let problems = match &built.outputs {
        Ok(_) => Vec::new(),
        Err(found) => found.iter().map(ToString::to_string).collect(),
    };
    (problems, built)
}

#[test]
fn a_drawing_declared_larger_than_4096_pixels_is_refused_before_anything_is_drawn() {
    for (index, (svg, size)) in [
        (r#"<svg width="1" height="99999"></svg>"#, "1×99999"),
        (r#"<svg viewBox="0 0 5000 10"></svg>"#, "5000×10"),
        (r#"<svg width="4097px" height="4097px"></svg>"#, "4097×4097"),
    ]
    .into_iter()
    .enumerate()
    {
        let (problems, built) = build_with_hero_svg(&format!("drawing-size-{index}"), svg);
        assert_eq!(
            problems,
            [format!(
                "content/posts/our-room.md:8: images/hero.svg: the drawing declares itself \
                 {size} pixels; a drawing is at most 4096 on a side: set a smaller width and \
                 height (or viewBox) on its <svg> tag, keeping its proportions"
            )],
            "{svg}"
        );
        assert!(built.previews.is_empty(), "nothing is planned to be drawn");
    }
    let (problems, _) = build_with_hero_svg(
        "drawing-size-fits",
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="4096" height="2304"></svg>"#,
    );
    assert_eq!(problems, Vec::<String>::new(), "4096 on a side is allowed");
}

#[test]
fn a_hero_drawing_too_tall_for_its_preview_is_refused_before_anything_is_drawn() {
    let (problems, built) = build_with_hero_svg(
        "drawing-too-tall",
        r#"<svg width="10" height="4000"></svg>"#,
    );
    assert_eq!(
        problems,
        [
            "content/posts/our-room.md:8: images/hero.svg: its link preview would be \
          1200×480000 pixels, taller than 4096 (a preview is 1200 wide, at the picture's \
          proportions): use a top picture no more than three times as tall as it is wide"
        ]
    );
    assert!(built.previews.is_empty());
}

/// What a camera writes that must never be published.
const MAKER: &str = "Okafor Optics";
const SERIAL: &str = "SN-4815162342";
const TAKEN: &str = "2024:05:07 09:41:00";
const XMP_NAMESPACE: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";

/// EXIF as a camera writes it: maker, model, date and serial number in the first directory,
/// and a second directory pointing at an embedded thumbnail (a whole small JPEG).
fn camera_exif(thumbnail: &[u8]) -> Vec<u8> {
    let entries: [(u16, &str); 4] = [
        (0x010f, MAKER),
        (0x0110, "Model X100"),
        (0x0132, TAKEN),
        (0xa431, SERIAL),
    ];
    let first_len = 2 + 12 * entries.len() + 4;
    let second_len = 2 + 12 * 2 + 4;
    let data_at = 8 + first_len + second_len;
    let mut data = Vec::new();
    let mut exif = b"II*\0".to_vec();
    exif.extend(8u32.to_le_bytes());
    exif.extend((entries.len() as u16).to_le_bytes());
    for (tag, text) in entries {
        let bytes = [text.as_bytes(), b"\0"].concat();
        exif.extend(tag.to_le_bytes());
        exif.extend(2u16.to_le_bytes()); // ASCII
        exif.extend((bytes.len() as u32).to_le_bytes());
        exif.extend(((data_at + data.len()) as u32).to_le_bytes());
        data.extend(bytes);
    }
    exif.extend(((8 + first_len) as u32).to_le_bytes());
    let thumbnail_at = (data_at + data.len()) as u32;
    exif.extend(2u16.to_le_bytes());
    for (tag, value) in [(0x0201u16, thumbnail_at), (0x0202, thumbnail.len() as u32)] {
        exif.extend(tag.to_le_bytes());
        exif.extend(4u16.to_le_bytes()); // LONG
        exif.extend(1u32.to_le_bytes());
        exif.extend(value.to_le_bytes());
    }
    exif.extend(0u32.to_le_bytes());
    exif.extend(data);
    exif.extend(thumbnail);
    exif
}

/// `jpeg` with `segments` (marker, payload) inserted after its start.
fn with_segments(jpeg: &[u8], segments: &[(u8, Vec<u8>)]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    for (marker, payload) in segments {
        out.extend([0xff, *marker]);
        out.extend(
            u16::try_from(payload.len() + 2)
                .expect("a short segment")
                .to_be_bytes(),
        );
        out.extend(payload);
    }
    out.extend(&jpeg[2..]);
    out
}

/// An XMP packet holding `properties` on its description.
fn xmp(properties: &str) -> Vec<u8> {
    let packet = format!(
        r#"<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/" {properties}/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"#
    );
    [XMP_NAMESPACE, packet.as_bytes()].concat()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every file under `dir`, with its path.
fn files_under(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            let bytes = std::fs::read(&path).expect("readable");
            files.push((path, bytes));
        }
    }
    files
}

#[test]
fn an_uploaded_photo_is_published_only_as_copies_without_its_metadata() {
    let site = TempSite::new("clean-copies");
    let root = &site.0;
    let thumbnail = {
        let small = image::RgbImage::from_pixel(16, 16, image::Rgb([9, 200, 30]));
        let mut bytes = Vec::new();
        small
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Jpeg)
            .expect("thumbnail encoded");
        bytes
    };
    let iptc = [
        b"Photoshop 3.0\0".as_slice(),
        b"8BIM\x04\x04\0\0\0\0\0\x12",
        b"\x1c\x02\x50\0\x0dSN-4815162342\0",
    ]
    .concat();
    let upload = with_segments(
        &jpeg(None),
        &[
            (
                0xe1,
                [b"Exif\0\0".as_slice(), &camera_exif(&thumbnail)].concat(),
            ),
            (
                0xe1,
                xmp(&format!(
                    r#"xmp:CreateDate="2024-05-07T09:41:00" exif:BodySerialNumber="{SERIAL}""#
                )),
            ),
            (0xed, iptc),
        ],
    );
    // What goes in carries all of it, readably.
    let mut decoder = image::codecs::jpeg::JpegDecoder::new(Cursor::new(&upload)).expect("a JPEG");
    use image::ImageDecoder;
    assert!(decoder.exif_metadata().expect("read").is_some());
    assert!(decoder.xmp_metadata().expect("read").is_some());
    for marker in [
        SERIAL.as_bytes(),
        TAKEN.as_bytes(),
        MAKER.as_bytes(),
        &thumbnail,
    ] {
        assert!(contains(&upload, marker));
    }
    std::fs::write(root.join("content/images/clinic-room.jpg"), &upload).expect("uploaded");
    write_post_with_hero(root, "our-room", "clinic-room.jpg");

    let built = build(root);
    let outputs = built.outputs.as_ref().unwrap_or_else(|p| panic!("{p:?}"));
    let post = Post::parse(&outputs[0].text).expect("the post reads back");
    assert!(
        post.hero.src.starts_with("images/generated/clinic-room-")
            && post.hero.src.ends_with(".jpg"),
        "the fallback is the clean copy: {}",
        post.hero.src
    );
    assert_eq!(photos::write(root, &built.photos), Ok(4));
    assert_eq!(previews::write(root, &built.previews), Ok(1));

    let published = files_under(&root.join("public"));
    assert!(published
        .iter()
        .any(|(path, _)| path.ends_with(&post.hero.src)));
    let copy = image::open(root.join("public").join(&post.hero.src)).expect("a JPEG");
    assert_eq!((copy.width(), copy.height()), (1000, 600));
    for (path, bytes) in &published {
        let name = path.display();
        assert!(
            !path.ends_with("clinic-room.jpg"),
            "the upload itself is published: {name}"
        );
        assert!(!contains(bytes, b"Exif\0\0"), "{name} has EXIF");
        assert!(!contains(bytes, XMP_NAMESPACE), "{name} has XMP");
        assert!(!contains(bytes, b"Photoshop 3.0"), "{name} has IPTC");
        assert!(!contains(bytes, &thumbnail), "{name} has the thumbnail");
        for marker in [SERIAL, TAKEN, MAKER, "2024-05-07T09:41:00"] {
            assert!(!contains(bytes, marker.as_bytes()), "{name} has {marker}");
        }
        if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
            let images = bytes
                .windows(3)
                .filter(|w| *w == [0xff, 0xd8, 0xff])
                .count();
            assert_eq!(images, 1, "{name} embeds another picture");
        }
    }
    for output in outputs {
        assert!(!output.text.contains("content/images"), "{}", output.path);
    }
}

#[test]
fn a_png_upload_gets_a_lossless_png_copy_without_its_exif() {
    use image::ImageEncoder;
    let site = TempSite::new("clean-png");
    let root = &site.0;
    let chart = image::RgbaImage::from_fn(300, 200, |x, y| {
        image::Rgba([
            (x % 256) as u8,
            (y % 256) as u8,
            77,
            if x < 20 { 0 } else { 255 },
        ])
    });
    let mut upload = Vec::new();
    let mut encoder = image::codecs::png::PngEncoder::new(&mut upload);
    encoder
        .set_exif_metadata(camera_exif(b""))
        .expect("the PNG encoder takes EXIF");
    encoder
        .write_image(chart.as_raw(), 300, 200, image::ExtendedColorType::Rgba8)
        .expect("png encoded");
    assert!(contains(&upload, b"eXIf") && contains(&upload, SERIAL.as_bytes()));
    std::fs::write(root.join("content/images/chart.png"), &upload).expect("uploaded");
    write_post_with_hero(root, "our-room", "chart.png");
    let built = build(root);
    let outputs = built.outputs.as_ref().unwrap_or_else(|p| panic!("{p:?}"));
    let post = Post::parse(&outputs[0].text).expect("the post reads back");
    assert!(post.hero.src.ends_with(".png"), "{}", post.hero.src);
    photos::write(root, &built.photos).expect("written");
    let bytes = std::fs::read(root.join("public").join(&post.hero.src)).expect("the copy");
    assert!(!contains(&bytes, b"eXIf") && !contains(&bytes, SERIAL.as_bytes()));
    let copy = image::load_from_memory(&bytes).expect("a PNG").to_rgba8();
    assert_eq!(copy, chart, "the same pixels, transparency included");
}

#[test]
fn a_photo_with_its_place_only_in_xmp_is_refused_on_its_line() {
    let site = TempSite::new("xmp-gps");
    let root = &site.0;
    std::fs::write(
        root.join("public/images/hero.svg"),
        r#"<svg width="640" height="360"></svg>"#,
    )
    .expect("svg written");
    let located = with_segments(
        &jpeg(None),
        &[(
            0xe1,
            xmp(r#"exif:GPSLatitude="51,30.45N" exif:GPSLongitude="0,7.63W""#),
        )],
    );
    std::fs::write(root.join("content/images/garden.jpg"), located).expect("uploaded");
    std::fs::write(
        root.join(SOURCE_DIR).join("our-garden.md"),
        source("Our garden.\n\n![A garden bench under a tree](images/garden.jpg)\n"),
    )
    .expect("post written");
    let problems: Vec<String> = build(root)
        .outputs
        .expect_err("refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "content/posts/our-garden.md:14: images/garden.jpg records the place it was taken \
          (GPS location in the photo's XMP data): publish a copy without it (most photo apps \
          offer \"remove location\" when sharing or exporting), then replace the file"
        ]
    );
}

#[test]
fn a_photo_left_in_public_images_is_refused_naming_the_file() {
    let site = TempSite::new("published-upload");
    let root = &site.0;
    std::fs::write(
        root.join("public/images/hero.svg"),
        r#"<svg width="640" height="360"></svg>"#,
    )
    .expect("svg written");
    std::fs::write(root.join("public/images/room.jpg"), jpeg(None)).expect("left in public");
    write_post_with_hero(root, "our-room", "hero.svg");
    let problems: Vec<String> = build(root)
        .outputs
        .expect_err("refused")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        problems,
        [
            "public/images/room.jpg:0: public/images/ is published as it is, so it holds drawings \
          (SVG) only: move a photo to content/images/ and write images/<file> in the post (the \
          site then gets a copy without the camera's details)"
        ]
    );
}

/// The problems of `text`, or none when it converts.
fn problems_if_any(text: &str) -> Vec<String> {
    match convert_post("content/posts/x.md", "lifting-safely", text, &measure).post {
        Ok(_) => Vec::new(),
        Err(found) => found.iter().map(Diagnostic::to_string).collect(),
    }
}

/// The front matter with a `[review]` and a caption: title on line 2, tags 7, hero 9, its
/// src 10, alt 11, caption 12, the reviewer 15; the body starts on line 18.
const FULL_FRONT: &str = "+++
title = \"Lifting safely\"
description = \"Bend your knees and keep the load close: a short guide to lifting well.\"
author = \"Dr. Maya Okafor, DC\"
published = 2024-05-07
reading_level_exception = \"Names of treatments\"
tags = [\"lifting\", \"prevention\"]

[hero]
src = \"images/hero.svg\"
alt = \"A person lifting a box with bent knees\"
caption = \"Knees bent, back straight\"

[review]
by = \"Dr. Lee Hart, DC\"
on = 2024-05-08
+++
";

#[test]
fn hostile_text_in_every_field_is_refused_on_its_line() {
    let front = |from: &str, to: &str| {
        assert!(FULL_FRONT.contains(from), "{from}");
        format!("{}Text.\n", FULL_FRONT.replacen(from, to, 1))
    };
    let body = |text: &str| format!("{FULL_FRONT}{text}");
    let citation = |field: &str, value: &str| {
        let mut lines = vec![
            ("authors", "Goertz CM, et al."),
            ("title", "A trial"),
            ("journal", "JAMA Network Open"),
            ("doi", "10.1001/x"),
            ("url", "https://example.com/trial"),
            ("summary", "It helped."),
        ];
        for line in &mut lines {
            if line.0 == field {
                line.1 = value;
            }
        }
        let fields: String = lines
            .iter()
            .map(|(k, v)| format!("{k} = \"{v}\"\n"))
            .collect();
        body(&format!("Text.\n\n```citation\n{fields}year = 2018\n```\n"))
    };
    // The front matter's fields, then the body's: (what the message names, source, line).
    let cases: Vec<(&str, String, usize)> = vec![
        (
            "`title` holds `</title>`",
            front("\"Lifting safely\"", "\"Lifting </title><!--\""),
            2,
        ),
        (
            "`description` holds a line separator (U+2028)",
            front(
                "\"Bend your knees and keep the load close: a short guide to lifting well.\"",
                "\"Bend\\u2028your knees and keep the load close: a short guide to lifting well.\"",
            ),
            3,
        ),
        (
            "`author` holds `<script>`",
            front("\"Dr. Maya Okafor, DC\"", "\"<script>alert(1)</script>\""),
            4,
        ),
        (
            "`reading_level_exception` holds `<!-- x`",
            front("\"Names of treatments\"", "\"<!-- x\""),
            6,
        ),
        (
            "the tag \"<b>\" becomes the address",
            front("\"prevention\"", "\"<b>\""),
            7,
        ),
        (
            "`src` under [hero] holds `</svg>`",
            front("images/hero.svg", "images/</svg>.svg"),
            10,
        ),
        (
            "`alt` under [hero] holds an invisible control character (U+0007)",
            front("A person lifting", "A\\u0007person lifting"),
            11,
        ),
        (
            "`caption` under [hero] holds `<img src=x onerror=alert(1)>`",
            front("Knees bent", "<img src=x onerror=alert(1)> bent"),
            12,
        ),
        (
            "`by` under [review] holds a tab (U+0009)",
            front("Dr. Lee Hart", "Dr.\\tLee Hart"),
            15,
        ),
        ("the heading holds `<b>`", body("## Why &lt;b&gt;\n"), 18),
        ("the paragraph holds `</p>`", body("Rest \\</p> now.\n"), 18),
        ("the paragraph holds `<i>`", body("Rest _now \\<i>_.\n"), 18),
        (
            "the paragraph holds a paragraph separator (U+2029)",
            body("Rest **now&#x2029;**.\n"),
            18,
        ),
        (
            "a link's words holds `<svg onload=alert(1)>`",
            body("See [\\<svg onload=alert(1)>](/contact).\n"),
            18,
        ),
        (
            "a link's address holds `<b`",
            body("See [us](https://example.com/?q=&lt;b).\n"),
            18,
        ),
        (
            "a list item holds `<!-- hidden -->`",
            body("- Rest\n- Ice \\<!-- hidden -->\n"),
            18,
        ),
        (
            "the picture's alt text holds `<b>`",
            body("![A box \\<b>](images/box.svg)\n"),
            18,
        ),
        (
            "the picture's caption holds an invisible control character (U+001B)",
            body("![A box](images/box.svg \"Hold &#x1b;[31m\")\n"),
            18,
        ),
        (
            "the picture's file name holds `<b>`",
            body("![A box](images/&lt;b&gt;.svg)\n"),
            18,
        ),
        (
            "the quote holds `</blockquote>`",
            body("> Slow \\</blockquote> is smooth.\n"),
            18,
        ),
        (
            "who said the quote holds `<i>`",
            body("> Slow is smooth.\n>\n> — June \\<i>\n"),
            18,
        ),
        (
            "the call to action's text holds `<b>`",
            body("> [!cta]\n> Still \\<b>sore?\n> [Contact us](/contact)\n"),
            18,
        ),
        (
            "the call to action's button holds `<b>`",
            body("> [!cta]\n> Still sore?\n> [Contact \\<b>](/contact)\n"),
            18,
        ),
        (
            "the call to action's link holds `<b`",
            body("> [!cta]\n> Still sore?\n> [Contact us](/contact?x=&lt;b)\n"),
            18,
        ),
        (
            "the citation's `authors` holds `<b>`",
            citation("authors", "Goertz <b>"),
            21,
        ),
        (
            "the citation's `title` holds `</title>`",
            citation("title", "A </title> trial"),
            22,
        ),
        (
            "the citation's `journal` holds a line break (U+000A)",
            citation("journal", "JAMA\\nOpen"),
            23,
        ),
        (
            "the citation's `doi` holds `<x`",
            citation("doi", "10.1001/<x"),
            24,
        ),
        (
            "the citation's `url` holds `<b`",
            citation("url", "https://example.com/<b"),
            25,
        ),
        (
            "the citation's `summary` holds `<!--`",
            citation("summary", "It helped <!--"),
            26,
        ),
    ];
    for (expected, text, line) in cases {
        let found = problems_if_any(&text);
        assert!(
            found
                .iter()
                .any(|p| p.starts_with(&format!("content/posts/x.md:{line}: {expected}"))),
            "{expected} on line {line}:\n{text}\n{found:#?}"
        );
    }
}

#[test]
fn each_bad_tag_is_refused_on_its_own_line_with_an_address_to_use() {
    let text = source("Text.\n").replace(
        "tags = [\"lifting\", \"prevention\"]",
        "tags = [\n  \"lifting\",\n  \"Back Pain\",\n  \"neck--pain\",\n]",
    );
    assert_eq!(
        problems_of(&text),
        [
            "content/posts/x.md:8: the tag \"Back Pain\" becomes the address /blog/topic/<tag>: \
             write it in lowercase letters and digits, words joined by single hyphens, like \
             \"back-pain\"",
            "content/posts/x.md:9: the tag \"neck--pain\" becomes the address /blog/topic/<tag>: \
             write it in lowercase letters and digits, words joined by single hyphens, like \
             \"neck-pain\"",
        ]
    );
}

#[test]
fn harmless_angle_brackets_ampersands_and_quotes_pass_through_unchanged() {
    let harmless = "Pain < 3 days & rest: \\\"ice\\\" > heat, <3";
    let shown = "Pain < 3 days & rest: \"ice\" > heat, <3";
    let text = FULL_FRONT
        .replace("Lifting safely", harmless)
        .replace(
            "Bend your knees and keep the load close: a short guide to lifting well.",
            &format!("{harmless}, said at some length here"),
        )
        .replace(
            "A person lifting a box with bent knees",
            "A box < a chair & a bag",
        )
        .replace("Knees bent, back straight", harmless)
        + "Rest < 3 days & ice \"often\" > heat.\n\n\
           ```citation\nauthors = \"O'Brien & Lee\"\ntitle = \"Rest < 3 days\"\n\
           journal = \"J\"\nyear = 2018\ndoi = \"10.1001/x\"\n```\n";
    let post = convert_post("content/posts/x.md", "lifting-safely", &text, &measure)
        .post
        .unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(post.title, shown);
    assert_eq!(
        post.description,
        format!("{shown}, said at some length here")
    );
    assert_eq!(post.hero.alt.as_deref(), Some("A box < a chair & a bag"));
    assert_eq!(post.hero.caption.as_deref(), Some(shown));
    let json = pretty(&post);
    for written in [
        "\"title\": \"Pain < 3 days & rest: \\\"ice\\\" > heat, <3\"",
        "\"alt\": \"A box < a chair & a bag\"",
        "\"text\": \"Rest < 3 days & ice \\\"often\\\" > heat.\"",
        "\"authors\": \"O'Brien & Lee\"",
        "\"title\": \"Rest < 3 days\"",
    ] {
        assert!(json.contains(written), "{written} not in\n{json}");
    }
}

/// A Spanish post translating `lifting-safely`, with its own review: `lang` on line 6,
/// `translation_of` 7, `[review]` 14; the body starts on line 18.
const FRONT_ES: &str = "+++
title = \"Levantar peso con cuidado\"
description = \"Doble las rodillas y mantenga la carga cerca: una guía breve para levantar.\"
author = \"Dr. Maya Okafor, DC\"
published = 2024-06-01
lang = \"es\"
translation_of = \"lifting-safely\"
tags = [\"levantar-peso\"]

[hero]
src = \"images/hero.svg\"
alt = \"Una persona levanta una caja con las rodillas dobladas\"

[review]
by = \"Dr. Samuel Ortiz, MD\"
on = 2024-06-01
+++
";

/// Plain Spanish: IFSZ well above 65.
const PLAIN_ES: &str = "El dolor de espalda es muy común. Casi siempre mejora en unas semanas. \
    Siga activo y camine un poco cada día.\n";

/// Long sentences of long words: IFSZ far below 55.
const HARD_ES: &str = "La rehabilitación musculoesquelética interdisciplinaria necesita \
    evaluaciones neurológicas exhaustivas, particularmente considerando manifestaciones \
    radiológicas concomitantes e intervenciones farmacológicas complementarias.\n";

fn source_es(body: &str) -> String {
    format!("{FRONT_ES}{body}")
}

/// The English original with a review on `on`, and its Spanish translation (`spanish`, a whole
/// source), as the build reads them.
fn pair(on: &str, spanish: &str) -> Vec<SourcePost> {
    let english = source("Rest a little. Then walk.\n").replace(
        "knees\"\n+++",
        &format!("knees\"\n\n[review]\nby = \"Dr. B\"\non = {on}\n+++"),
    );
    vec![
        convert_post(
            "content/posts/lifting-safely.md",
            "lifting-safely",
            &english,
            &measure,
        ),
        convert_post(
            "content/posts/levantar-peso-con-cuidado.md",
            "levantar-peso-con-cuidado",
            spanish,
            &measure,
        ),
    ]
}

fn strings(diagnostics: &[Diagnostic]) -> Vec<String> {
    diagnostics.iter().map(Diagnostic::to_string).collect()
}

#[test]
fn a_spanish_translation_is_read_with_its_language_and_measured_in_ifsz() {
    let converted = convert_post(
        "content/posts/x.md",
        "levantar-peso",
        &source_es(PLAIN_ES),
        &measure,
    );
    let post = converted.post.expect("valid");
    assert_eq!(post.lang, Lang::Es);
    // The other half of the pair is filled in by the build, once every post is read.
    assert_eq!(post.translation, None);
    assert_eq!(converted.translation_of, Some(("lifting-safely".into(), 7)));
    assert_eq!(converted.row.lang, Lang::Es);
    let measured = converted.row.measured.expect("measured");
    let scores = measured
        .level
        .ifsz()
        .expect("measured in IFSZ, not in grades");
    assert!(scores.whole.szigriszt_pazos() >= 65.0, "{scores:?}");
    assert_eq!(measured.status, report::Status::Ok);
    assert!(converted.warnings.is_empty());
}

#[test]
fn a_translation_of_a_missing_post_is_refused_on_its_line() {
    let spanish = source_es(PLAIN_ES).replace(
        "translation_of = \"lifting-safely\"",
        "translation_of = \"lifting-safley\"",
    );
    let sources = pair("2024-05-01", &spanish);
    assert_eq!(
        strings(&check_translations(&sources)),
        [
            "content/posts/levantar-peso-con-cuidado.md:7: `translation_of` names lifting-safley, \
          but there is no content/posts/lifting-safley.md: write the file name of the English \
          post this one translates, without .md"
        ]
    );
}

#[test]
fn a_translation_without_its_own_review_is_refused_on_its_line() {
    let text = source_es(PLAIN_ES).replace(
        "\n[review]\nby = \"Dr. Samuel Ortiz, MD\"\non = 2024-06-01\n",
        "",
    );
    let found = problems_of(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with(
            "content/posts/x.md:7: a translation needs its own medical review: once a reviewer \
             has checked this text against lifting-safely, add [review]"
        ),
        "{}",
        found[0]
    );
}

#[test]
fn a_spanish_text_below_the_readability_floor_is_refused_on_its_line() {
    let found = problems_of(&source_es(HARD_ES));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].starts_with("content/posts/x.md:18: the Spanish text scores IFSZ "),
        "{}",
        found[0]
    );
    for needed in ["55 or more", "shorter sentences", "reading_level_exception"] {
        assert!(found[0].contains(needed), "{needed}: {}", found[0]);
    }
    // The English grade formula is not applied to Spanish: nothing names Flesch–Kincaid.
    assert!(!found[0].contains("Flesch"), "{}", found[0]);
    // With a reason recorded it builds, and the table shows the reason.
    let text = source_es(HARD_ES).replace(
        "tags =",
        "reading_level_exception = \"Nombres de tratamientos\"\ntags =",
    );
    let converted = convert_post("content/posts/x.md", "levantar-peso", &text, &measure);
    assert!(converted.post.is_ok(), "{:#?}", converted.post);
}

#[test]
fn a_spanish_text_between_55_and_65_builds_with_a_warning_on_its_line() {
    // Plain sentences of longer words: IFSZ 60.8, "normal" on the INFLESZ scale.
    let body = "El dolor de espalda es común. El tratamiento depende del diagnóstico de cada \
                paciente. Consulte a su médico si el dolor continúa durante varias semanas \
                seguidas.\n\nEl tratamiento depende del diagnóstico de cada paciente. Consulte a \
                su médico si el dolor continúa durante varias semanas.\n";
    let converted = convert_post(
        "content/posts/x.md",
        "levantar-peso",
        &source_es(body),
        &measure,
    );
    assert!(converted.post.is_ok(), "{:#?}", converted.post);
    let score = converted
        .row
        .measured
        .as_ref()
        .unwrap()
        .level
        .ifsz()
        .unwrap()
        .whole;
    let warnings = strings(&converted.warnings);
    assert_eq!(
        warnings.len(),
        1,
        "IFSZ {}: {warnings:?}",
        score.szigriszt_pazos()
    );
    assert!(
        warnings[0].starts_with("content/posts/x.md:18: the Spanish text scores IFSZ "),
        "{}",
        warnings[0]
    );
    assert_eq!(
        converted.row.measured.unwrap().status,
        report::Status::Harder
    );
}

#[test]
fn translation_of_in_an_english_post_is_refused_on_its_line() {
    let text = source("Rest a little. Then walk.\n")
        .replace("tags =", "translation_of = \"levantar-peso\"\ntags =");
    let found = problems_of(&text);
    assert!(
        found.iter().any(|f| f.starts_with(
            "content/posts/x.md:6: `translation_of` marks a translation, and an English post is \
             the original"
        )),
        "{found:#?}"
    );
}

#[test]
fn a_translation_must_name_an_english_post_and_only_one_translation_each() {
    let mut sources = pair("2024-05-01", &source_es(PLAIN_ES));
    // A second Spanish translation of the same post.
    sources.push(convert_post(
        "content/posts/levantar-bien.md",
        "levantar-bien",
        &source_es(PLAIN_ES),
        &measure,
    ));
    // And one that names a Spanish post.
    sources.push(convert_post(
        "content/posts/otra.md",
        "otra",
        &source_es(PLAIN_ES).replace("\"lifting-safely\"", "\"levantar-bien\""),
        &measure,
    ));
    let found = strings(&check_translations(&sources));
    assert_eq!(
        found,
        [
            "content/posts/otra.md:7: `translation_of` names levantar-bien, which is in Spanish \
             (content/posts/levantar-bien.md): write the file name of the English original",
            "content/posts/levantar-peso-con-cuidado.md:7: content/posts/levantar-bien.md \
             translates lifting-safely too: a post has one translation in Spanish, so keep one \
             and make the other a post of its own (without `translation_of`)",
            "content/posts/levantar-bien.md:7: content/posts/levantar-peso-con-cuidado.md \
             translates lifting-safely too: a post has one translation in Spanish, so keep one \
             and make the other a post of its own (without `translation_of`)",
        ]
    );
}

#[test]
fn a_translation_reviewed_before_its_original_is_refused_on_its_review_line() {
    let sources = pair("2024-07-01", &source_es(PLAIN_ES));
    assert_eq!(
        strings(&check_translations(&sources)),
        [
            "content/posts/levantar-peso-con-cuidado.md:14: this translation's medical review \
          (2024-06-01) is older than its original's (2024-07-01, content/posts/lifting-safely.md): \
          have it reviewed against the current English text, then update `on` under [review]"
        ]
    );
    assert!(check_translations(&pair("2024-06-01", &source_es(PLAIN_ES))).is_empty());
}

#[test]
fn a_slug_is_unique_across_languages() {
    let sources = [
        convert_post(
            "content/posts/a.md",
            "lifting-safely",
            &source("Text.\n"),
            &measure,
        ),
        convert_post(
            "content/posts/b.md",
            "lifting-safely",
            &source_es(PLAIN_ES),
            &measure,
        ),
    ];
    let found = strings(&check_translations(&sources));
    assert!(
        found.contains(
            &"content/posts/b.md:1: the file name lifting-safely is also content/posts/a.md's: \
              every post, in any language, needs its own (the site serves each as \
              posts/<file name>.json)"
                .to_string()
        ),
        "{found:#?}"
    );
}

#[test]
fn a_spanish_post_links_to_spanish_pages_posts_and_topics() {
    let body = "Vea [la lista](/es/sintomas), [el original](/blog/lifting-safely), \
                [contacto](/contact),\n[el tema](/es/blog/tema/levantar-peso), [otro](/es/blog/tema/lifting) \
                y [este](/es/blog/levantar-peso-con-cuidado).\n";
    let mut sources = pair("2024-05-01", &source_es(&format!("{PLAIN_ES}\n{body}")));
    // The English post may not link to the Spanish one, and reaches its own pages.
    sources[0] = convert_post(
        "content/posts/lifting-safely.md",
        "lifting-safely",
        &source("See [the Spanish](/es/blog/levantar-peso-con-cuidado) and [lifting](/blog/topic/lifting).\n"),
        &measure,
    );
    assert_eq!(
        strings(&check_links(&sources)),
        [
            "content/posts/lifting-safely.md:12: the link to /es/blog/levantar-peso-con-cuidado \
             is a page in Spanish, and this post is in English: link to /blog/lifting-safely",
            "content/posts/levantar-peso-con-cuidado.md:20: the link to /blog/lifting-safely is a \
             page in English, and this post is in Spanish: link to /es/blog/levantar-peso-con-cuidado",
            "content/posts/levantar-peso-con-cuidado.md:20: the link to /contact is a page in \
             English, and this post is in Spanish: link to /es/contacto",
            "content/posts/levantar-peso-con-cuidado.md:21: the link to /es/blog/tema/lifting goes \
             nowhere: link to /es, /es/blog, /es/blog/tema/<tag>, /es/blog/<post file name>, \
             /es/sintomas, /es/contacto or /es/visita",
        ]
    );
}

#[test]
fn a_built_pair_names_each_other_and_each_language_has_its_own_index() {
    let site = TempSite::new("translation");
    let root = &site.0;
    std::fs::write(
        root.join("public/images/hero.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360"><rect width="640" height="360" fill="#1e6091"/></svg>"##,
    )
    .expect("hero written");
    let posts = root.join(SOURCE_DIR);
    let english = source("Rest a little. Then walk.\n").replace(
        "knees\"\n+++",
        "knees\"\n\n[review]\nby = \"Dr. B\"\non = 2024-05-01\n+++",
    );
    std::fs::write(posts.join("lifting-safely.md"), english).expect("written");
    std::fs::write(
        posts.join("levantar-peso-con-cuidado.md"),
        source_es(PLAIN_ES),
    )
    .expect("written");
    std::fs::write(posts.join("desk.md"), source("Sit back.\n")).expect("written");
    let built = build(root);
    let outputs = built
        .outputs
        .unwrap_or_else(|found| panic!("{:#?}", strings(&found)));
    let output = |path: &str| -> serde_json::Value {
        let output = outputs
            .iter()
            .find(|o| o.path == path)
            .unwrap_or_else(|| panic!("{path}"));
        serde_json::from_str(&output.text).expect("json")
    };
    let english = output("public/posts/lifting-safely.json");
    assert_eq!(english["lang"], "en");
    assert_eq!(english["translation"], "levantar-peso-con-cuidado");
    let spanish = output("public/posts/levantar-peso-con-cuidado.json");
    assert_eq!(spanish["lang"], "es");
    assert_eq!(spanish["translation"], "lifting-safely");
    // Its own review, not the original's.
    assert_eq!(spanish["reviewed"]["on"], "2024-06-01");
    assert!(output("public/posts/desk.json")
        .get("translation")
        .is_none());
    let slugs = |index: serde_json::Value| -> Vec<String> {
        index
            .as_array()
            .expect("a list")
            .iter()
            .map(|entry| entry["slug"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        slugs(output("public/posts/index.json")),
        ["desk", "lifting-safely"]
    );
    assert_eq!(
        slugs(output("public/posts/index.es.json")),
        ["levantar-peso-con-cuidado"]
    );
    assert_eq!(built.rows.iter().filter(|r| r.lang == Lang::Es).count(), 1);
    // A Spanish index left from an earlier build is not a post without a source.
    for output in &outputs {
        std::fs::write(root.join(&output.path), &output.text).expect("written");
    }
    assert!(build(root).outputs.is_ok());
}

#[test]
fn a_draft_is_built_for_development_and_left_out_of_a_release_with_its_json_deleted() {
    let site = TempSite::new("drafts");
    let root = &site.0;
    std::fs::write(
        root.join("public/images/hero.svg"),
        r#"<svg width="640" height="360"></svg>"#,
    )
    .expect("svg written");
    let body = "Bend at the hips and knees, and keep the load close to you.\n";
    std::fs::write(
        root.join(SOURCE_DIR).join("lifting-safely.md"),
        source(body),
    )
    .unwrap();
    let draft = source(body).replacen("tags =", "draft = true\ntags =", 1);
    std::fs::write(root.join(SOURCE_DIR).join("heat-or-ice.md"), &draft).unwrap();
    let paths = |built: &Build| -> Vec<String> {
        built
            .outputs
            .as_ref()
            .unwrap()
            .iter()
            .map(|o| o.path.clone())
            .collect()
    };
    let index = |built: &Build| -> String {
        built
            .outputs
            .as_ref()
            .unwrap()
            .iter()
            .find(|o| o.path.ends_with("index.json"))
            .unwrap()
            .text
            .clone()
    };

    let development = build_with(root, Drafts::for_profile(Some("debug")));
    assert!(paths(&development).contains(&"public/posts/heat-or-ice.json".to_string()));
    assert!(
        index(&development).contains("\"heat-or-ice\""),
        "listed in development"
    );
    // What `trunk serve` wrote stays on disk until a release build...
    std::fs::write(root.join("public/posts/heat-or-ice.json"), "{}").unwrap();

    for release in [
        build(root),
        build_with(root, Drafts::for_profile(Some("release"))),
        build_with(root, Drafts::for_profile(None)),
    ] {
        assert!(
            !paths(&release).iter().any(|p| p.contains("heat-or-ice")),
            "{:?}",
            paths(&release)
        );
        assert!(
            !index(&release).contains("heat-or-ice"),
            "not listed: so not in the sitemap, the feed or the worker"
        );
        // ...which deletes it.
        assert_eq!(
            release.withdrawn,
            vec!["public/posts/heat-or-ice.json".to_string()]
        );
        assert!(release.rows.iter().all(|row| row.slug != "heat-or-ice"));
    }

    // A draft's problem does not hold a release back.
    let broken = draft.replace("alt = \"A person lifting a box with bent knees\"\n", "");
    std::fs::write(root.join(SOURCE_DIR).join("heat-or-ice.md"), broken).unwrap();
    assert!(build(root).outputs.is_ok());
    assert!(
        build_with(root, Drafts::Include).outputs.is_err(),
        "but it shows in development"
    );
}

#[test]
fn a_description_too_short_or_too_long_is_refused_on_its_line() {
    for (description, chars) in [("Bend.", 5), (&"x".repeat(161)[..], 161)] {
        let text = FRONT.replace(
            "Bend your knees and keep the load close: a short guide to lifting well.",
            description,
        ) + "Keep the load close.\n";
        assert_eq!(
            problems_of(&text),
            vec![format!(
                "content/posts/x.md:3: the description has {chars} characters: write 50 to 160 \
                 (it is the text under the title in search results and link previews)"
            )]
        );
    }
}

#[test]
fn the_heros_attribution_follows_its_caption_in_the_posts_language() {
    assert_eq!(
        caption_with_attribution(Some("Stretching at home"), Some("Ana Ruiz"), Lang::En).as_deref(),
        Some("Stretching at home. Photo: Ana Ruiz")
    );
    assert_eq!(
        caption_with_attribution(Some("En casa."), Some("Ana Ruiz"), Lang::Es).as_deref(),
        Some("En casa. Foto: Ana Ruiz")
    );
    assert_eq!(
        caption_with_attribution(None, Some("Ana Ruiz"), Lang::En).as_deref(),
        Some("Photo: Ana Ruiz")
    );
    assert_eq!(
        caption_with_attribution(Some("Only"), Some(" "), Lang::En).as_deref(),
        Some("Only")
    );
    assert_eq!(caption_with_attribution(None, None, Lang::En), None);
    let text = FRONT.replace(
        "alt = \"A person lifting a box with bent knees\"",
        "alt = \"A person lifting a box with bent knees\"\ncaption = \"Knees bent\"\nattribution = \"Ana Ruiz\"",
    ) + "Keep the load close.\n";
    let post = convert_post("content/posts/x.md", "lifting-safely", &text, &measure)
        .post
        .unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(
        post.hero.caption.as_deref(),
        Some("Knees bent. Photo: Ana Ruiz")
    );
}
