//! The checklist's one state, the ticked items, and the assessment every part reads from it.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::context::{use_config, use_lang};
use crate::symptoms::{assess, Assessment, Rules};

/// The ids of the ticked items.
pub type Ticked = RwSignal<BTreeSet<String>>;

/// The one source of everything the checklist shows: the pure assessment of the ticks. It is
/// tracked (never `with_untracked`), and only notifies when the assessment really changes. It
/// is in the page's language; the tier depends on the ticks alone.
pub fn use_assessment(rules: StoredValue<Rules>, ticked: Ticked) -> Memo<Assessment> {
    let emergency_number = use_config().emergency_number;
    let lang = use_lang();
    Memo::new(move |_| {
        ticked.with(|set| rules.with_value(|r| assess(r, set, &emergency_number, lang)))
    })
}
