//! What Trunk tells the post-build hook about the build, from its environment.

use std::path::PathBuf;

/// What Trunk tells the hook about this build.
pub struct Build {
    /// The staging folder: the site as Trunk left it.
    pub dir: PathBuf,
    /// The address the site is served under, ending in `/` ("/" or "/clinic/").
    pub public_url: String,
    /// A release build (`trunk build --release`), not `trunk serve`'s.
    pub release: bool,
    /// The cargo profile Trunk built with (its wasm-bindgen output is in a folder of that name).
    pub profile: String,
    /// The repository.
    pub source_dir: PathBuf,
    /// Cargo's target folder for the browser's build.
    pub target_dir: PathBuf,
}

impl Build {
    pub fn from_env() -> Build {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let source_dir = PathBuf::from(var("TRUNK_SOURCE_DIR").unwrap_or_else(|| ".".into()));
        let profile = var("TRUNK_PROFILE").unwrap_or_else(|| "release".into());
        let public_url = var("TRUNK_PUBLIC_URL").unwrap_or_else(|| "/".into());
        Build {
            dir: PathBuf::from(var("TRUNK_STAGING_DIR").unwrap_or_else(|| "dist".into())),
            public_url: format!("{}/", public_url.trim_end_matches('/')),
            release: profile == "release",
            profile,
            target_dir: var("CARGO_TARGET_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| source_dir.join("target")),
            source_dir,
        }
    }

    /// A file of the site being built.
    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}
