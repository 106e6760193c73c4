//! A post source's TOML front matter: splitting it from the body, reading it, and finding
//! the line of a field so a problem can be pointed at.

use serde::{de, Deserialize, Deserializer};

use crate::problem::Problem;
use clinic_model::blog::date::is_iso_date;
use clinic_model::lang::Lang;

/// How long a post's `description` may be, in characters: it is the search result's snippet
/// and the link preview's text, which search engines cut at about 160 characters, and below
/// 50 it says too little to choose the post by. The editor (`cms`) enforces the same range.
pub const DESCRIPTION_CHARS: std::ops::RangeInclusive<usize> = 50..=160;

/// What sits between the two `+++` lines of a post source.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    pub description: String,
    pub author: String,
    pub published: IsoDate,
    #[serde(default)]
    pub updated: Option<IsoDate>,
    pub tags: Vec<String>,
    pub hero: Hero,
    #[serde(default)]
    pub review: Option<ReviewMatter>,
    /// Why this post may read above grade 8 (`readability`), or, in Spanish, below IFSZ 55
    /// (`legibilidad`); the build fails a post beyond it that gives no reason.
    #[serde(default)]
    pub reading_level_exception: Option<String>,
    /// The language it is written in: `"en"` (the default) or `"es"`.
    #[serde(default)]
    pub lang: Lang,
    /// For a translation: the file name (slug) of the English post it translates. The build
    /// checks the pair and links the two posts both ways.
    #[serde(default)]
    pub translation_of: Option<String>,
    /// Not published yet: built into `trunk serve` (to preview it), never into a release build
    /// (its JSON, the index, the sitemap, the feed and the worker's cache never see it).
    #[serde(default)]
    pub draft: bool,
}

/// `[hero]`: the image at the top of the post; its size is read from the file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hero {
    pub src: String,
    #[serde(default)]
    pub alt: Option<String>,
    #[serde(default)]
    pub decorative: bool,
    #[serde(default)]
    pub caption: Option<String>,
    /// Who made the picture (a photographer, a library), shown after the caption.
    #[serde(default)]
    pub attribution: Option<String>,
}

/// `[review]`: who checked the medical content, when, and when it is due again.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewMatter {
    pub by: String,
    pub on: IsoDate,
    /// Defaults to a year after `on` (`Review::due`), so it is only written when it differs.
    #[serde(default)]
    pub next_due: Option<IsoDate>,
}

/// A "YYYY-MM-DD" date, written bare (`published = 2025-03-04`, as TOML dates are) or quoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsoDate(pub String);

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;

        impl<'de> de::Visitor<'de> for DateVisitor {
            type Value = IsoDate;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date like 2024-05-07")
            }

            fn visit_str<E: de::Error>(self, s: &str) -> Result<IsoDate, E> {
                if is_iso_date(s) {
                    Ok(IsoDate(s.to_string()))
                } else {
                    Err(E::custom(format!(
                        "`{s}` is not a date like 2024-05-07 (year-month-day, no time)"
                    )))
                }
            }

            // TOML hands a bare date over as a one-entry map holding its text.
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<IsoDate, A::Error> {
                let Some((_, text)) = map.next_entry::<String, String>()? else {
                    return Err(de::Error::custom("expected a date like 2024-05-07"));
                };
                self.visit_str(&text)
            }
        }

        deserializer.deserialize_any(DateVisitor)
    }
}

/// A source cut in two: the front matter and the Markdown body, with the line each starts on.
#[derive(Debug)]
pub struct Split<'a> {
    pub front: &'a str,
    pub front_line: usize,
    pub body: &'a str,
    pub body_line: usize,
}

const FENCE: &str = "+++";

/// Finds the front matter: the file starts with a `+++` line and another closes it.
pub fn split(text: &str) -> Result<Split<'_>, Problem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let opening = lines.next().unwrap_or("");
    if opening.trim_end() != FENCE {
        return Err(Problem::new(
            1,
            "a post starts with a `+++` line, then its title, date and so on, then `+++` again",
        ));
    }
    let front_start = opening.len();
    let mut offset = front_start;
    for (index, line) in lines.enumerate() {
        if line.trim_end() == FENCE {
            return Ok(Split {
                front: &text[front_start..offset],
                front_line: 2,
                body: &text[offset + line.len()..],
                body_line: index + 3,
            });
        }
        offset += line.len();
    }
    Err(Problem::new(
        1,
        "the front matter opened with `+++` is never closed: add a `+++` line after it",
    ))
}

/// Reads the front matter; a TOML or field problem is placed on its line.
pub fn parse(split: &Split) -> Result<FrontMatter, Problem> {
    toml::from_str(split.front).map_err(|error| {
        let line = error
            .span()
            .map_or(0, |span| line_of_offset(split.front, span.start));
        Problem::new(
            split.front_line + line,
            format!("front matter: {}", error.message().trim_end()),
        )
    })
}

/// The line (from `split.front_line`) of `key = …` at the top level or of a `[table]` header,
/// so a problem found after parsing can still be placed. Falls back to the first line.
pub fn line_of_key(split: &Split, key: &str) -> usize {
    let found = split.front.lines().position(|line| {
        let line = line.trim();
        line == format!("[{key}]")
            || line
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
    });
    split.front_line + found.unwrap_or(0)
}

/// Zero-based line of a byte offset.
pub fn line_of_offset(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SOURCE: &str = "+++\ntitle = \"T\"\ndescription = \"D\"\nauthor = \"A\"\npublished = 2025-03-04\ntags = [\"x\"]\n\n[hero]\nsrc = \"images/h.svg\"\nalt = \"A desk\"\n\n[review]\nby = \"Dr. B\"\non = \"2025-03-01\"\n+++\n\nBody\n";

    #[test]
    fn the_front_matter_and_body_are_found_with_their_lines() {
        let split = split(SOURCE).unwrap();
        assert!(split.front.starts_with("title"));
        assert_eq!(split.front_line, 2);
        assert_eq!(split.body, "\nBody\n");
        assert_eq!(split.body_line, 16);
    }

    #[test]
    fn bare_and_quoted_dates_are_both_read() {
        let matter = parse(&split(SOURCE).unwrap()).unwrap();
        assert_eq!(matter.published, IsoDate("2025-03-04".into()));
        assert_eq!(matter.review.unwrap().on, IsoDate("2025-03-01".into()));
        assert_eq!(matter.reading_level_exception, None);
        assert_eq!((matter.lang, matter.translation_of), (Lang::En, None));
    }

    #[test]
    fn a_translation_says_its_language_and_its_original() {
        let source = SOURCE.replace(
            "tags =",
            "lang = \"es\"\ntranslation_of = \"lifting-safely\"\ntags =",
        );
        let matter = parse(&split(&source).unwrap()).unwrap();
        assert_eq!(matter.lang, Lang::Es);
        assert_eq!(matter.translation_of.as_deref(), Some("lifting-safely"));
        let source = SOURCE.replace("tags =", "lang = \"fr\"\ntags =");
        let problem = parse(&split(&source).unwrap()).unwrap_err();
        assert_eq!(problem.line, 6, "{}", problem.message);
        assert!(problem.message.contains("`es`"), "{}", problem.message);
    }

    #[test]
    fn a_file_without_front_matter_is_refused_at_line_one() {
        let problem = split("# Title\n").unwrap_err();
        assert_eq!(problem.line, 1);
        assert!(problem.message.contains("+++"), "{}", problem.message);
        let problem = split("+++\ntitle = \"x\"\n").unwrap_err();
        assert!(
            problem.message.contains("never closed"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn a_toml_mistake_is_placed_on_its_line() {
        let source = SOURCE.replace("author = \"A\"", "author = A");
        let problem = parse(&split(&source).unwrap()).unwrap_err();
        assert_eq!(problem.line, 4, "{}", problem.message);
    }

    #[test]
    fn a_date_with_a_time_or_a_bad_month_is_refused_on_its_line() {
        for bad in ["2025-03-04T10:00:00", "\"2025-13-04\""] {
            let source = SOURCE.replace("2025-03-04", bad);
            let problem = parse(&split(&source).unwrap()).unwrap_err();
            assert_eq!(problem.line, 5, "{}", problem.message);
            assert!(
                problem.message.contains("2024-05-07"),
                "{}",
                problem.message
            );
        }
    }

    #[test]
    fn a_misspelt_field_is_named() {
        let source = SOURCE.replace("author =", "autor =");
        let problem = parse(&split(&source).unwrap()).unwrap_err();
        assert_eq!(problem.line, 4);
        assert!(problem.message.contains("autor"), "{}", problem.message);
    }

    #[test]
    fn keys_and_tables_are_found_by_line() {
        let split = split(SOURCE).unwrap();
        assert_eq!(line_of_key(&split, "published"), 5);
        assert_eq!(line_of_key(&split, "hero"), 8);
        assert_eq!(line_of_key(&split, "review"), 12);
    }
}
