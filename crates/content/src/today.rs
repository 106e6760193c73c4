//! Today's date as the "YYYY-MM-DD" the posts use, from the system clock, so the build can
//! say which medical reviews are overdue. The arithmetic is the model's calendar.

use clinic_model::calendar::Date;

/// Today (UTC) from the system clock.
pub fn today() -> String {
    Date::today_utc().to_string()
}
