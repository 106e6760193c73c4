//! The checklist's result: a polite live region with the outcome, then why, what to do next and
//! where to read more.

use leptos::prelude::*;

use super::sentence::{around_number, sentence};
use crate::components::clinic_links::{EmergencyLink, PhoneLink};
use crate::context::{href_to, use_lang};
use crate::paths::href;
use crate::routes::Page;
use crate::symptoms::{Advice, Assessment};
use crate::text::symptoms::SymptomsText;

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
    let text = SymptomsText::of(use_lang());
    let (call, _) = around_number(text.call_lowercase);
    let before_app = sentence(text.before_app, |_| {
        view! { <EmergencyLink prefix=call /> }.into_any()
    });
    let status = move || assessment.with(|a| a.status.clone());
    // The advice only changes with the tier; keeping it apart leaves the links in place while
    // the patient ticks more items of the same tier.
    let outcome = Memo::new(move |_| assessment.with(|a| a.outcome.clone()));
    view! {
        <section class=class id=RESULT_ID aria-labelledby=RESULT_TITLE_ID>
            <h2 id=RESULT_TITLE_ID class="symptom-result__title">{text.result_heading}</h2>
            <p class="symptom-result__status" role="status" aria-live="polite" aria-atomic="true">
                {status}
            </p>
            // Until the app runs (a slow signal, or script turned off) ticking shows nothing;
            // this says so, and what not to wait for. Hidden once the app is ready (see CSS).
            <p class="symptom-result__before-app">{before_app}</p>
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
    let lang = use_lang();
    let text = SymptomsText::of(lang);
    let (call, _) = around_number(text.call);
    let emergency = move || {
        assessment.with(Assessment::is_emergency).then(|| {
            let link = |_: &str| {
                view! { <EmergencyLink prefix=call class="button symptom-result__call" /> }
                    .into_any()
            };
            view! { <p class="symptom-result__emergency">{sentence(text.result_emergency, link)}</p> }
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
    // The query starts the message; the ticks are never part of it.
    let ask = format!("{}?topic=back-pain", href_to(Page::Contact));
    let ask = sentence(text.ask_clinic, move |_| {
        view! { <a href=ask.clone()>{text.ask_clinic_link}</a> }.into_any()
    });
    let call_clinic = sentence(text.call_clinic, |_| view! { <PhoneLink /> }.into_any());
    // A post not translated yet is offered in English, and says so.
    let posts = outcome
        .posts
        .into_iter()
        .map(|p| {
            let other = (p.lang != lang).then(|| format!(" {}", text.in_other_language));
            view! {
                <li>
                    // A post in the other language is a page of that language: a document
                    // load (`rel="external"`), as the language link is.
                    <a href=href(&p.path) hreflang=p.lang.code() rel=(p.lang != lang).then_some("external")>{p.title}</a>
                    {other}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="symptom-result__details">
            {emergency}
            <h3 class="symptom-result__subtitle" id="symptom-result-reasons">{text.reasons_heading}</h3>
            <ul class="symptom-result__reasons" aria-labelledby="symptom-result-reasons">
                {reasons}
            </ul>
            <h3 class="symptom-result__subtitle" id="symptom-result-steps">{text.steps_heading}</h3>
            <ol class="symptom-result__steps" aria-labelledby="symptom-result-steps">
                {outcome.steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
            </ol>
            <h3 class="symptom-result__subtitle" id="symptom-result-talk">{text.talk_heading}</h3>
            <ul class="symptom-result__links" aria-labelledby="symptom-result-talk">
                <li>{call_clinic}</li>
                <li>{ask}</li>
            </ul>
            <h3 class="symptom-result__subtitle" id="symptom-result-read">{text.read_heading}</h3>
            <ul class="symptom-result__links" aria-labelledby="symptom-result-read">
                {posts}
            </ul>
        </div>
    }
}
