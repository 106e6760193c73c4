//! The alt-text lint: stricter than validation, run over all content by `tests/content.rs`.
//! Good alt text is short and says what the picture shows; long descriptions belong in the
//! caption, and "image of" is noise a screen reader already announces.

use std::collections::HashMap;

use super::post::Post;
use crate::lang::Lang;

/// Longest alt text we accept; more than this belongs in the caption.
pub const MAX_ALT_CHARS: usize = 150;

/// Openings a screen reader makes redundant (it already says "image").
const REDUNDANT_OPENINGS: [&str; 3] = ["image of", "picture of", "photo of"];

/// The same in Spanish (a screen reader says "imagen").
const REDUNDANT_OPENINGS_ES: [&str; 5] = [
    "imagen de",
    "foto de",
    "fotografía de",
    "ilustración de",
    "dibujo de",
];

/// Words that show the alt text is a marketing caption about the page, not a description
/// of the picture ("…, highlighting chiropractic care for office workers").
const CAPTION_WORDS: [&str; 5] = [
    "highlighting",
    "featuring",
    "illustrating",
    "emphasizing",
    "showcasing",
];

/// The same in Spanish ("…, destacando el cuidado quiropráctico").
const CAPTION_WORDS_ES: [&str; 5] = [
    "destacando",
    "resaltando",
    "ilustrando",
    "enfatizando",
    "subrayando",
];

/// The openings and caption words of `lang`: each list is checked in its own language only
/// (an English opening in Spanish alt text would be a mistake the writer sees anyway).
fn words_of(lang: Lang) -> (&'static [&'static str], &'static [&'static str]) {
    match lang {
        Lang::En => (&REDUNDANT_OPENINGS, &CAPTION_WORDS),
        Lang::Es => (&REDUNDANT_OPENINGS_ES, &CAPTION_WORDS_ES),
    }
}

/// What is wrong with one alt text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AltProblem {
    Missing,
    TooLong(usize),
    RedundantOpening(&'static str),
    FileName,
    ReadsLikeACaption(&'static str),
    Duplicate,
}

impl std::fmt::Display for AltProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AltProblem::Missing => write!(f, "alt text is missing (or mark the image decorative)"),
            AltProblem::TooLong(n) => write!(
                f,
                "alt text is {n} characters (max {MAX_ALT_CHARS}); move the detail to the caption"
            ),
            AltProblem::RedundantOpening(p) => {
                write!(
                    f,
                    "alt text starts with \"{p}\"; screen readers already say it is an image"
                )
            }
            AltProblem::FileName => write!(f, "alt text is just the file name"),
            AltProblem::ReadsLikeACaption(w) => write!(
                f,
                "alt text says \"{w}\": describe the picture, put the message in the caption"
            ),
            AltProblem::Duplicate => write!(
                f,
                "the same alt text is used for another image of this post"
            ),
        }
    }
}

/// One finding, located in a post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LintIssue {
    pub slug: String,
    /// "hero image" or "block 4".
    pub place: String,
    pub problem: AltProblem,
}

impl std::fmt::Display for LintIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "post \"{}\", {}: {}",
            self.slug, self.place, self.problem
        )
    }
}

/// Checks one English alt text against the image's file (`src`). `None` means no alt at all.
pub fn lint_alt(alt: Option<&str>, src: &str) -> Vec<AltProblem> {
    lint_alt_in(Lang::En, alt, src)
}

/// [`lint_alt`] for alt text written in `lang`.
pub fn lint_alt_in(lang: Lang, alt: Option<&str>, src: &str) -> Vec<AltProblem> {
    let (openings, caption_words) = words_of(lang);
    let Some(alt) = alt.map(str::trim).filter(|a| !a.is_empty()) else {
        return vec![AltProblem::Missing];
    };
    let mut problems = Vec::new();
    let length = alt.chars().count();
    if length > MAX_ALT_CHARS {
        problems.push(AltProblem::TooLong(length));
    }
    let lower = alt.to_lowercase();
    if let Some(opening) = openings.iter().find(|p| lower.starts_with(*p)) {
        problems.push(AltProblem::RedundantOpening(opening));
    }
    let file = src.rsplit('/').next().unwrap_or(src).to_lowercase();
    let stem = file
        .rsplit_once('.')
        .map_or(file.as_str(), |(stem, _)| stem);
    let spaced = |s: &str| s.replace(['-', '_'], " ");
    if lower == file || lower == stem || spaced(&lower) == spaced(stem) {
        problems.push(AltProblem::FileName);
    }
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(word) = caption_words.iter().find(|w| words.contains(w)) {
        problems.push(AltProblem::ReadsLikeACaption(word));
    }
    problems
}

/// Lints every image of a post, in the post's language: each alt on its own, then duplicates
/// within the post.
pub fn lint_post(post: &Post) -> Vec<LintIssue> {
    let mut issues = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (place, image) in post.images() {
        if image.decorative {
            continue;
        }
        for problem in lint_alt_in(post.lang, image.alt.as_deref(), &image.src) {
            issues.push(LintIssue {
                slug: post.slug.clone(),
                place: place.clone(),
                problem,
            });
        }
        if let Some(alt) = image.alt.as_deref().map(|a| a.trim().to_lowercase()) {
            let count = seen.entry(alt).or_default();
            *count += 1;
            if *count > 1 {
                issues.push(LintIssue {
                    slug: post.slug.clone(),
                    place,
                    problem: AltProblem::Duplicate,
                });
            }
        }
    }
    issues
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blog::fixtures::sample;
    use serde_json::json;

    #[test]
    fn a_short_description_passes() {
        assert_eq!(
            lint_alt(
                Some("A person lifting a box with bent knees"),
                "images/lift.svg"
            ),
            []
        );
    }

    #[test]
    fn missing_or_blank_alt_fails() {
        assert_eq!(lint_alt(None, "a.svg"), [AltProblem::Missing]);
        assert_eq!(lint_alt(Some("  "), "a.svg"), [AltProblem::Missing]);
    }

    #[test]
    fn alt_over_150_characters_fails_and_151_is_the_limit() {
        assert_eq!(lint_alt(Some(&"a".repeat(150)), "x.svg"), []);
        assert_eq!(
            lint_alt(Some(&"a".repeat(151)), "x.svg"),
            [AltProblem::TooLong(151)]
        );
    }

    #[test]
    fn redundant_openings_fail_in_any_case() {
        for alt in ["Image of a desk", "PICTURE OF a desk", "photo of a desk"] {
            assert!(
                matches!(
                    lint_alt(Some(alt), "x.svg")[..],
                    [AltProblem::RedundantOpening(_)]
                ),
                "{alt}"
            );
        }
        assert_eq!(lint_alt(Some("Imagery of a calm desk"), "x.svg"), []);
    }

    #[test]
    fn the_file_name_or_stem_is_not_alt_text() {
        for alt in [
            "desk-posture.svg",
            "desk-posture",
            "Desk posture",
            "desk_posture",
        ] {
            assert_eq!(
                lint_alt(Some(alt), "images/desk-posture.svg"),
                [AltProblem::FileName],
                "{alt}"
            );
        }
    }

    #[test]
    fn marketing_captions_are_not_alt_text() {
        let alt = "Businessman with backache, highlighting care for office workers.";
        assert_eq!(
            lint_alt(Some(alt), "x.svg"),
            [AltProblem::ReadsLikeACaption("highlighting")]
        );
    }

    #[test]
    fn spanish_alt_text_is_linted_with_spanish_words() {
        for (alt, problem) in [
            (
                "Imagen de una persona en un escritorio",
                AltProblem::RedundantOpening("imagen de"),
            ),
            (
                "Foto de una columna vertebral",
                AltProblem::RedundantOpening("foto de"),
            ),
            (
                "Una persona sentada, destacando la buena postura",
                AltProblem::ReadsLikeACaption("destacando"),
            ),
        ] {
            assert_eq!(
                lint_alt_in(Lang::Es, Some(alt), "x.svg"),
                [problem],
                "{alt}"
            );
        }
        // The English words do not apply to Spanish text, nor the Spanish ones to English.
        assert_eq!(
            lint_alt_in(Lang::Es, Some("Una persona estirando la espalda"), "x.svg"),
            []
        );
        assert_eq!(lint_alt(Some("Foto de camera, a brand"), "x.svg"), []);
        let mut v = sample();
        v["lang"] = json!("es");
        v["hero"]["alt"] = json!("Imagen de una persona que levanta una caja");
        let post: Post = serde_json::from_value(v).unwrap();
        assert_eq!(
            lint_post(&post)[0].problem,
            AltProblem::RedundantOpening("imagen de")
        );
    }

    #[test]
    fn the_same_alt_on_two_images_of_a_post_fails_once_located_at_the_second() {
        let mut v = sample();
        v["body"][3] = json!({"type": "image", "src": "images/other.svg", "alt": "a person lifting a box with bent knees ", "width": 1, "height": 1});
        let post: Post = serde_json::from_value(v).unwrap();
        let issues = lint_post(&post);
        assert_eq!(issues.len(), 1, "{issues:?}");
        assert_eq!(issues[0].place, "block 3");
        assert_eq!(issues[0].problem, AltProblem::Duplicate);
        assert!(issues[0].to_string().contains("lifting-safely"));
    }

    #[test]
    fn decorative_images_are_not_linted() {
        let post: Post = serde_json::from_value(sample()).unwrap();
        assert_eq!(lint_post(&post), []);
    }
}
