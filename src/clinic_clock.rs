//! The clinic's own clock: the date and time where the clinic is (its `time_zone`), read through
//! the browser's `Intl.DateTimeFormat`, whatever zone the patient's device is in. Only ever read
//! after hydration: a page rendered at build time must not carry a time that goes stale.

use leptos::prelude::*;

use crate::hours::LocalTime;

/// The clinic's local time at `epoch_ms` (milliseconds since 1970 UTC), or None off the
/// browser or for a zone the browser does not know.
#[cfg(target_arch = "wasm32")]
pub fn local_time_at(time_zone: &str, epoch_ms: f64) -> Option<LocalTime> {
    use js_sys::{Date as JsDate, Reflect};
    use wasm_bindgen::JsValue;

    let format = formatter(time_zone)?;
    let parts = format.format_to_parts(&JsDate::new(&JsValue::from_f64(epoch_ms)));
    let (mut year, mut month, mut day, mut hour, mut minute) = (None, None, None, None, None);
    for part in parts.iter() {
        let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        let value = Reflect::get(&part, &"value".into()).ok()?.as_string()?;
        let number = value.parse::<u32>().ok();
        match kind.as_str() {
            "year" => year = number,
            "month" => month = number,
            "day" => day = number,
            "hour" => hour = number,
            "minute" => minute = number,
            _ => {}
        }
    }
    let date = crate::calendar::Date {
        year: i32::try_from(year?).ok()?,
        month: month?,
        day: day?,
    };
    // Some engines still write midnight as "24" with h23.
    let minute = (hour? % 24) * 60 + minute?;
    Some(LocalTime {
        date,
        minute: u16::try_from(minute).ok()?,
    })
}

/// A formatter writing the clinic's date and time in numbers; made once per zone (making one is
/// what costs, while the browser loads its zone data).
#[cfg(target_arch = "wasm32")]
fn formatter(time_zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
    use js_sys::{Array, Function, Intl::DateTimeFormat, Object, Reflect};
    use wasm_bindgen::JsCast;

    thread_local! {
        static MADE: std::cell::RefCell<Option<(String, DateTimeFormat)>> = const { std::cell::RefCell::new(None) };
    }
    if let Some(format) = MADE.with_borrow(|made| {
        made.as_ref()
            .filter(|(zone, _)| zone == time_zone)
            .map(|(_, format)| format.clone())
    }) {
        return Some(format);
    }
    let options = Object::new();
    for (key, value) in [
        ("timeZone", time_zone),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "numeric"),
    ] {
        Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    // Built through `Reflect::construct`, which catches: an unknown zone throws a RangeError,
    // and that only means no status is shown.
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let format: DateTimeFormat = Reflect::construct(
        &constructor,
        &Array::of2(&Array::of1(&"en-US".into()), &options),
    )
    .ok()?
    .unchecked_into();
    MADE.with_borrow_mut(|made| *made = Some((time_zone.to_string(), format.clone())));
    Some(format)
}

/// The clinic's local time now.
#[cfg(target_arch = "wasm32")]
pub fn now(time_zone: &str) -> Option<LocalTime> {
    local_time_at(time_zone, js_sys::Date::now())
}

/// Off the browser there is no clinic clock (the page is rendered without one).
#[cfg(not(target_arch = "wasm32"))]
pub fn now(_time_zone: &str) -> Option<LocalTime> {
    None
}

/// The clinic's local time, None until the page is in the browser's hands, then read again at
/// every turn of the minute (and when the page comes back into view), so whatever is worked out
/// from it changes on its own when the clinic opens or closes.
pub fn use_clinic_clock(time_zone: String) -> Signal<Option<LocalTime>> {
    let clock = RwSignal::new(None);
    // Effects run only in the browser, after hydration: the first render matches the HTML.
    Effect::new(move |_| {
        clock.set(now(&time_zone));
        #[cfg(target_arch = "wasm32")]
        browser::tick_every_minute(time_zone.clone(), clock);
    });
    clock.into()
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use std::time::Duration;

    use leptos::prelude::*;

    use crate::hours::LocalTime;

    /// Sets `clock` at the start of each minute until the component is gone.
    pub fn tick_every_minute(time_zone: String, clock: RwSignal<Option<LocalTime>>) {
        let handle = StoredValue::new(None::<TimeoutHandle>);
        let time_zone = StoredValue::new(time_zone);
        fn next(
            time_zone: StoredValue<String>,
            clock: RwSignal<Option<LocalTime>>,
            handle: StoredValue<Option<TimeoutHandle>>,
        ) {
            // A little past the turn of the minute, so the minute read is the new one.
            let to_next_minute = 60_000.0 - js_sys::Date::now() % 60_000.0 + 20.0;
            let timer = set_timeout_with_handle(
                move || {
                    let Some(zone) = time_zone.try_get_value() else {
                        return;
                    };
                    if clock.try_set(super::now(&zone)).is_some() {
                        return; // disposed
                    }
                    next(time_zone, clock, handle);
                },
                Duration::from_millis(to_next_minute as u64),
            );
            handle.try_set_value(timer.ok());
        }
        next(time_zone, clock, handle);
        // A phone asleep delays timers: read the clock again when the page is seen.
        let listener = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if let Some(zone) = time_zone.try_get_value() {
                clock.try_set(super::now(&zone));
            }
        });
        on_cleanup(move || {
            listener.remove();
            if let Some(Some(timer)) = handle.try_get_value() {
                timer.clear();
            }
        });
    }
}
