//! Link previews (see `clinic_model::blog::preview`): for each post whose hero is a file of the site,
//! a raster copy about 1200 px wide that messaging apps, social networks and feed readers can
//! show. A drawing (SVG) is drawn with resvg onto white and saved as PNG; a photo (JPEG, PNG)
//! is turned upright, scaled down (never up) and saved as JPEG, which also leaves its EXIF
//! metadata behind.
//!
//! A drawing is drawn from itself alone: the build refuses one that refers to anything outside
//! it (an `<image>`, an `<feImage>` or any `href` that is not `#…` within the drawing), and the
//! renderer is given no folder and loads no `href`, so a drawing cannot make the build machine
//! read its other files. Its size is bounded before anything is drawn: a drawing declares at
//! most [`MAX_DRAWING_SIDE`] pixels a side (`image_size::measure`), and a preview is at most
//! [`WIDTH`] × [`MAX_DRAWING_SIDE`].
//!
//! Files are named `<slug>-<hash>.<png|jpg>`, the hash taken over the hero's bytes, so a new
//! picture gets a new address (preview clients cache by address). As with the photos' WebP
//! copies, planning only reads the files, [`write`] draws only what is missing, removes what no
//! post uses, and rewrites the list (`previews.json`) only when it changes, so a rebuild costs
//! nothing. (`trunk serve` ignores the folder: see `Trunk.toml`.)

use std::fs;
use std::io::Cursor;
use std::path::Path;

use image::ImageEncoder;

use resvg::usvg::roxmltree;

use crate::image_size::MAX_DRAWING_SIDE;
use crate::photos::{self, file_of};
use clinic_model::blog::preview::{is_local, Manifest, Preview, DIR, MANIFEST, WIDTH};
use clinic_model::blog::Post;

/// JPEG quality for photo previews: previews are seen small, in a chat or a feed.
const JPEG_QUALITY: u8 = 82;

/// The media types of the two kinds of preview: a drawing's PNG, a photo's JPEG.
const PNG: &str = "image/png";
const JPEG: &str = "image/jpeg";

/// Bumped when the drawing or encoding changes, so every preview gets a new name.
const VERSION: &[u8] = b"preview-1";

/// A preview to write: `public/<preview.src>`, drawn from the hero `source` (a site path:
/// `images/x.svg` in `public/`, a photo's upload in `content/images/`, see `file_of`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub slug: String,
    pub source: String,
    pub preview: Preview,
}

/// Plans the preview of `post`'s hero (a file of the site at `root`): `None` for a hero that
/// is not a file of the site (the content build refuses those today, as it cannot measure
/// them; should that change, the renderer keeps such a hero's own address). Reads the hero's
/// bytes for the name and checks a drawing; draws nothing.
pub fn plan(root: &Path, post: &Post) -> Result<Option<Planned>, String> {
    let hero = &post.hero;
    if !is_local(&hero.src) {
        return Ok(None);
    }
    let drawing = hero.src.to_ascii_lowercase().ends_with(".svg");
    if !drawing && !photos::is_photo(&hero.src) {
        return Err(format!(
            "{}: a hero must be an SVG drawing, a JPEG or a PNG (link previews are made from it)",
            hero.src
        ));
    }
    let bytes = fs::read(file_of(root, &hero.src)).map_err(|_| {
        format!(
            "{} does not exist (check the spelling, or add the file)",
            hero.src
        )
    })?;
    if drawing {
        check_drawing(&bytes).map_err(|(line, problem)| match line {
            Some(line) => format!("{}, line {line}: {problem}", hero.src),
            None => format!("{}: {problem}", hero.src),
        })?;
    }
    let (width, height) = size(hero.width, hero.height, drawing);
    if height > MAX_DRAWING_SIDE {
        return Err(format!(
            "{}: its link preview would be {width}×{height} pixels, taller than \
             {MAX_DRAWING_SIDE} (a preview is {WIDTH} wide, at the picture's proportions): use a \
             top picture no more than three times as tall as it is wide",
            hero.src
        ));
    }
    let hash = photos::fnv1a(&[VERSION, &bytes].concat());
    let (extension, media_type) = if drawing { ("png", PNG) } else { ("jpg", JPEG) };
    Ok(Some(Planned {
        slug: post.slug.clone(),
        source: hero.src.clone(),
        preview: Preview {
            src: format!("{DIR}/{}-{hash:016x}.{extension}", post.slug),
            width,
            height,
            media_type: media_type.into(),
        },
    }))
}

/// What in a hero drawing its preview cannot or must not draw, with the drawing's line: text
/// (no fonts are loaded, so it would vanish), an embedded picture or web page, or a reference
/// to anything outside the drawing (the build reads no other file). Read as XML, element by
/// element, so no prefix (`<svg:image>`, `xlink:href`) or entity hides one.
fn check_drawing(bytes: &[u8]) -> Result<(), (Option<u32>, String)> {
    let text = std::str::from_utf8(bytes).map_err(|_| {
        (
            None,
            "cannot be read as SVG (it is not UTF-8 text)".to_string(),
        )
    })?;
    // As the renderer reads it (usvg allows a DTD).
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let document = roxmltree::Document::parse_with_options(text, options)
        .map_err(|e| (None, format!("cannot be read as SVG ({e})")))?;
    for node in document.descendants().filter(roxmltree::Node::is_element) {
        let line = Some(document.text_pos_at(node.range().start).row);
        let name = node.tag_name().name();
        if name == "text" {
            return Err((
                line,
                "the drawing has text (<text>), which its link preview cannot draw: turn the \
                 words into shapes or leave them out (words in a picture are also lost to screen \
                 readers; put them in the post)"
                    .into(),
            ));
        }
        if name == "image" || name == "foreignObject" {
            return Err((
                line,
                format!(
                    "the drawing embeds a picture or a web page (<{name}>), which its link \
                     preview cannot draw: use the photo itself as the top picture, or a drawing \
                     made of shapes only"
                ),
            ));
        }
        let outside = node
            .attributes()
            .find(|a| a.name() == "href" && !a.value().trim_start().starts_with('#'));
        if let Some(href) = outside {
            return Err((
                line,
                format!(
                    "the drawing refers to something outside itself (<{name}> with href=\"{}\"), \
                     which the build does not read: draw it inside the drawing, or point the \
                     href at an element of the drawing (href=\"#id\")",
                    href.value().chars().take(60).collect::<String>()
                ),
            ));
        }
    }
    Ok(())
}

/// The preview's size for a hero `width`×`height`: [`WIDTH`] wide at the hero's proportions;
/// a photo narrower than that keeps its own width.
fn size(width: u32, height: u32, drawing: bool) -> (u32, u32) {
    let target = if drawing { WIDTH } else { WIDTH.min(width) };
    let scaled = (u64::from(height) * u64::from(target)).div_ceil(u64::from(width.max(1)));
    (target, u32::try_from(scaled).unwrap_or(u32::MAX).max(1))
}

/// Writes the missing previews and the list under `<root>/public/`, and removes previews no
/// post uses. Returns how many images were drawn.
pub fn write(root: &Path, planned: &[Planned]) -> Result<usize, String> {
    let public = root.join("public");
    let dir = public.join(DIR);
    let manifest_name = MANIFEST.rsplit('/').next().unwrap_or(MANIFEST);
    if let Ok(entries) = fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = format!("{DIR}/{name}");
            // `.gitkeep` keeps the folder in git, so `trunk serve` can be told to ignore it.
            let kept = name == manifest_name || name.starts_with('.');
            if !kept && !planned.iter().any(|p| p.preview.src == path) {
                fs::remove_file(entry.path()).map_err(|e| format!("{path}: {e}"))?;
            }
        }
    }
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut drawn = 0;
    for item in planned {
        let target = public.join(&item.preview.src);
        if target.exists() {
            continue;
        }
        let bytes = render(root, item)?;
        fs::write(&target, bytes).map_err(|e| format!("{}: {e}", target.display()))?;
        drawn += 1;
    }
    let manifest: Manifest = planned
        .iter()
        .map(|p| (p.slug.clone(), p.preview.clone()))
        .collect();
    let text = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())? + "\n";
    let path = public.join(MANIFEST);
    if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        fs::write(&path, text).map_err(|e| format!("{MANIFEST}: {e}"))?;
    }
    Ok(drawn)
}

/// Draws one preview: the encoded PNG or JPEG.
fn render(root: &Path, item: &Planned) -> Result<Vec<u8>, String> {
    let Preview { width, height, .. } = item.preview;
    let source = file_of(root, &item.source);
    let mut out = Vec::new();
    let encoded = if item.preview.media_type == PNG {
        let rgb = draw_svg(&source, width, height).map_err(|e| format!("{}: {e}", item.source))?;
        image::codecs::png::PngEncoder::new(Cursor::new(&mut out)).write_image(
            &rgb,
            width,
            height,
            image::ExtendedColorType::Rgb8,
        )
    } else {
        let photo = photos::open_upright(&source)
            .map_err(|e| format!("{}: cannot be read as a photo: {e}", item.source))?
            .resize_exact(width, height, image::imageops::FilterType::Lanczos3);
        // A JPEG has no transparency: a PNG's see-through parts go onto white, as the page
        // shows them, rather than the black their hidden colour often is.
        let mut flat = image::RgbaImage::from_pixel(width, height, image::Rgba([255; 4]));
        image::imageops::overlay(&mut flat, &photo.to_rgba8(), 0, 0);
        let rgb = image::DynamicImage::ImageRgba8(flat).to_rgb8();
        image::codecs::jpeg::JpegEncoder::new_with_quality(Cursor::new(&mut out), JPEG_QUALITY)
            .write_image(rgb.as_raw(), width, height, image::ExtendedColorType::Rgb8)
    };
    encoded.map_err(|e| format!("{}: cannot encode its preview: {e}", item.source))?;
    Ok(out)
}

/// An SVG drawn onto white at `width`×`height`, as RGB bytes. It is drawn from its own bytes
/// alone: no folder to resolve paths against, and every `href` to a file or a `data:` address
/// (`<image>`, `<feImage>`) resolves to nothing, whatever the drawing says.
pub(crate) fn draw_svg(path: &Path, width: u32, height: u32) -> Result<Vec<u8>, String> {
    use resvg::tiny_skia;
    if width.max(height) > MAX_DRAWING_SIDE {
        return Err(format!(
            "a {width}×{height} preview is larger than the build draws"
        ));
    }
    let data = fs::read(path).map_err(|e| e.to_string())?;
    let tree = read_svg(&data)?;
    let mut pixmap =
        tiny_skia::Pixmap::new(width, height).ok_or("the preview's size is not drawable")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let drawing = tree.size();
    let transform = tiny_skia::Transform::from_scale(
        width as f32 / drawing.width(),
        height as f32 / drawing.height(),
    );
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    // Opaque after the white fill, so the premultiplied pixels are the plain ones.
    Ok(pixmap
        .data()
        .chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect())
}

/// An SVG read from its own bytes alone: no folder to resolve paths against, and every `href`
/// to a file or a `data:` address resolves to nothing.
pub(crate) fn read_svg(data: &[u8]) -> Result<resvg::usvg::Tree, String> {
    use resvg::usvg;
    let options = usvg::Options {
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    usvg::Tree::from_data(data, &options).map_err(|e| format!("cannot be read as SVG ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drawing_is_made_1200_wide_at_its_own_proportions() {
        assert_eq!(size(640, 360, true), (1200, 675));
        assert_eq!(size(100, 100, true), (1200, 1200));
    }

    #[test]
    fn a_photo_is_never_enlarged() {
        assert_eq!(size(1600, 1000, false), (1200, 750));
        assert_eq!(size(900, 1200, false), (900, 1200));
    }
}
