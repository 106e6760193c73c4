//! Dates for people: the browser's `Intl.DateTimeFormat` in the reader's own locale. Off the
//! browser (native tests, pre-rendering) the ISO date is printed, so views render anywhere.

/// "2025-03-04" → "March 4, 2025" (or "4 March 2025", "4. März 2025"… as the reader's locale
/// writes it). Falls back to the ISO text if the browser cannot format it.
pub fn format_date(iso: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    if let Some(text) = browser::long_date(iso) {
        return text;
    }
    iso.to_string()
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use js_sys::{Array, Date, Intl::DateTimeFormat, Object, Reflect};
    use wasm_bindgen::JsValue;

    pub fn long_date(iso: &str) -> Option<String> {
        // An ISO date is parsed as midnight UTC; formatting in UTC keeps the same day
        // for readers west of Greenwich.
        let date = Date::new(&JsValue::from_str(iso));
        if date.get_time().is_nan() {
            return None;
        }
        let options = Object::new();
        Reflect::set(&options, &"dateStyle".into(), &"long".into()).ok()?;
        Reflect::set(&options, &"timeZone".into(), &"UTC".into()).ok()?;
        let format = DateTimeFormat::new(&Array::new(), &options).format();
        format.call1(&JsValue::UNDEFINED, &date).ok()?.as_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn off_the_browser_the_iso_date_is_shown() {
        assert_eq!(super::format_date("2025-03-04"), "2025-03-04");
    }
}
