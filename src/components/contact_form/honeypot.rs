//! The spam trap: a field people never see or reach, which only bots fill in.

use leptos::prelude::*;

use super::ids::Ids;
use crate::contact::wire::HONEYPOT;
use crate::contact::ContactFormState;
use crate::context::use_lang;
use crate::text::contact::ContactText;

/// A text field off screen, out of the tab order and hidden from assistive technology.
#[component]
pub(super) fn Honeypot(
    /// The form's state; typing goes through `ContactFormState::fill_honeypot`.
    form: RwSignal<ContactFormState>,
    /// The form's element ids.
    ids: Ids,
) -> impl IntoView {
    let id = ids.part("gotcha");
    let value = Memo::new(move |_| form.with(|f| f.honeypot().to_string()));
    view! {
        <div class="contact-form__trap" aria-hidden="true">
            <label for=id.clone()>{ContactText::of(use_lang()).honeypot}</label>
            <input
                type="text"
                id=id
                name=HONEYPOT
                tabindex="-1"
                autocomplete="off"
                prop:value=value
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    form.update(|f| f.fill_honeypot(value));
                }
            />
        </div>
    }
}
