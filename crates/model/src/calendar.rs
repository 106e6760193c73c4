//! Calendar dates without a time zone ("2026-11-26"), days of the week and times of day, for
//! the clinic's hours and the posts' review dates. Pure arithmetic: which instant a date is
//! belongs to whoever knows the time zone (the browser's `Intl`).

use std::fmt;

use crate::lang::Lang;
use crate::text::fill;
use crate::text::visit::VisitText;

/// A day of the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

impl Date {
    /// Reads "YYYY-MM-DD", refusing a day the month does not have ("2026-02-30").
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u32> {
            let part = &text[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        let date = Date {
            year: i32::try_from(number(0..4)?).ok()?,
            month: number(5..7)?,
            day: number(8..10)?,
        };
        (date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= date.month_length())
            .then_some(date)
    }

    fn month_length(self) -> u32 {
        match self.month {
            2 if is_leap(self.year) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn days(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month = i64::from(self.month);
        let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5
            + i64::from(self.day)
            - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` after 1970-01-01. Howard Hinnant's `civil_from_days`: shift the year to
    /// start on 1 March, so the leap day is the last day of a year, then count 400-year eras.
    pub fn from_days(days: i64) -> Date {
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
        // In range by construction: month 1..=12, day 1..=31; a year past i32 is not a date
        // anyone books.
        Date {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: month as u32,
            day: day as u32,
        }
    }

    /// The date `n` days later (earlier when negative).
    pub fn plus_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// Its day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::ALL[(self.days() + 3).rem_euclid(7) as usize]
    }

    /// "Thursday, November 26", "jueves 26 de noviembre".
    pub fn spoken(self, lang: Lang) -> String {
        fill(
            VisitText::of(lang).weekday_date,
            &[
                ("weekday", self.weekday().spoken(lang)),
                ("month", self.month_name(lang)),
                ("day", &self.day.to_string()),
            ],
        )
    }

    /// "March 4, 2025", "4 de marzo de 2025".
    pub fn long(self, lang: Lang) -> String {
        fill(
            VisitText::of(lang).long_date,
            &[
                ("month", self.month_name(lang)),
                ("day", &self.day.to_string()),
                ("year", &self.year.to_string()),
            ],
        )
    }

    /// "March", "marzo".
    fn month_name(self, lang: Lang) -> &'static str {
        let t = VisitText::of(lang);
        [
            t.january,
            t.february,
            t.march,
            t.april,
            t.may,
            t.june,
            t.july,
            t.august,
            t.september,
            t.october,
            t.november,
            t.december,
        ][self.month as usize - 1]
    }

    /// Today in UTC, from the system clock: the build's notion of "now".
    #[cfg(not(target_arch = "wasm32"))]
    pub fn today_utc() -> Date {
        Date::at(std::time::SystemTime::now())
    }

    /// The UTC date of `time`; a time before 1970 reads as 1970-01-01.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn at(time: std::time::SystemTime) -> Date {
        let seconds = time
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| elapsed.as_secs());
        Date::from_days(i64::try_from(seconds / 86_400).unwrap_or(i64::MAX))
    }
}

/// "2026-11-26".
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// "2025-03-04" as a long date in `lang` ("March 4, 2025", "4 de marzo de 2025"); the text as
/// given if it is not a date.
pub fn long_date(lang: Lang, iso: &str) -> String {
    Date::parse(iso).map_or_else(|| iso.to_string(), |date| date.long(lang))
}

/// `text` with its first letter in capitals: a Spanish weekday or date that starts a line
/// ("Lunes", "Jueves 26 de noviembre"), where English already has one.
pub fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A day of the week, Monday first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// Its English name, as schema.org writes it (`https://schema.org/Monday`); what a patient
    /// reads is [`Weekday::spoken`].
    pub fn name(self) -> &'static str {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][self as usize]
    }

    /// "Monday", "lunes" (Spanish writes weekdays in lower case, see [`capitalized`]).
    pub fn spoken(self, lang: Lang) -> &'static str {
        let t = VisitText::of(lang);
        [
            t.monday,
            t.tuesday,
            t.wednesday,
            t.thursday,
            t.friday,
            t.saturday,
            t.sunday,
        ][self as usize]
    }

    /// Its place in the week, Monday 0.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// A time of day in minutes after midnight, 00:00 to 24:00 (24:00 only ever closes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(u16);

impl Time {
    pub const MIDNIGHT: Time = Time(0);
    pub const END_OF_DAY: Time = Time(24 * 60);

    /// The time `minutes` after midnight, if within the day (0–1440).
    pub fn from_minutes(minutes: u16) -> Option<Time> {
        (minutes <= 24 * 60).then_some(Time(minutes))
    }

    /// Reads "08:30" or "8:30" (24-hour clock, up to "24:00").
    pub fn parse(text: &str) -> Option<Time> {
        let (hours, minutes) = text.trim().split_once(':')?;
        let digits =
            |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
        if !digits(hours) || minutes.len() != 2 || !digits(minutes) {
            return None;
        }
        let (hours, minutes): (u16, u16) = (hours.parse().ok()?, minutes.parse().ok()?);
        if minutes >= 60 {
            return None;
        }
        Time::from_minutes(hours * 60 + minutes)
    }

    pub fn minutes(self) -> u16 {
        self.0
    }

    /// "08:30", as `<time datetime>` and schema.org write it.
    pub fn iso(self) -> String {
        format!("{:02}:{:02}", self.0 / 60, self.0 % 60)
    }

    /// On the 12-hour clock: "8:30 am", "12:00 pm" (noon), "midnight" for 24:00 (and 00:00);
    /// "8:30 a. m.", "12:00 p. m.", "medianoche".
    pub fn spoken(self, lang: Lang) -> String {
        let t = VisitText::of(lang);
        let (hours, minutes) = (self.0 / 60, self.0 % 60);
        if self.is_midnight() {
            return t.midnight.into();
        }
        let half = if (12..24).contains(&hours) {
            t.time_pm
        } else {
            t.time_am
        };
        let clock = match hours % 12 {
            0 => 12,
            h => h,
        };
        fill(half, &[("clock", &format!("{clock}:{minutes:02}"))])
    }

    /// "at 6:00 pm", "a las 6:00 p. m."; "a la 1:00 p. m." and "a la medianoche", as Spanish
    /// says one o'clock and midnight.
    pub fn at(self, lang: Lang) -> String {
        let t = VisitText::of(lang);
        let singular = self.is_midnight() || (self.0 / 60) % 12 == 1;
        let template = if singular { t.at_one } else { t.at_time };
        fill(template, &[("time", &self.spoken(lang))])
    }

    fn is_midnight(self) -> bool {
        self.0 == 0 || self.0 == 24 * 60
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn day_zero_is_the_first_of_january_1970() {
        assert_eq!(Date::from_days(0), date("1970-01-01"));
        assert_eq!(Date::from_days(-1), date("1969-12-31"));
        assert_eq!(Date::from_days(364), date("1970-12-31"));
    }

    #[test]
    fn leap_days_and_century_rules_fall_where_the_calendar_puts_them() {
        // 2000 is a leap year (divisible by 400): 2000-02-29 is day 11_016.
        assert_eq!(Date::from_days(11_016), date("2000-02-29"));
        assert_eq!(Date::from_days(11_017), date("2000-03-01"));
        // 2100 is not (divisible by 100 only): 28 February is followed by 1 March.
        assert_eq!(Date::from_days(47_540), date("2100-02-28"));
        assert_eq!(Date::from_days(47_541), date("2100-03-01"));
        assert_eq!(Date::parse("2100-02-29"), None);
        assert_eq!(Date::parse("2028-02-29").map(|d| d.day), Some(29));
    }

    #[test]
    fn days_and_dates_convert_both_ways() {
        for days in (-800_000..800_000).step_by(997) {
            assert_eq!(Date::from_days(days).days(), days);
        }
        assert_eq!(date("2026-11-26").plus_days(1), date("2026-11-27"));
        assert_eq!(date("2026-12-31").plus_days(1), date("2027-01-01"));
    }

    #[test]
    fn only_real_dates_written_in_full_are_read() {
        for bad in [
            "2026-13-01",
            "2026-04-31",
            "2026-1-01",
            "26-01-01",
            "2026/01/01",
            "soon",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
        assert_eq!(date("2026-11-26").to_string(), "2026-11-26");
    }

    #[test]
    fn weekdays_follow_the_calendar() {
        assert_eq!(date("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(date("2026-11-26").weekday(), Weekday::Thursday);
        assert_eq!(date("2026-12-07").weekday(), Weekday::Monday);
        assert_eq!(date("1969-12-28").weekday(), Weekday::Sunday);
        assert_eq!(date("2026-11-26").spoken(Lang::En), "Thursday, November 26");
    }

    #[test]
    fn the_date_of_a_moment_is_its_utc_day() {
        let after = |seconds| Date::at(UNIX_EPOCH + Duration::from_secs(seconds)).to_string();
        assert_eq!(after(0), "1970-01-01");
        assert_eq!(after(86_399), "1970-01-01");
        assert_eq!(after(86_400), "1970-01-02");
        // 2024-02-29T12:00:00Z
        assert_eq!(after(1_709_208_000), "2024-02-29");
    }

    #[test]
    fn times_are_read_on_a_24_hour_clock_and_spoken_on_a_12_hour_one() {
        let time = |t| Time::parse(t).unwrap();
        assert_eq!(time("08:00").spoken(Lang::En), "8:00 am");
        assert_eq!(time("8:05").iso(), "08:05");
        assert_eq!(time("12:00").spoken(Lang::En), "12:00 pm");
        assert_eq!(time("12:30").spoken(Lang::En), "12:30 pm");
        assert_eq!(time("00:30").spoken(Lang::En), "12:30 am");
        assert_eq!(time("18:00").spoken(Lang::En), "6:00 pm");
        assert_eq!(time("24:00").spoken(Lang::En), "midnight");
        assert_eq!(time("18:00").at(Lang::En), "at 6:00 pm");
        assert_eq!(time("13:00").at(Lang::En), "at 1:00 pm");
        for bad in [
            "24:01", "25:00", "8", "8:5", "08:60", "-1:00", "a:bc", "08:00 pm",
        ] {
            assert_eq!(Time::parse(bad), None, "{bad}");
        }
    }

    /// Spanish times as the 12-hour clock of US Spanish writes them, each kept on one line.
    fn es(text: &str) -> String {
        text.replace('\u{a0}', " ")
    }

    #[test]
    fn spanish_times_say_a_m_and_p_m_and_a_la_for_one_oclock_and_midnight() {
        let time = |t| Time::parse(t).unwrap();
        assert_eq!(es(&time("08:00").spoken(Lang::Es)), "8:00 a. m.");
        assert_eq!(es(&time("12:00").spoken(Lang::Es)), "12:00 p. m.");
        assert_eq!(es(&time("18:30").spoken(Lang::Es)), "6:30 p. m.");
        assert_eq!(time("24:00").spoken(Lang::Es), "medianoche");
        assert_eq!(es(&time("18:00").at(Lang::Es)), "a las 6:00 p. m.");
        assert_eq!(es(&time("13:00").at(Lang::Es)), "a la 1:00 p. m.");
        assert_eq!(es(&time("01:30").at(Lang::Es)), "a la 1:30 a. m.");
        assert_eq!(time("24:00").at(Lang::Es), "a la medianoche");
        assert!(
            !time("08:00").spoken(Lang::Es).contains(' '),
            "no line break inside a time"
        );
    }

    #[test]
    fn a_long_date_is_written_as_each_language_writes_it() {
        assert_eq!(long_date(Lang::En, "2025-03-04"), "March 4, 2025");
        assert_eq!(long_date(Lang::Es, "2025-03-04"), "4 de marzo de 2025");
        assert_eq!(long_date(Lang::Es, "2026-01-01"), "1 de enero de 2026");
        assert_eq!(long_date(Lang::En, "2026-12-31"), "December 31, 2026");
        assert_eq!(long_date(Lang::Es, "2026-12-31"), "31 de diciembre de 2026");
        // Not a date: shown as given.
        assert_eq!(long_date(Lang::Es, "soon"), "soon");
        assert_eq!(long_date(Lang::Es, "2026-02-30"), "2026-02-30");
    }

    #[test]
    fn spanish_weekdays_and_dates_are_lower_case_unless_they_start_a_line() {
        assert_eq!(
            date("2026-11-26").spoken(Lang::Es),
            "jueves 26 de noviembre"
        );
        assert_eq!(Weekday::Wednesday.spoken(Lang::Es), "miércoles");
        assert_eq!(capitalized(Weekday::Monday.spoken(Lang::Es)), "Lunes");
        assert_eq!(capitalized("ñandú"), "Ñandú");
        assert_eq!(capitalized(""), "");
        assert_eq!(Weekday::Monday.spoken(Lang::En), "Monday");
        assert_eq!(Weekday::Monday.name(), "Monday");
    }
}
