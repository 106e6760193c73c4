//! The editor at `/admin/` (Decap CMS): its configuration, made from the content model here so
//! it cannot drift from what the content build accepts. `cargo xtask post-build` writes it to
//! `admin/config.yml` (JSON, which YAML reads) through `content cms-config`.
//!
//! What the editor enforces is what this crate checks, from the same constants: the required
//! fields, the hero's alt text, the description's length ([`DESCRIPTION_CHARS`]), the tags'
//! and the file names' pattern (`clinic_model::paths::is_slug`, as [`SLUG_PATTERN`]). What
//! only the build can check (reading level, links, the pair of a translation) fails the
//! deploy with the content build's own `file:line` message.
//!
//! The fields are listed in the order the editor writes them, which is the order of every
//! post's front matter (a test holds the shipped posts to it): an edit in the editor then
//! changes the lines it edits and no others.

use std::path::Path;

use serde::Deserialize;
use serde_json::{json, Value};

use crate::front_matter::DESCRIPTION_CHARS;
use crate::photos::ORIGINALS_DIR;
use clinic_model::lang::Lang;
use clinic_model::routes::{route, Page};

/// Where the editor's settings are, under the project root.
pub const SETTINGS_FILE: &str = "content/cms.toml";

/// `content/cms.toml`: the repository the editor commits to, and how staff sign in.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `owner/name` on GitHub.
    pub repo: String,
    /// The branch the deploy workflow builds.
    pub branch: String,
    /// The OAuth helper's address (README, "The editor in production"): Decap opens
    /// `<auth_url>/auth` in a window to sign in with GitHub.
    pub auth_url: String,
}

impl Settings {
    pub fn read(root: &Path) -> Result<Settings, String> {
        let path = root.join(SETTINGS_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{SETTINGS_FILE}: {e}"))?;
        let settings: Settings =
            toml::from_str(&text).map_err(|e| format!("{SETTINGS_FILE}: {e}"))?;
        if settings.repo.split('/').filter(|p| !p.is_empty()).count() != 2 {
            return Err(format!(
                "{SETTINGS_FILE}: `repo` is `{}`; write the GitHub repository as owner/name",
                settings.repo
            ));
        }
        if !settings.auth_url.starts_with("https://") {
            return Err(format!(
                "{SETTINGS_FILE}: `auth_url` is `{}`; write the OAuth helper's https:// address",
                settings.auth_url
            ));
        }
        Ok(settings)
    }
}

/// Where the editor saves: in production, GitHub; in development (`trunk serve` with
/// `scripts/serve.sh`), the local backend (`decap-server` on the working tree), which Decap
/// looks for at port 8081 of the page's own host, or at the address given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Backend {
    GitHub,
    Local(Option<String>),
}

/// A slug as `clinic_model::paths::is_slug` accepts it, for the editor's patterns.
pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The front matter's keys in the order the editor writes them (tables last, as TOML needs).
pub const FIELD_ORDER: [&str; 12] = [
    "title",
    "lang",
    "translation_of",
    "description",
    "author",
    "published",
    "updated",
    "tags",
    "reading_level_exception",
    "draft",
    "hero",
    "review",
];

/// The editor's whole configuration.
pub fn config(settings: &Settings, site_url: &str, backend: Backend) -> Value {
    let mut config = json!({
        "backend": {
            "name": "github",
            "repo": settings.repo,
            "branch": settings.branch,
            "base_url": settings.auth_url,
            "auth_endpoint": "auth",
        },
        "site_url": site_url,
        "display_url": site_url,
        "locale": "en",
        "publish_mode": "simple",
        // Uploads go where the content build makes clean copies of them (`photos`), and the
        // post names them `images/<file>`, as a writer would.
        "media_folder": ORIGINALS_DIR,
        "public_folder": "images",
        "slug": { "encoding": "ascii", "clean_accents": true, "sanitize_replacement": "-" },
        "collections": Lang::ALL.iter().map(|&lang| collection(lang)).collect::<Vec<_>>(),
    });
    if let Backend::Local(url) = backend {
        config["local_backend"] = match url {
            Some(url) => json!({ "url": url }),
            None => json!(true),
        };
    }
    config
}

fn collection(lang: Lang) -> Value {
    let (name, label, singular) = match lang {
        Lang::En => ("posts", "Posts in English", "Post in English"),
        Lang::Es => (
            "posts-es",
            "Posts in Spanish (artículos)",
            "Post in Spanish",
        ),
    };
    // The post's address on the site, from the route table ("Preview" opens it there).
    let preview = route(Page::Post)
        .path_in(lang, Some("{{slug}}"))
        .trim_start_matches('/')
        .to_string();
    json!({
        "name": name,
        "label": label,
        "label_singular": singular,
        "folder": crate::SOURCE_DIR,
        "extension": "md",
        "format": "toml-frontmatter",
        "create": true,
        "slug": "{{slug}}",
        "identifier_field": "title",
        "summary": "{{title}} ({{published}})",
        "sortable_fields": ["published", "title"],
        "preview_path": preview,
        "filter": { "field": "lang", "value": lang.code() },
        "fields": fields(lang),
    })
}

/// A date as the build reads it (`IsoDate`), picked on a calendar, saved as "YYYY-MM-DD".
fn date(name: &str, label: &str, required: bool, hint: &str) -> Value {
    json!({
        "name": name, "label": label, "widget": "datetime", "required": required,
        "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": false,
        "picker_utc": true, "hint": hint,
    })
}

fn fields(lang: Lang) -> Vec<Value> {
    let description = format!(
        "^[^\\n]{{{},{}}}$",
        DESCRIPTION_CHARS.start(),
        DESCRIPTION_CHARS.end()
    );
    let mut fields = vec![
        json!({ "name": "title", "label": "Title", "widget": "string",
                "hint": "The post's heading. The file name (its address) is made from it when the post is first saved." }),
        json!({ "name": "lang", "widget": "hidden", "default": lang.code() }),
    ];
    if lang == Lang::Es {
        fields.push(json!({
            "name": "translation_of", "label": "Translation of", "widget": "relation",
            "collection": "posts", "value_field": "{{slug}}", "search_fields": ["title"],
            "display_fields": ["title"],
            "hint": "The English post this one translates. A translation needs its own medical review.",
        }));
    }
    fields.extend([
        json!({ "name": "description", "label": "Description", "widget": "text",
                "pattern": [description, format!("Write {} to {} characters on one line.", DESCRIPTION_CHARS.start(), DESCRIPTION_CHARS.end())],
                "hint": "One sentence under the title in search results and link previews." }),
        json!({ "name": "author", "label": "Author", "widget": "string",
                "hint": "Name and credentials, like: Dr. Maya Okafor, DC" }),
        date("published", "Published", true, "The day the post first goes out."),
        date("updated", "Updated", false, "Only after a change that matters to a reader."),
        json!({ "name": "tags", "label": "Tags", "widget": "list", "min": 1,
                "field": { "name": "tag", "label": "Tag", "widget": "string",
                           "pattern": [SLUG_PATTERN, "Lowercase words joined by hyphens, like low-back-pain."] },
                "hint": "Topics, like low-back-pain. Each tag lists the post on that topic's page." }),
        json!({ "name": "reading_level_exception", "label": "Reading level exception", "widget": "text", "required": false,
                "hint": "Leave empty. Only if the post must read harder than the site's limit: say why." }),
        json!({ "name": "draft", "label": "Draft", "widget": "boolean", "default": false, "required": false,
                "hint": "A draft shows in the preview site (scripts/serve.sh), never on the published site." }),
        json!({ "name": "hero", "label": "Hero image", "widget": "object", "collapsed": false,
                "fields": [
                    { "name": "src", "label": "Image", "widget": "image", "choose_url": false,
                      "hint": "A photo (JPEG or PNG). The site publishes a copy without the camera's details." },
                    { "name": "alt", "label": "Alt text", "widget": "string", "pattern": ["\\S", "Describe what the image shows."],
                      "hint": "What the image shows, for people who cannot see it." },
                    { "name": "caption", "label": "Caption", "widget": "string", "required": false },
                    { "name": "attribution", "label": "Attribution", "widget": "string", "required": false,
                      "hint": "Who made the picture. Shown after the caption." },
                ] }),
        // Optional as a whole: an object's fields are required even when the object is not,
        // so they are optional here and the content build requires both `by` and `on`.
        json!({ "name": "review", "label": "Medical review", "widget": "object", "required": false, "collapsed": false,
                "hint": "Who checked the medical content, and when. Fill in both.",
                "fields": [
                    { "name": "by", "label": "Reviewer", "widget": "string", "required": false },
                    date("on", "Reviewed on", false, ""),
                    date("next_due", "Next review due", false, "Leave empty for a year after the review."),
                ] }),
        json!({ "name": "body", "label": "Body", "widget": "markdown",
                "buttons": ["bold", "italic", "link", "heading-two", "heading-three", "quote", "bulleted-list", "numbered-list"],
                "editor_components": ["image"],
                "hint": "How to write a post: content/README.md" }),
    ]);
    fields
}

/// The names of a collection's front-matter fields, in the order the editor writes them.
pub fn field_names(lang: Lang) -> Vec<String> {
    fields(lang)
        .iter()
        .filter_map(|f| f["name"].as_str())
        .filter(|name| *name != "body")
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::front_matter;
    use clinic_model::paths::is_slug;

    /// The fields serde expects, as its refusal of an unknown one lists them: the model's own
    /// list, not one written again here.
    fn model_fields(toml_table: &str) -> Vec<String> {
        let text = format!("+++\n{toml_table}\nunknown_field_x = 1\n+++\nBody.\n");
        let split = front_matter::split(&text).unwrap();
        let error = front_matter::parse(&split).unwrap_err().message;
        let expected = error
            .split("expected one of ")
            .nth(1)
            .or_else(|| error.split("expected ").nth(1))
            .unwrap_or_else(|| panic!("serde names the fields it expects: {error}"));
        expected
            .split(", ")
            .map(|f| {
                f.trim_matches(|c: char| c == '`' || c.is_whitespace() || c == '.')
                    .to_string()
            })
            .filter(|f| !f.is_empty())
            .collect()
    }

    fn settings() -> Settings {
        Settings {
            repo: "clinic/site".into(),
            branch: "main".into(),
            auth_url: "https://auth.example".into(),
        }
    }

    fn collection_fields(lang: Lang) -> Vec<Value> {
        let config = config(&settings(), "https://clinic.example", Backend::GitHub);
        let name = if lang == Lang::En {
            "posts"
        } else {
            "posts-es"
        };
        config["collections"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .unwrap()["fields"]
            .as_array()
            .unwrap()
            .clone()
    }

    fn names(fields: &[Value]) -> Vec<String> {
        fields
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn the_editor_offers_every_front_matter_field_the_build_reads_and_no_other() {
        let mut model = model_fields("");
        model.sort();
        let mut editor = field_names(Lang::Es);
        editor.sort();
        assert_eq!(
            editor, model,
            "the Spanish collection's fields are the front matter's"
        );
        let english = field_names(Lang::En);
        assert!(
            !english.contains(&"translation_of".to_string()),
            "an English post translates nothing"
        );
        assert_eq!(english.len(), model.len() - 1);

        let hero = collection_fields(Lang::En)
            .into_iter()
            .find(|f| f["name"] == "hero")
            .unwrap();
        let mut hero_fields = names(hero["fields"].as_array().unwrap());
        hero_fields.push("decorative".into());
        hero_fields.sort();
        let mut model_hero = model_fields("[hero]\nsrc = \"images/x.svg\"");
        model_hero.sort();
        // `decorative` is the one field left to Markdown: the editor's hero always has alt text.
        assert_eq!(
            hero_fields, model_hero,
            "the hero's fields, and `decorative`"
        );

        let review = collection_fields(Lang::En)
            .into_iter()
            .find(|f| f["name"] == "review")
            .unwrap();
        let mut review_fields = names(review["fields"].as_array().unwrap());
        review_fields.sort();
        let mut model_review = model_fields("[review]\nby = \"A\"\non = \"2024-01-01\"");
        model_review.sort();
        assert_eq!(review_fields, model_review);
    }

    #[test]
    fn a_post_as_the_editor_writes_it_with_every_field_is_read_by_the_build() {
        for lang in Lang::ALL {
            let mut text = String::from("+++\n");
            for name in field_names(lang) {
                match name.as_str() {
                    "hero" | "review" => {}
                    "lang" => text.push_str(&format!("lang = \"{}\"\n", lang.code())),
                    "tags" => text.push_str("tags = [\"low-back-pain\"]\n"),
                    "draft" => text.push_str("draft = true\n"),
                    "published" | "updated" => text.push_str(&format!("{name} = \"2026-12-01\"\n")),
                    other => text.push_str(&format!("{other} = \"Some text\"\n")),
                }
            }
            text.push_str("\n[hero]\nsrc = \"images/x.jpg\"\nalt = \"A\"\ncaption = \"C\"\nattribution = \"P\"\n");
            text.push_str("\n[review]\nby = \"R\"\non = \"2026-11-30\"\nnext_due = \"2027-06-01\"\n+++\nBody.\n");
            let split = front_matter::split(&text).unwrap();
            let matter =
                front_matter::parse(&split).unwrap_or_else(|e| panic!("{lang:?}: {}", e.message));
            assert!(matter.draft);
            assert_eq!(matter.hero.attribution.as_deref(), Some("P"));
            assert_eq!(matter.lang, lang);
        }
    }

    #[test]
    fn each_collection_lists_its_fields_in_the_one_order_posts_are_written_in() {
        for lang in Lang::ALL {
            let order: Vec<String> = FIELD_ORDER
                .iter()
                .filter(|f| lang == Lang::Es || **f != "translation_of")
                .map(|f| f.to_string())
                .collect();
            assert_eq!(field_names(lang), order, "{lang:?}");
        }
    }

    /// The editor rewrites a post's whole front matter when it saves: in its field order,
    /// dates quoted, no blank lines but one before each table. A post written that way
    /// already shows, after an edit, only the lines that were edited.
    #[test]
    fn every_shipped_post_is_written_as_the_editor_writes_it() {
        let dir = crate::repo_root().join(crate::SOURCE_DIR);
        let mut checked = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "md") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let split = front_matter::split(&text).unwrap();
            let keys: Vec<&str> = split
                .front
                .lines()
                .filter(|line| !line.starts_with(' ') && !line.is_empty())
                .map(|line| {
                    line.trim_start_matches('[')
                        .split([' ', '=', ']'])
                        .next()
                        .unwrap()
                })
                .collect();
            let top: Vec<&str> = keys
                .iter()
                .copied()
                .take_while(|k| *k != "hero" && *k != "review")
                .collect();
            let mut expected: Vec<&str> = FIELD_ORDER
                .iter()
                .copied()
                .filter(|f| top.contains(f))
                .collect();
            expected.dedup();
            assert_eq!(top, expected, "{}: the editor's order", path.display());
            for line in split.front.lines() {
                if let Some((key, value)) = line.split_once(" = ") {
                    if ["published", "updated", "on", "next_due"].contains(&key) {
                        assert!(
                            value.starts_with('"'),
                            "{}: `{line}` (the editor quotes dates)",
                            path.display()
                        );
                    }
                }
            }
            checked += 1;
        }
        assert!(checked >= 11);
    }

    #[test]
    fn the_editors_patterns_are_the_builds_rules() {
        let slug = regex_lite_match;
        for sample in [
            "low-back-pain",
            "a",
            "x2",
            "Low",
            "a--b",
            "-a",
            "a-",
            "a_b",
            "",
        ] {
            assert_eq!(slug(SLUG_PATTERN, sample), is_slug(sample), "{sample:?}");
        }
        let fields = collection_fields(Lang::En);
        let description =
            &fields.iter().find(|f| f["name"] == "description").unwrap()["pattern"][0];
        assert_eq!(description, &json!("^[^\\n]{50,160}$"));
        assert_eq!(DESCRIPTION_CHARS, 50..=160);
    }

    /// `^[a-z0-9]+(-[a-z0-9]+)*$`, by hand (no regex crate for one test).
    fn regex_lite_match(pattern: &str, s: &str) -> bool {
        assert_eq!(pattern, SLUG_PATTERN);
        !s.is_empty()
            && s.split('-').all(|w| {
                !w.is_empty()
                    && w.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
            })
    }

    #[test]
    fn only_development_talks_to_the_local_backend() {
        let production = config(&settings(), "https://clinic.example", Backend::GitHub);
        assert!(production.get("local_backend").is_none());
        assert_eq!(production["backend"]["name"], "github");
        assert_eq!(production["backend"]["base_url"], "https://auth.example");
        let local = config(&settings(), "https://clinic.example", Backend::Local(None));
        assert_eq!(local["local_backend"], json!(true));
        assert_eq!(local["media_folder"], "content/images");
        let mut without = local.clone();
        without.as_object_mut().unwrap().remove("local_backend");
        assert_eq!(
            without, production,
            "the local backend is the only difference"
        );
        let at = config(
            &settings(),
            "https://clinic.example",
            Backend::Local(Some("http://127.0.0.1:4173/api/v1".into())),
        );
        assert_eq!(
            at["local_backend"],
            json!({ "url": "http://127.0.0.1:4173/api/v1" })
        );
    }
}
