//! The intrinsic size of a post's image, so a post never has to state it: an SVG's own width
//! and height (or viewBox), a photo's (JPEG, PNG) from its header; and where its file is.

use std::path::Path;

use crate::photos::{self, file_of, ORIGINALS_DIR};

/// The largest side of a drawing, in pixels, as its width and height (or viewBox) declare it,
/// and of a link preview. The heroes are 640 or so; this leaves room for any sensible drawing
/// while no drawing can make the build allocate more than 1200 × 4096 pixels for its preview.
pub const MAX_DRAWING_SIDE: u32 = 4096;

/// Width and height of the image `src` of the site at `root`, or what the writer should do
/// instead.
pub fn measure(root: &Path, src: &str) -> Result<(u32, u32), String> {
    if src.contains("://") {
        return Err(format!(
            "{src}: the size of an image on another site cannot be read; \
             put the file in public/images/ (a photo in {ORIGINALS_DIR}/) and write images/<file>"
        ));
    }
    if src.starts_with('/') {
        return Err(format!(
            "{src}: write the image path without the leading /, like images/desk.svg"
        ));
    }
    if src.contains('\\') || src.split('/').any(|part| part == "..") {
        return Err(format!(
            "{src}: write the path of a file under images/, like images/desk.svg, without .."
        ));
    }
    let path = file_of(root, src);
    if photos::is_photo(src) {
        if !src.starts_with("images/") {
            return Err(format!(
                "{src}: put the photo in {ORIGINALS_DIR}/ and write images/<file>, \
                 like images/treatment-room.jpg"
            ));
        }
        if !path.is_file() {
            return Err(format!(
                "{src} does not exist under {ORIGINALS_DIR}/, where photos go (check the \
                 spelling, or add the file)"
            ));
        }
        return photos::upright_size(&path, src);
    }
    if !path.is_file() {
        return Err(format!(
            "{src} does not exist under public/ (check the spelling, or add the file)"
        ));
    }
    if !src.ends_with(".svg") {
        return Err(format!(
            "{src}: use an SVG drawing, or a JPEG or PNG photo (the build makes WebP copies)"
        ));
    }
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Err(format!("{src}: cannot be read as an SVG file"));
    };
    let (width, height) = svg_size(&text).ok_or_else(|| {
        format!("{src}: its <svg> tag has neither width and height nor a viewBox to size it by")
    })?;
    if width.max(height) > MAX_DRAWING_SIDE {
        return Err(format!(
            "{src}: the drawing declares itself {width}×{height} pixels; a drawing is at most \
             {MAX_DRAWING_SIDE} on a side: set a smaller width and height (or viewBox) on its \
             <svg> tag, keeping its proportions"
        ));
    }
    Ok((width, height))
}

/// The root `<svg>` element's `width`/`height` (plain numbers or `px`), else its `viewBox`.
pub fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let start = svg.find("<svg")?;
    let tag = &svg[start..start + svg[start..].find('>')?];
    let number = |value: &str| -> Option<u32> {
        let value = value.trim().trim_end_matches("px");
        let n: f64 = value.parse().ok()?;
        // Rounded to at least 1, and to at most u32::MAX (`as` saturates): the caller
        // refuses a size above its limit.
        (n.is_finite() && n > 0.0).then(|| n.round().max(1.0) as u32)
    };
    let width = attribute(tag, "width").and_then(number);
    let height = attribute(tag, "height").and_then(number);
    if let (Some(w), Some(h)) = (width, height) {
        return Some((w, h));
    }
    let view_box = attribute(tag, "viewBox")?;
    let parts: Vec<&str> = view_box
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|p| !p.is_empty())
        .collect();
    match parts[..] {
        [_, _, w, h] => Some((number(w)?, number(h)?)),
        _ => None,
    }
}

/// The value of `name="…"` (or `'…'`) in a start tag; `stroke-width` is not `width`.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + name.len()..].trim_start();
        rest = &rest[at + name.len()..];
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let Some(value) = after.strip_prefix('=') else {
            continue;
        };
        let value = value.trim_start();
        let quote = value.chars().next()?;
        if quote != '"' && quote != '\'' {
            continue;
        }
        let value = &value[1..];
        return value.find(quote).map(|end| &value[..end]);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_and_height_win_over_the_view_box() {
        let svg = r#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 36" width="640" height="360"><rect/></svg>"#;
        assert_eq!(svg_size(svg), Some((640, 360)));
    }

    #[test]
    fn the_view_box_sizes_an_svg_without_width_and_height() {
        assert_eq!(svg_size("<svg viewBox='0 0 640 40'>"), Some((640, 40)));
        assert_eq!(svg_size("<svg viewBox=\"0,0,10.4,20\">"), Some((10, 20)));
    }

    #[test]
    fn pixel_units_are_read_and_other_attributes_are_not_confused_with_size() {
        let svg = r#"<svg stroke-width="3" width="12px" height='8px'>"#;
        assert_eq!(svg_size(svg), Some((12, 8)));
        assert_eq!(svg_size(r#"<svg width="100%" height="100%">"#), None);
        assert_eq!(svg_size("<p>no svg</p>"), None);
    }

    #[test]
    fn a_missing_file_and_a_remote_image_are_explained() {
        let root = &crate::files::repo_root();
        assert_eq!(measure(root, "images/divider-wave.svg"), Ok((640, 40)));
        let missing = measure(root, "images/nope.svg").unwrap_err();
        assert!(
            missing.contains("does not exist under public/"),
            "{missing}"
        );
        let missing = measure(root, "images/nope.jpg").unwrap_err();
        assert!(
            missing.contains("does not exist under content/images/"),
            "{missing}"
        );
        let remote = measure(root, "https://example.com/a.svg").unwrap_err();
        assert!(remote.contains("another site"), "{remote}");
        let climbing = measure(root, "images/../../Cargo.toml.jpg").unwrap_err();
        assert!(climbing.contains("without .."), "{climbing}");
    }

    #[test]
    fn photos_are_read_from_the_uploads_and_drawings_from_public() {
        let root = Path::new("/site");
        assert_eq!(
            file_of(root, "images/room.JPG"),
            Path::new("/site/content/images/room.JPG")
        );
        assert_eq!(
            file_of(root, "images/desk.svg"),
            Path::new("/site/public/images/desk.svg")
        );
    }

    #[test]
    fn an_oversized_declaration_is_read_as_it_is_declared() {
        assert_eq!(
            svg_size(r#"<svg width="1" height="99999">"#),
            Some((1, 99_999))
        );
        assert_eq!(
            svg_size(r#"<svg viewBox="0 0 1e30 10">"#),
            Some((u32::MAX, 10))
        );
        assert_eq!(svg_size(r#"<svg width="0.2" height="3">"#), Some((1, 3)));
    }
}
