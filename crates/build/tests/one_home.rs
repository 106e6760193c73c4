//! One home for each fact: a route segment, an icon's file name, the Not Found page's file, the
//! offline script's and the app's file stem are each written as a string in one place (the
//! route table, `clinic_model::site_files`), and everything else takes them from there. This
//! reads what builds the site or runs in it, and names every other place one is written, apart
//! from the few listed here with their reason. Not read: the tests and the scripts that test
//! or measure the built site (`scripts/test.sh`, `bench.sh`, `size-guard.mjs`…), which look at
//! it from outside, as a patient's browser or a crawler does, and the docs.

use std::path::{Path, PathBuf};

use clinic_model::routes::ROUTES;
use clinic_model::site_files::{
    APP_STEM, ICONS, ICON_DIR, ICON_SOURCE, NOT_FOUND_PAGE, OFFLINE_SCRIPT,
};

/// Where the facts live.
const HOMES: [&str; 2] = [
    "crates/model/src/routes.rs",
    "crates/model/src/site_files.rs",
];

/// Other places allowed to write a fact, and why.
const ALLOWED: [(&str, &str, &str); 4] = [
    // Trunk reads these from index.html: the app's crate, and the files it copies.
    (
        "index.html",
        "clinic-site",
        "Trunk's data-bin names the crate",
    ),
    ("index.html", "icon.svg", "Trunk copies the drawing"),
    ("index.html", "icons", "Trunk copies the icons' folder"),
    // Cargo names the crate Trunk builds.
    ("Cargo.toml", "clinic-site", "the package's name"),
];

/// The sources: what builds the site or runs in it.
const SOURCES: [&str; 10] = [
    "src",
    "crates",
    "scripts/tools",
    "scripts/serve.sh",
    "scripts/setup.sh",
    "style",
    "index.html",
    "Trunk.toml",
    "Cargo.toml",
    ".cargo/config.toml",
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn source_files() -> Vec<(String, String)> {
    let root = root();
    let mut found = Vec::new();
    let mut pending: Vec<PathBuf> = SOURCES.iter().map(|s| root.join(s)).collect();
    while let Some(path) = pending.pop() {
        if path.is_dir() {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            // A crate's tests check from outside, like tests/.
            if matches!(name, "tests" | "target" | "node_modules") {
                continue;
            }
            for entry in std::fs::read_dir(&path).unwrap() {
                pending.push(entry.unwrap().path());
            }
            continue;
        }
        let relative = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let code = ["rs", "js", "mjs", "ts", "sh", "html", "toml", "css"];
        // Test modules in files of their own, and test data.
        let tests = ["tests.rs", "fixtures.rs"];
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let is_code = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| code.contains(&e))
            || name == "wasm-bindgen";
        if is_code && !tests.contains(&name) {
            found.push((relative, std::fs::read_to_string(&path).unwrap()));
        }
    }
    found.sort();
    found
}

/// The code of a file without its comments (whole-line `//`, `#`, `*` and `<!--` comments,
/// and `//` after code), and without Rust's `#[cfg(test)]` modules.
fn code_of(file: &str, text: &str) -> String {
    let text = match (file.ends_with(".rs"), text.find("#[cfg(test)]\nmod tests")) {
        (true, Some(at)) => &text[..at],
        _ => text,
    };
    let hash_comments = file.ends_with(".sh") || file.ends_with(".toml");
    text.lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let comment = trimmed.starts_with("//")
                || trimmed.starts_with("/*")
                || trimmed.starts_with('*')
                || trimmed.starts_with("<!--")
                || (hash_comments && trimmed.starts_with('#'));
            if comment {
                return "";
            }
            match line.find(" // ") {
                Some(at) => &line[..at],
                None => line,
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each fact, and how it shows up written out.
fn facts() -> Vec<(String, Vec<String>)> {
    let mut facts = Vec::new();
    let mut segments: Vec<&str> = ROUTES
        .iter()
        .flat_map(|r| r.segments.iter().chain(r.segments_es).copied())
        .collect();
    segments.sort();
    segments.dedup();
    for segment in segments {
        // In an address: after a slash and before a quote, a slash, `?` or `#`, or after a
        // quote and before a slash. (A bare "contact" is an element id or a field's name.)
        let mut forms = Vec::new();
        for after in ['/', '"', '\'', '`', '?', '#'] {
            forms.push(format!("/{segment}{after}"));
        }
        for before in ['"', '\'', '`'] {
            forms.push(format!("{before}{segment}/"));
        }
        facts.push((format!("the route segment {segment:?}"), forms));
    }
    for icon in ICONS {
        facts.push((
            format!("the icon {:?}", icon.file),
            vec![icon.file.to_string()],
        ));
    }
    facts.push((
        format!("the icon {ICON_SOURCE:?}"),
        vec![ICON_SOURCE.to_string()],
    ));
    facts.push((
        format!("the icons' folder {ICON_DIR:?}"),
        vec![format!("{ICON_DIR}/"), format!("\"{ICON_DIR}\"")],
    ));
    facts.push((NOT_FOUND_PAGE.to_string(), vec![NOT_FOUND_PAGE.to_string()]));
    facts.push((OFFLINE_SCRIPT.to_string(), vec![OFFLINE_SCRIPT.to_string()]));
    facts.push((
        format!("the app's stem {APP_STEM:?}"),
        vec![APP_STEM.to_string()],
    ));
    facts
}

#[test]
fn each_fact_is_written_in_its_home_only() {
    let mut strays = Vec::new();
    for (file, text) in source_files() {
        if HOMES.contains(&file.as_str()) {
            continue;
        }
        let code = code_of(&file, &text);
        for (fact, forms) in facts() {
            let allowed = ALLOWED
                .iter()
                .any(|(place, what, _)| *place == file && fact.contains(what));
            if allowed {
                continue;
            }
            for (n, line) in code.lines().enumerate() {
                if forms.iter().any(|form| line.contains(form.as_str())) {
                    strays.push(format!("{file}:{}: {fact}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        strays.is_empty(),
        "written outside its home (take it from clinic_model::routes or site_files):\n{}",
        strays.join("\n")
    );
}

#[test]
fn the_check_finds_a_fact_written_out() {
    let code = code_of(
        "src/x.rs",
        "let a = href(\"/contact\");\n// href(\"/visit\")\nlet b = 1; // \"404.html\"",
    );
    let found: Vec<String> = facts()
        .into_iter()
        .filter(|(_, forms)| forms.iter().any(|f| code.contains(f.as_str())))
        .map(|(fact, _)| fact)
        .collect();
    assert_eq!(found, ["the route segment \"contact\""]);
}
