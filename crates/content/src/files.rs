//! Where the content build reads and writes, relative to the project root.

use std::path::PathBuf;

/// Where the sources live, relative to the project root.
pub const SOURCE_DIR: &str = "content/posts";
/// Where the site's files are, relative to the project root: the built JSON's
/// `posts/<slug>.json` and the languages' indexes (`clinic_model::site_files::post_index`)
/// are under it.
pub const SITE_DIR: &str = "public";
/// Where the built JSON goes, relative to the project root.
pub const OUTPUT_DIR: &str = "public/posts";

/// The repository this crate is part of: the site the build works on unless told otherwise.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}
