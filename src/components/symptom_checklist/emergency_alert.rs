//! The emergency alert shown at the top of the checklist while an emergency sign is ticked.

use leptos::prelude::*;

use crate::components::clinic_links::EmergencyLink;
use crate::symptoms::Assessment;

/// An alert (`role="alert"`, so it is announced once as it appears) with the emergency number as
/// a `tel:` link; rendered only while the assessment is an emergency.
#[component]
pub fn EmergencyAlert(
    /// The current assessment of the ticks.
    assessment: Memo<Assessment>,
) -> impl IntoView {
    view! {
        <Show when=move || assessment.with(Assessment::is_emergency)>
            <div class="symptom-alert no-print" role="alert">
                <p class="symptom-alert__title">
                    <strong>"Emergency: get help now."</strong>
                </p>
                <p class="symptom-alert__text">
                    <EmergencyLink prefix="Call " suffix=" now" class="symptom-alert__call" />
                    " or go to the nearest emergency department. Do not wait to see if it gets better."
                </p>
            </div>
        </Show>
    }
}
