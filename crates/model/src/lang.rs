//! The site's languages: English at the root, Spanish under `/es/`. What a page says in each
//! is the typed text table's (`text.rs`); which addresses each language has is the route
//! table's (`routes.rs`).

use serde::{Deserialize, Serialize};

/// A language the site is written in.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
}

impl Lang {
    /// Every language, English (the default, `x-default`) first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// Its BCP 47 code: `<html lang>`, `hreflang`, `Intl`'s locale.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// Its Open Graph locale (`og:locale`): the clinic's patients are in the United States.
    pub fn og_locale(self) -> &'static str {
        match self {
            Lang::En => "en_US",
            Lang::Es => "es_US",
        }
    }

    /// The first segment of its addresses, if it has one (`/es/…`); English is at the root.
    pub const fn prefix(self) -> Option<&'static str> {
        match self {
            Lang::En => None,
            Lang::Es => Some("es"),
        }
    }

    /// The other language: where the language link goes.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Es,
            Lang::Es => Lang::En,
        }
    }

    /// The language of a code as a post's front matter or a page's data writes it.
    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The language of an app path, by its first segment, and the path without it.
    pub fn of_path(path: &str) -> (Lang, &str) {
        let trimmed = path.trim_start_matches('/');
        for lang in Lang::ALL {
            let Some(prefix) = lang.prefix() else {
                continue;
            };
            if let Some(rest) = trimmed.strip_prefix(prefix) {
                if rest.is_empty() {
                    return (lang, "/");
                }
                if rest.starts_with('/') {
                    return (lang, rest);
                }
            }
        }
        (Lang::En, path)
    }
}

/// One text in every language the site has, as a data file writes it (`{"en": …, "es": …}`):
/// a language missing is an error when the file is read.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translated {
    pub en: String,
    pub es: String,
}

impl Translated {
    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }

    /// Whether any language's text is empty (or only spaces).
    pub fn has_empty(&self) -> bool {
        Lang::ALL
            .iter()
            .any(|&lang| self.get(lang).trim().is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_says_its_language_by_its_first_segment() {
        assert_eq!(Lang::of_path("/es/contacto"), (Lang::Es, "/contacto"));
        assert_eq!(Lang::of_path("/es"), (Lang::Es, "/"));
        assert_eq!(Lang::of_path("/es/"), (Lang::Es, "/"));
        assert_eq!(Lang::of_path("/contact"), (Lang::En, "/contact"));
        assert_eq!(Lang::of_path("/escape"), (Lang::En, "/escape"));
        assert_eq!(Lang::of_path("/"), (Lang::En, "/"));
    }

    #[test]
    fn a_translated_text_needs_every_language() {
        let both: Translated =
            serde_json::from_str(r#"{"en": "Neck pain", "es": "Dolor de cuello"}"#).unwrap();
        assert_eq!(both.get(Lang::Es), "Dolor de cuello");
        assert!(!both.has_empty());
        assert!(serde_json::from_str::<Translated>(r#"{"en": "Neck pain"}"#).is_err());
        let blank: Translated = serde_json::from_str(r#"{"en": "Neck pain", "es": " "}"#).unwrap();
        assert!(blank.has_empty());
    }

    #[test]
    fn each_language_has_its_codes_and_the_other() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
            assert_eq!(lang.other().other(), lang);
            assert!(lang.og_locale().starts_with(lang.code()));
        }
        assert_eq!(Lang::parse("fr"), None);
    }
}
