//! Every sentence the site's own code shows a patient, in every language the site has: typed
//! tables, one per area, each a struct with one `&'static str` per text and one constant per
//! language. The [`texts!`] macro takes each text as `name: "English", "Spanish";`, so a text
//! missing in one language does not compile: it fails the build, never the page.
//!
//! Texts with something filled in write it as `{name}` (see [`fill`]). Posts, the checklist's
//! rules (`symptoms/rules.json`) and the clinic's facts (`site.json`) carry their own languages.

use crate::lang::Lang;

/// Declares one area's table: `pub struct Name { text: "English", "Spanish"; … }` gives the
/// struct, `Name::EN`, `Name::ES`, `Name::of(lang)` and `all()` (every text with its name, for
/// the catalogue the tests compare pages against).
#[macro_export]
macro_rules! texts {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* $field:ident : $en:literal , $es:literal ; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub struct $name {
            $( $(#[$field_meta])* pub $field: &'static str, )*
        }

        impl $name {
            /// The English texts.
            pub const EN: $name = $name { $( $field: $en, )* };
            /// The Spanish texts.
            pub const ES: $name = $name { $( $field: $es, )* };

            /// The texts in `lang`, by value: code that reads one text then holds only that
            /// text's two strings (a reference to a whole table would bring every text of it,
            /// in both languages, into the wasm part of the code that reads it).
            #[inline(always)]
            pub const fn of(lang: $crate::lang::Lang) -> $name {
                match lang {
                    $crate::lang::Lang::En => Self::EN,
                    $crate::lang::Lang::Es => Self::ES,
                }
            }

            /// Every text with its name, in the table's order.
            pub fn all(&self) -> ::std::vec::Vec<(&'static str, &'static str)> {
                ::std::vec![ $( (stringify!($field), self.$field), )* ]
            }
        }
    };
}

// After the macro: a `macro_rules!` is in scope only below its definition.
pub mod blog;
pub mod contact;
pub mod site;
pub mod symptoms;
pub mod visit;

/// `template` with each `{name}` replaced by its value: `fill("{n} min read", &[("n", "4")])`.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Every table's texts in `lang`, named `area.text`: the catalogue the page tests read
/// (`tests/e2e/text-catalogue.json`, kept equal to this by a test).
pub fn catalogue(lang: Lang) -> Vec<(String, &'static str)> {
    let areas: [(&str, Vec<(&'static str, &'static str)>); 5] = [
        ("site", site::SiteText::of(lang).all()),
        ("blog", blog::BlogText::of(lang).all()),
        ("contact", contact::ContactText::of(lang).all()),
        ("symptoms", symptoms::SymptomsText::of(lang).all()),
        ("visit", visit::VisitText::of(lang).all()),
    ];
    areas
        .into_iter()
        .flat_map(|(area, texts)| {
            texts
                .into_iter()
                .map(move |(name, text)| (format!("{area}.{name}"), text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_is_filled_by_name() {
        assert_eq!(fill("{n} min read", &[("n", "4")]), "4 min read");
        assert_eq!(
            fill("{a} and {b}, {a}", &[("a", "x"), ("b", "y")]),
            "x and y, x"
        );
    }

    #[test]
    fn every_text_is_written_in_every_language_and_each_fills_the_same_names() {
        let en = catalogue(Lang::En);
        let es = catalogue(Lang::Es);
        assert_eq!(en.len(), es.len());
        for ((name, english), (_, spanish)) in en.iter().zip(&es) {
            assert!(!english.trim().is_empty(), "{name} is empty in English");
            assert!(!spanish.trim().is_empty(), "{name} is empty in Spanish");
            assert_eq!(
                placeholders(english),
                placeholders(spanish),
                "{name} fills other names in Spanish"
            );
        }
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut names: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        names.sort_unstable();
        names
    }

    /// The catalogue the Playwright journeys read to prove no English text is on a Spanish
    /// page (and the reverse). `UPDATE_CATALOGUE=1 cargo test -p clinic-model` rewrites it.
    #[test]
    fn the_page_tests_catalogue_is_this_table() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/e2e/text-catalogue.json"
        );
        let mut json = String::from("{\n");
        for (i, lang) in Lang::ALL.iter().enumerate() {
            let entries: Vec<String> = catalogue(*lang)
                .into_iter()
                .map(|(name, text)| {
                    format!(
                        "    {}: {}",
                        serde_json::to_string(&name).unwrap(),
                        serde_json::to_string(text).unwrap()
                    )
                })
                .collect();
            json.push_str(&format!(
                "  \"{}\": {{\n{}\n  }}{}\n",
                lang.code(),
                entries.join(",\n"),
                if i + 1 < Lang::ALL.len() { "," } else { "" }
            ));
        }
        json.push_str("}\n");
        if std::env::var_os("UPDATE_CATALOGUE").is_some() {
            std::fs::write(path, &json).unwrap();
        }
        let on_disk = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            on_disk == json,
            "tests/e2e/text-catalogue.json is not the text table: run UPDATE_CATALOGUE=1 cargo test -p clinic-model"
        );
    }
}
