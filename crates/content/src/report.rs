//! What the build says about each post besides its problems: the reading-level tables it
//! prints on every run (English posts' Flesch–Kincaid grades, then Spanish posts' IFSZ), the
//! reading-level gates, and the medical reviews that are overdue.

use clinic_model::lang::Lang;

use crate::files::SOURCE_DIR;
use crate::legibilidad::{Lectura, Legibilidad, FAIL_BELOW, WARN_BELOW};
use crate::problem::Problem;
use crate::readability::{Readability, Reading, MAX_GRADE};

/// One line of a table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub slug: String,
    /// The post's language (English when its front matter could not be read): which table.
    pub lang: Lang,
    /// `None` when the source could not be read into a post (its problems say why).
    pub measured: Option<Measured>,
    /// When the medical review is due again (`Review::due`); `None` without a review.
    pub review_due: Option<String>,
}

/// A post's length and reading level.
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    /// The page's own word count and reading time (`Post::word_count`, `reading_minutes`).
    pub words: usize,
    pub minutes: u32,
    /// How hard it reads, by its language's measure.
    pub level: Level,
    pub status: Status,
}

/// How hard a post reads, measured as its language is.
#[derive(Clone, Debug, PartialEq)]
pub enum Level {
    /// An English post: the whole-post and prose Flesch–Kincaid grades' counts.
    Grade(Reading),
    /// A Spanish post: the whole-post and prose Szigriszt-Pazos (IFSZ) counts.
    Ifsz(Lectura),
}

impl Level {
    /// The English grades, if it is an English post's.
    pub fn grades(&self) -> Option<&Reading> {
        match self {
            Level::Grade(reading) => Some(reading),
            Level::Ifsz(_) => None,
        }
    }

    /// The Spanish scores, if it is a Spanish post's.
    pub fn ifsz(&self) -> Option<&Lectura> {
        match self {
            Level::Ifsz(lectura) => Some(lectura),
            Level::Grade(_) => None,
        }
    }
}

/// Whether a post's reading level passes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// It passes, yet an exception is recorded: it can go.
    ExceptionNotNeeded,
    /// Too hard with no exception (English: either grade above [`MAX_GRADE`]; Spanish:
    /// either IFSZ below [`FAIL_BELOW`]): the build fails.
    TooHard,
    /// Too hard (or, in Spanish, below [`WARN_BELOW`]), allowed for the recorded reason.
    Exception(String),
    /// Spanish only: either IFSZ below [`WARN_BELOW`] but neither below [`FAIL_BELOW`], with
    /// no exception: a warning, never a failure.
    Harder,
}

impl Status {
    /// The English gate: either grade above 8 fails unless the front matter gives a reason.
    pub fn of(reading: &Reading, exception: Option<&str>) -> Status {
        let reason = exception.map(str::trim).filter(|r| !r.is_empty());
        match (reading.above_max(), reason) {
            (false, None) => Status::Ok,
            (false, Some(_)) => Status::ExceptionNotNeeded,
            (true, Some(reason)) => Status::Exception(reason.to_string()),
            (true, None) => Status::TooHard,
        }
    }

    /// The Spanish gate: either IFSZ below 55 fails and below 65 warns, unless the front
    /// matter gives a reason.
    pub fn of_spanish(lectura: &Lectura, exception: Option<&str>) -> Status {
        let reason = exception.map(str::trim).filter(|r| !r.is_empty());
        match (lectura.fails(), lectura.warns(), reason) {
            (true, _, None) => Status::TooHard,
            (false, true, None) => Status::Harder,
            (false, false, None) => Status::Ok,
            (false, false, Some(_)) => Status::ExceptionNotNeeded,
            (_, _, Some(reason)) => Status::Exception(reason.to_string()),
        }
    }

    fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Status::Ok, _) => "ok".into(),
            (Status::ExceptionNotNeeded, _) => "ok (exception not needed)".into(),
            (Status::TooHard, Lang::En) => format!("above {MAX_GRADE:.0}: FAILS"),
            (Status::TooHard, Lang::Es) => format!("below {FAIL_BELOW:.0}: FAILS"),
            (Status::Harder, _) => format!("below {WARN_BELOW:.0}: warning"),
            (Status::Exception(reason), _) => format!("exception: {reason}"),
        }
    }
}

/// The problems of the reading-level gate for one post: too hard without a reason, or an
/// exception that gives no reason. `body_line` and `exception_line` place them.
pub fn reading_level_problems(
    reading: &Reading,
    exception: Option<&str>,
    body_line: usize,
    exception_line: usize,
) -> Vec<Problem> {
    let mut problems = empty_exception(exception, exception_line, "read above grade 8");
    if Status::of(reading, exception) == Status::TooHard {
        let counts = |r: &Readability| {
            format!(
                "{} words in {} sentences, {:.2} syllables a word",
                r.words,
                r.sentences,
                r.syllables as f64 / r.words.max(1) as f64,
            )
        };
        problems.push(Problem::new(
            body_line,
            format!(
                "the text reads at Flesch–Kincaid grade {:.1} as a whole ({}) and {:.1} in \
                 its prose alone, without lists ({}); both must be {MAX_GRADE:.0} or below: use shorter \
                 sentences and simpler words, or, if it must read harder, record why in the \
                 front matter: reading_level_exception = \"reason\"",
                reading.whole.grade(),
                counts(&reading.whole),
                reading.prose.grade(),
                counts(&reading.prose),
            ),
        ));
    }
    problems
}

/// The Spanish gate for one post: the problems (an IFSZ below 55 without a reason, or an
/// exception that gives no reason), then the warnings (an IFSZ below 65 without a reason).
pub fn legibilidad_problems(
    lectura: &Lectura,
    exception: Option<&str>,
    body_line: usize,
    exception_line: usize,
) -> (Vec<Problem>, Vec<Problem>) {
    let mut problems = empty_exception(
        exception,
        exception_line,
        &format!("read below IFSZ {FAIL_BELOW:.0}"),
    );
    let mut warnings = Vec::new();
    let counts = |l: &Legibilidad| {
        format!(
            "{} words in {} sentences, {:.2} syllables a word",
            l.words,
            l.sentences,
            l.syllables as f64 / l.words.max(1) as f64,
        )
    };
    let scores = format!(
        "the Spanish text scores IFSZ {:.1} (INFLESZ \"{}\") as a whole ({}) and {:.1} in its \
         prose alone, without lists ({})",
        lectura.whole.szigriszt_pazos(),
        lectura.whole.inflesz(),
        counts(&lectura.whole),
        lectura.prose.szigriszt_pazos(),
        counts(&lectura.prose),
    );
    let fixes = "use shorter sentences and shorter, everyday words (\"dolor de espalda\", \
                 \"médico\", \"usted\")";
    match Status::of_spanish(lectura, exception) {
        Status::TooHard => problems.push(Problem::new(
            body_line,
            format!(
                "{scores}; both must be {FAIL_BELOW:.0} or more (INFLESZ \"normal\"), and should \
                 be {WARN_BELOW:.0} or more (\"bastante fácil\"): {fixes}, or, if it must read \
                 harder, record why in the front matter: reading_level_exception = \"reason\""
            ),
        )),
        Status::Harder => warnings.push(Problem::new(
            body_line,
            format!(
                "{scores}; patients read best at {WARN_BELOW:.0} or more (INFLESZ \"bastante \
                 fácil\"): {fixes}"
            ),
        )),
        _ => {}
    }
    (problems, warnings)
}

/// An exception written without a reason is itself a problem, on its line.
fn empty_exception(exception: Option<&str>, line: usize, harder: &str) -> Vec<Problem> {
    if exception.is_some_and(|r| r.trim().is_empty()) {
        vec![Problem::new(
            line,
            format!(
                "reading_level_exception is empty: say why this post must {harder}, or remove \
                 the line"
            ),
        )]
    } else {
        Vec::new()
    }
}

/// The tables printed on every run: one aligned row per English post, with both grades (see
/// [`Reading`]); then, if there are Spanish posts, one row per Spanish post, with both IFSZ
/// scores (see [`Lectura`]), the INFLESZ band of the lower and the Fernández-Huerta score of
/// the whole post beside them. A review due before `today` is marked overdue.
pub fn table(rows: &[Row], today: &str) -> String {
    let due = |row: &Row| match &row.review_due {
        Some(due) if due.as_str() < today => format!("{due} overdue"),
        Some(due) => due.clone(),
        None => "no review".into(),
    };
    let not_measured = "not measured: see the problems".to_string();
    let english: Vec<Vec<String>> = rows
        .iter()
        .filter(|row| row.lang == Lang::En)
        .map(|row| match &row.measured {
            Some(m) => {
                let grades = m.level.grades().copied().unwrap_or_default();
                vec![
                    row.slug.clone(),
                    m.words.to_string(),
                    m.minutes.to_string(),
                    format!("{:.1}", grades.whole.grade()),
                    format!("{:.1}", grades.prose.grade()),
                    due(row),
                    m.status.describe(Lang::En),
                ]
            }
            None => [row.slug.as_str(), "-", "-", "-", "-"]
                .map(String::from)
                .into_iter()
                .chain([due(row), not_measured.clone()])
                .collect(),
        })
        .collect();
    let mut out = render(
        &[
            "post",
            "words",
            "minutes",
            "FK grade",
            "prose grade",
            "review due",
            "status",
        ],
        &[false, true, true, true, true, false, false],
        english,
    );
    let spanish: Vec<Vec<String>> = rows
        .iter()
        .filter(|row| row.lang == Lang::Es)
        .map(|row| match &row.measured {
            Some(m) => {
                let scores = m.level.ifsz().copied().unwrap_or_default();
                vec![
                    row.slug.clone(),
                    m.words.to_string(),
                    m.minutes.to_string(),
                    format!("{:.1}", scores.whole.szigriszt_pazos()),
                    format!("{:.1}", scores.prose.szigriszt_pazos()),
                    scores.lowest().inflesz().to_string(),
                    format!("{:.1}", scores.whole.fernandez_huerta()),
                    due(row),
                    m.status.describe(Lang::Es),
                ]
            }
            None => [row.slug.as_str(), "-", "-", "-", "-", "-", "-"]
                .map(String::from)
                .into_iter()
                .chain([due(row), not_measured.clone()])
                .collect(),
        })
        .collect();
    if !spanish.is_empty() {
        out.push('\n');
        out += &render(
            &[
                "post (es)",
                "words",
                "minutes",
                "IFSZ",
                "prose IFSZ",
                "INFLESZ",
                "F-Huerta",
                "review due",
                "status",
            ],
            &[false, true, true, true, true, false, true, false, false],
            spanish,
        );
    }
    out
}

/// An aligned table: numbers right-aligned, text left-aligned, the last column not padded.
fn render(header: &[&str], numeric: &[bool], rows: Vec<Vec<String>>) -> String {
    let lines: Vec<Vec<String>> = std::iter::once(header.iter().map(|h| h.to_string()).collect())
        .chain(rows)
        .collect();
    let last = header.len() - 1;
    let mut widths = vec![0; header.len()];
    for line in &lines {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let format_line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .zip(numeric)
            .enumerate()
            .map(|(i, ((cell, &width), right))| match (right, i == last) {
                (true, _) => format!("{cell:>width$}"),
                (false, true) => cell.clone(),
                (false, false) => format!("{cell:<width$}"),
            })
            .collect();
        padded.join(" | ")
    };
    let mut out = format_line(&lines[0]) + "\n";
    out += &widths
        .iter()
        .enumerate()
        .map(|(i, w)| "-".repeat(if i == last { (*w).max(6) } else { *w }))
        .collect::<Vec<_>>()
        .join("-+-");
    out.push('\n');
    for line in &lines[1..] {
        out += &format_line(line);
        out.push('\n');
    }
    out
}

/// One warning per post whose medical review was due before `today` (never a failure).
pub fn overdue_reviews(rows: &[Row], today: &str) -> Vec<String> {
    rows.iter()
        .filter_map(|row| {
            let due = row.review_due.as_deref()?;
            (due < today).then(|| {
                format!(
                    "warning: {SOURCE_DIR}/{}.md: the medical review was due on {due} \
                     (today is {today}): have the post reviewed again, then update `on` under \
                     [review] (and `next_due` if the next one is not a year later)",
                    row.slug
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 10 words, 1 sentence and `syllables`: grade 3.9 + 1.18·syllables − 15.59.
    fn counts(syllables: usize) -> Readability {
        Readability {
            words: 10,
            sentences: 1,
            syllables,
        }
    }

    /// A post whose whole-post and prose grades are made of these syllables.
    fn reading(whole: usize, prose: usize) -> Reading {
        Reading {
            whole: counts(whole),
            prose: counts(prose),
        }
    }

    const EASY: usize = 15; // grade 6.01
    const HARD: usize = 20; // grade 11.91

    fn row(slug: &str, syllables: (usize, usize), status: Status, due: Option<&str>) -> Row {
        Row {
            slug: slug.into(),
            lang: Lang::En,
            measured: Some(Measured {
                words: 612,
                minutes: 3,
                level: Level::Grade(reading(syllables.0, syllables.1)),
                status,
            }),
            review_due: due.map(String::from),
        }
    }

    /// 100 words in 10 sentences and `syllables`: IFSZ 196.835 − 0.623·syllables.
    fn legibilidad(syllables: usize) -> Legibilidad {
        Legibilidad {
            words: 100,
            sentences: 10,
            syllables,
        }
    }

    fn lectura(whole: usize, prose: usize) -> Lectura {
        Lectura {
            whole: legibilidad(whole),
            prose: legibilidad(prose),
        }
    }

    const FACIL: usize = 190; // 78.5, "bastante fácil"
    const NORMAL: usize = 215; // 62.9, "normal": a warning
    const DIFICIL: usize = 232; // 52.3, "algo difícil": fails

    #[test]
    fn a_post_above_grade_eight_fails_naming_both_grades_and_the_fixes() {
        let problems = reading_level_problems(&reading(HARD, 16), None, 16, 7);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 16);
        let message = &problems[0].message;
        for needed in [
            "grade 11.9 as a whole",
            "7.2 in its prose alone",
            "shorter sentences",
            "simpler words",
            "reading_level_exception = \"reason\"",
        ] {
            assert!(message.contains(needed), "{needed}: {message}");
        }
        assert_eq!(Status::of(&reading(HARD, 16), None), Status::TooHard);
    }

    #[test]
    fn hard_prose_fails_even_when_short_list_items_bring_the_whole_post_down() {
        let problems = reading_level_problems(&reading(EASY, HARD), None, 16, 7);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.contains("11.9 in its prose alone"),
            "{problems:?}"
        );
        assert_eq!(Status::of(&reading(EASY, HARD), None), Status::TooHard);
    }

    #[test]
    fn a_post_above_grade_eight_with_a_reason_passes_and_shows_the_reason() {
        let reason = Some("Names of spine conditions");
        for hard in [reading(HARD, EASY), reading(EASY, HARD)] {
            assert!(reading_level_problems(&hard, reason, 16, 7).is_empty());
            assert_eq!(
                Status::of(&hard, reason),
                Status::Exception("Names of spine conditions".into())
            );
        }
    }

    #[test]
    fn a_post_with_both_grades_at_or_below_eight_passes() {
        assert!(reading_level_problems(&reading(EASY, EASY), None, 16, 7).is_empty());
        assert_eq!(Status::of(&reading(EASY, EASY), None), Status::Ok);
    }

    #[test]
    fn an_exception_on_an_easy_post_passes_and_is_flagged_as_not_needed() {
        let easy = reading(EASY, EASY);
        assert!(reading_level_problems(&easy, Some("x"), 16, 7).is_empty());
        assert_eq!(Status::of(&easy, Some("x")), Status::ExceptionNotNeeded);
    }

    #[test]
    fn an_empty_reason_is_no_exception_and_is_itself_a_problem() {
        let problems = reading_level_problems(&reading(HARD, HARD), Some("  "), 16, 7);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].line, 7);
        assert!(problems[0].message.contains("empty"), "{problems:?}");
        assert_eq!(problems[1].line, 16);
        assert_eq!(
            reading_level_problems(&reading(EASY, EASY), Some(""), 16, 7).len(),
            1
        );
        assert_eq!(Status::of(&reading(EASY, EASY), Some(" ")), Status::Ok);
    }

    #[test]
    fn the_table_is_aligned_and_shows_both_grades_each_status_and_due_date() {
        let rows = [
            row("lifting-safely", (EASY, EASY), Status::Ok, None),
            row(
                "back-spasm-symptoms",
                (EASY, HARD),
                Status::TooHard,
                Some("2026-02-15"),
            ),
            row(
                "x",
                (HARD, HARD),
                Status::Exception("Condition names".into()),
                Some("2027-01-01"),
            ),
            row(
                "y",
                (EASY, 16),
                Status::ExceptionNotNeeded,
                Some("2027-01-01"),
            ),
            Row {
                slug: "broken".into(),
                lang: Lang::En,
                measured: None,
                review_due: None,
            },
        ];
        let table = table(&rows, "2026-11-27");
        let expected = "\
post                | words | minutes | FK grade | prose grade | review due         | status
--------------------+-------+---------+----------+-------------+--------------------+-------------------------------
lifting-safely      |   612 |       3 |      6.0 |         6.0 | no review          | ok
back-spasm-symptoms |   612 |       3 |      6.0 |        11.9 | 2026-02-15 overdue | above 8: FAILS
x                   |   612 |       3 |     11.9 |        11.9 | 2027-01-01         | exception: Condition names
y                   |   612 |       3 |      6.0 |         7.2 | 2027-01-01         | ok (exception not needed)
broken              |     - |       - |        - |           - | no review          | not measured: see the problems
";
        assert_eq!(table, expected, "\n{table}");
    }

    #[test]
    fn a_spanish_post_below_55_fails_and_below_65_warns_naming_both_scores() {
        let (problems, warnings) = legibilidad_problems(&lectura(FACIL, DIFICIL), None, 16, 7);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, 16);
        for needed in [
            "IFSZ 78.5 (INFLESZ \"bastante fácil\") as a whole",
            "52.3 in its prose alone",
            "55 or more",
            "shorter sentences",
            "reading_level_exception = \"reason\"",
        ] {
            assert!(
                problems[0].message.contains(needed),
                "{needed}: {problems:?}"
            );
        }
        let (problems, warnings) = legibilidad_problems(&lectura(NORMAL, FACIL), None, 16, 7);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].line, 16);
        assert!(
            warnings[0]
                .message
                .contains("IFSZ 62.9 (INFLESZ \"normal\")"),
            "{warnings:?}"
        );
        let (problems, warnings) = legibilidad_problems(&lectura(FACIL, FACIL), None, 16, 7);
        assert!(problems.is_empty() && warnings.is_empty());
    }

    #[test]
    fn a_spanish_exception_allows_a_low_score_and_an_empty_one_is_a_problem() {
        let reason = Some("Nombres de enfermedades");
        for hard in [lectura(DIFICIL, FACIL), lectura(FACIL, NORMAL)] {
            assert_eq!(legibilidad_problems(&hard, reason, 16, 7), (vec![], vec![]));
            assert_eq!(
                Status::of_spanish(&hard, reason),
                Status::Exception("Nombres de enfermedades".into())
            );
        }
        assert_eq!(
            Status::of_spanish(&lectura(FACIL, FACIL), reason),
            Status::ExceptionNotNeeded
        );
        let (problems, _) = legibilidad_problems(&lectura(DIFICIL, DIFICIL), Some(" "), 16, 7);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].line, 7);
        assert!(
            problems[0].message.contains("below IFSZ 55"),
            "{problems:?}"
        );
    }

    #[test]
    fn spanish_posts_get_a_table_of_their_own_after_the_english_one() {
        let spanish = |slug: &str, scores: Lectura, status| Row {
            slug: slug.into(),
            lang: Lang::Es,
            measured: Some(Measured {
                words: 640,
                minutes: 3,
                level: Level::Ifsz(scores),
                status,
            }),
            review_due: Some("2027-03-01".into()),
        };
        let rows = [
            row("lifting-safely", (EASY, EASY), Status::Ok, None),
            spanish("levantar-peso", lectura(FACIL, NORMAL), Status::Harder),
            spanish("dolor", lectura(FACIL, DIFICIL), Status::TooHard),
            Row {
                slug: "roto".into(),
                lang: Lang::Es,
                measured: None,
                review_due: None,
            },
        ];
        let table = table(&rows, "2026-11-27");
        let expected = "\
post           | words | minutes | FK grade | prose grade | review due | status
---------------+-------+---------+----------+-------------+------------+-------
lifting-safely |   612 |       3 |      6.0 |         6.0 | no review  | ok

post (es)     | words | minutes | IFSZ | prose IFSZ | INFLESZ      | F-Huerta | review due | status
--------------+-------+---------+------+------------+--------------+----------+------------+-------------------------------
levantar-peso |   640 |       3 | 78.5 |       62.9 | normal       |     82.6 | 2027-03-01 | below 65: warning
dolor         |   640 |       3 | 78.5 |       52.3 | algo difícil |     82.6 | 2027-03-01 | below 55: FAILS
roto          |     - |       - |    - |          - | -            |        - | no review  | not measured: see the problems
";
        assert_eq!(table, expected, "\n{table}");
    }

    #[test]
    fn only_reviews_due_before_today_are_overdue() {
        let rows = [
            row("a", (EASY, EASY), Status::Ok, Some("2026-11-26")),
            row("b", (EASY, EASY), Status::Ok, Some("2026-11-27")),
            row("c", (EASY, EASY), Status::Ok, None),
        ];
        let warnings = overdue_reviews(&rows, "2026-11-27");
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with(
                "warning: content/posts/a.md: the medical review was due on 2026-11-26"
            ),
            "{}",
            warnings[0]
        );
    }
}
