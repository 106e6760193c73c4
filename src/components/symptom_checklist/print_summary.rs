//! The one-page summary that only the print stylesheet shows.

use leptos::prelude::*;

use crate::context::use_config;
use crate::symptoms::Assessment;

/// The ticked items and the outcome, as the patient would take them to an appointment.
#[component]
pub fn PrintSummary(
    /// The current assessment of the ticks.
    assessment: Memo<Assessment>,
) -> impl IntoView {
    let config = use_config();
    let items = move || {
        assessment.with(|a| {
            if a.ticked.is_empty() {
                view! { <p>"Nothing was ticked."</p> }.into_any()
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
            None => view! { <p>"No result: nothing was ticked."</p> }.into_any(),
            Some(o) => view! {
                <p class="symptoms-print__outcome"><strong>{o.heading.clone()}</strong></p>
                <p>{o.summary.clone()}</p>
                <ol>{o.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ol>
            }
            .into_any(),
        })
    };
    view! {
        <section class="symptoms-print" aria-labelledby="symptoms-print-title">
            <h2 id="symptoms-print-title">"Your checklist summary"</h2>
            <h3 id="symptoms-print-ticked">"What you ticked"</h3>
            {items}
            <h3>"Result"</h3>
            {outcome}
            <p>
                "Emergency number: " {config.emergency_number.clone()} ". "
                {config.clinic_name.clone()} ": " {config.phone.display.clone()} "."
            </p>
            <p>
                "This checklist is not a diagnosis. It was made on your device from your own answers."
            </p>
        </section>
    }
}
