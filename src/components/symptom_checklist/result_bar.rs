//! The compact summary of the current outcome that stays in view at the bottom of the screen
//! while the patient ticks, so nobody has to scroll past the whole list to learn what to do.

use leptos::prelude::*;

use super::result::{RESULT_ID, RESULT_TITLE_ID};
use super::sentence::around_number;
use crate::components::clinic_links::EmergencyLink;
use crate::context::{href_to, use_lang};
use crate::routes::Page;
use crate::symptoms::Assessment;
use crate::text::symptoms::SymptomsText;

/// The outcome in a few words, the emergency call link when it is an emergency, and a link to the
/// full result. Deliberately not a live region: the result section already announces each change,
/// and a second announcement would talk over it.
#[component]
pub fn ResultBar(
    /// The current assessment of the ticks.
    assessment: Memo<Assessment>,
) -> impl IntoView {
    let class = move || {
        let modifier = assessment.with(|a| a.tier.map_or("neutral", |t| t.slug()));
        format!("symptoms-bar symptoms-bar--{modifier} no-print")
    };
    let headline = move || assessment.with(|a| a.headline.clone());
    let text = SymptomsText::of(use_lang());
    let (call, _) = around_number(text.call);
    let full_result = format!("{}#{RESULT_ID}", href_to(Page::Symptoms));
    view! {
        // A named group, so a screen reader says what these few words are when it reaches them.
        <div class=class role="group" aria-label=text.bar_label>
            <p class="symptoms-bar__outcome">
                <span class="symptoms-bar__label">{text.bar_result}</span>
                <strong>{headline}</strong>
            </p>
            <p class="symptoms-bar__actions">
                <Show when=move || assessment.with(Assessment::is_emergency)>
                    <EmergencyLink prefix=call class="button symptoms-bar__call" />
                </Show>
                <a
                    class="symptoms-bar__more"
                    href=full_result
                    on:click=to_full_result
                >
                    {text.bar_more}
                </a>
            </p>
        </div>
    }
}

/// Moves focus to the result's heading (which scrolls it into view), so keyboard and screen
/// reader users land where sighted users look. The router would only scroll, leaving focus here.
fn to_full_result(ev: leptos::ev::MouseEvent) {
    if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
        return;
    }
    ev.prevent_default();
    crate::focus::focus_id(RESULT_TITLE_ID);
}
