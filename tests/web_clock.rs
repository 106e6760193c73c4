//! Browser tests of the clinic's clock (src/clinic_clock.rs): the clinic's local time is read
//! through the browser's `Intl` in the clinic's zone, whatever zone the device is in, and the
//! status follows it across both of the year's clock changes. The status component shows it
//! only once it runs in the browser.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{find, mount, text_of, wait_for};
use clinic_site::calendar::Date;
use clinic_site::clinic_clock::local_time_at;
use clinic_site::components::opening_hours::OpeningStatus;
use clinic_site::config::Visit;
use clinic_site::hours::{LocalTime, Schedule, WeeklyHours};
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const LA: &str = "America/Los_Angeles";

/// Milliseconds since 1970 of a UTC instant written "2026-03-08T09:59".
fn utc(instant: &str) -> f64 {
    let (date, time) = instant.split_once('T').unwrap();
    let days = Date::parse(date).unwrap().days() as f64;
    let at = LocalTime::at(Date::parse(date).unwrap(), time).unwrap();
    (days * 86_400.0 + f64::from(at.minute) * 60.0) * 1000.0
}

fn local(instant: &str) -> (String, u16) {
    let time = local_time_at(LA, utc(instant)).expect("the browser knows the zone");
    (time.date.to_string(), time.minute)
}

#[wasm_bindgen_test]
fn the_clinic_clock_jumps_forward_in_march_and_back_in_november() {
    // 2026-03-08: 01:59 PST (UTC-8), then 03:00 PDT (UTC-7).
    assert_eq!(local("2026-03-08T09:59"), ("2026-03-08".into(), 60 + 59));
    assert_eq!(local("2026-03-08T10:00"), ("2026-03-08".into(), 3 * 60));
    // 2026-11-01: 01:59 PDT, then 01:00 PST again.
    assert_eq!(local("2026-11-01T08:59"), ("2026-11-01".into(), 60 + 59));
    assert_eq!(local("2026-11-01T09:00"), ("2026-11-01".into(), 60));
    // The date changes at the clinic's midnight, not UTC's.
    assert_eq!(
        local("2026-11-24T07:59"),
        ("2026-11-23".into(), 23 * 60 + 59)
    );
}

#[wasm_bindgen_test]
fn the_status_on_both_clock_change_days_follows_the_clinics_own_time() {
    // Both days are Sundays: open 09:00–12:00.
    let week = WeeklyHours {
        sunday: vec!["09:00-12:00".into()],
        ..WeeklyHours::default()
    };
    let schedule = Schedule::from_config(&week, &[]).unwrap();
    let status = |instant: &str| {
        let now = local_time_at(LA, utc(instant)).unwrap();
        schedule.status(now).text(clinic_site::lang::Lang::En)
    };
    // 16:30 UTC is 09:30 after the March change (08:30 had it not happened).
    assert_eq!(status("2026-03-08T16:30"), "Open now · closes at 12:00 pm");
    assert_eq!(status("2026-03-08T15:59"), "Closed · opens at 9:00 am");
    // 16:30 UTC is 08:30 after the November change (09:30 had it not happened).
    assert_eq!(status("2026-11-01T16:30"), "Closed · opens at 9:00 am");
    assert_eq!(status("2026-11-01T17:00"), "Open now · closes at 12:00 pm");
    assert_eq!(
        status("2026-11-01T20:00"),
        "Closed · opens Sunday, November 8 at 9:00 am"
    );
}

#[wasm_bindgen_test]
fn a_zone_the_browser_does_not_know_gives_no_time_instead_of_failing() {
    assert_eq!(local_time_at("Mars/Olympus_Mons", 0.0), None);
    assert!(local_time_at("UTC", 0.0).is_some());
}

/// Every day open from `span`, in Los Angeles.
fn every_day(span: &str) -> Visit {
    let day = vec![span.to_string()];
    Visit {
        time_zone: LA.into(),
        hours: WeeklyHours {
            monday: day.clone(),
            tuesday: day.clone(),
            wednesday: day.clone(),
            thursday: day.clone(),
            friday: day.clone(),
            saturday: day.clone(),
            sunday: day,
        },
        ..Visit::default()
    }
}

#[wasm_bindgen_test]
async fn the_status_is_shown_once_the_component_runs_in_the_browser() {
    let visit = every_day("00:00-24:00");
    let mounted = mount(move || view! { <OpeningStatus visit /> });
    let status = wait_for(&mounted, "[data-testid='open-status']").await;
    assert_eq!(text_of(&status), "Open now · closes at midnight");
    assert_eq!(status.class_name(), "open-status open-status--open");
}

#[wasm_bindgen_test]
async fn without_hours_or_with_a_zone_the_browser_does_not_know_no_status_is_shown() {
    let none = Visit {
        time_zone: LA.into(),
        ..Visit::default()
    };
    let unknown = Visit {
        time_zone: "Mars/Olympus_Mons".into(),
        ..every_day("00:00-24:00")
    };
    // A status that does show, mounted beside them, tells when their effects have run too.
    let shown = every_day("00:00-24:00");
    let mounted = mount(move || {
        view! {
            <div id="none"><OpeningStatus visit=none /></div>
            <div id="unknown"><OpeningStatus visit=unknown /></div>
            <div id="shown"><OpeningStatus visit=shown /></div>
        }
    });
    wait_for(&mounted, "#shown [data-testid='open-status']").await;
    assert_eq!(text_of(&find(&mounted, "#none")), "");
    assert_eq!(text_of(&find(&mounted, "#unknown")), "");
}
