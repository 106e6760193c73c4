//! The form's panels: the phone offered first, the notice when no endpoint is set up, and
//! what the patient sees once a message was sent or failed.

use leptos::prelude::*;

use super::ids::{move_focus, Ids};
use crate::components::clinic_links::PhoneLink;
use crate::components::opening_hours::{visit_resource, OpeningStatus, WithVisit};
use crate::config::Visit;
use crate::contact::ContactFormState;
use crate::context::{href_to, use_config, use_lang};
use crate::routes::Page;
use crate::text::contact::ContactText;

/// The phone as the faster way, before the form: a section, or one line when compact.
#[component]
pub(super) fn CallFirst(
    /// One line instead of a section, for a post's call to action.
    compact: bool,
) -> impl IntoView {
    let text = ContactText::of(use_lang());
    if compact {
        view! {
            <p class="contact-form__call contact-form__call--compact">
                {text.call_compact} <PhoneLink /> "."
            </p>
        }
        .into_any()
    } else {
        view! {
            <section class="contact-form__call" aria-labelledby="contact-call-heading">
                <h2 id="contact-call-heading">{text.call_heading}</h2>
                <WithVisit visit=visit_resource() quiet=true view=|visit: Visit| view! { <OpeningStatus visit /> } />
                <p>
                    <PhoneLink prefix=text.call_button class="button contact-form__call-button" />
                </p>
                <p>
                    {text.call_hours_before}
                    <a href=href_to(Page::Visit)>{text.call_hours_link}</a>
                    {text.call_hours_after}
                </p>
            </section>
        }
        .into_any()
    }
}

/// Said when no endpoint is configured: the form can only hand the message to an email app.
#[component]
pub(super) fn Unconfigured() -> impl IntoView {
    let email = use_config().email.clone();
    let text = ContactText::of(use_lang());
    view! {
        <div class="contact-form__unconfigured">
            <p>
                <strong>{text.unconfigured_strong}</strong>
                {text.unconfigured_after}
            </p>
            <p>
                {text.unconfigured_call} <PhoneLink />
                {text.unconfigured_email}
                {email} "."
            </p>
        </div>
    }
}

/// "Thank you, your message has been sent", with when and how the reply comes.
#[component]
pub(super) fn SentPanel(
    /// The form's state; shown once a message is sent.
    form: RwSignal<ContactFormState>,
    /// The form's element ids.
    ids: Ids,
) -> impl IntoView {
    let promise = Memo::new(move |_| form.with(ContactFormState::reply_promise));
    let text = ContactText::of(use_lang());
    let write_another = move |_| {
        if let Some(Some(focus)) = form.try_update(ContactFormState::write_another) {
            move_focus(form, ids, focus);
        }
    };
    view! {
        <div
            class="contact-form__sent"
            id=ids.part("sent")
            tabindex="-1"
            hidden=move || promise.with(Option::is_none)
        >
            <h2>{text.sent_heading}</h2>
            <p>
                {move || promise.get().map(|promise| format!("{promise} "))}
                {text.sent_call} <PhoneLink />
                "."
            </p>
            <button type="button" class="button button--secondary" on:click=write_another>
                {text.write_another}
            </button>
        </div>
    }
}

/// "Your message was not sent": why, that nothing typed was lost, and two ways on.
#[component]
pub(super) fn FailedPanel(
    /// The form's state; shown while the last send has failed.
    form: RwSignal<ContactFormState>,
    /// The form's element ids.
    ids: Ids,
    /// Sends the same message again (with the same idempotency key).
    on_retry: Callback<()>,
) -> impl IntoView {
    let reason = Memo::new(move |_| form.with(ContactFormState::failure_text));
    let text = ContactText::of(use_lang());
    view! {
        <div
            class="contact-form__failed"
            id=ids.part("failed")
            tabindex="-1"
            hidden=move || reason.with(Option::is_none)
        >
            <h3>{text.failed_heading}</h3>
            <p>{move || reason.get()}</p>
            <p>{text.failed_call} <PhoneLink /> "."</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {text.retry}
            </button>
        </div>
    }
}
