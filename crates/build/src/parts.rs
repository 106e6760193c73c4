//! The app's wasm parts: the wasm files split off the main one (the checklist, the contact
//! form, the listing, the home and Visit pages), and the code several parts share.
//!
//! `scripts/tools/wasm-bindgen` (see there why it stands in for wasm-bindgen) left them, with
//! their loader `__wasm_split.js`, in `<target>/wasm-bindgen/<profile>/split`. Each is copied
//! into the site under a name from its bytes (cached forever, like Trunk's files) and, in
//! release builds, shrunk by wasm-opt as Trunk shrinks the main wasm. The loader is named with
//! the app's script ([`crate::naming`]). Each page that shows a part preloads it, and the
//! shared code it needs.

use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

use clinic_model::site_files::{RenderedPage, APP_STEM, PART_LOADER_STEM};

use crate::build::Build;
use crate::files;

/// What the parts left for the next steps.
pub struct Parts {
    /// Each part's own file, by the part's name ("checklist").
    pub part_files: BTreeMap<String, String>,
    /// Every wasm file copied here (the parts' and the shared code's).
    pub wasm_files: BTreeSet<String>,
    /// The loader's text, naming the copied files.
    pub loader: String,
}

/// wasm-opt's features the split wasm uses (Trunk's own call enables what the main module
/// needs by itself).
const WASM_FEATURES: [&str; 3] = [
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
];

pub fn install(build: &Build, pages: &[RenderedPage]) -> Result<Parts, String> {
    let split = build
        .target_dir
        .join("wasm-bindgen")
        .join(&build.profile)
        .join("split");
    let app_js = app_script(&files::names_in(&build.dir)?)
        .ok_or_else(|| format!("no {APP_STEM}*.js in {}", build.dir.display()))?;
    let loader_import = format!("\"./{PART_LOADER_STEM}.js\"");
    if !files::read_text(&build.file(&app_js))?.contains(&loader_import) {
        return Err(
            "the wasm was not split, so the app would not start. Build through scripts/serve.sh \
             or scripts/test.sh, or put scripts/tools first on PATH (see scripts/tools/wasm-bindgen)."
                .into(),
        );
    }
    let mut loader = files::read_text(&split.join(format!("{PART_LOADER_STEM}.js")))?;
    let optimize = if build.release {
        Some(wasm_opt_args(&files::read_text(
            &build.source_dir.join("index.html"),
        )?)?)
    } else {
        None
    };
    let mut part_files = BTreeMap::new();
    let mut wasm_files = BTreeSet::new();
    for file in files::names_in(&split)?
        .into_iter()
        .filter(|f| f.ends_with(".wasm") && f != "main.wasm")
    {
        let source = split.join(&file);
        let unbound = casts_left_in(&files::read(&source)?);
        if !unbound.is_empty() {
            return Err(format!(
                "{file} holds wasm-bindgen casts, which wasm-bindgen rewrites in the main module \
                 only (in a part they fail at run time with \"function signature mismatch\"). \
                 Keep the code that converts these values to JavaScript in the main wasm:\n  {}",
                unbound.join("\n  ")
            ));
        }
        let staged = build.file(&file);
        match &optimize {
            Some(args) => {
                let output = Command::new("wasm-opt")
                    .args(args)
                    .arg(&source)
                    .arg("-o")
                    .arg(&staged)
                    .output()
                    .map_err(|e| format!("wasm-opt could not be run: {e}"))?;
                if !output.status.success() {
                    return Err(format!(
                        "wasm-opt failed on {file}: {}",
                        String::from_utf8_lossy(&output.stderr)
                    ));
                }
            }
            None => {
                std::fs::copy(&source, &staged)
                    .map_err(|e| format!("{}: {e}", staged.display()))?;
            }
        }
        let hashed = hashed_name(&file, &files::name_hash(&files::read(&staged)?));
        files::rename(&staged, &build.file(&hashed))?;
        let quoted = format!("\"./{file}\"");
        if !loader.contains(&quoted) {
            return Err(format!("the part loader does not name {file}"));
        }
        loader = loader.replace(&quoted, &format!("\"./{hashed}\""));
        if let Some(part) = part_of(&file) {
            part_files.insert(part, hashed.clone());
        }
        wasm_files.insert(hashed);
    }
    preload(build, pages, &part_files, &loader)?;
    Ok(Parts {
        part_files,
        wasm_files,
        loader,
    })
}

/// Trunk's name for the app's script (`clinic-site.js` or `clinic-site-<hex>.js`).
pub fn app_script(names: &[String]) -> Option<String> {
    names
        .iter()
        .find(|name| {
            name.strip_prefix(APP_STEM)
                .and_then(|rest| rest.strip_suffix(".js"))
                .is_some_and(|hash| {
                    hash.is_empty()
                        || hash.strip_prefix('-').is_some_and(|hex| {
                            !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit())
                        })
                })
        })
        .cloned()
}

/// The arguments wasm-opt gets for a part: the level and parameters `index.html` gives Trunk
/// for the main wasm (`data-wasm-opt`, `data-wasm-opt-params`), and the features the parts use.
fn wasm_opt_args(index_html: &str) -> Result<Vec<String>, String> {
    let tag = index_html
        .split('<')
        .find(|tag| tag.starts_with("link") && tag.contains("rel=\"rust\""))
        .ok_or("index.html has no <link data-trunk rel=\"rust\">")?;
    let level = attribute(tag, "data-wasm-opt").ok_or("index.html gives no data-wasm-opt")?;
    let mut args = vec![format!("-O{level}")];
    args.extend(WASM_FEATURES.map(str::to_string));
    if let Some(params) = attribute(tag, "data-wasm-opt-params") {
        args.extend(params.split_whitespace().map(str::to_string));
    }
    Ok(args)
}

/// The value of `name="…"` in a tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = start + tag[start..].find('"')?;
    Some(&tag[start..end])
}

/// `split_checklist.wasm` → `split_checklist-<hash>.wasm`; `chunk_3.wasm` → `chunk-<hash>.wasm`.
fn hashed_name(file: &str, hash: &str) -> String {
    let stem = file.strip_suffix(".wasm").unwrap_or(file);
    let stem = match stem.rsplit_once('_') {
        Some((head, tail)) if !tail.is_empty() && tail.chars().all(|c| c.is_ascii_digit()) => head,
        _ => stem,
    };
    format!("{stem}-{hash}.wasm")
}

/// The part a split file holds ("checklist"); none for code parts share (`chunk_3.wasm`).
fn part_of(file: &str) -> Option<String> {
    let stem = hashed_name(file, "");
    stem.trim_end_matches("-.wasm")
        .strip_prefix("split_")
        .map(str::to_string)
}

/// Adds to each page that shows a part the preloads of the part's file and of the shared code
/// the loader fetches beside it.
fn preload(
    build: &Build,
    pages: &[RenderedPage],
    part_files: &BTreeMap<String, String>,
    loader: &str,
) -> Result<(), String> {
    let shared = shared_code(loader);
    for (part, file) in part_files {
        let files = std::iter::once(file).chain(shared.get(part).into_iter().flatten());
        let links: String = files
            .map(|file| {
                format!(
                    "<link rel=\"preload\" href=\"{}{file}\" as=\"fetch\" type=\"application/wasm\" crossorigin>",
                    build.public_url
                )
            })
            .collect();
        for page in pages.iter().filter(|p| p.part.as_deref() == Some(part)) {
            let path = build.file(&page.file);
            if path.is_file() {
                let html = files::read_text(&path)?;
                files::write(
                    &path,
                    html.replacen("</head>", &format!("{links}</head>"), 1),
                )?;
            }
        }
    }
    Ok(())
}

/// The shared code's files each part needs, from the loader: each shared file is loaded by a
/// function the loader writes under a comment naming the parts it serves,
/// `/* checklist, listing */ const __chunk_3 = makeLoad(() => { const src = fetch(new URL("./chunk-<hash>.wasm"…`.
fn shared_code(loader: &str) -> BTreeMap<String, Vec<String>> {
    let mut shared: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for piece in loader.split("/* ").skip(1) {
        let Some((parts, rest)) = piece.split_once(" */") else {
            continue;
        };
        if !parts
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_' || c == ',' || c == ' ')
        {
            continue;
        }
        let Some(file) = load_after(rest) else {
            continue;
        };
        if !(file.starts_with("chunk-") && file.ends_with(".wasm")) {
            continue;
        }
        for part in parts.split(", ") {
            shared
                .entry(part.to_string())
                .or_default()
                .push(file.clone());
        }
    }
    shared
}

/// The file of `const __chunk_<n> = makeLoad(() => { const src = fetch(new URL("./<file>"`
/// at the start of `text` (after spaces).
fn load_after(text: &str) -> Option<String> {
    let rest = text.trim_start().strip_prefix("const __chunk_")?;
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    let rest = rest.strip_prefix(" = makeLoad(() => {")?.trim_start();
    let rest = rest.strip_prefix("const src = fetch(new URL(\"./")?;
    Some(rest.chars().take_while(|&c| c != '"').collect())
}

/// Functions in a wasm's "name" section that wasm-bindgen must rewrite (`wbg_cast`'s
/// `breaks_if_inlined`, descriptors): it never sees a part, so a part must hold none. A part
/// may call them in the main module through an `indirect_call_shim`: wasm-split-cli (0.2.4 and
/// later) gives those calls a shim in the main module that keeps the signature the part
/// expects, and the journeys that send the contact form from its part prove it.
pub fn casts_left_in(bytes: &[u8]) -> Vec<String> {
    let mut reader = Reader { bytes, pos: 8 };
    let mut found = Vec::new();
    while reader.pos < bytes.len() {
        let Some(id) = reader.byte() else { break };
        let Some(size) = reader.leb() else { break };
        let end = reader.pos + size;
        if id == 0 && reader.name().as_deref() == Some("name") {
            while reader.pos < end {
                let (Some(sub), Some(sub_size)) = (reader.byte(), reader.leb()) else {
                    break;
                };
                let sub_end = reader.pos + sub_size;
                if sub == 1 {
                    let count = reader.leb().unwrap_or(0);
                    for _ in 0..count {
                        reader.leb();
                        let Some(name) = reader.name() else { break };
                        let cast = name.contains("breaks_if_inlined")
                            || name.contains("__wbindgen_describe");
                        if cast && !name.ends_with(" indirect_call_shim") {
                            found.push(name);
                        }
                    }
                }
                reader.pos = sub_end;
            }
        }
        reader.pos = end;
    }
    found
}

/// Reads a wasm binary's bytes, LEB128 numbers and names.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.bytes.get(self.pos)?;
        self.pos += 1;
        Some(byte)
    }

    fn leb(&mut self) -> Option<usize> {
        let mut result = 0usize;
        let mut shift = 0;
        loop {
            let byte = self.byte()?;
            result |= usize::from(byte & 0x7f).checked_shl(shift)?;
            shift += 7;
            if byte & 0x80 == 0 {
                return Some(result);
            }
        }
    }

    fn name(&mut self) -> Option<String> {
        let len = self.leb()?;
        let text = self.bytes.get(self.pos..self.pos + len)?;
        self.pos += len;
        Some(String::from_utf8_lossy(text).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leb(mut n: usize) -> Vec<u8> {
        let mut out = Vec::new();
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return out;
            }
            out.push(byte | 0x80);
        }
    }

    fn name(text: &str) -> Vec<u8> {
        [leb(text.len()), text.as_bytes().to_vec()].concat()
    }

    /// A wasm with only a name section naming `functions`.
    fn wasm_naming(functions: &[&str]) -> Vec<u8> {
        let mut names = leb(functions.len());
        for (i, f) in functions.iter().enumerate() {
            names.extend(leb(i));
            names.extend(name(f));
        }
        let sub = [vec![1], leb(names.len()), names].concat();
        let section = [name("name"), sub].concat();
        [
            b"\0asm\x01\0\0\0".to_vec(),
            vec![0],
            leb(section.len()),
            section,
        ]
        .concat()
    }

    #[test]
    fn a_part_holding_a_cast_is_found_and_a_shim_is_not() {
        let wasm = wasm_naming(&[
            "render",
            "wasm_bindgen::cast::breaks_if_inlined",
            "__wbindgen_describe_closure indirect_call_shim",
        ]);
        assert_eq!(
            casts_left_in(&wasm),
            ["wasm_bindgen::cast::breaks_if_inlined"]
        );
        assert!(casts_left_in(&wasm_naming(&["render"])).is_empty());
    }

    #[test]
    fn files_are_named_by_their_part_and_hash() {
        assert_eq!(
            hashed_name("split_checklist.wasm", "ab"),
            "split_checklist-ab.wasm"
        );
        assert_eq!(hashed_name("chunk_3.wasm", "ab"), "chunk-ab.wasm");
        assert_eq!(
            part_of("split_checklist.wasm").as_deref(),
            Some("checklist")
        );
        assert_eq!(part_of("split_home_2.wasm").as_deref(), Some("home"));
        assert_eq!(part_of("chunk_3.wasm"), None);
    }

    #[test]
    fn the_app_script_is_trunks_name_for_it() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            app_script(&names(&["main.css", "clinic-site-0af3.js"])).as_deref(),
            Some("clinic-site-0af3.js")
        );
        assert_eq!(
            app_script(&names(&["clinic-site.js"])).as_deref(),
            Some("clinic-site.js")
        );
        assert_eq!(
            app_script(&names(&["clinic-site-x.js", "register-1.js"])),
            None
        );
    }

    #[test]
    fn wasm_opt_gets_the_level_and_parameters_trunk_gets() {
        let html = r#"<link data-trunk rel="rust" data-wasm-opt="z" data-wasm-opt-params="--strip-debug --strip-producers" data-bin="clinic-site" />"#;
        assert_eq!(
            wasm_opt_args(html).unwrap(),
            [
                "-Oz",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-reference-types",
                "--strip-debug",
                "--strip-producers"
            ]
        );
        assert!(wasm_opt_args("<link rel=\"stylesheet\">").is_err());
    }

    #[test]
    fn the_shared_code_each_part_loads_is_read_from_the_loader() {
        let loader = r#"
/* checklist, listing */
const __chunk_1 = makeLoad(() => {
    const src = fetch(new URL("./chunk-aa.wasm", import.meta.url));
});
/* contact */ const __chunk_2 = makeLoad(() => { const src = fetch(new URL("./chunk-bb.wasm", import.meta.url)); });
/* not a load */ const other = 1; const x = fetch(new URL("./chunk-cc.wasm"));
"#;
        let shared = shared_code(loader);
        assert_eq!(shared["checklist"], ["chunk-aa.wasm"]);
        assert_eq!(shared["listing"], ["chunk-aa.wasm"]);
        assert_eq!(shared["contact"], ["chunk-bb.wasm"]);
        assert_eq!(shared.len(), 3);
    }
}
