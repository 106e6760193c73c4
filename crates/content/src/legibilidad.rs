//! How easy a Spanish post is to read: the Szigriszt-Pazos perspicuity ("Índice de
//! Flesch-Szigriszt", IFSZ), read on the INFLESZ scale (Barrio-Cantalejo et al., An. Sist.
//! Sanit. Navar. 2008;31(2):135-152), with Fernández-Huerta's score beside it. The words and
//! sentences are counted as for English ([`crate::readability::sentences_with`], with the
//! Spanish [`ABREVIATURAS`]); syllables by the Spanish rules of diphthong and hiatus
//! ([`silabas`]). A post's text is taken as for English ([`crate::readability::pieces`]): a
//! whole-post score and a prose score ([`Lectura`]).
//!
//! The gate is on IFSZ, whose scale INFLESZ defines: below 65 ("bastante fácil") a post gets a
//! warning, below 55 ("normal") it fails.

use crate::readability::{pieces, sentences_with, Piece};
use clinic_model::blog::Post;

/// Spanish words whose full stop does not end a sentence (lowercase, without the stop): "Dr.",
/// "Dra.", "Sr.", "Sra.", "Srta.", "Ud.", "Uds.", "p. ej.", "núm.".
pub const ABREVIATURAS: [&str; 10] = [
    "dr", "dra", "sr", "sra", "srta", "ud", "uds", "p", "ej", "núm",
];

/// Below this IFSZ a Spanish post gets a warning: easier than "normal" is the aim.
pub const WARN_BELOW: f64 = 65.0;
/// Below this IFSZ a Spanish post fails: harder than "normal" on the INFLESZ scale.
pub const FAIL_BELOW: f64 = 55.0;

/// The counts behind the scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Legibilidad {
    pub words: usize,
    pub sentences: usize,
    pub syllables: usize,
}

impl Legibilidad {
    /// Counts one piece of text (a paragraph, a list item…).
    pub fn of_text(text: &str) -> Legibilidad {
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        Legibilidad {
            words: words.len(),
            sentences: sentences_with(text, &ABREVIATURAS).len(),
            syllables: words.iter().map(|w| silabas(w)).sum(),
        }
    }

    /// Adds the counts of every piece.
    pub fn of_pieces<'a>(pieces: impl IntoIterator<Item = &'a str>) -> Legibilidad {
        pieces
            .into_iter()
            .map(Legibilidad::of_text)
            .fold(Legibilidad::default(), |a, b| Legibilidad {
                words: a.words + b.words,
                sentences: a.sentences + b.sentences,
                syllables: a.syllables + b.syllables,
            })
    }

    /// Szigriszt-Pazos: 206.835 − 62.3·syllables/words − words/sentences; 100 for no text.
    pub fn szigriszt_pazos(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 100.0;
        }
        let words = self.words as f64;
        206.835 - 62.3 * self.syllables as f64 / words - words / self.sentences as f64
    }

    /// Fernández-Huerta, as corrected (Law, 2011): 206.84 − 60·syllables/words −
    /// 1.02·words/sentences; 100 for no text. Shown beside IFSZ, about 4 points higher.
    pub fn fernandez_huerta(&self) -> f64 {
        if self.words == 0 || self.sentences == 0 {
            return 100.0;
        }
        let words = self.words as f64;
        206.84 - 60.0 * self.syllables as f64 / words - 1.02 * words / self.sentences as f64
    }

    /// The INFLESZ band of the IFSZ score, as the report names it.
    pub fn inflesz(&self) -> &'static str {
        match self.szigriszt_pazos() {
            s if s < 40.0 => "muy difícil",
            s if s < 55.0 => "algo difícil",
            s if s < 65.0 => "normal",
            s if s < 80.0 => "bastante fácil",
            _ => "muy fácil",
        }
    }

    /// Below [`FAIL_BELOW`] as the report shows it (one decimal).
    pub fn fails(&self) -> bool {
        (self.szigriszt_pazos() * 10.0).round() < FAIL_BELOW * 10.0
    }

    /// Below [`WARN_BELOW`] as the report shows it (one decimal), without failing.
    pub fn warns(&self) -> bool {
        !self.fails() && (self.szigriszt_pazos() * 10.0).round() < WARN_BELOW * 10.0
    }
}

/// A Spanish post's two scores: the gate warns or fails a post when either is low.
///
/// Why two: as in English ([`crate::readability::Reading`]), a list item is a short sentence
/// of its own, and many short items flatter a whole-post score when the paragraphs are hard.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lectura {
    /// Paragraphs, list items, quotes, call-to-action text and captions.
    pub whole: Legibilidad,
    /// Paragraphs, quotes and call-to-action text: the running prose.
    pub prose: Legibilidad,
}

impl Lectura {
    /// Measures a post (the same pieces as the English grades).
    pub fn of_post(post: &Post) -> Lectura {
        let pieces = pieces(post);
        Lectura {
            whole: Legibilidad::of_pieces(pieces.iter().map(|(_, text)| text.as_str())),
            prose: Legibilidad::of_pieces(
                pieces
                    .iter()
                    .filter(|(kind, _)| *kind == Piece::Prose)
                    .map(|(_, text)| text.as_str()),
            ),
        }
    }

    /// The lower of the two IFSZ scores: the one the gate is about.
    pub fn lowest(&self) -> &Legibilidad {
        if self.prose.szigriszt_pazos() < self.whole.szigriszt_pazos() {
            &self.prose
        } else {
            &self.whole
        }
    }

    /// Either score below [`FAIL_BELOW`] as the report shows it.
    pub fn fails(&self) -> bool {
        self.lowest().fails()
    }

    /// Either score below [`WARN_BELOW`], neither below [`FAIL_BELOW`].
    pub fn warns(&self) -> bool {
        self.lowest().warns()
    }
}

/// How a letter counts in a syllable's nucleus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sound {
    /// a, e, o (accented or not).
    Open,
    /// i, u, ü, and y where it sounds as i.
    Closed,
    /// í, ú: a closed vowel carrying the stress, which breaks a diphthong.
    StressedClosed,
    Consonant,
}

/// Syllables in one Spanish word, by the RAE's rules of diphthong and hiatus (counting nuclei,
/// not hyphenating):
/// - open vowels are a, e, o; closed are i, u, ü; two open vowels are a hiatus (two
///   syllables), an open and a closed vowel, or two different closed ones, a diphthong (one),
///   unless the closed one carries the accent (í, ú: "día", "país");
/// - the u of que, qui, gue, gui is silent; ü is sounded ("pingüino");
/// - y is a vowel at the end of a word or before a consonant ("hoy", "muy"), a consonant
///   before a vowel ("ayer");
/// - an h between vowels does not part them: they follow the rules above ("ahu-ma-do",
///   "bú-ho");
/// - "ii" and "uu" are two syllables ("chiita").
///
/// A word without letters (a number) counts one, as in English; at least one otherwise.
pub fn silabas(word: &str) -> usize {
    let letters: Vec<char> = word
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.is_empty() {
        return 1;
    }
    // The letters that are sounded, with how: the silent u and an h between vowels go.
    let mut sounds: Vec<(char, Sound)> = Vec::with_capacity(letters.len());
    for (i, &c) in letters.iter().enumerate() {
        let next = letters.get(i + 1).copied();
        let previous = i.checked_sub(1).map(|p| letters[p]);
        let sound = match c {
            'a' | 'e' | 'o' | 'á' | 'é' | 'ó' => Sound::Open,
            'í' | 'ú' => Sound::StressedClosed,
            'ü' => Sound::Closed,
            'u' if matches!(previous, Some('q' | 'g'))
                && matches!(next, Some('e' | 'i' | 'é' | 'í')) =>
            {
                continue
            }
            'i' | 'u' => Sound::Closed,
            'y' if next.is_none_or(|n| !is_vowel(n)) && i > 0 => Sound::Closed,
            'h' if previous.is_some_and(is_vowel) && next.is_some_and(is_vowel) => continue,
            _ => Sound::Consonant,
        };
        sounds.push((c, sound));
    }
    let mut count = 0;
    let mut previous: Option<(char, Sound)> = None;
    for &(c, sound) in &sounds {
        if sound == Sound::Consonant {
            previous = None;
            continue;
        }
        match previous {
            None => count += 1,
            Some((p, before)) => {
                let hiatus = matches!((before, sound), (Sound::Open, Sound::Open))
                    || matches!(
                        (before, sound),
                        (Sound::StressedClosed, Sound::Open) | (Sound::Open, Sound::StressedClosed)
                    )
                    || (p == c && matches!(c, 'i' | 'u'));
                if hiatus {
                    count += 1;
                }
            }
        }
        previous = Some((c, sound));
    }
    count.max(1)
}

fn is_vowel(c: char) -> bool {
    matches!(
        c,
        'a' | 'e' | 'i' | 'o' | 'u' | 'á' | 'é' | 'í' | 'ó' | 'ú' | 'ü'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_the_syllables_the_rae_gives_them() {
        let words = [
            ("dolor", 2),
            ("espalda", 3),
            ("fisioterapia", 5),
            ("día", 2),
            ("ciudad", 2),
            ("guerra", 2),
            ("pingüino", 3),
            ("hoy", 1),
            ("rey", 1),
            ("aéreo", 4),
            ("país", 2),
            ("lingüística", 4),
            ("hormigueo", 4),
            ("entumecimiento", 6),
            ("quiropráctico", 5),
            ("ciática", 3),
            ("Uruguay", 3),
            ("oía", 3),
            ("increíble", 4),
            ("leyes", 2),
            ("ayer", 2),
            ("ahumado", 3),
            ("búho", 2),
            ("chiita", 3),
            ("buey", 1),
            ("Llame", 2),
            ("¿Cuándo", 2),
            ("columna,", 3),
            ("911", 1),
        ];
        for (word, expected) in words {
            assert_eq!(silabas(word), expected, "{word}");
        }
    }

    #[test]
    fn the_scores_follow_their_formulas() {
        // 100 words, 190 syllables, 8 sentences.
        let counts = Legibilidad {
            words: 100,
            sentences: 8,
            syllables: 190,
        };
        assert!((counts.szigriszt_pazos() - 75.965).abs() < 1e-9);
        assert!((counts.fernandez_huerta() - 80.09).abs() < 1e-9);
        assert_eq!(counts.inflesz(), "bastante fácil");
        assert!(!counts.fails() && !counts.warns());
    }

    #[test]
    fn the_gate_warns_below_bastante_facil_and_fails_below_normal() {
        let with = |syllables| Legibilidad {
            words: 100,
            sentences: 10,
            syllables,
        };
        // IFSZ = 196.835 − 0.623·syllables.
        let normal = with(215); // 62.9
        assert_eq!(normal.inflesz(), "normal");
        assert!(normal.warns() && !normal.fails());
        let algo_dificil = with(232); // 52.3
        assert_eq!(algo_dificil.inflesz(), "algo difícil");
        assert!(algo_dificil.fails() && !algo_dificil.warns());
        let facil = with(190); // 78.5
        assert!(!facil.warns() && !facil.fails());
    }

    #[test]
    fn spanish_abbreviations_do_not_end_a_sentence() {
        let text = "Pregunte a la Dra. Ortiz o al Sr. Ruiz. Use frío, p. ej. una bolsa de hielo.";
        assert_eq!(Legibilidad::of_text(text).sentences, 2);
    }

    #[test]
    fn the_lower_of_a_posts_two_scores_is_the_one_gated() {
        let with = |syllables| Legibilidad {
            words: 100,
            sentences: 10,
            syllables,
        };
        let lectura = Lectura {
            whole: with(190),
            prose: with(215),
        };
        assert_eq!(*lectura.lowest(), with(215));
        assert!(lectura.warns() && !lectura.fails());
        let lectura = Lectura {
            whole: with(232),
            prose: with(190),
        };
        assert!(lectura.fails() && !lectura.warns());
    }

    #[test]
    fn a_plain_spanish_passage_reads_bastante_facil() {
        let text = "El dolor de espalda es muy común. Casi siempre mejora en unas semanas. \
                    Siga activo y camine un poco cada día. Llame al 911 si no puede controlar la orina.";
        let counts = Legibilidad::of_text(text);
        assert_eq!(counts.sentences, 4);
        assert_eq!(counts.words, 29);
        assert!(
            counts.szigriszt_pazos() >= WARN_BELOW,
            "{}",
            counts.szigriszt_pazos()
        );
    }
}
