//! Builds the posts the site serves (`public/posts/<slug>.json` and `index.json`) from their
//! Markdown sources in `content/posts/<slug>.md`. Never edit the JSON by hand.
//!
//! ```sh
//! cargo run -p clinic-content --bin content            # write the JSON
//! cargo run -p clinic-content --bin content -- --check # only check it is current
//! ```
//!
//! Besides the JSON it writes, under `public/images/` (not in git): each photo's clean copy and
//! WebP copies (`generated/`, made from the uploads in `content/images/`, which are never
//! published) and each post's link-preview image (`previews/`, with `previews.json`).
//!
//! `--root DIR` builds another site laid out the same way (`DIR/content/posts`, `DIR/public`)
//! instead of this one: the end-to-end tests build a photo post that way
//! (`tests/fixtures/photo-site`).
//!
//! Every run prints a table of the posts: words and reading time (as the page shows them),
//! two Flesch–Kincaid grade levels (the whole post, list items included, and its prose alone;
//! see `clinic_content::readability`), when the medical review is due, and whether the reading
//! level passes. A post with either grade above 8 fails the build unless its front matter
//! says why it must read harder (`reading_level_exception`). A review due before today is a
//! warning, never a failure.
//!
//! Problems are listed as `content/posts/<file>.md:<line>: what to fix`, for every file at
//! once; then nothing is written and the exit status is 1. `--check` writes nothing either,
//! and fails naming each JSON file that does not match its source.
//!
//! # Writing a post
//!
//! The file name is the post's address: `lifting-safely.md` is `/blog/lifting-safely`.
//! The file starts with the post's details between two `+++` lines (TOML), then the text:
//!
//! ```text
//! +++
//! title = "Lifting safely"
//! description = "One or two sentences for cards and search results."
//! author = "Dr. Maya Okafor, DC"
//! published = 2025-01-20
//! updated = 2025-02-01                     # optional
//! tags = ["lifting", "prevention"]
//! reading_level_exception = "Names of spine conditions"   # optional: why it reads above grade 8
//!
//! [hero]
//! src = "images/lifting-safely.svg"        # a drawing in public/images/, a photo in content/images/
//! alt = "A person squatting with a straight back, holding a box"   # or: decorative = true
//! caption = "Optional text under the picture"
//!
//! [review]                                 # optional: the medical review
//! by = "Dr. Samuel Ortiz, MD"
//! on = 2025-01-15
//! next_due = 2025-07-15                    # optional; a year after `on` if left out
//! +++
//! ```
//!
//! The text is ordinary Markdown (CommonMark): a blank line between paragraphs,
//! `## Section`, `### Subsection` and `#### Smaller` headings (never a single `#`: the title is
//! the page's only top heading), `**bold**`, `_italic_` (not both at once),
//! `[words](/symptoms)` or `[words](https://…)` for links, `- ` or `1. ` lists (one level).
//! A link to this site must reach a page: `/`, `/blog`, `/symptoms`, `/contact`,
//! `/blog/<post file name>` or `/blog/topic/<tag>`. HTML is not allowed, here or in any text of
//! the front matter: a `<` directly followed by a letter, `/`, `!` or `?` is refused, as are
//! control characters (tabs, line breaks within a text, U+2028/U+2029); "pain < 3 days" is fine.
//! Tags are addresses: lowercase words joined by single hyphens. What Markdown lacks:
//!
//! **A picture** — on a line of its own, with what it shows in the brackets and an optional
//! caption in quotes. A picture that adds nothing (a divider) says `(decorative)` instead:
//!
//! ```text
//! ![A person lying on a mat pulling one knee towards the chest](images/knee-to-chest.svg "Hold behind the thigh.")
//!
//! ![(decorative)](images/divider-wave.svg)
//! ```
//!
//! A picture is an SVG drawing in `public/images/` (at most 4096 pixels a side) or a photo
//! (JPEG or PNG, as large as you have it) uploaded to `content/images/`; either is written
//! `images/<file>`. A photo's upload is never published: the build writes a clean copy of it
//! (upright, without EXIF, XMP, IPTC or thumbnail), which becomes its `src`, and WebP copies
//! 480, 800 and 1280 pixels wide, all to `public/images/generated/`; the page lets each
//! reader's browser pick the copy that fits their screen (`srcset`); the hero loads first,
//! pictures further down when scrolled near. A photo that records where it was taken (GPS in its
//! EXIF or XMP) is refused: upload a copy without it. Anything but a drawing left in
//! `public/images/` is refused, since everything there is published as it is.
//!
//! **A quote** — a `>` block; a last line starting with `— ` (or `-- `) says who said it:
//!
//! ```text
//! > Stretch to the point of gentle tension, then breathe.
//! >
//! > — June Whitaker, PT
//! ```
//!
//! **A call to action** (the highlighted box with a button) — a `>` block that starts with
//! `[!cta]`, then its text, then the button as a link on the last line:
//!
//! ```text
//! > [!cta]
//! > Not sure how worried to be? Our checklist walks you through the warning signs first.
//! > [Use the symptom checklist](/symptoms)
//! ```
//!
//! **A study** — a fenced `citation` block holding its details as `name = "value"` lines
//! (`doi` or `url` is needed; `summary` says what it found, in plain words):
//!
//! ````text
//! ```citation
//! authors = "Goertz CM, Long CR, Vining RD, et al."
//! title = "Effect of Usual Medical Care Plus Chiropractic Care vs Usual Medical Care Alone …"
//! journal = "JAMA Network Open"
//! year = 2018
//! doi = "10.1001/jamanetworkopen.2018.0105"
//! summary = "750 active-duty service members; up to 12 chiropractic treatments over 6 weeks."
//! ```
//! ````

use std::{fs, path::PathBuf, process::ExitCode};

use clinic_content::{
    build,
    photos::{self, GENERATED_DIR},
    previews, repo_root,
    report::{overdue_reviews, table},
    stale,
    today::today,
};
use clinic_model::blog::preview::DIR as PREVIEW_DIR;

const RUN: &str = "cargo run -p clinic-content --bin content";

/// What the command line asks for.
struct Args {
    /// Only check that the JSON is current; write nothing.
    check: bool,
    /// The site to build: this repository unless `--root` names another.
    root: PathBuf,
}

impl Args {
    fn parse(mut args: impl Iterator<Item = String>) -> Option<Self> {
        let mut parsed = Self {
            check: false,
            root: repo_root(),
        };
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--check" => parsed.check = true,
                "--root" => parsed.root = PathBuf::from(args.next()?),
                _ => return None,
            }
        }
        Some(parsed)
    }
}

fn main() -> ExitCode {
    let Some(Args { check, root }) = Args::parse(std::env::args().skip(1)) else {
        eprintln!("usage: {RUN} -- [--check] [--root DIR]");
        return ExitCode::from(2);
    };
    let root = root.as_path();
    let built = build(root);
    let today = today();
    print!("{}", table(&built.rows, &today));
    for warning in overdue_reviews(&built.rows, &today) {
        eprintln!("{warning}");
    }
    let outputs = match built.outputs {
        Ok(outputs) => outputs,
        Err(diagnostics) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            eprintln!(
                "{} problem(s) found; nothing was written",
                diagnostics.len()
            );
            return ExitCode::FAILURE;
        }
    };
    let stale = stale(root, &outputs);
    if check {
        for output in &stale {
            eprintln!("{} is stale: run `{RUN}`", output.path);
        }
        return if stale.is_empty() {
            println!("{} post files are up to date", outputs.len());
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    for output in &stale {
        let path = root.join(&output.path);
        let written = path
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(&path, &output.text));
        if let Err(e) = written {
            eprintln!("{}: cannot write: {e}", output.path);
            return ExitCode::FAILURE;
        }
        println!("wrote {}", output.path);
    }
    println!("{} post files, {} rewritten", outputs.len(), stale.len());
    // Build output under public/images (not in git): the photos' clean and WebP copies, then
    // the link-preview images and their list.
    let images = [
        photos::write(root, &built.photos).map(|n| {
            (
                n,
                format!("photo copies (clean and WebP) written to public/{GENERATED_DIR}"),
            )
        }),
        previews::write(root, &built.previews).map(|n| {
            (
                n,
                format!("link-preview images drawn into public/{PREVIEW_DIR}"),
            )
        }),
    ];
    let mut status = ExitCode::SUCCESS;
    for written in images {
        match written {
            Ok((0, _)) => {}
            Ok((n, what)) => println!("{n} {what}"),
            Err(message) => {
                eprintln!("{message}");
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Option<Args> {
        Args::parse(args.iter().map(|a| a.to_string()))
    }

    #[test]
    fn without_arguments_it_writes_rather_than_checks_and_its_root_is_this_repository() {
        let args = parse(&[]).expect("no arguments is a valid call");
        assert!(!args.check, "no arguments means write, not --check");
        assert_eq!(args.root, repo_root());
        assert!(
            args.root.join("content/posts").is_dir(),
            "{} holds this site's posts",
            args.root.display()
        );
    }

    #[test]
    fn check_and_root_are_taken_in_any_order() {
        for call in [
            &["--check", "--root", "tests/fixtures/photo-site"][..],
            &["--root", "tests/fixtures/photo-site", "--check"][..],
        ] {
            let args = parse(call).expect("valid");
            assert!(args.check);
            assert_eq!(args.root, PathBuf::from("tests/fixtures/photo-site"));
        }
    }

    #[test]
    fn a_root_without_a_folder_or_an_unknown_flag_is_refused() {
        assert!(parse(&["--root"]).is_none());
        assert!(parse(&["--chek"]).is_none());
    }
}
