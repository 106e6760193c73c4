//! Photos in posts: a JPEG or PNG under `public/images/` is also written as WebP at a few
//! widths (`public/images/generated/<name>-<hash>-<width>.webp`), and its image gets the
//! `srcset` that offers them, so a phone downloads a small file and a wide screen a sharp one.
//! The original stays the `src`, for the few browsers without WebP.
//!
//! The names carry a hash of the source file, so a replaced photo gets new names (the CDN
//! caches images for a day) and the JSON changes with it. Planning (names, widths, `srcset`)
//! reads the file only; encoding happens in [`write`], and only for files not yet there, so a
//! rebuild costs nothing and `trunk serve` is not woken up again by its own output.

use std::fs;
use std::path::Path;

use image::ImageDecoder;

use crate::blog::{Block, Post};

/// Where the variants go, under `public/`. Generated: ignored by git, rebuilt by every build.
pub const GENERATED_DIR: &str = "images/generated";

/// The widths offered (CSS pixels times device pixels: the article column is 42rem, 672 px, so
/// 1280 covers it at twice the density).
pub const WIDTHS: [u32; 3] = [480, 800, 1280];

/// WebP quality (0–100): visually close to the original for photos at a fraction of the size.
const QUALITY: f32 = 78.0;

/// One WebP file to write: `public/<path>`, `width` wide, from `public/<source>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub source: String,
    pub path: String,
    pub width: u32,
}

/// Whether `src` is a photo this module handles (JPEG or PNG, by its extension).
pub fn is_photo(src: &str) -> bool {
    let lower = src.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// The widths to write for a photo `original` pixels wide: each of [`WIDTHS`] below it, and the
/// photo's own width when it is narrower than the largest (never enlarged).
pub fn widths_for(original: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|w| *w < original).collect();
    if original <= WIDTHS[WIDTHS.len() - 1] {
        widths.push(original);
    }
    widths
}

/// A photo's width and height as it is meant to be seen: a phone stores a portrait photo
/// sideways with an EXIF note to turn it, which the browser follows, so the size (and the WebP
/// copies) must follow it too. A photo that records where it was taken (EXIF GPS) is refused:
/// the original is published as it is, and the place a photo was taken (someone's home) is
/// nobody's business.
pub fn upright_size(path: &Path, src: &str) -> Result<(u32, u32), String> {
    let unreadable =
        |e: image::ImageError| format!("{src}: cannot be read as a JPEG or PNG photo ({e})");
    let mut decoder = image::ImageReader::open(path)
        .map_err(|e| format!("{src}: {e}"))?
        .with_guessed_format()
        .map_err(|e| format!("{src}: {e}"))?
        .into_decoder()
        .map_err(unreadable)?;
    if decoder
        .exif_metadata()
        .map_err(unreadable)?
        .is_some_and(|exif| has_gps(&exif))
    {
        return Err(format!(
            "{src} records the place it was taken (GPS location in the photo's EXIF data): \
             publish a copy without it (most photo apps offer \"remove location\" when sharing \
             or exporting), then replace the file"
        ));
    }
    let (width, height) = decoder.dimensions();
    Ok(
        if turns_sideways(decoder.orientation().map_err(unreadable)?) {
            (height, width)
        } else {
            (width, height)
        },
    )
}

/// The photo at `path`, turned as its EXIF orientation says.
pub(crate) fn open_upright(path: &Path) -> image::ImageResult<image::DynamicImage> {
    let mut decoder = image::ImageReader::open(path)?
        .with_guessed_format()?
        .into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut photo = image::DynamicImage::from_decoder(decoder)?;
    photo.apply_orientation(orientation);
    Ok(photo)
}

fn turns_sideways(orientation: image::metadata::Orientation) -> bool {
    use image::metadata::Orientation::*;
    matches!(
        orientation,
        Rotate90 | Rotate270 | Rotate90FlipH | Rotate270FlipH
    )
}

/// Whether EXIF data (a TIFF structure) has a GPS entry (tag 0x8825) in its first directory,
/// where cameras and phones put it.
pub fn has_gps(exif: &[u8]) -> bool {
    let little = match exif.get(..2) {
        Some(b"II") => true,
        Some(b"MM") => false,
        _ => return false,
    };
    let read = |at: usize, len: usize| -> Option<u32> {
        let bytes = exif.get(at..at + len)?;
        Some(bytes.iter().enumerate().fold(0u32, |acc, (i, b)| {
            let shift = if little { 8 * i } else { 8 * (len - 1 - i) };
            acc | (u32::from(*b) << shift)
        }))
    };
    let Some(ifd) = read(4, 4).map(|o| o as usize) else {
        return false;
    };
    let count = read(ifd, 2).unwrap_or(0) as usize;
    (0..count).any(|i| read(ifd + 2 + 12 * i, 2) == Some(0x8825))
}

/// The variants of `public/<src>`, a photo `width` pixels wide.
pub fn plan(public: &Path, src: &str, width: u32) -> Result<Vec<Variant>, String> {
    let bytes = fs::read(public.join(src)).map_err(|_| {
        format!("{src} does not exist under public/ (check the spelling, or add the file)")
    })?;
    let file = src.rsplit('/').next().unwrap_or(src);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let hash = fnv1a(&bytes);
    Ok(widths_for(width)
        .into_iter()
        .map(|w| Variant {
            source: src.to_string(),
            path: format!("{GENERATED_DIR}/{stem}-{hash:016x}-{w}.webp"),
            width: w,
        })
        .collect())
}

/// Gives each photo of `post` (its hero and body images that are JPEG or PNG) the `srcset` of
/// its WebP copies, and returns those copies; drawings (SVG) need none.
pub fn plan_post(public: &Path, post: &mut Post) -> Result<Vec<Variant>, String> {
    let images =
        std::iter::once(&mut post.hero).chain(post.body.iter_mut().filter_map(
            |block| match block {
                Block::Image(image) => Some(image),
                _ => None,
            },
        ));
    let mut variants = Vec::new();
    for image in images.filter(|i| is_photo(&i.src)) {
        let planned = plan(public, &image.src, image.width)?;
        image.srcset = Some(srcset(&planned));
        variants.extend(planned);
    }
    Ok(variants)
}

/// The `srcset` attribute for `variants`: `images/generated/x-…-480.webp 480w, …`.
pub fn srcset(variants: &[Variant]) -> String {
    variants
        .iter()
        .map(|v| format!("{} {}w", v.path, v.width))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes every variant not yet under `public/`, and removes the copies no post uses any more
/// (of a photo replaced or taken out); returns how many were written.
pub fn write(public: &Path, variants: &[Variant]) -> Result<usize, String> {
    if let Ok(entries) = fs::read_dir(public.join(GENERATED_DIR)) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = format!("{GENERATED_DIR}/{name}");
            // `.gitkeep` keeps the folder in git, so `trunk serve` can be told to ignore it.
            if !name.starts_with('.') && !variants.iter().any(|v| v.path == path) {
                fs::remove_file(entry.path()).map_err(|e| format!("{path}: {e}"))?;
            }
        }
    }
    let mut written = 0;
    // A photo's variants come one after another: it is decoded once for all of them.
    let mut decoded: Option<(&str, image::DynamicImage)> = None;
    for variant in variants {
        let target = public.join(&variant.path);
        if target.exists() {
            continue;
        }
        if decoded
            .as_ref()
            .is_none_or(|(source, _)| *source != variant.source)
        {
            let photo = open_upright(&public.join(&variant.source))
                .map_err(|e| format!("{}: cannot be read as a photo: {e}", variant.source))?;
            decoded = Some((&variant.source, photo));
        }
        let photo = &decoded.as_ref().expect("decoded just above").1;
        let height = (u64::from(photo.height()) * u64::from(variant.width))
            .div_ceil(u64::from(photo.width().max(1))) as u32;
        let rgba = photo
            .resize_exact(
                variant.width,
                height.max(1),
                image::imageops::FilterType::Lanczos3,
            )
            .to_rgba8();
        let webp =
            webp::Encoder::from_rgba(rgba.as_raw(), rgba.width(), rgba.height()).encode(QUALITY);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&target, &*webp).map_err(|e| format!("{}: {e}", target.display()))?;
        written += 1;
    }
    Ok(written)
}

/// FNV-1a, 64 bits: a stable name for a file's content (std's hasher may change between Rust
/// releases, which would rename every variant and make the JSON stale).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_jpeg_and_png_are_photos() {
        assert!(is_photo("images/team.JPG"));
        assert!(is_photo("images/room.jpeg"));
        assert!(is_photo("images/chart.png"));
        assert!(!is_photo("images/spine.svg"));
        assert!(!is_photo("images/already.webp"));
    }

    #[test]
    fn a_photo_is_offered_at_the_widths_below_it_and_never_enlarged() {
        assert_eq!(widths_for(4000), vec![480, 800, 1280]);
        assert_eq!(widths_for(1280), vec![480, 800, 1280]);
        assert_eq!(widths_for(1000), vec![480, 800, 1000]);
        assert_eq!(widths_for(300), vec![300]);
    }

    #[test]
    fn the_srcset_lists_each_variant_with_its_width() {
        let v = |w| Variant {
            source: "images/a.jpg".into(),
            path: format!("images/generated/a-0-{w}.webp"),
            width: w,
        };
        assert_eq!(
            srcset(&[v(480), v(800)]),
            "images/generated/a-0-480.webp 480w, images/generated/a-0-800.webp 800w"
        );
    }

    #[test]
    fn gps_in_the_first_exif_directory_is_found_in_either_byte_order() {
        // Header, directory at offset 8 holding one entry: tag, type, count, value.
        let little = [
            b"II*\0".as_slice(),
            &[8, 0, 0, 0],
            &[1, 0],
            &[0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0],
        ]
        .concat();
        assert!(has_gps(&little));
        let big = [
            b"MM\0*".as_slice(),
            &[0, 0, 0, 8],
            &[0, 1],
            &[0x88, 0x25, 0, 4, 0, 0, 0, 1, 0, 0, 0, 26],
        ]
        .concat();
        assert!(has_gps(&big));
        let orientation_only = [
            b"II*\0".as_slice(),
            &[8, 0, 0, 0],
            &[1, 0],
            &[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0],
        ]
        .concat();
        assert!(!has_gps(&orientation_only));
        assert!(!has_gps(b"II*"));
        assert!(!has_gps(b""));
    }

    #[test]
    fn the_content_hash_is_stable() {
        // FNV-1a's published test vectors.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
