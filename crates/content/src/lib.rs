//! Builds `public/posts/*.json` from the Markdown sources in `content/posts/` (run by
//! `src/bin/content.rs`; nothing of it reaches the wasm). The JSON is made from the
//! same [`Post`] type the app reads, so what validates here is what the app accepts.
//!
//! Posts are in English unless their front matter says `lang = "es"`; a Spanish post that
//! translates an English one names it (`translation_of`), and the build checks the pair
//! ([`check_translations`]) and links both posts to each other (`Post::translation`). Each
//! language has its own index (`clinic_model::site_files::post_index`), its own reading-level
//! gate (Flesch–Kincaid grades in English, [`legibilidad`] in Spanish) and its own links: a
//! post links to pages, posts and topics of its own language.

pub mod cms;
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
    collections::BTreeMap,
    fs,
    path::{Path, PathBuf},
};

use clinic_model::blog::{blocks::LinkTarget, build_index, lint::lint_post, post::Review, Post};
use clinic_model::lang::Lang;
use clinic_model::paths::is_slug;
use clinic_model::routes::{recognize_in, Page, ROUTES, SLUG};
use clinic_model::site_files::post_index;
pub use files::{repo_root, OUTPUT_DIR, SITE_DIR, SOURCE_DIR};
use legibilidad::Lectura;
use markdown::{build_image, Measure};
pub use problem::{Diagnostic, Problem};
use readability::Reading;
use report::{legibilidad_problems, reading_level_problems, Level, Measured, Row, Status};

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
    /// The language its front matter gives (`None` if the front matter could not be read).
    pub lang: Option<Lang>,
    /// For a translation: the slug its `translation_of` names, and that line.
    pub translation_of: Option<(String, usize)>,
    /// The date of its medical review as written, and the line of `[review]`, if it has one.
    pub reviewed_on: Option<(String, usize)>,
    /// The post, or every problem of the file, each on its line.
    pub post: Result<Post, Vec<Diagnostic>>,
    /// What the build warns about without failing (a Spanish text below IFSZ 65), each on
    /// its line.
    pub warnings: Vec<Diagnostic>,
    /// Its line of the reading-level table, measured even when the post has other problems.
    pub row: Row,
    /// `draft = true`: built for `trunk serve` only ([`Drafts`]).
    pub draft: bool,
}

/// Whether a build includes the posts marked `draft = true`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drafts {
    /// A release build: drafts are left out entirely, as if their files were not there, so
    /// a draft's problems never stop a release and nothing links to it.
    Leave,
    /// Development (`trunk serve`): drafts are built like any post, so staff can preview them.
    Include,
}

impl Drafts {
    /// What Trunk's hooks say about the build (`TRUNK_PROFILE`: `debug` for `trunk serve` and
    /// `trunk build`, `release` for `trunk build --release`); a build run by hand leaves drafts
    /// out unless told otherwise.
    pub fn for_profile(profile: Option<&str>) -> Drafts {
        match profile {
            Some("debug") => Drafts::Include,
            _ => Drafts::Leave,
        }
    }
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
        lang: None,
        translation_of: None,
        reviewed_on: None,
        post: Err(Vec::new()),
        warnings: Vec::new(),
        row: Row {
            slug: slug.to_string(),
            lang: Lang::En,
            measured: None,
            review_due: None,
        },
        draft: false,
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
    } else if is_index(slug) {
        problems.push(Problem::new(
            1,
            format!(
                "the file name `{slug}` is taken by the list of posts (posts/{slug}.json): \
                 name the post after what it is about, like lifting-safely.md"
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
    source.lang = Some(matter.lang);
    source.draft = matter.draft;
    let description_chars = matter.description.trim().chars().count();
    if !front_matter::DESCRIPTION_CHARS.contains(&description_chars) {
        problems.push(Problem::new(
            front_matter::line_of_key(&split, "description"),
            format!(
                "the description has {description_chars} characters: write {} to {} (it is \
                 the text under the title in search results and link previews)",
                front_matter::DESCRIPTION_CHARS.start(),
                front_matter::DESCRIPTION_CHARS.end()
            ),
        ));
    }
    source.row.lang = matter.lang;
    if let Some(review) = &matter.review {
        let line = front_matter::line_of_key(&split, "review");
        source.reviewed_on = Some((review.on.0.clone(), line));
    }
    if let Some(original) = &matter.translation_of {
        let line = front_matter::line_of_key(&split, "translation_of");
        source.translation_of = Some((original.clone(), line));
        if matter.lang == Lang::En {
            problems.push(Problem::new(
                line,
                "`translation_of` marks a translation, and an English post is the original: \
                 add `lang = \"es\"` if this post is the Spanish text, or remove the line",
            ));
        }
        // Never taken from the original: the reviewer must have read this text.
        if matter.review.is_none() {
            problems.push(Problem::new(
                line,
                format!(
                    "a translation needs its own medical review: once a reviewer has checked \
                     this text against {original}, add [review] with `by` and `on` (the \
                     review of {original} does not cover it)"
                ),
            ));
        }
    }

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
        caption_with_attribution(
            hero.caption.as_deref(),
            hero.attribution.as_deref(),
            matter.lang,
        ),
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
        lang: matter.lang,
        // Set once every source is read ([`check_translations`] checks the pair).
        translation: None,
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

    // Each language by its own measure: an English grade formula misreads Spanish words.
    let exception = matter.reading_level_exception.as_deref();
    let exception_line = front_matter::line_of_key(&split, "reading_level_exception");
    let (level, status) = match post.lang {
        Lang::En => {
            let reading = Reading::of_post(&post);
            problems.extend(reading_level_problems(
                &reading,
                exception,
                split.body_line,
                exception_line,
            ));
            (Level::Grade(reading), Status::of(&reading, exception))
        }
        Lang::Es => {
            let lectura = Lectura::of_post(&post);
            let (found, warned) =
                legibilidad_problems(&lectura, exception, split.body_line, exception_line);
            problems.extend(found);
            source
                .warnings
                .extend(warned.into_iter().map(|p| Diagnostic {
                    file: source.file.clone(),
                    line: p.line,
                    message: p.message,
                }));
            (
                Level::Ifsz(lectura),
                Status::of_spanish(&lectura, exception),
            )
        }
    };
    source.row.measured = Some(Measured {
        words: post.word_count(),
        minutes: post.reading_minutes(),
        level,
        status,
    });
    source.row.review_due = post.reviewed.as_ref().and_then(Review::due);
    Some(post)
}

/// Whether `stem` is the name of a language's index of posts, beside the posts' own files.
fn is_index(stem: &str) -> bool {
    Lang::ALL.iter().any(|&lang| {
        post_index(lang)
            .rsplit('/')
            .next()
            .and_then(|file| file.strip_suffix(".json"))
            == Some(stem)
    })
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

/// Internal links must reach a page, a post or a topic of the site in the post's own language
/// (a Spanish post sends its reader to Spanish pages). A source whose front matter could not
/// be read counts in every language, so only its own problems are reported.
pub fn check_links(sources: &[SourcePost]) -> Vec<Diagnostic> {
    let in_lang = |source: &SourcePost, lang: Lang| source.lang.is_none_or(|l| l == lang);
    let is_post =
        |lang: Lang, slug: &str| sources.iter().any(|s| s.slug == slug && in_lang(s, lang));
    let is_topic = |lang: Lang, tag: &str| {
        sources
            .iter()
            .any(|s| in_lang(s, lang) && s.tags.iter().any(|t| t == tag))
    };
    let translations = translation_pairs(sources);
    let mut diagnostics = Vec::new();
    for source in sources {
        for (href, line) in &source.links {
            let Some(LinkTarget::Internal(path)) = LinkTarget::parse(href) else {
                continue;
            };
            let bare = path.split(['?', '#']).next().unwrap_or(&path);
            let own = source.lang;
            let nowhere = || {
                format!(
                    "the link to {path} goes nowhere: link to {}",
                    linkable_patterns_in(own.unwrap_or_default())
                )
            };
            let message = match recognize_in(bare) {
                None => Some(nowhere()),
                Some((_, route, _)) if !route.linkable => Some(nowhere()),
                Some((lang, route, param)) => match own.filter(|own| *own != lang) {
                    Some(own) => {
                        let instead = match (route.page, param) {
                            (Page::Post, Some(slug)) => match translations.get(slug) {
                                Some(other) => route.path_in(own, Some(other)),
                                None => format!(
                                    "a page in {} ({}): {slug} has no translation",
                                    name(own),
                                    linkable_patterns_in(own)
                                ),
                            },
                            (Page::Topic, _) => format!(
                                "one of the {} posts' topics, {}",
                                name(own),
                                route.path_in(own, Some("<tag>"))
                            ),
                            _ => route.path_in(own, None),
                        };
                        Some(format!(
                            "the link to {path} is a page in {}, and this post is in {}: link \
                             to {instead}",
                            name(lang),
                            name(own)
                        ))
                    }
                    None => {
                        let reaches = match (route.page, param) {
                            (Page::Post, Some(slug)) => is_post(lang, slug),
                            (Page::Topic, Some(tag)) => is_topic(lang, tag),
                            _ => true,
                        };
                        (!reaches).then(nowhere)
                    }
                },
            };
            if let Some(message) = message {
                diagnostics.push(Diagnostic {
                    file: source.file.clone(),
                    line: *line,
                    message,
                });
            }
        }
    }
    diagnostics
}

/// A language by its English name, for a message to staff.
fn name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Es => "Spanish",
    }
}

/// Every address a post in `lang` may link to, for a message: "/, /blog, …, /contact or
/// /visit" in English, "/es, /es/blog, …" in Spanish.
fn linkable_patterns_in(lang: Lang) -> String {
    let patterns: Vec<String> = ROUTES
        .iter()
        .filter(|r| r.linkable)
        .map(|r| {
            let placeholder = r.param.map(|param| match param {
                SLUG => "<post file name>".to_string(),
                other => format!("<{other}>"),
            });
            r.path_in(lang, placeholder.as_deref())
        })
        .collect();
    match patterns.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => patterns.concat(),
    }
}

/// Each post that has a translation, by slug, with the other post's slug: both ways, from
/// every `translation_of` that names an existing source (what is wrong with a pair is
/// [`check_translations`]'s to say).
fn translation_pairs(sources: &[SourcePost]) -> BTreeMap<&str, &str> {
    let mut pairs = BTreeMap::new();
    for source in sources {
        if let Some((original, _)) = &source.translation_of {
            if sources.iter().any(|s| s.slug == *original) {
                pairs.insert(source.slug.as_str(), original.as_str());
                pairs.insert(original.as_str(), source.slug.as_str());
            }
        }
    }
    pairs
}

/// The rules of languages and translations across the sources, each refusal on its line:
/// - a slug is unique across languages (every post's file is `posts/<slug>.json`);
/// - `translation_of` names an existing post, in English;
/// - no two posts of a language translate the same post;
/// - a translation's own medical review (which each translation must have: `convert_post`
///   refuses one without) is not older than its original's.
pub fn check_translations(sources: &[SourcePost]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut by_slug: BTreeMap<&str, &SourcePost> = BTreeMap::new();
    for source in sources {
        match by_slug.get(source.slug.as_str()) {
            Some(first) => diagnostics.push(Diagnostic {
                file: source.file.clone(),
                line: 1,
                message: format!(
                    "the file name {} is also {}'s: every post, in any language, needs its own \
                     (the site serves each as posts/<file name>.json)",
                    source.slug, first.file
                ),
            }),
            None => {
                by_slug.insert(&source.slug, source);
            }
        }
    }
    let mut translators: BTreeMap<(&str, Lang), Vec<(&SourcePost, usize)>> = BTreeMap::new();
    for source in sources {
        let (Some((original, line)), Some(lang)) = (&source.translation_of, source.lang) else {
            continue;
        };
        if lang == Lang::En {
            continue; // refused on its own: an English post is an original
        }
        let mut refuse = |line: usize, message: String| {
            diagnostics.push(Diagnostic {
                file: source.file.clone(),
                line,
                message,
            })
        };
        match by_slug.get(original.as_str()) {
            None => refuse(
                *line,
                format!(
                    "`translation_of` names {original}, but there is no {SOURCE_DIR}/{original}.md: \
                     write the file name of the English post this one translates, without .md"
                ),
            ),
            Some(target) if target.lang.is_some_and(|l| l != Lang::En) => refuse(
                *line,
                format!(
                    "`translation_of` names {original}, which is in {} ({}): write the file name \
                     of the English original",
                    name(target.lang.unwrap_or_default()),
                    target.file
                ),
            ),
            Some(target) => {
                translators
                    .entry((original.as_str(), lang))
                    .or_default()
                    .push((source, *line));
                if let (Some((on, review_line)), Some((original_on, _))) =
                    (&source.reviewed_on, &target.reviewed_on)
                {
                    if on < original_on {
                        refuse(
                            *review_line,
                            format!(
                                "this translation's medical review ({on}) is older than its \
                                 original's ({original_on}, {}): have it reviewed against the \
                                 current English text, then update `on` under [review]",
                                target.file
                            ),
                        );
                    }
                }
            }
        }
    }
    for ((original, lang), translations) in translators {
        if translations.len() < 2 {
            continue;
        }
        for (source, line) in &translations {
            let others: Vec<&str> = translations
                .iter()
                .filter(|(other, _)| other.file != source.file)
                .map(|(other, _)| other.file.as_str())
                .collect();
            diagnostics.push(Diagnostic {
                file: source.file.clone(),
                line: *line,
                message: format!(
                    "{} translates {original} too: a post has one translation in {}, so keep one \
                     and make the other a post of its own (without `translation_of`)",
                    others.join(" and "),
                    name(lang)
                ),
            });
        }
    }
    diagnostics
}

/// What a run of the build found.
#[derive(Debug)]
pub struct Build {
    /// The reading-level table, one row per source file, even when the build fails.
    pub rows: Vec<Row>,
    /// What it warns about without failing (a Spanish text below IFSZ 65), file by file.
    pub warnings: Vec<Diagnostic>,
    /// The files to write (one JSON per post and the index), or every problem found.
    pub outputs: Result<Vec<Output>, Vec<Diagnostic>>,
    /// Files an earlier build wrote that this one must delete: a draft's JSON, written by
    /// `trunk serve`, when a release build leaves the draft out.
    pub withdrawn: Vec<String>,
    /// The published copies of the posts' photos, clean and WebP ([`photos::write`] writes
    /// the missing ones).
    pub photos: Vec<photos::Variant>,
    /// The posts' link-preview images ([`previews::write`] draws the missing ones).
    pub previews: Vec<previews::Planned>,
}

/// The caption under a hero: its `caption`, then who made the picture ("Photo: …" in the
/// post's language), so the credit is read with the picture and needs nothing in the app.
pub fn caption_with_attribution(
    caption: Option<&str>,
    attribution: Option<&str>,
    lang: Lang,
) -> Option<String> {
    let caption = caption.map(str::trim).filter(|c| !c.is_empty());
    let credit = attribution
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|who| match lang {
            Lang::En => format!("Photo: {who}"),
            Lang::Es => format!("Foto: {who}"),
        });
    match (caption, credit) {
        (Some(caption), Some(credit)) => {
            let stop = if caption.ends_with(['.', '!', '?']) {
                ""
            } else {
                "."
            };
            Some(format!("{caption}{stop} {credit}"))
        }
        (caption, credit) => caption.map(str::to_string).or(credit),
    }
}

/// Reads every source under `root`, checks it, and returns the files to write with the
/// table of posts, leaving drafts out (a release build). Any problem anywhere fails the
/// whole build.
pub fn build(root: &Path) -> Build {
    build_with(root, Drafts::Leave)
}

/// [`build`], with or without the drafts.
pub fn build_with(root: &Path, drafts: Drafts) -> Build {
    let mut rows = Vec::new();
    let mut warnings = Vec::new();
    let mut photos = Vec::new();
    let mut previews = Vec::new();
    let mut withdrawn = Vec::new();
    let outputs = build_outputs(
        root,
        drafts,
        &mut withdrawn,
        &mut rows,
        &mut warnings,
        &mut photos,
        &mut previews,
    );
    Build {
        rows,
        warnings,
        outputs,
        withdrawn,
        photos,
        previews,
    }
}

/// The work of [`build`]; pushes a row for every source it reads.
fn build_outputs(
    root: &Path,
    drafts: Drafts,
    withdrawn: &mut Vec<String>,
    rows: &mut Vec<Row>,
    warnings: &mut Vec<Diagnostic>,
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
    // A release leaves drafts out before any check: nothing published may link to one, and
    // a draft's own problems never hold a release back.
    if drafts == Drafts::Leave {
        for source in sources.iter().filter(|source| source.draft) {
            let json = format!("{OUTPUT_DIR}/{}.json", source.slug);
            if root.join(&json).is_file() {
                withdrawn.push(json);
            }
        }
        sources.retain(|source| !source.draft);
    }
    diagnostics.extend(check_links(&sources));
    diagnostics.extend(check_translations(&sources));
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
    warnings.extend(sources.iter().flat_map(|s| s.warnings.iter().cloned()));
    let translations: Vec<(String, String)> = translation_pairs(&sources)
        .into_iter()
        .map(|(slug, other)| (slug.to_string(), other.to_string()))
        .collect();
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
        if !is_index(&stem) && !files.iter().any(|(slug, _)| *slug == stem) {
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

    // Both posts of a pair name each other (the checks above passed, so every pair is whole).
    for post in &mut posts {
        post.translation = translations
            .iter()
            .find(|(slug, _)| *slug == post.slug)
            .map(|(_, other)| other.clone());
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
    // Every language's index, even an empty one: its blog then lists no posts rather than
    // failing to load.
    for lang in Lang::ALL {
        outputs.push(Output {
            path: format!("{SITE_DIR}/{}", post_index(lang)),
            text: pretty(&build_index(&posts, lang)),
        });
    }
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
