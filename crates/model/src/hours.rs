//! The clinic's opening hours: the week as `site.json` writes it, closures and special days, and
//! whether the clinic is open at a given local time ("Open now · closes at 6:00 pm", "Abierto
//! ahora · cierra a las 6:00 p. m."). The local time comes from the browser (`Intl`, in the
//! clinic's zone); everything here is pure.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::calendar::{Date, Time, Weekday};
use crate::lang::{Lang, Translated};
use crate::text::fill;
use crate::text::visit::VisitText;

/// A part of `site.json` kept as its JSON text, and read as a `T` only where it is used: the
/// hours are read by the pages that show them, each a wasm file of its own, so the app's first
/// load (an article's) carries no code to read them. Absent or null reads as `T::default()`.
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct Deferred<T> {
    raw: Option<Box<RawValue>>,
    #[serde(skip)]
    kind: PhantomData<T>,
}

impl<T> Deferred<T> {
    fn text(&self) -> Option<&str> {
        self.raw.as_deref().map(RawValue::get)
    }
}

impl<T: DeserializeOwned + Default> Deferred<T> {
    /// The value, or why its JSON is not a `T`.
    pub fn read(&self) -> Result<T, serde_json::Error> {
        match self.text() {
            Some(text) => serde_json::from_str(text),
            None => Ok(T::default()),
        }
    }
}

impl<T: Serialize> Deferred<T> {
    /// `value` as a deferred part (the build trims the closures with it; tests build configurations).
    pub fn of(value: &T) -> Self {
        Deferred {
            raw: serde_json::value::to_raw_value(value).ok(),
            kind: PhantomData,
        }
    }
}

impl<T> Default for Deferred<T> {
    fn default() -> Self {
        Deferred {
            raw: None,
            kind: PhantomData,
        }
    }
}

impl<T> Clone for Deferred<T> {
    fn clone(&self) -> Self {
        Deferred {
            raw: self.raw.clone(),
            kind: PhantomData,
        }
    }
}

/// Equal when written alike (the browser never parses JSON just to compare).
impl<T> PartialEq for Deferred<T> {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

impl<T> std::fmt::Debug for Deferred<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().unwrap_or("null"))
    }
}

/// How far ahead closures are shown, in days.
pub const CLOSURES_AHEAD_DAYS: i64 = 60;

/// The weekly hours as `site.json` writes them: per day, zero or more "08:00-12:00" ranges
/// (two for a lunch break; none when closed).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WeeklyHours {
    #[serde(default)]
    pub monday: Vec<String>,
    #[serde(default)]
    pub tuesday: Vec<String>,
    #[serde(default)]
    pub wednesday: Vec<String>,
    #[serde(default)]
    pub thursday: Vec<String>,
    #[serde(default)]
    pub friday: Vec<String>,
    #[serde(default)]
    pub saturday: Vec<String>,
    #[serde(default)]
    pub sunday: Vec<String>,
}

impl WeeklyHours {
    fn days(&self) -> [(&'static str, &[String]); 7] {
        [
            ("monday", &self.monday),
            ("tuesday", &self.tuesday),
            ("wednesday", &self.wednesday),
            ("thursday", &self.thursday),
            ("friday", &self.friday),
            ("saturday", &self.saturday),
            ("sunday", &self.sunday),
        ]
    }
}

/// A day that differs from the week, as `site.json` writes it: closed (no `hours`) or open
/// only at the `hours` given, with the reason patients are told, in every language
/// (`{"en": "Thanksgiving", "es": "Día de Acción de Gracias"}`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpecialDay {
    /// "2026-11-26". (Defaults to empty, which the check refuses by its path.)
    #[serde(default)]
    pub date: String,
    /// The day's hours instead of the week's; absent means closed all day.
    #[serde(default)]
    pub hours: Option<Vec<String>>,
    pub reason: Translated,
}

const NOT_A_RANGE: &str = "must be a range like \"08:00-12:00\" (24-hour clock)";

/// A time the clinic is open on a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub opens: Time,
    pub closes: Time,
}

impl Span {
    /// Reads "08:00-12:00" (or with an en dash).
    pub fn parse(text: &str) -> Result<Span, &'static str> {
        let (opens, closes) = text
            .split_once('-')
            .or_else(|| text.split_once('–'))
            .ok_or(NOT_A_RANGE)?;
        let (Some(opens), Some(closes)) = (Time::parse(opens), Time::parse(closes)) else {
            return Err(NOT_A_RANGE);
        };
        if opens >= closes {
            return Err("must open before it closes");
        }
        Ok(Span { opens, closes })
    }
}

/// A closure or a day of special hours, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Special {
    pub date: Date,
    /// Empty: closed all day.
    pub spans: Vec<Span>,
    pub reason: Translated,
}

/// The hours, checked: what the status and the pages are worked out from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Schedule {
    /// Monday first.
    pub week: [Vec<Span>; 7],
    /// In date order.
    pub specials: Vec<Special>,
}

/// A field of the hours that cannot be used, by its path ("hours.monday[1]").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HoursProblem {
    pub field: String,
    pub problem: &'static str,
}

/// A day's ranges in order, refusing any that overlap.
fn spans(texts: &[String], field: &str) -> Result<Vec<Span>, HoursProblem> {
    let mut spans = Vec::with_capacity(texts.len());
    for (i, text) in texts.iter().enumerate() {
        let span = Span::parse(text).map_err(|problem| HoursProblem {
            field: format!("{field}[{i}]"),
            problem,
        })?;
        spans.push(span);
    }
    spans.sort_by_key(|s| s.opens);
    if spans.windows(2).any(|w| w[1].opens < w[0].closes) {
        return Err(HoursProblem {
            field: field.to_string(),
            problem: "has ranges that overlap",
        });
    }
    Ok(spans)
}

impl Schedule {
    /// Checks the hours and the special days, naming the first field that cannot be used.
    pub fn from_config(week: &WeeklyHours, days: &[SpecialDay]) -> Result<Schedule, HoursProblem> {
        let mut schedule = Schedule::default();
        for (i, (name, texts)) in week.days().into_iter().enumerate() {
            schedule.week[i] = spans(texts, &format!("hours.{name}"))?;
        }
        for (i, day) in days.iter().enumerate() {
            let field = |name: &str| format!("closures[{i}].{name}");
            let date = Date::parse(&day.date).ok_or_else(|| HoursProblem {
                field: field("date"),
                problem: "must be a date written as YYYY-MM-DD",
            })?;
            if let Some(lang) = Lang::ALL
                .into_iter()
                .find(|&lang| day.reason.get(lang).trim().is_empty())
            {
                return Err(HoursProblem {
                    field: format!("{}.{}", field("reason"), lang.code()),
                    problem: "is empty (patients are told why, e.g. \"Thanksgiving\")",
                });
            }
            let spans = match &day.hours {
                Some(hours) => spans(hours, &field("hours"))?,
                None => Vec::new(),
            };
            if schedule.specials.iter().any(|s| s.date == date) {
                return Err(HoursProblem {
                    field: field("date"),
                    problem: "is given twice",
                });
            }
            schedule.specials.push(Special {
                date,
                spans,
                reason: Translated {
                    en: day.reason.en.trim().to_string(),
                    es: day.reason.es.trim().to_string(),
                },
            });
        }
        schedule.specials.sort_by_key(|s| s.date);
        Ok(schedule)
    }

    /// Whether any hours are set at all.
    pub fn has_hours(&self) -> bool {
        self.week.iter().any(|day| !day.is_empty())
    }

    /// The day's special entry, if it has one.
    pub fn special(&self, date: Date) -> Option<&Special> {
        self.specials.iter().find(|s| s.date == date)
    }

    /// The ranges the clinic is open on `date`.
    pub fn spans_on(&self, date: Date) -> &[Span] {
        match self.special(date) {
            Some(special) => &special.spans,
            None => &self.week[date.weekday().index()],
        }
    }

    /// The special days from `today` to [`CLOSURES_AHEAD_DAYS`] after it.
    pub fn upcoming(&self, today: Date) -> impl Iterator<Item = &Special> {
        let last = today.plus_days(CLOSURES_AHEAD_DAYS);
        self.specials
            .iter()
            .filter(move |s| s.date >= today && s.date <= last)
    }

    /// Whether the clinic is open at `now`, and when that changes.
    pub fn status(&self, now: LocalTime) -> Status {
        let minute = now.minute;
        let today = self.spans_on(now.date);
        let special = self.special(now.date);
        if let Some(open) = today
            .iter()
            .position(|s| s.opens.minutes() <= minute && minute < s.closes.minutes())
        {
            // Ranges that touch ("08:00-12:00", "12:00-18:00") are one stretch of opening. (A
            // day's ranges end by midnight: a clinic open through the night is not modelled.)
            let mut closes = today[open].closes;
            for next in &today[open + 1..] {
                if next.opens == closes {
                    closes = next.closes;
                }
            }
            return Status::Open {
                closes,
                special: special.map(|s| s.reason.clone()),
            };
        }
        let closed_all_day = special
            .filter(|s| s.spans.is_empty())
            .map(|s| s.reason.clone());
        Status::Closed {
            today: closed_all_day,
            opens: self.next_opening(now),
        }
    }

    /// The first time after `now` the clinic opens, looking [`CLOSURES_AHEAD_DAYS`] and a week
    /// ahead (a later one is not worth promising).
    fn next_opening(&self, now: LocalTime) -> Option<Opening> {
        let later_today = self
            .spans_on(now.date)
            .iter()
            .find(|s| s.opens.minutes() > now.minute);
        if let Some(span) = later_today {
            return Some(Opening {
                days_ahead: 0,
                date: now.date,
                at: span.opens,
            });
        }
        (1..=CLOSURES_AHEAD_DAYS + 7).find_map(|days_ahead| {
            let date = now.date.plus_days(days_ahead);
            self.spans_on(date).first().map(|span| Opening {
                days_ahead,
                date,
                at: span.opens,
            })
        })
    }
}

/// A moment of the clinic's own clock: its date and the minute of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    /// 0–1439.
    pub minute: u16,
}

impl LocalTime {
    /// `date` at "HH:MM".
    pub fn at(date: Date, time: &str) -> Option<LocalTime> {
        let minute = Time::parse(time)?.minutes();
        (minute < 24 * 60).then_some(LocalTime { date, minute })
    }
}

/// When the clinic next opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Opening {
    /// 0 today, 1 tomorrow…
    pub days_ahead: i64,
    pub date: Date,
    pub at: Time,
}

/// Open or closed, and until when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    Open {
        closes: Time,
        /// Today's special hours' reason ("Christmas Eve").
        special: Option<Translated>,
    },
    Closed {
        /// Why the clinic is closed all day today, when it is.
        today: Option<Translated>,
        /// None when no opening is set in the weeks ahead.
        opens: Option<Opening>,
    },
}

impl Status {
    pub fn is_open(&self) -> bool {
        matches!(self, Status::Open { .. })
    }

    /// "Open now · closes at 6:00 pm", "Closed · opens Monday at 8:00 am", "Closed today
    /// (Thanksgiving) · opens Friday at 8:00 am"; "Abierto ahora · cierra a las 6:00 p. m.",
    /// "Cerrado · abre el lunes a las 8:00 a. m."…
    pub fn text(&self, lang: Lang) -> String {
        let t = VisitText::of(lang);
        match self {
            Status::Open { closes, special } => {
                let at = closes.at(lang);
                // The clinic's own words are filled in last, so nothing in them is read as a name.
                match special {
                    Some(reason) => fill(
                        t.open_now_special,
                        &[("at", &at), ("reason", reason.get(lang))],
                    ),
                    None => fill(t.open_now, &[("at", &at)]),
                }
            }
            Status::Closed { today, opens } => {
                let closed = match today {
                    Some(reason) => fill(t.closed_today, &[("reason", reason.get(lang))]),
                    None => t.closed.to_string(),
                };
                match opens {
                    Some(opening) => fill(
                        t.then_opens,
                        &[("when", &opening.when(lang)), ("closed", &closed)],
                    ),
                    None => closed,
                }
            }
        }
    }
}

impl Opening {
    /// "at 1:00 pm" (today), "Friday at 8:00 am" (this week), "Monday, January 4 at 8:00 am";
    /// "a la 1:00 p. m.", "el viernes a las 8:00 a. m.", "el lunes 4 de enero a las 8:00 a. m.".
    fn when(&self, lang: Lang) -> String {
        let t = VisitText::of(lang);
        let at = self.at.at(lang);
        match self.days_ahead {
            0 => at,
            1..=6 => fill(
                t.opens_on_weekday,
                &[("weekday", self.date.weekday().spoken(lang)), ("at", &at)],
            ),
            _ => fill(
                t.opens_on_date,
                &[("date", &self.date.spoken(lang)), ("at", &at)],
            ),
        }
    }
}

/// One row of the hours table: a day and its ranges, in the week's order.
pub fn week_rows(schedule: &Schedule) -> impl Iterator<Item = (Weekday, &[Span])> {
    Weekday::ALL
        .into_iter()
        .map(|day| (day, schedule.week[day.index()].as_slice()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn reason(en: &str, es: &str) -> Translated {
        Translated {
            en: en.into(),
            es: es.into(),
        }
    }

    /// Monday to Friday 8–12 and 13–18, Saturday 9–13, Sunday closed; Thanksgiving
    /// (Thursday 2026-11-26) closed and Christmas Eve (Thursday 2026-12-24) 8–12.
    fn clinic() -> Schedule {
        let weekday = strings(&["08:00-12:00", "13:00-18:00"]);
        let week = WeeklyHours {
            monday: weekday.clone(),
            tuesday: weekday.clone(),
            wednesday: weekday.clone(),
            thursday: weekday.clone(),
            friday: weekday,
            saturday: strings(&["09:00-13:00"]),
            sunday: vec![],
        };
        let days = [
            SpecialDay {
                date: "2026-11-26".into(),
                hours: None,
                reason: reason("Thanksgiving", "Día de Acción de Gracias"),
            },
            SpecialDay {
                date: "2026-12-24".into(),
                hours: Some(strings(&["08:00-12:00"])),
                reason: reason("Christmas Eve", "Nochebuena"),
            },
        ];
        Schedule::from_config(&week, &days).unwrap()
    }

    fn at(date: &str, time: &str) -> String {
        status_in(Lang::En, date, time)
    }

    /// The status in `lang`, its no-break spaces written as spaces.
    fn status_in(lang: Lang, date: &str, time: &str) -> String {
        let now = LocalTime::at(Date::parse(date).unwrap(), time).unwrap();
        clinic().status(now).text(lang).replace('\u{a0}', " ")
    }

    fn es(date: &str, time: &str) -> String {
        status_in(Lang::Es, date, time)
    }

    // 2026-11-23 is a Monday.
    #[test]
    fn before_opening_it_says_when_it_opens_today() {
        assert_eq!(at("2026-11-23", "07:59"), "Closed · opens at 8:00 am");
    }

    #[test]
    fn while_open_it_says_when_it_closes() {
        assert_eq!(at("2026-11-23", "08:00"), "Open now · closes at 12:00 pm");
        assert_eq!(at("2026-11-23", "14:30"), "Open now · closes at 6:00 pm");
    }

    #[test]
    fn in_the_lunch_gap_it_says_when_it_reopens() {
        assert_eq!(at("2026-11-23", "12:00"), "Closed · opens at 1:00 pm");
        assert_eq!(at("2026-11-23", "12:59"), "Closed · opens at 1:00 pm");
        assert_eq!(at("2026-11-23", "13:00"), "Open now · closes at 6:00 pm");
    }

    #[test]
    fn the_last_minute_is_open_and_closing_time_is_closed() {
        assert_eq!(at("2026-11-23", "17:59"), "Open now · closes at 6:00 pm");
        assert_eq!(
            at("2026-11-23", "18:00"),
            "Closed · opens Tuesday at 8:00 am"
        );
    }

    #[test]
    fn after_closing_on_saturday_it_names_monday() {
        assert_eq!(
            at("2026-11-28", "13:00"),
            "Closed · opens Monday at 8:00 am"
        );
        assert_eq!(
            at("2026-11-29", "10:00"),
            "Closed · opens Monday at 8:00 am"
        );
    }

    #[test]
    fn a_closure_day_says_why_and_when_it_opens_next() {
        assert_eq!(
            at("2026-11-26", "10:00"),
            "Closed today (Thanksgiving) · opens Friday at 8:00 am"
        );
    }

    #[test]
    fn the_day_before_a_closure_skips_it() {
        assert_eq!(
            at("2026-11-25", "18:30"),
            "Closed · opens Friday at 8:00 am"
        );
        assert_eq!(at("2026-11-25", "17:00"), "Open now · closes at 6:00 pm");
    }

    #[test]
    fn special_hours_replace_the_day_and_say_so() {
        assert_eq!(
            at("2026-12-24", "09:00"),
            "Open now (Christmas Eve hours) · closes at 12:00 pm"
        );
        assert_eq!(
            at("2026-12-24", "13:30"),
            "Closed · opens Friday at 8:00 am"
        );
    }

    #[test]
    fn a_week_with_no_hours_left_names_the_date_it_opens() {
        let mut schedule = clinic();
        for offset in 0..9 {
            schedule.specials.push(Special {
                date: Date::parse("2026-12-28").unwrap().plus_days(offset),
                spans: vec![],
                reason: reason("Winter break", "Vacaciones de invierno"),
            });
        }
        let now = LocalTime::at(Date::parse("2026-12-26").unwrap(), "14:00").unwrap();
        assert_eq!(
            schedule.status(now).text(Lang::En),
            "Closed · opens Wednesday, January 6 at 8:00 am"
        );
        assert_eq!(
            schedule.status(now).text(Lang::Es).replace('\u{a0}', " "),
            "Cerrado · abre el miércoles 6 de enero a las 8:00 a. m."
        );
    }

    #[test]
    fn with_no_hours_at_all_it_only_says_closed() {
        let schedule = Schedule::default();
        let now = LocalTime::at(Date::parse("2026-11-23").unwrap(), "10:00").unwrap();
        assert_eq!(schedule.status(now).text(Lang::En), "Closed");
        assert_eq!(schedule.status(now).text(Lang::Es), "Cerrado");
        assert!(!schedule.has_hours());
    }

    #[test]
    fn ranges_that_touch_are_one_stretch() {
        let week = WeeklyHours {
            monday: strings(&["13:00-18:00", "08:00-13:00"]),
            ..WeeklyHours::default()
        };
        let schedule = Schedule::from_config(&week, &[]).unwrap();
        let now = LocalTime::at(Date::parse("2026-11-23").unwrap(), "09:00").unwrap();
        assert_eq!(
            schedule.status(now).text(Lang::En),
            "Open now · closes at 6:00 pm"
        );
    }

    #[test]
    fn only_the_next_sixty_days_of_closures_are_upcoming() {
        let mut schedule = clinic();
        schedule.specials.push(Special {
            date: Date::parse("2027-03-01").unwrap(),
            spans: vec![],
            reason: reason("Far away", "Lejos"),
        });
        let reasons = |today: &str| -> Vec<String> {
            schedule
                .upcoming(Date::parse(today).unwrap())
                .map(|s| s.reason.en.clone())
                .collect()
        };
        assert_eq!(reasons("2026-11-26"), ["Thanksgiving", "Christmas Eve"]);
        assert_eq!(reasons("2026-11-27"), ["Christmas Eve"]);
        assert_eq!(reasons("2027-01-01"), ["Far away"]);
        assert!(reasons("2027-03-02").is_empty());
    }

    fn problem(week: WeeklyHours, days: &[SpecialDay]) -> (String, &'static str) {
        let p = Schedule::from_config(&week, days).unwrap_err();
        (p.field, p.problem)
    }

    #[test]
    fn a_range_that_is_not_a_range_is_refused_by_its_path() {
        let week = WeeklyHours {
            tuesday: strings(&["08:00-12:00", "1pm to 6pm"]),
            ..WeeklyHours::default()
        };
        assert_eq!(problem(week, &[]), ("hours.tuesday[1]".into(), NOT_A_RANGE));
        let week = WeeklyHours {
            monday: strings(&["08:00-25:00"]),
            ..WeeklyHours::default()
        };
        assert_eq!(problem(week, &[]).0, "hours.monday[0]");
    }

    #[test]
    fn a_range_must_open_before_it_closes() {
        let week = WeeklyHours {
            friday: strings(&["18:00-08:00"]),
            ..WeeklyHours::default()
        };
        assert_eq!(
            problem(week, &[]),
            ("hours.friday[0]".into(), "must open before it closes")
        );
    }

    #[test]
    fn ranges_that_overlap_are_refused() {
        let week = WeeklyHours {
            wednesday: strings(&["08:00-12:30", "12:00-18:00"]),
            ..WeeklyHours::default()
        };
        assert_eq!(
            problem(week, &[]),
            ("hours.wednesday".into(), "has ranges that overlap")
        );
    }

    #[test]
    fn a_closure_needs_a_real_date_a_reason_and_valid_hours() {
        let day = |date: &str, hours: Option<&[&str]>, why: &str| SpecialDay {
            date: date.into(),
            hours: hours.map(strings),
            reason: reason(why, why),
        };
        let week = WeeklyHours::default;
        assert_eq!(
            problem(week(), &[day("2026-11-31", None, "x")]).0,
            "closures[0].date"
        );
        assert_eq!(
            problem(week(), &[day("2026-11-26", None, " ")]).0,
            "closures[0].reason.en"
        );
        let untranslated = SpecialDay {
            reason: reason("Thanksgiving", ""),
            ..day("2026-11-26", None, "x")
        };
        assert_eq!(problem(week(), &[untranslated]).0, "closures[0].reason.es");
        assert_eq!(
            problem(week(), &[day("2026-11-26", Some(&["9-5"]), "x")]).0,
            "closures[0].hours[0]"
        );
        assert_eq!(
            problem(
                week(),
                &[day("2026-11-26", None, "x"), day("2026-11-26", None, "y")]
            ),
            ("closures[1].date".into(), "is given twice")
        );
    }

    // 2026-11-23 is a Monday.
    #[test]
    fn in_spanish_open_now_says_until_when() {
        assert_eq!(
            es("2026-11-23", "14:30"),
            "Abierto ahora · cierra a las 6:00 p. m."
        );
        assert_eq!(
            es("2026-11-23", "08:00"),
            "Abierto ahora · cierra a las 12:00 p. m."
        );
    }

    #[test]
    fn in_spanish_closed_says_when_it_opens_with_a_la_for_one_oclock() {
        assert_eq!(es("2026-11-23", "07:59"), "Cerrado · abre a las 8:00 a. m.");
        assert_eq!(es("2026-11-23", "12:30"), "Cerrado · abre a la 1:00 p. m.");
        assert_eq!(
            es("2026-11-23", "18:00"),
            "Cerrado · abre el martes a las 8:00 a. m."
        );
        assert_eq!(
            es("2026-11-29", "10:00"),
            "Cerrado · abre el lunes a las 8:00 a. m."
        );
    }

    #[test]
    fn in_spanish_a_closure_day_says_why_in_spanish() {
        assert_eq!(
            es("2026-11-26", "10:00"),
            "Cerrado hoy (Día de Acción de Gracias) · abre el viernes a las 8:00 a. m."
        );
        assert_eq!(
            es("2026-12-24", "09:00"),
            "Abierto ahora (horario especial por Nochebuena) · cierra a las 12:00 p. m."
        );
    }

    #[test]
    fn the_clinics_own_words_are_never_read_as_a_name_to_fill() {
        let mut schedule = clinic();
        schedule.specials[0].reason = reason("{when} {at}", "{when} {at}");
        let now = LocalTime::at(Date::parse("2026-11-26").unwrap(), "10:00").unwrap();
        assert_eq!(
            schedule.status(now).text(Lang::En),
            "Closed today ({when} {at}) · opens Friday at 8:00 am"
        );
    }
}
