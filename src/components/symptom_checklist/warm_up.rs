//! The checklist's code made ready before the first tick.
//!
//! V8 compiles a wasm function the first time it is called. The patient's first tick is the
//! first call of the box's handler, of the triage and of everything that shows a result, so on
//! a slow phone that tap waited for the compiler. Once the start-up is over, [`warm_up`] runs
//! the same code on a copy of the checklist that is never in the document (its own signal, its
//! own elements, dropped afterwards), one step per task: it builds the copy, ticks a box of it
//! as a tap would, ticks an item of every group, clears it again. The patient's page, answers
//! and live regions are untouched; nothing is sent or stored.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::assessment::use_assessment;
use super::{EmergencyAlert, PrintSummary, ResultBar, SymptomGroup, SymptomResult};
use crate::symptoms::Rules;

/// Marked on the performance timeline when the warm-up is over (tests wait for it).
pub const WARMED_UP: &str = "clinic:checklist-warm";

/// Exercises the checklist's code on a detached copy, in tasks of their own. `owner` is the
/// checklist's, for the clinic's details in context; if the checklist is gone, nothing happens.
pub async fn warm_up(rules: StoredValue<Rules>, owner: Owner) {
    use leptos::tachys::view::{Mountable, Render};
    use wasm_bindgen::JsCast;
    crate::startup::next_task().await;
    // The first group with its items, and the first item of every group (every tier, the
    // emergency one included).
    let Some((group, sample)) = rules
        .try_with_value(|r| {
            let first = r
                .groups
                .first()
                .map(|g| (g.clone(), r.items_in(g.id).cloned().collect()));
            let sample: BTreeSet<String> = r
                .groups
                .iter()
                .filter_map(|g| r.items_in(g.id).next().map(|i| i.id.clone()))
                .collect();
            first.map(|(group, items): (_, Vec<_>)| ((group, items), sample))
        })
        .flatten()
    else {
        return;
    };
    let Ok(parent) = document().create_element("div") else {
        return;
    };
    let copy = owner.with(Owner::new);
    let (mounted, ticked) = copy.with(|| {
        let ticked = RwSignal::new(BTreeSet::new());
        let assessment = use_assessment(rules, ticked);
        let (group, items) = group;
        let mut view = view! {
            <EmergencyAlert assessment />
            <SymptomGroup group items ticked />
            <ResultBar assessment />
            <SymptomResult assessment />
            <PrintSummary assessment />
        }
        .build();
        view.mount(parent.unchecked_ref(), None);
        (view, ticked)
    });
    crate::startup::next_task().await;
    if let Some(box_) = parent
        .query_selector("input[type=checkbox]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        box_.set_checked(true);
        if let Ok(change) = web_sys::Event::new("change") {
            let _ = box_.dispatch_event(&change);
        }
    }
    crate::startup::next_task().await;
    ticked.set(sample);
    crate::startup::next_task().await;
    ticked.set(BTreeSet::new());
    crate::startup::next_task().await;
    drop(mounted);
    copy.cleanup();
    crate::startup::mark(WARMED_UP);
}
