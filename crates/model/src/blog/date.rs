//! Dates as post files write them.

/// "YYYY-MM-DD" with a plausible month and day (the calendar is the browser's business).
pub fn is_iso_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    let number = |p: &str, len: usize| {
        (p.len() == len && p.chars().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    matches!(
        (number(year, 4), number(month, 2), number(day, 2)),
        (Some(_), Some(1..=12), Some(1..=31))
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blog::fixtures::{parse, sample};
    use serde_json::json;

    #[test]
    fn dates_must_be_iso() {
        let mut v = sample();
        v["published"] = json!("07/05/2024");
        assert!(parse(v).unwrap_err().contains("published"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2024-13-01"));
        assert!(!is_iso_date("2024-1-01"));
    }
}
