//! One version per page load: every script, wasm and stylesheet is named by its own bytes
//! (`stem-<hash>.ext`), so a name is never served with another build's bytes. The service
//! worker keeps such files forever, and a page from a new deploy must never meet an old file
//! under a name it asks for.
//!
//! Trunk names the app's script and wasm after the wasm cargo wrote, not after their bytes, and
//! the part loader has one name in every build. The app's script and the loader import each
//! other, so those two share one hash, of both their texts before either names the other.
//! Every page naming a renamed file is rewritten, with the file's new integrity.

use std::collections::{BTreeSet, HashMap};

use clinic_model::site_files::{
    APP_STEM, HASH_HEX_DIGITS, OFFLINE_SCRIPT, PART_LOADER_STEM, WORKER,
};

use crate::build::Build;
use crate::files;
use crate::parts::{app_script, Parts};

/// What the naming left for the next steps.
pub struct Named {
    /// The hash the app's script and the part loader share.
    pub pair: String,
    /// What each renamed file is called now, by its name before, in the order renamed.
    pub renamed: Vec<(String, String)>,
}

pub fn name_by_bytes(build: &Build, parts: &Parts) -> Result<Named, String> {
    let app_js = app_script(&files::names_in(&build.dir)?).ok_or("the app's script is gone")?;
    let app_text = files::read_text(&build.file(&app_js))?;
    let pair = files::name_hash(format!("{app_text}\0{}", parts.loader).as_bytes());
    let app = format!("{APP_STEM}-{pair}.js");
    let loader = format!("{PART_LOADER_STEM}-{pair}.js");
    files::remove(&build.file(&app_js))?;
    files::write(&build.file(&app), import_loader_as(&app_text, &loader)?)?;
    let main_import = "\"./main.js\"";
    if !parts.loader.contains(main_import) {
        return Err("the part loader does not import ./main.js".into());
    }
    files::write(
        &build.file(&loader),
        parts.loader.replace(main_import, &format!("\"./{app}\"")),
    )?;
    let mut renamed = vec![
        (app_js, app.clone()),
        (format!("{PART_LOADER_STEM}.js"), loader.clone()),
    ];
    // Trunk's other files (the stylesheet, the registration script, the main wasm).
    let done: BTreeSet<&String> = [&app, &loader]
        .into_iter()
        .chain(&parts.wasm_files)
        .collect();
    for file in files::names_in(&build.dir)? {
        if !is_asset(&file) || file == WORKER || done.contains(&file) {
            continue;
        }
        let named = named_by(&file, &files::name_hash(&files::read(&build.file(&file))?));
        files::rename(&build.file(&file), &build.file(&named))?;
        renamed.push((file, named));
    }
    // The offline page's script, which the renderer links as `offline.js`.
    let offline = files::read(&build.source_dir.join("src/web").join(OFFLINE_SCRIPT))?;
    let offline_js = named_by(OFFLINE_SCRIPT, &files::name_hash(&offline));
    files::write(&build.file(&offline_js), offline)?;
    renamed.push((OFFLINE_SCRIPT.to_string(), offline_js));

    let by_bytes: BTreeSet<String> = parts
        .wasm_files
        .iter()
        .cloned()
        .chain(renamed.iter().map(|(_, now)| now.clone()))
        .collect();
    let mut integrities: HashMap<String, String> = HashMap::new();
    files::edit_html(&build.dir, |html| {
        let html = rename_references(html, &renamed);
        Ok(set_integrities(&html, |file| {
            if !by_bytes.contains(file) {
                return None;
            }
            if let Some(known) = integrities.get(file) {
                return Some(known.clone());
            }
            let integrity = files::integrity(&files::read(&build.file(file)).ok()?);
            integrities.insert(file.to_string(), integrity.clone());
            Some(integrity)
        }))
    })?;
    Ok(Named { pair, renamed })
}

/// A script, wasm or stylesheet.
pub fn is_asset(file: &str) -> bool {
    [".css", ".js", ".wasm"]
        .iter()
        .any(|ext| file.ends_with(ext))
}

/// The app's script importing the loader as `loader` where it imports `./__wasm_split.js` (the
/// wasm also names that module for its imports, which the script hands over under that name:
/// only the imports change).
fn import_loader_as(app_text: &str, loader: &str) -> Result<String, String> {
    let old = format!("\"./{PART_LOADER_STEM}.js\"");
    let mut out = String::with_capacity(app_text.len());
    let mut rest = app_text;
    let mut imports = 0;
    while let Some(at) = rest.find(&old) {
        let before = &rest[..at];
        let is_import = before.trim_end().ends_with("from")
            && before.trim_end()[..before.trim_end().len() - 4]
                .chars()
                .last()
                .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        out.push_str(before);
        if is_import {
            out.push_str(&format!("\"./{loader}\""));
            imports += 1;
        } else {
            out.push_str(&old);
        }
        rest = &rest[at + old.len()..];
    }
    out.push_str(rest);
    if imports == 0 {
        return Err(format!(
            "the app's script does not import ./{PART_LOADER_STEM}.js"
        ));
    }
    Ok(out)
}

/// `main-1a2b.css` with `hash` → `main-<hash>.css`; `clinic-site-9f_bg.wasm` →
/// `clinic-site-<hash>_bg.wasm`; `register.js` → `register-<hash>.js`.
pub fn named_by(file: &str, hash: &str) -> String {
    let (stem, ext) = file.rsplit_once('.').unwrap_or((file, ""));
    let (stem, bg) = match stem.strip_suffix("_bg") {
        Some(stem) => (stem, "_bg"),
        None => (stem, ""),
    };
    let stem = match stem.rsplit_once('-') {
        Some((head, tail)) if !tail.is_empty() && tail.chars().all(|c| c.is_ascii_hexdigit()) => {
            head
        }
        _ => stem,
    };
    format!("{stem}-{hash}{bg}.{ext}")
}

/// Whether `file` carries a hash of [`HASH_HEX_DIGITS`] digits (`main-<hash>.css`,
/// `clinic-site-<hash>_bg.wasm`), and which.
pub fn hash_in(file: &str) -> Option<&str> {
    let (stem, _) = file.rsplit_once('.')?;
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let (_, hash) = stem.rsplit_once('-')?;
    (hash.len() == HASH_HEX_DIGITS && hash.chars().all(|c| matches!(c, '0'..='9' | 'a'..='f')))
        .then_some(hash)
}

/// `html` with each file of `renamed` named anew where an attribute or a path names it: after
/// `/`, a quote or `=`, and before a quote, a space or `>`.
pub fn rename_references(html: &str, renamed: &[(String, String)]) -> String {
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    let bytes = html.as_bytes();
    'scan: while i < html.len() {
        if i > 0 && matches!(bytes[i - 1], b'/' | b'"' | b'\'' | b'=') {
            for (old, now) in renamed {
                let end = i + old.len();
                if html[i..].starts_with(old.as_str())
                    && bytes.get(end).is_some_and(|b| {
                        matches!(b, b'"' | b'\'' | b'>') || b.is_ascii_whitespace()
                    })
                {
                    out.push_str(now);
                    i = end;
                    continue 'scan;
                }
            }
        }
        let len = html[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&html[i..i + len]);
        i += len;
    }
    out
}

/// `html` with each `<link>` and `<script>` naming a file (`href`, `src`) for which
/// `integrity_of` has an integrity carrying that one in its `integrity` attribute.
pub fn set_integrities(html: &str, mut integrity_of: impl FnMut(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find('>').map_or(rest.len(), |i| i + 1);
        let tag = &rest[..end];
        rest = &rest[end..];
        let is_link_or_script = ["<link", "<script"].iter().any(|name| {
            tag.strip_prefix(name)
                .and_then(|after| after.chars().next())
                .is_some_and(|c| !c.is_alphanumeric())
        });
        let named = is_link_or_script
            .then(|| attribute_value(tag, &["href", "src"]))
            .flatten()
            .map(|value| value.rsplit('/').next().unwrap_or(value).to_string());
        match named.and_then(|file| integrity_of(&file)) {
            Some(integrity) => out.push_str(&with_integrity(tag, &integrity)),
            None => out.push_str(tag),
        }
    }
    out.push_str(rest);
    out
}

/// The value of the first of `names` given in `tag` (quoted or not).
pub(crate) fn attribute_value<'a>(tag: &'a str, names: &[&str]) -> Option<&'a str> {
    let mut search = 0;
    while let Some(found) = tag[search..].find('=') {
        let eq = search + found;
        let name_start = tag[..eq]
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |i| i + 1);
        let name = &tag[name_start..eq];
        let value = &tag[eq + 1..];
        let value = match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next(),
            _ => value.split(|c: char| c.is_whitespace() || c == '>').next(),
        };
        if names.contains(&name) {
            return value;
        }
        search = eq + 1;
    }
    None
}

/// `tag` with its `integrity` attribute's value replaced (a tag without one is left as it is).
fn with_integrity(tag: &str, integrity: &str) -> String {
    let Some(at) = tag.find(" integrity=") else {
        return tag.to_string();
    };
    let start = at + " integrity=".len();
    let value = &tag[start..];
    let len = match value.chars().next() {
        Some(q @ ('"' | '\'')) => value[1..].find(q).map_or(value.len(), |i| i + 2),
        _ => value
            .find(|c: char| c.is_whitespace() || c == '>')
            .unwrap_or(value.len()),
    };
    format!("{}\"{integrity}\"{}", &tag[..start], &value[len..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_is_named_by_its_stem_and_hash() {
        assert_eq!(named_by("main-1a2b.css", "ff"), "main-ff.css");
        assert_eq!(
            named_by("clinic-site-9f_bg.wasm", "ff"),
            "clinic-site-ff_bg.wasm"
        );
        assert_eq!(named_by("register.js", "ff"), "register-ff.js");
        assert_eq!(named_by("offline.js", "ff"), "offline-ff.js");
        assert_eq!(
            hash_in("main-0123456789abcdef.css"),
            Some("0123456789abcdef")
        );
        assert_eq!(
            hash_in("clinic-site-0123456789abcdef_bg.wasm"),
            Some("0123456789abcdef")
        );
        assert_eq!(hash_in("main-0123.css"), None);
        assert_eq!(hash_in("site.json"), None);
    }

    #[test]
    fn only_imports_of_the_loader_are_renamed() {
        let app = "import * as import1 from \"./__wasm_split.js\";\nimports[\"./__wasm_split.js\"] = import1;\nexport{a}from\"./__wasm_split.js\"";
        assert_eq!(
            import_loader_as(app, "__wasm_split-ab.js").unwrap(),
            "import * as import1 from \"./__wasm_split-ab.js\";\nimports[\"./__wasm_split.js\"] = import1;\nexport{a}from\"./__wasm_split-ab.js\""
        );
        assert!(import_loader_as("const x = 1;", "l.js").is_err());
    }

    #[test]
    fn a_renamed_file_is_renamed_where_a_page_names_it_and_nowhere_else() {
        let renamed = vec![
            (
                "clinic-site-1.js".to_string(),
                "clinic-site-ff.js".to_string(),
            ),
            ("main.css".to_string(), "main-ee.css".to_string()),
        ];
        let html = "<link href=/main.css rel=stylesheet><script>import init from '/clinic-site-1.js';</script><p>main.css and xclinic-site-1.js</p><a href=\"main.css\">";
        assert_eq!(
            rename_references(html, &renamed),
            "<link href=/main-ee.css rel=stylesheet><script>import init from '/clinic-site-ff.js';</script><p>main.css and xclinic-site-1.js</p><a href=\"main-ee.css\">"
        );
    }

    #[test]
    fn integrities_follow_the_files_they_name() {
        let html = r#"<link href=/main-e.css integrity="sha384-old" rel=stylesheet><script integrity='sha384-x' src=/clinic/register-r.js type=module></script><link href=feed.xml rel=alternate><linkx src=/main-e.css integrity=a>"#;
        let out = set_integrities(html, |file| match file {
            "main-e.css" => Some("sha384-E".into()),
            "register-r.js" => Some("sha384-R".into()),
            _ => None,
        });
        assert_eq!(
            out,
            r#"<link href=/main-e.css integrity="sha384-E" rel=stylesheet><script integrity="sha384-R" src=/clinic/register-r.js type=module></script><link href=feed.xml rel=alternate><linkx src=/main-e.css integrity=a>"#
        );
    }
}
