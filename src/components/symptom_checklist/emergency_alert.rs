//! The emergency alert shown at the top of the checklist while an emergency sign is ticked.

use leptos::prelude::*;

use super::sentence::{around_number, sentence};
use crate::components::clinic_links::EmergencyLink;
use crate::context::use_lang;
use crate::symptoms::Assessment;
use crate::text::symptoms::SymptomsText;

/// An alert (`role="alert"`, so it is announced once as it appears) with the emergency number as
/// a `tel:` link; rendered only while the assessment is an emergency.
#[component]
pub fn EmergencyAlert(
    /// The current assessment of the ticks.
    assessment: Memo<Assessment>,
) -> impl IntoView {
    let text = SymptomsText::of(use_lang());
    let (prefix, suffix) = around_number(text.call_now);
    view! {
        <Show when=move || assessment.with(Assessment::is_emergency)>
            <div class="symptom-alert no-print" role="alert">
                <p class="symptom-alert__title">
                    <strong>{text.alert_title}</strong>
                </p>
                <p class="symptom-alert__text">
                    {sentence(text.alert_text, |_| {
                        view! { <EmergencyLink prefix suffix class="symptom-alert__call" /> }
                            .into_any()
                    })}
                </p>
            </div>
        </Show>
    }
}
