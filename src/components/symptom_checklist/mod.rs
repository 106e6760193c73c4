//! The pieces of the symptom checklist page. Answers live only in the `ticked` signal (never
//! sent, stored, or put in the address), and everything shown about them is read from one
//! `Memo<Assessment>` made by [`use_assessment`], so no part of the page can lag behind the ticks.

mod about;
mod assessment;
mod checkboxes;
mod checklist;
mod emergency_alert;
mod print_summary;
mod result;
mod result_bar;
mod sentence;
mod warm_up;

pub use about::{ChecklistIntro, ChecklistSources};
pub use assessment::{use_assessment, Ticked};
pub use checkboxes::{checkbox_id, ChecklistActions, SymptomGroup};
pub use checklist::checklist_view;
pub use emergency_alert::EmergencyAlert;
pub use print_summary::PrintSummary;
pub use result::{SymptomResult, RESULT_ID, RESULT_TITLE_ID};
pub use result_bar::ResultBar;
pub use warm_up::{warm_up, WARMED_UP};
