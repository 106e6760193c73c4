//! Builds the posts the site serves (`public/posts/<slug>.json`, and each language's index:
//! `index.json` for English, `index.es.json` for Spanish) from their Markdown sources in
//! `content/posts/<slug>.md`. Never edit the JSON by hand.
//!
//! ```sh
//! cargo run -p clinic-content --bin content            # write the JSON
//! cargo run -p clinic-content --bin content -- --check # only check it is current
//! ```
//!
//! Besides the JSON it writes, under `public/images/` (not in git): each photo's clean copy and
//! WebP copies (`generated/`, made from the uploads in `content/images/`, which are never
//! published) and each post's link-preview image (`previews/`, with `previews.json`); and the
//! site's icons, from `public/icon.svg` into `public/icons/` (not in git either).
//!
//! Posts marked `draft = true` are built only when Trunk's hook says the build is for
//! development (`TRUNK_PROFILE=debug`: `trunk serve`), or with `--drafts`; otherwise (a
//! release build, or a run by hand) they are left out, and a draft's JSON an earlier
//! development build wrote is deleted.
//!
//! `content cms-config [--local | --local-at URL] [--root DIR] --out FILE` writes the editor's
//! configuration (`clinic_content::cms`; `--local`: with the local backend at its usual port,
//! `--local-at`: at that address), which `cargo xtask post-build` puts at `admin/config.yml`.
//!
//! `--root DIR` builds another site laid out the same way (`DIR/content/posts`, `DIR/public`)
//! instead of this one: the end-to-end tests build a photo post that way
//! (`tests/fixtures/photo-site`).
//!
//! Every run prints a table of the posts: words and reading time (as the page shows them),
//! two Flesch–Kincaid grade levels (the whole post, list items included, and its prose alone;
//! see `clinic_content::readability`), when the medical review is due, and whether the reading
//! level passes. A post with either grade above 8 fails the build unless its front matter
//! says why it must read harder (`reading_level_exception`). Spanish posts get a table of their
//! own, with two Szigriszt-Pazos scores (IFSZ, on the INFLESZ scale; see
//! `clinic_content::legibilidad`) instead of the grades: either below 55 fails the build the
//! same way, below 65 is a warning. A review due before today is a warning, never a failure.
//!
//! Problems are listed as `content/posts/<file>.md:<line>: what to fix`, for every file at
//! once; then nothing is written and the exit status is 1. `--check` writes nothing either,
//! and fails naming each JSON file that does not match its source.
//!
//! How to write a post (the details, the Markdown, pictures, quotes, calls to action and
//! studies) is in `content/README.md`.

use std::{fs, path::PathBuf, process::ExitCode};

use clinic_content::{
    build_with, cms, icons,
    photos::{self, GENERATED_DIR},
    previews, repo_root,
    report::{overdue_reviews, table},
    stale,
    today::today,
    Drafts,
};
use clinic_model::blog::preview::DIR as PREVIEW_DIR;

const RUN: &str = "cargo run -p clinic-content --bin content";

/// What the command line asks for.
struct Args {
    /// Only check that the JSON is current; write nothing.
    check: bool,
    /// The site to build: this repository unless `--root` names another.
    root: PathBuf,
    /// Build the drafts too (`--drafts`, or Trunk's development profile).
    drafts: bool,
}

impl Args {
    fn parse(mut args: impl Iterator<Item = String>) -> Option<Self> {
        let mut parsed = Self {
            check: false,
            root: repo_root(),
            drafts: false,
        };
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--check" => parsed.check = true,
                "--drafts" => parsed.drafts = true,
                "--root" => parsed.root = PathBuf::from(args.next()?),
                _ => return None,
            }
        }
        Some(parsed)
    }
}

/// The command line, and where the guide for writers is.
const USAGE: &str =
    "[--check] [--drafts] [--root DIR] | cms-config [--local] [--root DIR] --out FILE\n\
    Builds public/posts/*.json from content/posts/*.md (--check: only checks they are current).\n\
    How to write a post: content/README.md";

fn main() -> ExitCode {
    if std::env::args()
        .skip(1)
        .any(|arg| arg == "--help" || arg == "-h")
    {
        println!("usage: {RUN} -- {USAGE}");
        return ExitCode::SUCCESS;
    }
    if std::env::args().nth(1).as_deref() == Some("cms-config") {
        return cms_config(std::env::args().skip(2));
    }
    let Some(Args {
        check,
        root,
        drafts,
    }) = Args::parse(std::env::args().skip(1))
    else {
        eprintln!("usage: {RUN} -- {USAGE}");
        return ExitCode::from(2);
    };
    let root = root.as_path();
    let drafts = if drafts {
        Drafts::Include
    } else {
        Drafts::for_profile(std::env::var("TRUNK_PROFILE").ok().as_deref())
    };
    let built = build_with(root, drafts);
    let today = today();
    print!("{}", table(&built.rows, &today));
    for warning in overdue_reviews(&built.rows, &today) {
        eprintln!("{warning}");
    }
    for warning in &built.warnings {
        eprintln!("warning: {warning}");
    }
    let outputs = match built.outputs {
        Ok(outputs) => outputs,
        Err(diagnostics) => {
            for diagnostic in &diagnostics {
                eprintln!("{diagnostic}");
            }
            eprintln!(
                "{} problem(s) found; nothing was written (how to write a post: content/README.md)",
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
        for path in &built.withdrawn {
            eprintln!("{path} is a draft's: run `{RUN}` to delete it");
        }
        return if stale.is_empty() && built.withdrawn.is_empty() {
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
    for path in &built.withdrawn {
        if let Err(e) = fs::remove_file(root.join(path)) {
            eprintln!("{path}: cannot delete: {e}");
            return ExitCode::FAILURE;
        }
        println!("deleted {path} (a draft, left out of this build)");
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
        icons::write(root).map(|n| {
            (
                n,
                format!(
                    "icons drawn from {} into {}",
                    icons::source_path(),
                    icons::dir_path()
                ),
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

/// `cms-config [--local] [--root DIR] --out FILE`: the editor's configuration.
fn cms_config(mut args: impl Iterator<Item = String>) -> ExitCode {
    let mut root = repo_root();
    let mut out = None;
    let mut backend = cms::Backend::GitHub;
    let mut understood = true;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--local" => backend = cms::Backend::Local(None),
            "--local-at" => match args.next() {
                Some(url) => backend = cms::Backend::Local(Some(url)),
                None => understood = false,
            },
            "--out" => out = args.next().map(PathBuf::from),
            "--root" => match args.next() {
                Some(dir) => root = PathBuf::from(dir),
                None => understood = false,
            },
            _ => understood = false,
        }
    }
    let out = out.filter(|_| understood);
    let Some(out) = out else {
        eprintln!("usage: {RUN} -- cms-config [--local | --local-at URL] [--root DIR] --out FILE");
        return ExitCode::from(2);
    };
    let written = cms::Settings::read(&root).and_then(|settings| {
        let site: serde_json::Value = fs::read_to_string(root.join("public/site.json"))
            .map_err(|e| format!("public/site.json: {e}"))
            .and_then(|t| serde_json::from_str(&t).map_err(|e| format!("public/site.json: {e}")))?;
        let site_url = site["base_url"].as_str().unwrap_or_default().to_string();
        let config = cms::config(&settings, &site_url, backend);
        let text =
            serde_json::to_string_pretty(&config).expect("the configuration serializes") + "\n";
        fs::write(&out, text).map_err(|e| format!("{}: {e}", out.display()))
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("cms-config: {message}");
            ExitCode::FAILURE
        }
    }
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
