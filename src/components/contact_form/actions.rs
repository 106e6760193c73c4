//! The form's buttons: send (or, with no endpoint, hand the message to an email app) and clear.

use leptos::prelude::*;

use super::ids::{move_focus, Ids};
use crate::contact::draft::mailto_href;
use crate::contact::ContactFormState;
use crate::context::{use_config, use_lang};
use crate::text::contact::ContactText;

/// "Send message" (a submit button) or "Send with your email app", then "Clear form".
#[component]
pub(super) fn FormActions(
    /// The form's state; clearing goes through `ContactFormState::clear`.
    form: RwSignal<ContactFormState>,
    /// The form's element ids.
    ids: Ids,
    /// Whether an endpoint is configured; without one, the message goes by `mailto:`.
    can_send: bool,
    /// Whether a message is on its way (both buttons are disabled meanwhile).
    #[prop(into)]
    sending: Signal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let text = ContactText::of(lang);
    let send = if can_send {
        view! {
            <button type="submit" class="button contact-form__send" disabled=sending>
                {move || if sending.get() { text.sending_button } else { text.send }}
            </button>
        }
        .into_any()
    } else {
        let email = use_config().email.clone();
        let mailto = move || form.with(|f| mailto_href(&email, f.draft(), lang));
        view! {
            <a class="button contact-form__send" href=mailto>
                {text.send_by_email_app}
            </a>
        }
        .into_any()
    };
    let clear = move |_| {
        if let Some(Some(focus)) = form.try_update(ContactFormState::clear) {
            move_focus(form, ids, focus);
        }
    };
    view! {
        <div class="contact-form__actions">
            {send}
            <button type="button" class="button button--secondary" disabled=sending on:click=clear>
                {text.clear}
            </button>
        </div>
    }
}
