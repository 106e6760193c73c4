//! The site's icons, drawn at build time from one SVG ([`source_path`]): the favicon's PNG copy,
//! the apple-touch-icon and the home-screen icons the web app manifest lists
//! (the build crate writes the manifest and links them from every page's head, from the one
//! list in `clinic_model::site_files`).
//!
//! The source is full-bleed (its background reaches every edge) with its mark inside the
//! central circle a phone's mask may leave (80% of the width), so one drawing serves both
//! kinds of home-screen icon: "maskable" as it is, and "any" with rounded corners cut out, as
//! an icon shown on its own looks. The apple-touch-icon stays square: iOS rounds it itself.
//!
//! As with the other images, [`write`] rewrites a file only when its bytes change, so a
//! rebuild costs nothing (`trunk serve` ignores the folder: see `Trunk.toml`).

use std::fs;
use std::io::Cursor;
use std::path::Path;

use image::ImageEncoder;
use resvg::tiny_skia;

use crate::previews::read_svg;

pub use clinic_model::site_files::{Icon, ICONS};
use clinic_model::site_files::{ICON_DIR, ICON_SOURCE};

/// The folder of the site's own files, relative to its root.
const PUBLIC: &str = "public";

/// The drawing every icon is made from, relative to the site's root (`public/icon.svg`).
pub fn source_path() -> String {
    format!("{PUBLIC}/{ICON_SOURCE}")
}

/// Where the icons are written, relative to the site's root (`public/icons`, not in git).
pub fn dir_path() -> String {
    format!("{PUBLIC}/{ICON_DIR}")
}

/// The corner radius of a rounded icon, as a share of its side (about what phones use).
const CORNER: f32 = 0.22;

/// Draws every icon from `<root>/public/icon.svg` into `<root>/public/icons/`. A site without
/// the drawing (a test fixture) gets no icons; the site's post-build step fails without them.
/// Returns how many files were (re)written.
pub fn write(root: &Path) -> Result<usize, String> {
    let source = root.join(source_path());
    let Ok(data) = fs::read(&source) else {
        return Ok(0);
    };
    let dir = root.join(dir_path());
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut written = 0;
    for icon in ICONS {
        let png = draw(&data, icon).map_err(|e| format!("{}: {e}", source_path()))?;
        let path = dir.join(icon.file);
        if fs::read(&path).ok().as_deref() != Some(png.as_slice()) {
            fs::write(&path, png).map_err(|e| format!("{}: {e}", path.display()))?;
            written += 1;
        }
    }
    Ok(written)
}

/// One icon as PNG bytes: the SVG scaled to the icon's size, corners cut if it is rounded.
pub fn draw(svg: &[u8], icon: Icon) -> Result<Vec<u8>, String> {
    let tree = read_svg(svg)?;
    let size = icon.size;
    let mut pixmap = tiny_skia::Pixmap::new(size, size).ok_or("an icon size is not drawable")?;
    let drawing = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        size as f32 / drawing.width(),
        size as f32 / drawing.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    let rgba: Vec<u8> = pixmap
        .pixels()
        .iter()
        .enumerate()
        .flat_map(|(i, pixel)| {
            let c = pixel.demultiply();
            let (x, y) = ((i as u32) % size, (i as u32) / size);
            let cover = if icon.rounded {
                coverage(x, y, size)
            } else {
                1.0
            };
            [
                c.red(),
                c.green(),
                c.blue(),
                (f32::from(c.alpha()) * cover).round() as u8,
            ]
        })
        .collect();
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(Cursor::new(&mut out))
        .write_image(&rgba, size, size, image::ExtendedColorType::Rgba8)
        .map_err(|e| format!("cannot encode a {size} px icon: {e}"))?;
    Ok(out)
}

/// How much of pixel (`x`, `y`) lies inside a square of `size` with rounded corners (0 to 1,
/// smoothed over one pixel so the edge is not jagged).
fn coverage(x: u32, y: u32, size: u32) -> f32 {
    let side = size as f32;
    let radius = side * CORNER;
    let (px, py) = (x as f32 + 0.5, y as f32 + 0.5);
    let nearest = |p: f32| p.clamp(radius, side - radius);
    let (cx, cy) = (nearest(px), nearest(py));
    let distance = ((px - cx).powi(2) + (py - cy).powi(2)).sqrt();
    (radius - distance + 0.5).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(png: &[u8]) -> image::RgbaImage {
        image::load_from_memory_with_format(png, image::ImageFormat::Png)
            .expect("a PNG")
            .to_rgba8()
    }

    fn icon(file: &str) -> Icon {
        *ICONS.iter().find(|i| i.file == file).expect("listed")
    }

    /// The site's own drawing.
    fn source() -> Vec<u8> {
        fs::read(crate::repo_root().join(source_path()))
            .expect("public/icon.svg is in the repository")
    }

    #[test]
    fn every_icon_is_drawn_at_its_size() {
        let svg = source();
        for icon in ICONS {
            let image = decode(&draw(&svg, icon).expect("drawn"));
            assert_eq!(image.dimensions(), (icon.size, icon.size), "{}", icon.file);
        }
    }

    #[test]
    fn a_rounded_icon_has_clear_corners_and_a_square_one_none() {
        let svg = source();
        let rounded = decode(&draw(&svg, icon("icon-192.png")).expect("drawn"));
        assert_eq!(rounded.get_pixel(0, 0)[3], 0, "the corner is cut");
        assert_eq!(rounded.get_pixel(191, 191)[3], 0);
        assert_eq!(
            rounded.get_pixel(96, 0)[3],
            255,
            "the middle of an edge is kept"
        );
        let maskable = decode(&draw(&svg, icon("maskable-512.png")).expect("drawn"));
        assert_eq!(
            maskable.get_pixel(0, 0)[3],
            255,
            "a maskable icon fills its square"
        );
        let apple = decode(&draw(&svg, icon("apple-touch-icon.png")).expect("drawn"));
        assert!(
            apple.pixels().all(|p| p[3] == 255),
            "iOS shows see-through pixels as black"
        );
    }

    #[test]
    fn the_mark_stays_inside_the_circle_a_mask_may_leave() {
        // Outside the central circle of 80% of the width, only the background: a phone that
        // cuts the icon to a circle (or a smaller squircle) loses none of the mark.
        let image = decode(&draw(&source(), icon("maskable-512.png")).expect("drawn"));
        let background = *image.get_pixel(0, 0);
        let (centre, radius) = (256.0_f32, 0.4 * 512.0);
        for (x, y, pixel) in image.enumerate_pixels() {
            let d = ((x as f32 + 0.5 - centre).powi(2) + (y as f32 + 0.5 - centre).powi(2)).sqrt();
            if d > radius {
                assert_eq!(
                    *pixel, background,
                    "({x}, {y}) is part of the mark but outside the safe zone"
                );
            }
        }
        assert_ne!(*image.get_pixel(256, 300), background, "the mark is drawn");
    }

    #[test]
    fn the_background_is_the_design_token_the_manifest_names() {
        let css =
            fs::read_to_string(crate::repo_root().join("style/main.css")).expect("style/main.css");
        let accent = css
            .split("--color-accent:")
            .nth(1)
            .and_then(|rest| rest.split(';').next())
            .map(str::trim)
            .expect("style/main.css defines --color-accent");
        let svg = String::from_utf8(source()).expect("UTF-8");
        assert!(
            svg.contains(&format!("fill=\"{accent}\"")),
            "public/icon.svg's background is {accent}"
        );
    }

    #[test]
    fn icons_are_rewritten_only_when_they_change_and_a_site_without_the_drawing_gets_none() {
        let dir = std::env::temp_dir().join(format!("clinic-icons-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        assert_eq!(write(&dir), Ok(0), "no drawing, no icons");
        fs::create_dir_all(dir.join("public")).expect("folder");
        fs::write(dir.join(source_path()), source()).expect("drawing");
        assert_eq!(write(&dir), Ok(ICONS.len()));
        assert_eq!(write(&dir), Ok(0), "nothing changed, nothing written");
        for icon in ICONS {
            assert!(
                dir.join(dir_path()).join(icon.file).is_file(),
                "{}",
                icon.file
            );
        }
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_edge_of_a_rounded_corner_is_smoothed_and_its_inside_is_whole() {
        assert_eq!(coverage(0, 0, 100), 0.0);
        assert_eq!(coverage(50, 50, 100), 1.0);
        assert_eq!(coverage(50, 0, 100), 1.0, "a straight edge is whole");
        let edge = coverage(6, 6, 100);
        assert!(edge > 0.0 && edge < 1.0, "{edge}");
    }
}
