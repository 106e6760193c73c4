//! The optional consent to text messages, with the disclosure US carriers require beside it.

use leptos::prelude::*;

use super::ids::Ids;
use crate::contact::wire::SMS_CONSENT;
use crate::contact::ContactFormState;

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
            <label for=id>
                "Yes, you may send me text messages about my enquiry and appointments (optional)."
            </label>
            <p class="contact-form__disclosure" id=terms_id>
                "Message frequency varies. Msg & data rates may apply. Reply STOP to opt out and HELP for help. "
                "Consent is not a condition of service or of booking an appointment. "
                "We never share your mobile number or information with third parties for marketing or promotional purposes."
            </p>
        </div>
    }
}
