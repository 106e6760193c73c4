//! The one-page summary that only the print stylesheet shows.

use leptos::prelude::*;

use crate::context::{use_config, use_lang};
use crate::symptoms::Assessment;
use crate::text::{fill, symptoms::SymptomsText};

/// The ticked items and the outcome, as the patient would take them to an appointment.
#[component]
pub fn PrintSummary(
    /// The current assessment of the ticks.
    assessment: Memo<Assessment>,
) -> impl IntoView {
    let config = use_config();
    let text = SymptomsText::of(use_lang());
    let items = move || {
        assessment.with(|a| {
            if a.ticked.is_empty() {
                view! { <p>{text.print_nothing}</p> }.into_any()
            } else {
                view! {
                    <ul class="symptoms-print__items" aria-labelledby="symptoms-print-ticked">
                        {a.ticked.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        })
    };
    let outcome = move || {
        assessment.with(|a| match &a.outcome {
            None => view! { <p>{text.print_no_result}</p> }.into_any(),
            Some(o) => view! {
                <p class="symptoms-print__outcome"><strong>{o.heading.clone()}</strong></p>
                <p>{o.summary.clone()}</p>
                <ol>{o.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ol>
            }
            .into_any(),
        })
    };
    let numbers = fill(
        text.print_numbers,
        &[
            ("emergency", &config.emergency_number),
            ("clinic", &config.clinic_name),
            ("phone", &config.phone.display),
        ],
    );
    view! {
        <section class="symptoms-print" aria-labelledby="symptoms-print-title">
            <h2 id="symptoms-print-title">{text.print_heading}</h2>
            <h3 id="symptoms-print-ticked">{text.print_ticked}</h3>
            {items}
            <h3>{text.print_result}</h3>
            {outcome}
            <p>{numbers}</p>
            <p>{text.print_not_a_diagnosis}</p>
        </section>
    }
}
