//! Today's date as the "YYYY-MM-DD" the posts use, from the system clock, so the build can
//! say which medical reviews are overdue. Reading the clock is one line; the date of a given
//! moment is a pure, tested function.

use std::time::{SystemTime, UNIX_EPOCH};

/// Today (UTC) from the system clock.
pub fn today() -> String {
    date_at(SystemTime::now())
}

/// The UTC date of `time`. A time before 1970 reads as 1970-01-01.
fn date_at(time: SystemTime) -> String {
    let seconds = time
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_secs());
    let days = i64::try_from(seconds / 86_400).unwrap_or(i64::MAX);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The proleptic Gregorian date of a day counted from 1970-01-01 (day 0), as
/// (year, month 1–12, day 1–31). Howard Hinnant's `civil_from_days`: shift the year to
/// start on 1 March, so the leap day is the last day of a year, then count 400-year eras.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468; // days from 0000-03-01
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097); // 0..=146096
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153; // 0 = March … 11 = February
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Both are in range by construction: month 1..=12, day 1..=31.
    (year, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn day_zero_is_the_first_of_january_1970() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(364), (1970, 12, 31));
    }

    #[test]
    fn leap_days_and_century_rules_fall_where_the_calendar_puts_them() {
        // 2000 is a leap year (divisible by 400): 2000-02-29 is day 11_016.
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(11_017), (2000, 3, 1));
        // 2100 is not (divisible by 100 only): 28 February is followed by 1 March.
        assert_eq!(civil_from_days(47_540), (2100, 2, 28));
        assert_eq!(civil_from_days(47_541), (2100, 3, 1));
        assert_eq!(civil_from_days(20_147), (2025, 2, 28));
        assert_eq!(civil_from_days(20_148), (2025, 3, 1));
    }

    /// The date of a moment `seconds` after 1970-01-01T00:00:00Z.
    fn date_after(seconds: u64) -> String {
        date_at(UNIX_EPOCH + Duration::from_secs(seconds))
    }

    #[test]
    fn the_epoch_and_its_last_second_are_the_first_of_january_1970() {
        assert_eq!(date_after(0), "1970-01-01");
        assert_eq!(date_after(86_399), "1970-01-01");
        assert_eq!(date_after(86_400), "1970-01-02");
    }

    #[test]
    fn a_known_timestamp_gives_its_date_zero_padded() {
        // 2024-05-07T12:00:00Z.
        assert_eq!(date_after(1_715_083_200), "2024-05-07");
        // 1999-12-31T23:59:59Z, then a second later the year turns.
        assert_eq!(date_after(946_684_799), "1999-12-31");
        assert_eq!(date_after(946_684_800), "2000-01-01");
    }

    #[test]
    fn a_leap_day_is_its_own_date_until_its_last_second() {
        assert_eq!(date_after(951_782_400), "2000-02-29"); // 2000-02-29T00:00:00Z
        assert_eq!(date_after(1_709_251_199), "2024-02-29"); // 2024-02-29T23:59:59Z
        assert_eq!(date_after(1_709_251_200), "2024-03-01");
        assert_eq!(date_after(4_107_542_399), "2100-02-28"); // 2100 is not a leap year
        assert_eq!(date_after(4_107_542_400), "2100-03-01");
    }

    #[test]
    fn a_clock_set_before_1970_reads_as_the_epoch() {
        let before = UNIX_EPOCH - Duration::from_secs(86_400 * 400);
        assert_eq!(date_at(before), "1970-01-01");
    }
}
