//! The editor at `admin/` (Decap CMS, pinned in `package.json`): its page, its scripts copied
//! from `node_modules/decap-cms/dist/` (served from the site's own files, never a CDN), and its
//! configuration, which the content build writes from the content model
//! (`content cms-config`, `crates/content/src/cms.rs`).
//!
//! Installed after every other step, so nothing the build does to the patients' pages (names
//! by bytes, the head's links, the build version) touches it, and nothing of it reaches them:
//! no page links it, the sitemap and the worker list pages of the route table only, and
//! `_headers` gives it a policy of its own (`headers::ADMIN_RULE`).

use std::path::Path;
use std::process::Command;

use crate::build::Build;
use crate::files;

/// The editor's folder in the site.
pub const DIR: &str = "admin";

/// Where npm puts the editor's scripts, under the repository.
const BUNDLE: &str = "node_modules/decap-cms/dist";

/// The editor's page: Decap mounts itself in its `<main id="nc-root">` (it takes an element of
/// that id when there is one) and reads `config.yml` beside it. The landmark and the heading
/// are the page's; what Decap draws inside is its own.
const PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Posts editor</title>
<style>
/* Decap mounts itself in <main id="nc-root">; the page's name is read out, not shown. */
.editor-name{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
/* Decap's "Go back to site" is grey on grey (3.4:1); darker for 4.5:1 and more. */
#nc-root a [class*="ButtonText"]{color:#4a5261}
</style>
</head>
<body>
<header><h1 class="editor-name">Posts editor</h1></header>
<main id="nc-root"><noscript>The posts editor needs JavaScript.</noscript></main>
<script src="decap-cms.js"></script>
</body>
</html>
"#;

/// The files of the bundle the editor loads: `decap-cms.js`, its chunks (`<n>.decap-cms.js`),
/// the wasm its image handling fetches (`<hash>.wasm`) and the licences of what it bundles;
/// not the source maps or the bundle's second build (`cms.js`, `cms.css`).
pub fn is_editor_script(name: &str) -> bool {
    let digits = |n: &str, hex: bool| {
        !n.is_empty()
            && n.bytes().all(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
    };
    name == "decap-cms.js"
        || name == "decap-cms.js.LICENSE.txt"
        || name
            .strip_suffix(".decap-cms.js")
            .is_some_and(|n| digits(n, false))
        || name.strip_suffix(".wasm").is_some_and(|n| digits(n, true))
}

/// Installs the editor; returns what it did. A development build without `node_modules`
/// (plain `trunk serve` before `scripts/setup.sh`) goes on without it; a release fails.
pub fn install(build: &Build) -> Result<String, String> {
    let bundle = build.source_dir.join(BUNDLE);
    if !bundle.is_dir() {
        let problem = format!(
            "{} is missing: run `bash scripts/setup.sh` (npm ci) to install the editor",
            bundle.display()
        );
        return if build.release {
            Err(problem)
        } else {
            Ok(format!("no editor ({problem})"))
        };
    }
    let dir = build.file(DIR);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut copied = 0;
    for name in files::names_in(&bundle)? {
        if is_editor_script(&name) {
            copy_if_changed(&bundle.join(&name), &dir.join(&name))?;
            copied += 1;
        }
    }
    if copied == 0 {
        return Err(format!("{}: no decap-cms.js", bundle.display()));
    }
    files::write(&dir.join("index.html"), PAGE)?;
    write_config(build, &dir.join("config.yml"))?;
    Ok(format!("the editor at {DIR}/ ({copied} files)"))
}

/// Copies only when the bytes differ, so `trunk serve` does not rewrite 6 MB a build.
fn copy_if_changed(from: &Path, to: &Path) -> Result<(), String> {
    let new = std::fs::read(from).map_err(|e| format!("{}: {e}", from.display()))?;
    if std::fs::read(to).ok().as_deref() != Some(&new[..]) {
        std::fs::write(to, new).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    Ok(())
}

/// `content cms-config`: the release build's editor saves to GitHub; a development build's
/// to the local backend (`scripts/serve.sh` starts it).
fn write_config(build: &Build, out: &Path) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::path::absolute(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut command = Command::new(cargo);
    command.current_dir(&build.source_dir).args([
        "run",
        "--quiet",
        "--offline",
        "-p",
        "clinic-content",
        "--bin",
        "content",
        "--target-dir",
        "target/prerender",
        "--",
        "cms-config",
    ]);
    if !build.release {
        command.arg("--local");
    }
    let status = command
        .arg("--out")
        .arg(&out)
        .status()
        .map_err(|e| format!("the content build could not be run: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "the editor's configuration was not written ({status})"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editors_scripts_are_its_bundle_and_chunks_only() {
        for name in [
            "decap-cms.js",
            "2031.decap-cms.js",
            "7.decap-cms.js",
            "dd5d52671a5763720504.wasm",
            "decap-cms.js.LICENSE.txt",
        ] {
            assert!(is_editor_script(name), "{name}");
        }
        for name in [
            "decap-cms.js.map",
            "2031.decap-cms.js.map",
            "cms.js",
            "2031.cms.js",
            ".decap-cms.js",
            "x1.decap-cms.js",
            "cms.css",
            "cms.js.LICENSE.txt",
            "x.wasm",
        ] {
            assert!(!is_editor_script(name), "{name}");
        }
    }

    #[test]
    fn the_editors_page_is_never_indexed_and_loads_only_its_own_script() {
        assert!(PAGE.contains(r#"<meta name="robots" content="noindex, nofollow">"#));
        assert_eq!(PAGE.matches("<script").count(), 1);
        assert!(PAGE.contains(r#"<script src="decap-cms.js"></script>"#));
        assert!(!PAGE.contains("http"), "nothing from another origin");
    }
}
