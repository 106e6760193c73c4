//! What the build says about each post besides its problems: the reading-level table it
//! prints on every run, the reading-level gate, and the medical reviews that are overdue.

use crate::files::SOURCE_DIR;
use crate::problem::Problem;
use crate::readability::{Readability, Reading, MAX_GRADE};

/// One line of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub slug: String,
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
    /// The whole-post and prose grades' counts.
    pub reading: Reading,
    pub status: Status,
}

/// Whether a post's reading level passes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// Both grades at or below [`MAX_GRADE`], yet an exception is recorded: it can go.
    ExceptionNotNeeded,
    /// Either grade above [`MAX_GRADE`] with no exception: the build fails.
    TooHard,
    /// Either grade above [`MAX_GRADE`], allowed for the recorded reason.
    Exception(String),
}

impl Status {
    /// The gate: either grade above 8 fails unless the front matter gives a reason.
    pub fn of(reading: &Reading, exception: Option<&str>) -> Status {
        let reason = exception.map(str::trim).filter(|r| !r.is_empty());
        match (reading.above_max(), reason) {
            (false, None) => Status::Ok,
            (false, Some(_)) => Status::ExceptionNotNeeded,
            (true, Some(reason)) => Status::Exception(reason.to_string()),
            (true, None) => Status::TooHard,
        }
    }

    fn describe(&self) -> String {
        match self {
            Status::Ok => "ok".into(),
            Status::ExceptionNotNeeded => "ok (exception not needed)".into(),
            Status::TooHard => format!("above {MAX_GRADE:.0}: FAILS"),
            Status::Exception(reason) => format!("exception: {reason}"),
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
    let mut problems = Vec::new();
    if exception.is_some_and(|r| r.trim().is_empty()) {
        problems.push(Problem::new(
            exception_line,
            "reading_level_exception is empty: say why this post must read above grade 8, \
             or remove the line",
        ));
    }
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

/// The table printed on every run: one aligned row per post, with both grades (see
/// [`Reading`]). A review due before `today` is marked overdue.
pub fn table(rows: &[Row], today: &str) -> String {
    const COLUMNS: usize = 7;
    let header = [
        "post",
        "words",
        "minutes",
        "FK grade",
        "prose grade",
        "review due",
        "status",
    ];
    let mut lines: Vec<[String; COLUMNS]> = vec![header.map(String::from)];
    for row in rows {
        let due = match &row.review_due {
            Some(due) if due.as_str() < today => format!("{due} overdue"),
            Some(due) => due.clone(),
            None => "no review".into(),
        };
        lines.push(match &row.measured {
            Some(m) => [
                row.slug.clone(),
                m.words.to_string(),
                m.minutes.to_string(),
                format!("{:.1}", m.reading.whole.grade()),
                format!("{:.1}", m.reading.prose.grade()),
                due,
                m.status.describe(),
            ],
            None => [
                row.slug.clone(),
                "-".into(),
                "-".into(),
                "-".into(),
                "-".into(),
                due,
                "not measured: see the problems".into(),
            ],
        });
    }
    let mut widths = [0; COLUMNS];
    for line in &lines {
        for (width, cell) in widths.iter_mut().zip(line) {
            *width = (*width).max(cell.chars().count());
        }
    }
    // Numbers right-aligned, text left-aligned; the last column is not padded.
    let numeric = [false, true, true, true, true, false, false];
    let last = COLUMNS - 1;
    let format_line = |cells: &[String; COLUMNS]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .zip(numeric)
            .enumerate()
            .map(|(i, ((cell, width), right))| match (right, i == last) {
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
            measured: Some(Measured {
                words: 612,
                minutes: 3,
                reading: reading(syllables.0, syllables.1),
                status,
            }),
            review_due: due.map(String::from),
        }
    }

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
