//! What the routed site shares through Leptos's context.

use leptos::prelude::expect_context;

use crate::config::SiteConfig;

/// The configuration shared by [`crate::Site`]; components call this instead of `use_context`.
pub fn use_config() -> SiteConfig {
    expect_context::<SiteConfig>()
}
