//! The intrinsic size of an image under `public/`, so a post never has to state it: an SVG's
//! own width and height (or viewBox), a photo's (JPEG, PNG) from its header.

use std::path::Path;

/// Width and height of `public/<src>`, or what the writer should do instead.
pub fn measure(public: &Path, src: &str) -> Result<(u32, u32), String> {
    if src.contains("://") {
        return Err(format!(
            "{src}: the size of an image on another site cannot be read; \
             put the file in public/images/ and write images/<file>"
        ));
    }
    if src.starts_with('/') {
        return Err(format!(
            "{src}: write the image path without the leading /, like images/desk.svg"
        ));
    }
    let path = public.join(src);
    if !path.is_file() {
        return Err(format!(
            "{src} does not exist under public/ (check the spelling, or add the file)"
        ));
    }
    if super::photos::is_photo(src) {
        return super::photos::upright_size(&path, src);
    }
    if !src.ends_with(".svg") {
        return Err(format!(
            "{src}: use an SVG drawing, or a JPEG or PNG photo (the build makes WebP copies)"
        ));
    }
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Err(format!("{src}: cannot be read as an SVG file"));
    };
    svg_size(&text).ok_or_else(|| {
        format!("{src}: its <svg> tag has neither width and height nor a viewBox to size it by")
    })
}

/// The root `<svg>` element's `width`/`height` (plain numbers or `px`), else its `viewBox`.
pub fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let start = svg.find("<svg")?;
    let tag = &svg[start..start + svg[start..].find('>')?];
    let number = |value: &str| -> Option<u32> {
        let value = value.trim().trim_end_matches("px");
        let n: f64 = value.parse().ok()?;
        (n > 0.0 && n < 100_000.0).then(|| n.round() as u32)
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
        let public = Path::new(env!("CARGO_MANIFEST_DIR")).join("public");
        assert_eq!(measure(&public, "images/divider-wave.svg"), Ok((640, 40)));
        let missing = measure(&public, "images/nope.svg").unwrap_err();
        assert!(
            missing.contains("does not exist under public/"),
            "{missing}"
        );
        let remote = measure(&public, "https://example.com/a.svg").unwrap_err();
        assert!(remote.contains("another site"), "{remote}");
    }
}
