//! Photos in posts. The photo a writer uploads stays in `content/images/`, which is never
//! published: it carries what the camera wrote (serial numbers, times, places, thumbnails).
//! What the site publishes is made from it, upright and without any of that metadata, under
//! `public/images/generated/`: a clean copy at full size (`<name>-<hash>.jpg`, or `.png` for a
//! PNG), the image's `src` for the few browsers without WebP, and WebP copies at a few widths
//! (`<name>-<hash>-<width>.webp`), offered by its `srcset` so a phone downloads a small file and
//! a wide screen a sharp one.
//!
//! The names carry a hash of the upload, so a replaced photo gets new names (the CDN caches
//! images for a day) and the JSON changes with it. Planning (names, widths, `srcset`) reads the
//! file only; encoding happens in [`write`], and only for files not yet there, so a rebuild
//! costs nothing and `trunk serve` is not woken up again by its own output.

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use image::{ImageDecoder, ImageEncoder};

use clinic_model::blog::{Block, Post};

/// Where photos are uploaded, under the project root: a folder Trunk does not publish.
pub const ORIGINALS_DIR: &str = "content/images";

/// Where the published copies go, under `public/`. Generated: ignored by git, rebuilt by every
/// build.
pub const GENERATED_DIR: &str = "images/generated";

/// The widths offered (CSS pixels times device pixels: the article column is 42rem, 672 px, so
/// 1280 covers it at twice the density).
pub const WIDTHS: [u32; 3] = [480, 800, 1280];

/// WebP quality (0–100): visually close to the original for photos at a fraction of the size.
const QUALITY: f32 = 78.0;

/// JPEG quality of the clean copy: it stands in for the upload, so it stays close to it.
const JPEG_QUALITY: u8 = 88;

/// XMP properties that hold where a photo was taken (`exif:GPSLatitude`, `exifEX:…`, as an
/// attribute or an element: any prefix).
const XMP_GPS: [&[u8]; 2] = [b"GPSLatitude", b"GPSLongitude"];

/// How a published copy is encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A smaller copy for the `srcset`.
    WebP,
    /// The clean copy of a JPEG upload.
    Jpeg,
    /// The clean copy of a PNG upload (lossless, and keeps its transparency).
    Png,
}

/// One file to write: `public/<path>`, `width` wide, made from `<root>/<source>` (the upload).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub source: String,
    pub path: String,
    pub width: u32,
    pub format: Format,
}

/// The file of an image `src` as a post writes it (`images/<file>`): a photo is an upload kept
/// in `content/images/` (never published as it is: the build publishes a clean copy), a
/// drawing is in `public/images/`.
pub fn file_of(root: &Path, src: &str) -> PathBuf {
    match src.strip_prefix("images/") {
        Some(name) if is_photo(src) => root.join(ORIGINALS_DIR).join(name),
        _ => root.join("public").join(src),
    }
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
/// sideways with an EXIF note to turn it, which the browser follows, so the size (and the
/// copies) must follow it too. A photo that records where it was taken (GPS, in its EXIF or
/// its XMP data) is refused: the upload is kept in the repository, and the place a photo was
/// taken (someone's home) is nobody's business.
pub fn upright_size(path: &Path, src: &str) -> Result<(u32, u32), String> {
    let unreadable =
        |e: image::ImageError| format!("{src}: cannot be read as a JPEG or PNG photo ({e})");
    let bytes = fs::read(path).map_err(|e| format!("{src}: {e}"))?;
    let mut decoder = image::ImageReader::new(Cursor::new(&bytes))
        .with_guessed_format()
        .map_err(|e| format!("{src}: {e}"))?
        .into_decoder()
        .map_err(unreadable)?;
    let located = |data: &str| {
        format!(
            "{src} records the place it was taken (GPS location in the photo's {data} data): \
             publish a copy without it (most photo apps offer \"remove location\" when sharing \
             or exporting), then replace the file"
        )
    };
    if decoder
        .exif_metadata()
        .map_err(unreadable)?
        .is_some_and(|exif| has_gps(&exif))
    {
        return Err(located("EXIF"));
    }
    // The decoder's packet (a PNG's may be compressed), and the file itself, which also holds
    // any extended XMP a JPEG splits over several segments.
    let xmp = decoder.xmp_metadata().map_err(unreadable)?;
    if [xmp.as_deref().unwrap_or_default(), &bytes]
        .into_iter()
        .any(has_xmp_gps)
    {
        return Err(located("XMP"));
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

/// Whether XMP data names a GPS position.
pub fn has_xmp_gps(xmp: &[u8]) -> bool {
    XMP_GPS
        .iter()
        .any(|name| xmp.windows(name.len()).any(|w| w == *name))
}

/// The published copies of the photo `src` (`<root>/content/images/…`), `width` pixels wide
/// upright: its clean copy, then its WebP copies.
pub fn plan(root: &Path, src: &str, width: u32) -> Result<(Variant, Vec<Variant>), String> {
    let path = file_of(root, src);
    let bytes = fs::read(&path).map_err(|_| {
        format!("{src} does not exist under {ORIGINALS_DIR}/ (check the spelling, or add the file)")
    })?;
    let source = path
        .strip_prefix(root)
        .unwrap_or(&path)
        .to_string_lossy()
        .replace('\\', "/");
    let file = src.rsplit('/').next().unwrap_or(src);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    let hash = fnv1a(&bytes);
    let (extension, format) = if file.to_ascii_lowercase().ends_with(".png") {
        ("png", Format::Png)
    } else {
        ("jpg", Format::Jpeg)
    };
    let clean = Variant {
        source: source.clone(),
        path: format!("{GENERATED_DIR}/{stem}-{hash:016x}.{extension}"),
        width,
        format,
    };
    let webp = widths_for(width)
        .into_iter()
        .map(|w| Variant {
            source: source.clone(),
            path: format!("{GENERATED_DIR}/{stem}-{hash:016x}-{w}.webp"),
            width: w,
            format: Format::WebP,
        })
        .collect();
    Ok((clean, webp))
}

/// Points each photo of `post` (its hero and body images that are JPEG or PNG) at its clean
/// copy, with the `srcset` of its WebP copies, and returns every copy to write; drawings (SVG)
/// need none.
pub fn plan_post(root: &Path, post: &mut Post) -> Result<Vec<Variant>, String> {
    let images =
        std::iter::once(&mut post.hero).chain(post.body.iter_mut().filter_map(
            |block| match block {
                Block::Image(image) => Some(image),
                _ => None,
            },
        ));
    let mut variants = Vec::new();
    for image in images.filter(|i| is_photo(&i.src)) {
        let (clean, webp) = plan(root, &image.src, image.width)?;
        image.src = clean.path.clone();
        image.srcset = Some(srcset(&webp));
        variants.push(clean);
        variants.extend(webp);
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

/// Files under `public/images/` that are published as they are and are not drawings: an
/// upload put there by habit (the build's own folders aside). Paths from the project root.
pub fn published_uploads(root: &Path) -> Vec<String> {
    fn walk(dir: &Path, root: &Path, found: &mut Vec<String>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let built = [GENERATED_DIR, clinic_model::blog::preview::DIR]
                .iter()
                .any(|dir| relative == format!("public/{dir}"));
            if path.is_dir() {
                if !built {
                    walk(&path, root, found);
                }
            } else if !name.starts_with('.') && !name.to_ascii_lowercase().ends_with(".svg") {
                found.push(relative);
            }
        }
    }
    let mut found = Vec::new();
    walk(&root.join("public/images"), root, &mut found);
    found.sort();
    found
}

/// Writes every copy not yet under `<root>/public/`, and removes the copies no post uses any
/// more (of a photo replaced or taken out); returns how many were written.
pub fn write(root: &Path, variants: &[Variant]) -> Result<usize, String> {
    let public = root.join("public");
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
    // A photo's copies come one after another: it is decoded once for all of them.
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
            let photo = open_upright(&root.join(&variant.source))
                .map_err(|e| format!("{}: cannot be read as a photo: {e}", variant.source))?;
            decoded = Some((&variant.source, photo));
        }
        let photo = &decoded.as_ref().expect("decoded just above").1;
        let bytes = encode(photo, variant)
            .map_err(|e| format!("{}: cannot encode {}: {e}", variant.source, variant.path))?;
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        fs::write(&target, bytes).map_err(|e| format!("{}: {e}", target.display()))?;
        written += 1;
    }
    Ok(written)
}

/// One copy of the upright `photo`, encoded from its pixels alone: no EXIF, XMP, IPTC,
/// thumbnail or colour profile of the upload can reach it.
fn encode(photo: &image::DynamicImage, variant: &Variant) -> image::ImageResult<Vec<u8>> {
    let mut out = Vec::new();
    match variant.format {
        Format::WebP => {
            let height = (u64::from(photo.height()) * u64::from(variant.width))
                .div_ceil(u64::from(photo.width().max(1))) as u32;
            let rgba = photo
                .resize_exact(
                    variant.width,
                    height.max(1),
                    image::imageops::FilterType::Lanczos3,
                )
                .to_rgba8();
            let webp = webp::Encoder::from_rgba(rgba.as_raw(), rgba.width(), rgba.height())
                .encode(QUALITY);
            out.extend_from_slice(&webp);
        }
        Format::Jpeg => {
            let rgb = photo.to_rgb8();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .write_image(
                    rgb.as_raw(),
                    rgb.width(),
                    rgb.height(),
                    image::ExtendedColorType::Rgb8,
                )?;
        }
        Format::Png => {
            photo.write_with_encoder(image::codecs::png::PngEncoder::new(&mut out))?;
        }
    }
    Ok(out)
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
            source: "content/images/a.jpg".into(),
            path: format!("images/generated/a-0-{w}.webp"),
            width: w,
            format: Format::WebP,
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
