//! The contact form's view: one signal of `crate::contact::ContactFormState`, rendered by
//! small parts. Every decision (validation, sending, what to focus) is made in the model.

mod actions;
mod error_summary;
mod honeypot;
mod ids;
mod method_choice;
mod panels;
mod sms_consent;
mod text_field;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::contact::send_message;
use crate::contact::outcome::SendOutcome;
use crate::contact::wire::{LANGUAGE, NEXT};
use crate::contact::{ContactFormState, ContactMethod, Draft, Field, Phase, SubmitAction};
use crate::context::{href_to, use_config, use_lang};
use crate::draft_storage as storage;
use crate::routes::Page;
use crate::text::contact::ContactText;

use actions::FormActions;
use error_summary::ErrorSummary;
use honeypot::Honeypot;
use ids::{move_focus, Ids};
use method_choice::MethodChoice;
use panels::{CallFirst, FailedPanel, SentPanel, Unconfigured};
use sms_consent::SmsConsent;
use text_field::TextField;

/// The form as a view, for the wasm part it arrives in (`crate::components::part`): the
/// contact page's, whose `?topic=back-pain` (from the symptom checklist) starts the message, or
/// an article's compact one.
pub fn contact_form_view(compact: bool) -> AnyView {
    let topic = (!compact)
        .then(|| leptos_router::hooks::use_query_map().with_untracked(|q| q.get("topic")))
        .flatten()
        .unwrap_or_default();
    view! { <ContactForm compact topic /> }.into_any()
}

/// The contact form. The full version opens with the phone number as the faster way; the
/// compact one (for a post's call to action) keeps only a one-line phone offer.
#[component]
pub fn ContactForm(
    /// A shorter version for calls to action: a one-line phone offer instead of a section.
    #[prop(optional)]
    compact: bool,
    /// The topic the patient came from (`/contact?topic=back-pain`), which may start the message.
    #[prop(optional, into)]
    topic: Option<String>,
) -> impl IntoView {
    let config = use_config();
    let endpoint = StoredValue::new(config.endpoint().map(str::to_string));
    let can_send = endpoint.with_value(Option::is_some);
    let timeout_ms = config.contact_timeout_ms();
    let ids = Ids::new(compact);
    let lang = use_lang();
    let text = ContactText::of(lang);

    // The page's HTML is built with an empty form, and hydration must start from the same:
    // the stored draft and anything typed before the app took over are restored just after.
    let form = RwSignal::new(ContactFormState::new(Draft::default(), lang));

    // The draft is kept in this tab's sessionStorage, and nowhere else. The stored draft, and
    // whatever was typed before the app took over, come back once: when the app's start-up
    // reaches this form's effect, or sooner if the patient writes in the form first, with
    // what they wrote on top (`Draft::with_typed_over`).
    let restored = StoredValue::new(false);
    let topic = StoredValue::new(topic);
    let restore = move || {
        if restored.get_value() {
            return;
        }
        restored.set_value(true);
        let mut initial = storage::load().unwrap_or_default();
        topic.with_value(|topic| {
            if let Some(topic) = topic.as_deref() {
                initial.prefill_topic(topic, lang);
            }
        });
        for field in Field::ALL.into_iter().filter(|f| *f != Field::Method) {
            if let Some(typed) = crate::hydration::take_typed(&ids.field(field)) {
                initial.set_text(field, typed);
            }
        }
        for method in ContactMethod::ALL {
            if crate::hydration::take_ticked(&ids.method(method)) {
                initial.set_text(Field::Method, method.as_str().to_string());
            }
        }
        if crate::hydration::take_ticked(&ids.part("sms-consent")) {
            initial.sms_consent = true;
        }
        let since = form.with_untracked(|f| f.draft().clone());
        form.set(ContactFormState::new(initial.with_typed_over(&since), lang));
    };
    // Every later change is saved by this effect. The start-up runs effects one at a time, so
    // this one can start after the patient has begun to write: what they write is also saved
    // as they write it (`keep_typed`), so a reload in between loses nothing.
    let draft = Memo::new(move |_| form.with(|f| f.draft().clone()));
    Effect::new(move |_| {
        // Read (not just tracked): a memo never read has no sources, so nothing would wake
        // this effect again.
        let current = draft.get();
        if restored.get_value() {
            storage::save(&current);
        } else {
            restore();
        }
    });
    // After a field's own handler (events bubble from the field to the form).
    let keep_typed = move |_: leptos::ev::Event| {
        restore();
        form.with_untracked(|f| storage::save(f.draft()));
    };

    let submit = Callback::new(move |()| {
        let Some(action) = form.try_update(|f| f.submit(can_send, storage::new_idempotency_key))
        else {
            return;
        };
        if let Some(focus) = action.focus() {
            move_focus(form, ids, focus);
        }
        let SubmitAction::Send { message, key } = action else {
            return;
        };
        let Some(endpoint) = endpoint.get_value() else {
            return;
        };
        spawn_local(async move {
            let outcome = send_message(&endpoint, &message, &key, timeout_ms).await;
            if outcome == SendOutcome::Sent {
                // Even if the page has gone meanwhile: a sent message leaves no draft behind.
                storage::clear();
            }
            // `try_update` does nothing if the form is no longer on the page.
            if let Some(Some(focus)) = form.try_update(|f| f.receive(outcome)) {
                move_focus(form, ids, focus);
            }
        });
    });

    // Whether the browser has no connection, looked at whenever the patient moves into the
    // form (and so as they start to write): the message can still be written, and is kept,
    // but needs a connection to be sent. Empty until then, as rendered at build time.
    let offline = RwSignal::new(false);
    let sending = Memo::new(move |_| form.with(ContactFormState::is_sending));
    let is_sent = Memo::new(move |_| form.with(|f| matches!(f.phase(), Phase::Sent(_))));
    let phone_required = Signal::derive(move || form.with(ContactFormState::phone_required));
    let status = Memo::new(move |_| form.with(ContactFormState::status));
    let heading_id = ids.part("heading");
    // Until the app runs, the browser checks the required fields itself; once it runs, the
    // app's own messages (named per field, with a summary) replace the browser's bubbles.
    let taken_over = crate::hydration::taken_over();
    // Posted by the browser, the form lands on the site's own thank-you page afterwards, in
    // the page's language.
    let next = can_send.then(|| config.canonical(&href_to(Page::MessageSent)));

    view! {
        <div
            class="contact-form"
            class=("contact-form--compact", compact)
            class=("contact-form--sending", sending)
        >
            <CallFirst compact />
            <SentPanel form ids />
            // Without the app (script off, or not loaded yet) the browser posts the form to the
            // endpoint itself (urlencoded, which Formspree-compatible services accept, the CSP's
            // form-action allows it), and the endpoint sends the patient to `_next`; the app
            // takes over the submit when it runs.
            <form
                class="contact-form__form"
                action=endpoint.get_value()
                method="post"
                novalidate=taken_over
                aria-labelledby=heading_id.clone()
                hidden=is_sent
                on:submit=move |ev: SubmitEvent| {
                    ev.prevent_default();
                    submit.run(());
                }
                on:focusin=move |_| offline.set(!is_online())
                on:input=keep_typed
                on:change=keep_typed
            >
                <h2 id=heading_id.clone()>{text.form_heading}</h2>
                // Always in the page (a live region must be there before what it says), and
                // without space or colour until it has something to say.
                <p
                    class="contact-form__offline"
                    class=("contact-form__offline--shown", move || offline.get())
                    role="status"
                >
                    {move || if offline.get() { text.offline_note } else { "" }}
                </p>
                {(!can_send).then(|| view! { <Unconfigured /> })}
                <ul class="contact-form__notices">
                    <li>
                        <strong>{text.notice_appointments}</strong>
                        {text.notice_appointments_after}
                    </li>
                    <li>{text.notice_medical}</li>
                </ul>
                <ErrorSummary form ids />
                <TextField form ids field=Field::Name />
                <TextField form ids field=Field::Email hint=text.hint_email />
                <MethodChoice form ids />
                <TextField
                    form
                    ids
                    field=Field::Phone
                    hint=text.hint_phone
                    required=phone_required
                    optional_note=text.phone_optional
                />
                <TextField
                    form
                    ids
                    field=Field::Message
                    hint=text.hint_message
                />
                <SmsConsent form ids />
                <Honeypot form ids />
                // The language the front desk answers in, for a form the browser posts itself.
                <input type="hidden" name=LANGUAGE value=lang.code() />
                {next.map(|next| view! { <input type="hidden" name=NEXT value=next /> })}
                <FailedPanel form ids on_retry=submit />
                <FormActions form ids can_send sending />
                <p
                    class="contact-form__status"
                    class=("contact-form__status--shown", move || !status.get().is_empty())
                    role="status"
                >
                    {status}
                </p>
            </form>
        </div>
    }
}

/// Whether the browser says it has a connection (`navigator.onLine`; a "yes" can be wrong, a
/// "no" is not). Native builds (the renderer, unit tests) say yes.
fn is_online() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().is_none_or(|window| window.navigator().on_line())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        true
    }
}
