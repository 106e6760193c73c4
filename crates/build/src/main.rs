//! The site's build after Trunk: `cargo xtask post-build`, run by Trunk's post-build hook
//! (`Trunk.toml`) with the staging folder in `TRUNK_STAGING_DIR`. Also usable by hand:
//!
//!   TRUNK_STAGING_DIR=dist TRUNK_PUBLIC_URL=/ cargo xtask post-build
//!
//! See the crate's README for the steps.

mod admin;
mod build;
mod feed;
mod files;
mod head;
mod headers;
mod naming;
mod parts;
mod publish;
mod web_manifest;
mod worker;

use std::path::{Path, PathBuf};

use build::Build;
use std::process::{Command, ExitCode};

use clinic_model::config::SiteConfig;
use clinic_model::site_files::{RenderedSite, NOT_FOUND_PAGE, SITE_CONFIG};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["post-build"] => post_build(&Build::from_env()),
        _ => Err("usage: cargo xtask post-build (run by Trunk's post-build hook)".to_string()),
    };
    match result {
        Ok(summary) => {
            println!("post-build: {summary}");
            ExitCode::SUCCESS
        }
        Err(problem) => {
            eprintln!("post-build: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn post_build(build: &Build) -> Result<String, String> {
    let config = check_config(&build.file(SITE_CONFIG))?;
    render(build)?;
    let rendered = take_rendered(build)?;
    let parts = parts::install(build, &rendered.pages)?;
    let named = naming::name_by_bytes(build, &parts)?;
    head::link_site_files(build)?;
    web_manifest::write(build, &config)?;
    let worker = worker::write(build, &config, &rendered.pages, &named)?;
    let headers = headers::write(build, &config, &rendered.pages)?;
    let published = publish::write(build, &config, &rendered.pages)?;
    let editor = admin::install(build)?;
    if build.public_url != "/" && build.release {
        publish::move_into_base_path(build)?;
    }
    Ok(format!(
        "{} wasm parts, {worker}, {headers}, {published}, {editor}",
        parts.part_files.len()
    ))
}

/// The configuration, refusing any field the site does not know (the app ignores one, so a
/// typo in `site.json` would otherwise deploy unnoticed), named with its file.
fn check_config(path: &Path) -> Result<SiteConfig, String> {
    let json = files::read_text(path)?;
    SiteConfig::parse_strict(&json).map_err(|e| format!("{}: {e}", path.display()))
}

/// Runs the renderer (`src/bin/prerender.rs`, the site built natively with `ssr`), in its own
/// target folder so its features never rebuild the browser's. `STARTUP_MARKS=1` (set by
/// `scripts/bench.sh`) renders with the same marks as the browser's build.
fn render(build: &Build) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut features = "ssr".to_string();
    if std::env::var("STARTUP_MARKS").is_ok_and(|v| !v.is_empty()) {
        features.push_str(",startup-marks");
    }
    let status = Command::new(cargo)
        .current_dir(&build.source_dir)
        .args([
            "run",
            "--quiet",
            "--offline",
            "--no-default-features",
            "--features",
        ])
        .arg(&features)
        .args(["--bin", "prerender", "--target-dir", "target/prerender"])
        .env("TRUNK_STAGING_DIR", absolute(&build.dir)?)
        .env("TRUNK_PUBLIC_URL", &build.public_url)
        .status()
        .map_err(|e| format!("the renderer could not be run: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the renderer failed ({status})"))
    }
}

fn absolute(path: &Path) -> Result<PathBuf, String> {
    std::path::absolute(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// What the renderer wrote, read and removed (so it is never deployed).
fn take_rendered(build: &Build) -> Result<RenderedSite, String> {
    let path = build.file(RenderedSite::FILE);
    let rendered: RenderedSite = files::read_json(&path)?;
    std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    if rendered.format != RenderedSite::FORMAT {
        return Err(format!(
            "{}: format {}, where this build reads {}: the renderer and the build are from different versions",
            path.display(),
            rendered.format,
            RenderedSite::FORMAT
        ));
    }
    if !rendered
        .pages
        .iter()
        .any(|page| page.file == NOT_FOUND_PAGE)
    {
        return Err(format!("{}: no Not Found page", path.display()));
    }
    Ok(rendered)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_in_site_json_stops_the_build_naming_the_file_and_the_field() {
        let dir = std::env::temp_dir().join(format!("xtask-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(SITE_CONFIG);
        let shipped: serde_json::Value = files::read_json(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../public")
                .join(SITE_CONFIG),
        )
        .unwrap();
        let write = |config: &serde_json::Value| std::fs::write(&path, config.to_string()).unwrap();

        write(&shipped);
        assert!(check_config(&path).is_ok(), "the shipped site.json");
        let mut retired = shipped.clone();
        retired["offline_support"] = false.into();
        write(&retired);
        assert!(check_config(&path).is_ok(), "offline support off");

        let mut typo = shipped;
        typo["phone"]["dispaly"] = "(503) 555-0142".into();
        write(&typo);
        assert_eq!(
            check_config(&path).map(|_| ()),
            Err(format!(
                "{}: the configuration has a field `phone.dispaly` that the site does not know \
                 (a typo?)",
                path.display()
            ))
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_text_missing_a_language_in_site_json_stops_the_build_naming_its_path() {
        let dir = std::env::temp_dir().join(format!("xtask-config-lang-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(SITE_CONFIG);
        let mut config: serde_json::Value = files::read_json(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../public")
                .join(SITE_CONFIG),
        )
        .unwrap();
        config["visit"]["closures"][1]["reason"]
            .as_object_mut()
            .unwrap()
            .remove("es");
        std::fs::write(&path, config.to_string()).unwrap();
        assert_eq!(
            check_config(&path).map(|_| ()),
            Err(format!(
                "{}: the configuration field `visit.closures[1].reason.es` is missing (every \
                 text is given in English and Spanish)",
                path.display()
            ))
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
