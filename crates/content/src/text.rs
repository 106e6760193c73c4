//! Text a post may hold: words, never markup or invisible characters. The site shows every
//! field as text, but a field that reads as a tag (`</title><!--`) breaks any page that forgets
//! to escape it, so it is refused where it is written, on its line. A `<` that starts no tag
//! ("pain < 3 days"), `>`, `&` and quotes stay as written.

use toml::de::{DeTable, DeValue};

use super::front_matter::{line_of_offset, Split};
use crate::problem::Problem;
use clinic_model::blog::{Block, Image, Inline};
use clinic_model::paths::is_slug;

/// Why `text` cannot be a field of a post, with `what` naming the field; `None` if it can.
pub fn problem(what: &str, text: &str) -> Option<String> {
    if let Some(at) = markup_at(text) {
        // The tag as written, up to its `>` (cut short with … if long).
        let rest = &text[at..];
        let end = rest.find('>').map_or(rest.len(), |end| end + 1);
        let mut tag: String = rest[..end].chars().take(32).collect();
        if tag.len() < end {
            tag.push('…');
        }
        return Some(format!(
            "{what} holds `{tag}`, which a browser reads as HTML (a tag or a comment): write it \
             in plain words (a `<` before a space or a number is fine, like \"pain < 3 days\")"
        ));
    }
    let c = text.chars().find(|c| is_invisible(*c))?;
    let name = match c {
        '\t' => "a tab",
        '\n' | '\r' => "a line break",
        '\u{2028}' => "a line separator",
        '\u{2029}' => "a paragraph separator",
        _ => "an invisible control character",
    };
    Some(format!(
        "{what} holds {name} (U+{:04X}): delete it, and write the text on one line with plain \
         spaces",
        u32::from(c)
    ))
}

/// Where `text` has a `<` that a browser takes as the start of a tag, an end tag, a comment
/// or a declaration: one directly followed by a letter, `/`, `!` or `?`.
fn markup_at(text: &str) -> Option<usize> {
    text.char_indices()
        .zip(text.chars().skip(1))
        .find(|((_, c), next)| {
            *c == '<' && (next.is_alphabetic() || matches!(next, '/' | '!' | '?'))
        })
        .map(|((at, _), _)| at)
}

/// C0 and C1 control characters (tabs and line breaks among them), DEL, and the two Unicode
/// separators that end a line inside a JavaScript string.
fn is_invisible(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Why `tag` cannot be a tag, if it cannot: it becomes the address `/blog/topic/<tag>`.
pub fn tag_problem(tag: &str) -> Option<String> {
    if is_slug(tag) {
        return None;
    }
    let mut suggestion = String::new();
    for c in tag
        .trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(unaccented)
    {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            suggestion.push(c);
        } else if !suggestion.is_empty() && !suggestion.ends_with('-') {
            suggestion.push('-');
        }
    }
    let suggestion = suggestion.trim_end_matches('-');
    let like = if suggestion.is_empty() {
        "back-pain"
    } else {
        suggestion
    };
    Some(format!(
        "the tag \"{}\" becomes the address {}: write it in lowercase letters \
         and digits, words joined by single hyphens, like \"{like}\"",
        tag.escape_debug(),
        clinic_model::routes::route(clinic_model::routes::Page::Topic).pattern()
    ))
}

/// A Spanish letter without its accent, tilde or diaeresis, as an address writes it
/// ("síntomas" → "sintomas", "niño" → "nino"); any other character as it is.
fn unaccented(c: char) -> char {
    match c {
        'á' => 'a',
        'é' => 'e',
        'í' => 'i',
        'ó' => 'o',
        'ú' | 'ü' => 'u',
        'ñ' => 'n',
        other => other,
    }
}

/// Every string of the front matter checked as text (each tag as an address), on its line.
pub fn front_matter(split: &Split) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (path, value, offset) in strings(split.front) {
        let line = split.front_line + line_of_offset(split.front, offset);
        let found = match path.as_slice() {
            [key] if key == "tags" => tag_problem(&value),
            _ => problem(&describe(&path), &value),
        };
        problems.extend(found.map(|message| Problem::new(line, message)));
    }
    problems
}

/// Every string of a citation block (`source`, its first line `first_line`), on its line.
pub fn citation(source: &str, first_line: usize) -> Vec<Problem> {
    strings(source)
        .into_iter()
        .filter_map(|(path, value, offset)| {
            let what = format!("the citation's {}", describe(&path));
            problem(&what, &value)
                .map(|message| Problem::new(first_line + line_of_offset(source, offset), message))
        })
        .collect()
}

/// A field by its place in the TOML: "`title`", "`alt` under [hero]".
fn describe(path: &[String]) -> String {
    match path {
        [key] => format!("`{key}`"),
        [table, key] => format!("`{key}` under [{table}]"),
        _ => format!("`{}`", path.join(".")),
    }
}

/// Every string value of a TOML document with its keys (array items take their array's) and
/// byte offset; nothing when it does not parse (the deserializer reports that, on its line).
fn strings(source: &str) -> Vec<(Vec<String>, String, usize)> {
    fn walk(
        value: &DeValue,
        offset: usize,
        path: &mut Vec<String>,
        out: &mut Vec<(Vec<String>, String, usize)>,
    ) {
        match value {
            DeValue::String(text) => out.push((path.clone(), text.to_string(), offset)),
            DeValue::Array(items) => {
                for item in items {
                    walk(item.get_ref(), item.span().start, path, out);
                }
            }
            DeValue::Table(table) => walk_table(table, path, out),
            DeValue::Integer(_)
            | DeValue::Float(_)
            | DeValue::Boolean(_)
            | DeValue::Datetime(_) => {}
        }
    }
    fn walk_table(
        table: &DeTable,
        path: &mut Vec<String>,
        out: &mut Vec<(Vec<String>, String, usize)>,
    ) {
        for (key, value) in table {
            path.push(key.get_ref().to_string());
            walk(value.get_ref(), value.span().start, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    if let Ok(table) = DeTable::parse(source) {
        walk_table(table.get_ref(), &mut Vec::new(), &mut out);
    }
    out.sort_by_key(|(_, _, offset)| *offset);
    out
}

/// Every text field of the body's blocks, each placed on its block's line. A citation's
/// fields are checked where its TOML is read ([`citation`]), each on its own line. The
/// patterns name every field, so a field added to the model does not compile here unchecked.
pub fn blocks(blocks: &[(Block, usize)]) -> Vec<Problem> {
    fn inlines<'a>(what: &'static str, spans: &'a [Inline], fields: &mut Vec<(&str, &'a str)>) {
        for span in spans {
            match span {
                Inline::Text(t) | Inline::Emphasis(t) | Inline::Strong(t) => fields.push((what, t)),
                Inline::Link { text, href } => {
                    fields.push(("a link's words", text));
                    fields.push(("a link's address", href));
                }
            }
        }
    }
    let mut problems = Vec::new();
    for (block, line) in blocks {
        let mut fields: Vec<(&str, &str)> = Vec::new();
        match block {
            Block::Heading { level: _, text } => fields.push(("the heading", text)),
            Block::Paragraph { content } => inlines("the paragraph", content, &mut fields),
            Block::List { ordered: _, items } => {
                for item in items {
                    inlines("a list item", item, &mut fields);
                }
            }
            Block::Image(Image {
                src,
                alt,
                decorative: _,
                caption,
                width: _,
                height: _,
                srcset,
            }) => {
                fields.push(("the picture's file name", src));
                fields.extend(alt.as_deref().map(|a| ("the picture's alt text", a)));
                fields.extend(caption.as_deref().map(|c| ("the picture's caption", c)));
                fields.extend(srcset.as_deref().map(|s| ("the picture's copies", s)));
            }
            Block::Quote { text, attribution } => {
                fields.push(("the quote", text));
                fields.extend(attribution.as_deref().map(|a| ("who said the quote", a)));
            }
            Block::Cta { text, label, href } => {
                fields.push(("the call to action's text", text));
                fields.push(("the call to action's button", label));
                fields.push(("the call to action's link", href));
            }
            Block::Citation(_) => {}
        }
        for (what, text) in fields {
            problems.extend(problem(what, text).map(|message| Problem::new(*line, message)));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_with_angle_brackets_ampersands_and_quotes_passes() {
        for fine in [
            "Pain < 3 days & rest",
            "a<3, b>2",
            "\"Quoted\" and 'single' > nothing",
            "< alone",
            "ends with <",
            "Café — 5 × 3",
        ] {
            assert_eq!(problem("`title`", fine), None, "{fine}");
        }
    }

    #[test]
    fn a_tag_a_comment_a_declaration_or_an_end_tag_is_markup() {
        for (hostile, shown) in [
            ("</title><!--", "`</title>`"),
            ("x <!-- y", "`<!-- y`"),
            ("<script>alert(1)</script>", "`<script>`"),
            ("a<b", "`<b`"),
            ("<?xml", "`<?xml`"),
            ("<!DOCTYPE html>", "`<!DOCTYPE html>`"),
            ("<é>", "`<é>`"),
        ] {
            let message = problem("`title`", hostile).expect(hostile);
            assert!(
                message.starts_with(&format!("`title` holds {shown}, which a browser reads")),
                "{message}"
            );
        }
    }

    #[test]
    fn control_characters_and_line_separators_are_named() {
        for (hostile, named) in [
            ("a\u{0}b", "an invisible control character (U+0000)"),
            ("a\tb", "a tab (U+0009)"),
            ("a\nb", "a line break (U+000A)"),
            ("a\u{1b}[31mb", "(U+001B)"),
            ("a\u{7f}b", "(U+007F)"),
            ("a\u{85}b", "(U+0085)"),
            ("a\u{2028}b", "a line separator (U+2028)"),
            ("a\u{2029}b", "a paragraph separator (U+2029)"),
        ] {
            let message = problem("`title`", hostile).expect(hostile);
            assert!(message.contains(named), "{hostile:?}: {message}");
            assert!(message.contains("delete it"), "{message}");
        }
    }

    #[test]
    fn a_tag_must_be_an_address_and_a_fix_is_suggested() {
        assert_eq!(tag_problem("back-pain"), None);
        let message = tag_problem("Back Pain").expect("refused");
        assert!(message.contains("\"Back Pain\""), "{message}");
        assert!(message.ends_with("like \"back-pain\""), "{message}");
        let message = tag_problem("Síntomas del niño").expect("refused");
        assert!(message.ends_with("like \"sintomas-del-nino\""), "{message}");
        for bad in ["", "a--b", "-a", "a/b", "</a>", "é", "a\u{0}"] {
            assert!(tag_problem(bad).is_some(), "{bad:?}");
        }
    }
}
