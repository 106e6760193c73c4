//! The optional consent to text messages, with the disclosure US carriers require beside it.

use leptos::prelude::*;

use super::ids::Ids;
use crate::contact::wire::SMS_CONSENT;
use crate::contact::ContactFormState;
use crate::context::use_lang;
use crate::text::contact::ContactText;

/// An unticked checkbox agreeing to text messages, described by its terms.
#[component]
pub(super) fn SmsConsent(
    /// The form's state; ticking goes through `ContactFormState::set_sms_consent`.
    form: RwSignal<ContactFormState>,
    /// The form's element ids.
    ids: Ids,
) -> impl IntoView {
    let id = ids.part("sms-consent");
    let terms_id = format!("{id}-terms");
    let checked = Memo::new(move |_| form.with(|f| f.draft().sms_consent));
    let text = ContactText::of(use_lang());
    view! {
        <div class="contact-form__consent">
            <input
                type="checkbox"
                id=id.clone()
                name=SMS_CONSENT
                aria-describedby=terms_id.clone()
                prop:checked=checked
                on:change=move |ev| {
                    let consent = event_target_checked(&ev);
                    form.update(|f| f.set_sms_consent(consent));
                }
            />
            <label for=id>{text.sms_consent}</label>
            <p class="contact-form__disclosure" id=terms_id>
                {text.sms_terms}
                {text.sms_not_a_condition}
                {text.sms_no_sharing}
            </p>
        </div>
    }
}
