//! The pieces of the symptom checklist page. Answers live only in the `ticked` signal (never
//! sent, stored, or put in the address), and everything shown about them is read from one
//! `Memo<Assessment>` made by [`use_assessment`], so no part of the page can lag behind the ticks.

mod about;
mod checkboxes;
mod checklist;
mod emergency_alert;
mod print_summary;
mod result;
mod result_bar;
mod warm_up;

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::context::use_config;
use crate::symptoms::{assess, Assessment, Rules};

pub use about::{ChecklistIntro, ChecklistSources};
pub use checkboxes::{checkbox_id, ChecklistActions, SymptomGroup};
pub use checklist::checklist_view;
pub use emergency_alert::EmergencyAlert;
pub use print_summary::PrintSummary;
pub use result::SymptomResult;
pub use result_bar::ResultBar;
pub use warm_up::{warm_up, WARMED_UP};

/// The ids of the ticked items.
pub type Ticked = RwSignal<BTreeSet<String>>;

/// The element id of the result section, which the compact summary links to.
pub const RESULT_ID: &str = "symptom-result";

/// The element id of the result's heading, where "See the full result" moves focus.
pub const RESULT_TITLE_ID: &str = "symptom-result-title";

/// The one source of everything the checklist shows: the pure assessment of the ticks. It is
/// tracked (never `with_untracked`), and only notifies when the assessment really changes.
pub fn use_assessment(rules: StoredValue<Rules>, ticked: Ticked) -> Memo<Assessment> {
    let emergency_number = use_config().emergency_number;
    Memo::new(move |_| ticked.with(|set| rules.with_value(|r| assess(r, set, &emergency_number))))
}
