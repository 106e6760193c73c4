//! The checklist's result: a polite live region with the outcome, then why, what to do next and
//! where to read more.

use leptos::prelude::*;

use crate::components::clinic_links::{EmergencyLink, PhoneLink};
use crate::paths::href;
use crate::routes::CONTACT_PATH;
use crate::symptoms::{Advice, Assessment};

/// The element id of the result section, which the compact summary links to.
pub const RESULT_ID: &str = "symptom-result";

/// The element id of the result's heading, where "See the full result" moves focus.
pub const RESULT_TITLE_ID: &str = "symptom-result-title";

/// The result section. Its status paragraph is the page's one polite live region.
#[component]
pub fn SymptomResult(
    /// The current assessment of the ticks.
    assessment: Memo<Assessment>,
) -> impl IntoView {
    let class = move || {
        let modifier = assessment.with(|a| a.tier.map_or("neutral", |t| t.slug()));
        format!("symptom-result symptom-result--{modifier} no-print")
    };
    let status = move || assessment.with(|a| a.status.clone());
    // The advice only changes with the tier; keeping it apart leaves the links in place while
    // the patient ticks more items of the same tier.
    let outcome = Memo::new(move |_| assessment.with(|a| a.outcome.clone()));
    view! {
        <section class=class id=RESULT_ID aria-labelledby=RESULT_TITLE_ID>
            <h2 id=RESULT_TITLE_ID class="symptom-result__title">"What to do next"</h2>
            <p class="symptom-result__status" role="status" aria-live="polite" aria-atomic="true">
                {status}
            </p>
            // Until the app runs (a slow signal, or script turned off) ticking shows nothing;
            // this says so, and what not to wait for. Hidden once the app is ready (see CSS).
            <p class="symptom-result__before-app">
                "If ticking a box changes nothing here, the page has not finished loading. "
                "Any sign in the first group needs urgent care: "
                <EmergencyLink prefix="call " />
                " or go to the nearest emergency department."
            </p>
            {move || outcome.get().map(|outcome| view! { <ResultDetails assessment outcome /> })}
        </section>
    }
}

/// The advice for one outcome: why (kept in step with every tick), the steps, and links to the
/// clinic and to posts.
#[component]
fn ResultDetails(
    /// The current assessment, for the reasons.
    assessment: Memo<Assessment>,
    /// The advice for the current tier.
    outcome: Advice,
) -> impl IntoView {
    let emergency = move || {
        assessment.with(Assessment::is_emergency).then(|| {
            view! {
                <p class="symptom-result__emergency">
                    <EmergencyLink prefix="Call " class="button symptom-result__call" />
                    " or go to the nearest emergency department."
                </p>
            }
        })
    };
    // Tracked, so the list follows every tick and untick, not only changes of tier.
    let reasons = move || {
        assessment.with(|a| {
            a.reasons
                .iter()
                .map(|r| view! { <li>{r.clone()}</li> })
                .collect_view()
        })
    };
    view! {
        <div class="symptom-result__details">
            {emergency}
            <h3 class="symptom-result__subtitle" id="symptom-result-reasons">"Because you ticked"</h3>
            <ul class="symptom-result__reasons" aria-labelledby="symptom-result-reasons">
                {reasons}
            </ul>
            <h3 class="symptom-result__subtitle" id="symptom-result-steps">"Next steps"</h3>
            <ol class="symptom-result__steps" aria-labelledby="symptom-result-steps">
                {outcome.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ol>
            <h3 class="symptom-result__subtitle" id="symptom-result-talk">"Talk to us"</h3>
            <ul class="symptom-result__links" aria-labelledby="symptom-result-talk">
                <li>"Call the clinic on " <PhoneLink /></li>
                <li>
                    <a href=href(&format!("{CONTACT_PATH}?topic=back-pain"))>"Ask the clinic about this"</a>
                    " (you will see and can change the message before anything is sent; your ticks are not included)"
                </li>
            </ul>
            <h3 class="symptom-result__subtitle" id="symptom-result-read">"Read more"</h3>
            <ul class="symptom-result__links" aria-labelledby="symptom-result-read">
                {outcome
                    .posts
                    .into_iter()
                    .map(|p| view! { <li><a href=href(&p.path)>{p.title}</a></li> })
                    .collect_view()}
            </ul>
        </div>
    }
}
