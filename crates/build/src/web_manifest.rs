//! The web app manifest (`manifest.webmanifest`): the site's names from the configuration, its
//! colours from the design tokens (`style/main.css`), and the home-screen icons of the one
//! list the content build draws.

use clinic_model::config::SiteConfig;
use clinic_model::site_files::{IconUse, ICONS, ICON_SOURCE, WEB_MANIFEST};
use serde::Serialize;

use crate::build::Build;
use crate::files;

/// The site's colours, from the design tokens.
pub struct Colours {
    /// `--color-accent`: the browser's frame around the site.
    pub theme: String,
    /// `--color-bg`: the splash screen's.
    pub background: String,
}

impl Colours {
    pub fn read(build: &Build) -> Result<Colours, String> {
        let path = build.source_dir.join("style/main.css");
        let css = files::read_text(&path)?;
        let token = |name: &str| {
            colour_token(&css, name).ok_or_else(|| {
                format!(
                    "{}: no colour --{name}, which the manifest needs",
                    path.display()
                )
            })
        };
        Ok(Colours {
            theme: token("color-accent")?,
            background: token("color-bg")?,
        })
    }
}

/// The hex colour `--<name>: #…;` sets in `css`.
fn colour_token(css: &str, name: &str) -> Option<String> {
    let after = &css[css.find(&format!("--{name}:"))? + name.len() + 3..];
    let value = after.trim_start();
    let end = value.find(';')?;
    let colour = value[..end].trim();
    let hex = colour.strip_prefix('#')?;
    (matches!(hex.len(), 3..=8) && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| colour.to_string())
}

#[derive(Serialize)]
struct Manifest<'a> {
    id: &'a str,
    name: &'a str,
    short_name: &'a str,
    description: &'a str,
    lang: &'a str,
    start_url: &'a str,
    scope: &'a str,
    display: &'a str,
    theme_color: &'a str,
    background_color: &'a str,
    icons: Vec<ManifestIcon>,
}

#[derive(Serialize)]
struct ManifestIcon {
    src: String,
    sizes: String,
    #[serde(rename = "type")]
    media_type: &'static str,
    purpose: &'static str,
}

pub fn write(build: &Build, config: &SiteConfig) -> Result<(), String> {
    let colours = Colours::read(build)?;
    let mut icons = Vec::new();
    for icon in &ICONS {
        let purpose = match icon.used_as {
            IconUse::Any => "any",
            IconUse::Maskable => "maskable",
            IconUse::Favicon | IconUse::AppleTouch => continue,
        };
        let path = build.file(&icon.path());
        let (width, height) = png_size(&files::read(&path).map_err(|e| {
            format!("{e}; the content build draws it from the site's {ICON_SOURCE}")
        })?)
        .ok_or_else(|| format!("{}: not a PNG", path.display()))?;
        icons.push(ManifestIcon {
            src: format!("{}{}", build.public_url, icon.path()),
            sizes: format!("{width}x{height}"),
            media_type: "image/png",
            purpose,
        });
    }
    let url = build.public_url.as_str();
    let manifest = Manifest {
        id: url,
        name: &config.clinic_name,
        short_name: config.short_name.as_deref().unwrap_or(&config.clinic_name),
        description: config.tagline.get(clinic_model::lang::Lang::En),
        lang: "en",
        start_url: url,
        scope: url,
        display: "standalone",
        theme_color: &colours.theme,
        background_color: &colours.background,
        icons,
    };
    let json = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    files::write(&build.file(WEB_MANIFEST), format!("{json}\n"))
}

/// A PNG's width and height, from its header.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    if bytes.get(1..4)? != b"PNG" {
        return None;
    }
    let number = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    Some((number(16)?, number(20)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_come_from_the_design_tokens() {
        let css = ":root {\n  --color-bg: #fff;\n  --color-accent:#0b5e63 ;\n  --color-text: var(--x);\n}";
        assert_eq!(
            colour_token(css, "color-accent").as_deref(),
            Some("#0b5e63")
        );
        assert_eq!(colour_token(css, "color-bg").as_deref(), Some("#fff"));
        assert_eq!(colour_token(css, "color-text"), None);
        assert_eq!(colour_token(css, "color-link"), None);
    }

    #[test]
    fn a_png_says_its_size_in_its_header() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        png.extend(192u32.to_be_bytes());
        png.extend(96u32.to_be_bytes());
        assert_eq!(png_size(&png), Some((192, 96)));
        assert_eq!(png_size(b"GIF89a"), None);
    }
}
