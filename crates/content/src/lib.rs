//! Builds `public/posts/*.json` from the Markdown sources in `content/posts/` (run by
//! `src/bin/content.rs`; nothing of it reaches the wasm). The JSON is made from the
//! same [`Post`] type the app reads, so what validates here is what the app accepts.

pub mod files;
pub mod front_matter;
pub mod icons;
pub mod image_size;
pub mod legibilidad;
pub mod markdown;
pub mod photos;
pub mod previews;
pub mod problem;
pub mod readability;
pub mod report;
pub mod text;
pub mod today;

use std::{
    collections::BTreeSet,
    fs,
    path::{Path, PathBuf},
};

use clinic_model::blog::{blocks::LinkTarget, build_index, lint::lint_post, post::Review, Post};
use clinic_model::paths::is_slug;
use clinic_model::routes::link_reaches;
pub use files::{repo_root, OUTPUT_DIR, SOURCE_DIR};
use markdown::{build_image, Measure};
pub use problem::{Diagnostic, Problem};
use readability::Reading;
use report::{reading_level_problems, Measured, Row, Status};

/// One source after conversion. Its slug, tags and links are known even when the post has
/// problems, so the site-wide link check neither misses its links nor misreports links to it.
#[derive(Debug)]
pub struct SourcePost {
    pub file: String,
    /// The file stem: the post's address.
    pub slug: String,
    /// The front matter's tags (empty if the front matter could not be read).
    pub tags: Vec<String>,
    /// Every link of the body, with its line.
    pub links: Vec<(String, usize)>,
    /// The line of `[hero]`, where a problem of its picture is placed.
    pub hero_line: usize,
    /// The post, or every problem of the file, each on its line.
    pub post: Result<Post, Vec<Diagnostic>>,
    /// Its line of the reading-level table, measured even when the post has other problems.
    pub row: Row,
}

/// A file the build writes: its path relative to the project root and its whole text.
#[derive(Debug, PartialEq, Eq)]
pub struct Output {
    pub path: String,
    pub text: String,
}

/// Reads one source (`file` names it in messages; the slug is its file stem) into a post.
/// Every problem of the file is reported, each on its line.
pub fn convert_post(file: &str, slug: &str, text: &str, measure: Measure) -> SourcePost {
    let mut source = SourcePost {
        file: file.to_string(),
        slug: slug.to_string(),
        tags: Vec::new(),
        links: Vec::new(),
        hero_line: 1,
        post: Err(Vec::new()),
        row: Row {
            slug: slug.to_string(),
            measured: None,
            review_due: None,
        },
    };
    let mut problems = Vec::new();
    let post = read_post(slug, text, measure, &mut source, &mut problems);
    source.post = match post {
        Some(post) if problems.is_empty() => Ok(post),
        _ => Err(problems
            .into_iter()
            .map(|p| Diagnostic {
                file: file.to_string(),
                line: p.line,
                message: p.message,
            })
            .collect()),
    };
    source
}

/// The work of [`convert_post`]: fills in what it learns as it goes and pushes every problem.
fn read_post(
    slug: &str,
    text: &str,
    measure: Measure,
    source: &mut SourcePost,
    problems: &mut Vec<Problem>,
) -> Option<Post> {
    let split = match front_matter::split(text) {
        Ok(split) => split,
        Err(problem) => {
            problems.push(problem);
            return None;
        }
    };
    // Every string of the front matter is text, each tag an address, each on its own line.
    problems.extend(text::front_matter(&split));
    if !is_slug(slug) {
        problems.push(Problem::new(
            1,
            format!(
                "the file name `{slug}` is the post's address: use lowercase words joined \
                 by single hyphens, like lifting-safely.md"
            ),
        ));
    }
    // The body is read even when the front matter is wrong, so all its problems show at once.
    let (body, body_problems) = markdown::convert(split.body, split.body_line, measure);
    source.links = body.links;
    let matter = match front_matter::parse(&split) {
        Ok(matter) => matter,
        Err(problem) => {
            problems.push(problem);
            problems.extend(body_problems);
            return None;
        }
    };
    source.tags = matter.tags.clone();

    let hero_line = front_matter::line_of_key(&split, "hero");
    source.hero_line = hero_line;
    let hero = &matter.hero;
    let hero_has_alt = hero.alt.as_deref().is_some_and(|a| !a.trim().is_empty());
    if !hero.decorative && !hero_has_alt {
        problems.push(Problem::new(
            hero_line,
            "the hero image has no alt text: add `alt = \"what it shows\"` under [hero], \
             or `decorative = true` if it adds nothing to the post",
        ));
    }
    let hero = build_image(
        &hero.src,
        hero.alt.clone(),
        hero.decorative || !hero_has_alt,
        hero.caption.clone(),
        hero_line,
        measure,
        problems,
    )
    .map(|mut image| {
        image.decorative = matter.hero.decorative;
        image
    });
    problems.extend(body_problems);
    if body.blocks.is_empty() && problems.is_empty() {
        problems.push(Problem::new(split.body_line, "the post has no text"));
    }
    let hero = hero.filter(|_| problems.is_empty())?;

    let (blocks, block_lines): (Vec<_>, Vec<_>) = body.blocks.into_iter().unzip();
    let post = Post {
        slug: slug.to_string(),
        title: matter.title,
        description: matter.description,
        author: matter.author,
        published: matter.published.0,
        updated: matter.updated.map(|d| d.0),
        // The due date is always written out (a year after the review unless set), so the
        // page shows it without date arithmetic in the browser.
        reviewed: matter.review.map(|r| {
            let mut review = Review {
                by: r.by,
                on: r.on.0,
                next_due: r.next_due.map(|d| d.0),
            };
            review.next_due = review.due();
            review
        }),
        tags: matter.tags,
        hero,
        body: blocks,
    };

    // The app's own checks, then the alt-text lint, placed back on the source's lines.
    let line_of_place = |place: &str| -> usize {
        if let Some(index) = place
            .strip_prefix("block ")
            .and_then(|i| i.parse::<usize>().ok())
        {
            return block_lines.get(index).copied().unwrap_or(split.body_line);
        }
        if place == "hero image" {
            return hero_line;
        }
        let key = place
            .strip_prefix("field `")
            .and_then(|f| f.strip_suffix('`'))
            .map(|f| if f == "reviewed" { "review" } else { f });
        match key {
            Some("body") => split.body_line,
            Some(key) => front_matter::line_of_key(&split, key),
            None => 1,
        }
    };
    if let Err(error) = post.validate() {
        problems.push(Problem::new(
            line_of_place(&error.place),
            explain(&error.place, &error.problem),
        ));
    }
    for issue in lint_post(&post) {
        problems.push(Problem::new(
            line_of_place(&issue.place),
            format!("{}: {}", issue.place, issue.problem),
        ));
    }

    let reading = Reading::of_post(&post);
    let exception = matter.reading_level_exception.as_deref();
    problems.extend(reading_level_problems(
        &reading,
        exception,
        split.body_line,
        front_matter::line_of_key(&split, "reading_level_exception"),
    ));
    source.row.measured = Some(Measured {
        words: post.word_count(),
        minutes: post.reading_minutes(),
        reading,
        status: Status::of(&reading, exception),
    });
    source.row.review_due = post.reviewed.as_ref().and_then(Review::due);
    Some(post)
}

/// The model's message, in the source's words where they differ from the JSON's.
fn explain(place: &str, problem: &str) -> String {
    let problem = problem.replace("\"decorative\": true", "decorative");
    if place.starts_with("field") {
        format!("{place} {problem}")
    } else {
        problem
    }
}

/// Internal links must reach a page, a post or a topic of the site.
pub fn check_links(sources: &[SourcePost]) -> Vec<Diagnostic> {
    let slugs: BTreeSet<&str> = sources.iter().map(|s| s.slug.as_str()).collect();
    let tags: BTreeSet<&str> = sources
        .iter()
        .flat_map(|s| s.tags.iter().map(String::as_str))
        .collect();
    let exists =
        |path: &str| link_reaches(path, |slug| slugs.contains(slug), |tag| tags.contains(tag));
    let mut diagnostics = Vec::new();
    for source in sources {
        for (href, line) in &source.links {
            if let Some(LinkTarget::Internal(path)) = LinkTarget::parse(href) {
                if !exists(&path) {
                    diagnostics.push(Diagnostic {
                        file: source.file.clone(),
                        line: *line,
                        message: format!(
                            "the link to {path} goes nowhere: link to {}",
                            clinic_model::routes::linkable_patterns()
                        ),
                    });
                }
            }
        }
    }
    diagnostics
}

/// What a run of the build found.
#[derive(Debug)]
pub struct Build {
    /// The reading-level table, one row per source file, even when the build fails.
    pub rows: Vec<Row>,
    /// The files to write (one JSON per post and the index), or every problem found.
    pub outputs: Result<Vec<Output>, Vec<Diagnostic>>,
    /// The published copies of the posts' photos, clean and WebP ([`photos::write`] writes
    /// the missing ones).
    pub photos: Vec<photos::Variant>,
    /// The posts' link-preview images ([`previews::write`] draws the missing ones).
    pub previews: Vec<previews::Planned>,
}

/// Reads every source under `root`, checks it, and returns the files to write with the
/// table of posts. Any problem anywhere fails the whole build.
pub fn build(root: &Path) -> Build {
    let mut rows = Vec::new();
    let mut photos = Vec::new();
    let mut previews = Vec::new();
    let outputs = build_outputs(root, &mut rows, &mut photos, &mut previews);
    Build {
        rows,
        outputs,
        photos,
        previews,
    }
}

/// The work of [`build`]; pushes a row for every source it reads.
fn build_outputs(
    root: &Path,
    rows: &mut Vec<Row>,
    variants: &mut Vec<photos::Variant>,
    previews: &mut Vec<previews::Planned>,
) -> Result<Vec<Output>, Vec<Diagnostic>> {
    let measure = |src: &str| image_size::measure(root, src);
    let mut sources = Vec::new();
    let mut diagnostics = Vec::new();
    let files = list(&root.join(SOURCE_DIR), "md").map_err(|e| {
        vec![Diagnostic {
            file: SOURCE_DIR.into(),
            line: 0,
            message: format!("cannot read the folder: {e}"),
        }]
    })?;
    for (slug, path) in &files {
        let file = format!("{SOURCE_DIR}/{slug}.md");
        match fs::read_to_string(path) {
            Ok(text) => sources.push(convert_post(&file, slug, &text, &measure)),
            Err(e) => diagnostics.push(Diagnostic {
                file,
                line: 0,
                message: format!("cannot read the file: {e}"),
            }),
        }
    }
    diagnostics.extend(check_links(&sources));
    // Trunk publishes public/images as it is: an upload there would go out with its metadata.
    for file in photos::published_uploads(root) {
        diagnostics.push(Diagnostic {
            file,
            line: 0,
            message: format!(
                "public/images/ is published as it is, so it holds drawings (SVG) only: move a \
                 photo to {}/ and write images/<file> in the post (the site then gets a copy \
                 without the camera's details)",
                photos::ORIGINALS_DIR
            ),
        });
    }
    rows.extend(sources.iter().map(|s| s.row.clone()));
    let mut posts = Vec::new();
    for source in sources {
        match source.post {
            Ok(mut post) => {
                // Planned from the hero as written, before its photo's `src` becomes the copy.
                match previews::plan(root, &post) {
                    Ok(planned) => previews.extend(planned),
                    Err(message) => diagnostics.push(Diagnostic {
                        file: source.file.clone(),
                        line: source.hero_line,
                        message,
                    }),
                }
                match photos::plan_post(root, &mut post) {
                    Ok(planned) => variants.extend(planned),
                    Err(message) => diagnostics.push(Diagnostic {
                        file: source.file.clone(),
                        line: 0,
                        message,
                    }),
                }
                posts.push(post)
            }
            Err(found) => diagnostics.extend(found),
        }
    }
    // A post JSON without a source would stay on the site unchanged forever.
    let outputs_dir = root.join(OUTPUT_DIR);
    for (stem, _) in list(&outputs_dir, "json").unwrap_or_default() {
        if stem != "index" && !files.iter().any(|(slug, _)| *slug == stem) {
            diagnostics.push(Diagnostic {
                file: format!("{OUTPUT_DIR}/{stem}.json"),
                line: 0,
                message: format!(
                    "has no source {SOURCE_DIR}/{stem}.md: delete it, or write its source"
                ),
            });
        }
    }
    if posts.is_empty() && diagnostics.is_empty() {
        diagnostics.push(Diagnostic {
            file: SOURCE_DIR.into(),
            line: 0,
            message: "no posts found (files named <slug>.md)".into(),
        });
    }
    if !diagnostics.is_empty() {
        // File by file, top to bottom.
        diagnostics.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        return Err(diagnostics);
    }

    let mut outputs = Vec::new();
    for post in &posts {
        let text = pretty(post);
        // Read back as the app will: a post that does not survive this is a bug here.
        assert_eq!(
            Post::parse(&text).as_ref(),
            Ok(post),
            "post {} does not read back",
            post.slug
        );
        outputs.push(Output {
            path: format!("{OUTPUT_DIR}/{}.json", post.slug),
            text,
        });
    }
    outputs.push(Output {
        path: format!("{OUTPUT_DIR}/index.json"),
        text: pretty(&build_index(&posts)),
    });
    Ok(outputs)
}

/// JSON as the post files and `tests/content.rs` write it: two-space indent, final newline.
fn pretty<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("posts serialize") + "\n"
}

/// The outputs whose file under `root` is missing or differs.
pub fn stale<'a>(root: &Path, outputs: &'a [Output]) -> Vec<&'a Output> {
    outputs
        .iter()
        .filter(|o| fs::read_to_string(root.join(&o.path)).ok().as_deref() != Some(&o.text))
        .collect()
}

/// Files in `dir` with extension `ext`, as (stem, path), sorted.
fn list(dir: &Path, ext: &str) -> std::io::Result<Vec<(String, PathBuf)>> {
    let mut files: Vec<(String, PathBuf)> = fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == ext))
        .filter_map(|path| {
            let stem = path.file_stem()?.to_str()?.to_string();
            Some((stem, path))
        })
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests;
