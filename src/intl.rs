//! Dates for people: the browser's `Intl.DateTimeFormat` in the reader's own locale. Off the
//! browser (pre-rendering, native tests) an English long date, which the page also shows
//! until the browser has taken over, so hydration sees the same text the HTML has.

/// "2025-03-04" → "March 4, 2025" (or "4 March 2025", "4. März 2025"… as the reader's locale
/// writes it). Falls back to the ISO text if the browser cannot format it.
pub fn format_date(iso: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    if !browser::writes_english_dates() {
        if let Some(text) = browser::long_date(iso) {
            return text;
        }
    }
    english_date(iso)
}

/// A long date in `lang`, with no browser: "March 4, 2025", "4 de marzo de 2025".
pub fn date_in(lang: crate::lang::Lang, iso: &str) -> String {
    match lang {
        crate::lang::Lang::En => english_date(iso),
        crate::lang::Lang::Es => crate::calendar::long_date(lang, iso),
    }
}

/// "2025-03-04" → "March 4, 2025", with no browser; the ISO text if it is not a date.
pub fn english_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = iso.splitn(3, '-').map(str::parse::<u32>);
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Ok(year)), Some(Ok(month @ 1..=12)), Some(Ok(day @ 1..=31))) => {
            format!("{} {day}, {year}", MONTHS[month as usize - 1])
        }
        _ => iso.to_string(),
    }
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Date, Function, Intl::DateTimeFormat, Object, Reflect};
    use wasm_bindgen::JsValue;

    thread_local! {
        /// One formatter for every date of the page: making one is the costly part (the
        /// browser loads its locale data), using it is cheap.
        static FORMAT: Option<Function> = long_date_format();
    }

    fn long_date_format() -> Option<Function> {
        // An ISO date is parsed as midnight UTC; formatting in UTC keeps the same day
        // for readers west of Greenwich.
        let options = Object::new();
        Reflect::set(&options, &"dateStyle".into(), &"long".into()).ok()?;
        Reflect::set(&options, &"timeZone".into(), &"UTC".into()).ok()?;
        Some(DateTimeFormat::new(&Array::new(), &options).format())
    }

    /// Whether the reader's language writes dates as [`english_date`](super::english_date)
    /// does ("March 4, 2025"): then no formatter is needed, and making the first one is what
    /// costs (about 90 ms on a slow phone, while the browser loads its locale data).
    pub fn writes_english_dates() -> bool {
        web_sys::window()
            .and_then(|w| w.navigator().language())
            .is_some_and(|language| language == "en-US" || language == "en")
    }

    pub fn long_date(iso: &str) -> Option<String> {
        let date = Date::new(&JsValue::from_str(iso));
        if date.get_time().is_nan() {
            return None;
        }
        FORMAT.with(|format| {
            format
                .as_ref()?
                .call1(&JsValue::UNDEFINED, &date)
                .ok()?
                .as_string()
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn off_the_browser_an_english_long_date_is_shown() {
        assert_eq!(super::format_date("2025-03-04"), "March 4, 2025");
        assert_eq!(super::english_date("2024-12-31"), "December 31, 2024");
        assert_eq!(super::english_date("2024-13-01"), "2024-13-01");
        assert_eq!(super::english_date("soon"), "soon");
    }
}
