//! Reading time, from the words a reader reads.

/// Words a typical reader gets through in a minute of careful reading.
pub const WORDS_PER_MINUTE: usize = 220;

/// Minutes to read `words` words, rounded up, never less than one.
pub fn reading_minutes(words: usize) -> u32 {
    let minutes = words.div_ceil(WORDS_PER_MINUTE).max(1);
    u32::try_from(minutes).unwrap_or(u32::MAX)
}

/// Counts the words in a piece of text (runs of non-whitespace).
pub fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_still_takes_one_minute() {
        assert_eq!(reading_minutes(0), 1);
        assert_eq!(reading_minutes(1), 1);
        assert_eq!(reading_minutes(220), 1);
    }

    #[test]
    fn reading_time_rounds_up_to_the_next_minute() {
        assert_eq!(reading_minutes(221), 2);
        assert_eq!(reading_minutes(440), 2);
        assert_eq!(reading_minutes(1100), 5);
    }

    #[test]
    fn words_are_runs_of_non_whitespace() {
        assert_eq!(count_words("  Ice first,\nthen   heat. "), 4);
        assert_eq!(count_words(""), 0);
    }
}
