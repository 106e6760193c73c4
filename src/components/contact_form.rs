//! The contact form: phone first, then fields validated in Rust, a draft that survives reloads,
//! and one view per state (editing, sending, sent, failed). Logic lives in `crate::contact`.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::api::contact::{send_message, SendFailure, SendOutcome};
use crate::config::SiteConfig;
use crate::contact::draft::{mailto_href, storage};
use crate::contact::{validate, validate_field, ContactMethod, Draft, Field, FieldError};
use crate::use_config;

/// Where the form is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FormState {
    Editing,
    Sending,
    Sent(ContactMethod),
    Failed(SendFailure),
}

/// The form's shared handles; all `Copy`, so every closure can hold them.
#[derive(Clone, Copy)]
struct Ctx {
    /// Prefix of every element id, so a page could hold both versions.
    prefix: &'static str,
    draft: RwSignal<Draft>,
    errors: RwSignal<Vec<FieldError>>,
}

impl Ctx {
    fn id(self, field: Field) -> String {
        format!("{}-{}", self.prefix, field.slug())
    }

    fn error_id(self, field: Field) -> String {
        format!("{}-{}-error", self.prefix, field.slug())
    }

    fn hint_id(self, field: Field) -> String {
        format!("{}-{}-hint", self.prefix, field.slug())
    }

    /// The error shown for a field (tracked).
    fn error(self, field: Field) -> Option<String> {
        self.errors.with(|errs| {
            errs.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    }

    /// `aria-describedby` for a field: its hint, then its error when it has one.
    fn described_by(self, field: Field, has_hint: bool) -> Option<String> {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(self.hint_id(field));
        }
        if self.error(field).is_some() {
            ids.push(self.error_id(field));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    /// Live validation, only for fields already in error: fixed errors disappear, changed
    /// ones are reworded, and no new error appears before the next submit.
    fn refresh(self, fields: &[Field]) {
        let draft = self.draft.get_untracked();
        let in_error = self
            .errors
            .with_untracked(|errs| fields.iter().any(|f| errs.iter().any(|e| e.field == *f)));
        if !in_error {
            return;
        }
        self.errors.update(|errs| {
            for field in fields {
                if let Some(pos) = errs.iter().position(|e| e.field == *field) {
                    match validate_field(&draft, *field) {
                        Some(message) => errs[pos].message = message,
                        None => {
                            errs.remove(pos);
                        }
                    }
                }
            }
        });
    }

    /// The element a summary link leads to (the chosen radio button for the method).
    fn target_id(self, field: Field) -> String {
        match field {
            Field::Method => {
                let method = self.draft.with_untracked(|d| d.method);
                format!("{}-method-{}", self.prefix, method.as_str())
            }
            other => self.id(other),
        }
    }
}

fn text_of(draft: &Draft, field: Field) -> String {
    match field {
        Field::Name => draft.name.clone(),
        Field::Email => draft.email.clone(),
        Field::Phone => draft.phone.clone(),
        Field::Message => draft.message.clone(),
        Field::Method => draft.method.as_str().to_string(),
    }
}

fn set_text(draft: &mut Draft, field: Field, value: String) {
    match field {
        Field::Name => draft.name = value,
        Field::Email => draft.email = value,
        Field::Phone => draft.phone = value,
        Field::Message => draft.message = value,
        Field::Method => {
            if let Some(m) = ContactMethod::parse(&value) {
                draft.method = m;
            }
        }
    }
}

/// Focuses an element by id, if it is there.
fn focus_id(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        _ = element.focus();
    }
}

/// Focuses a panel once it has been rendered (after the current reactive updates).
fn focus_later(target: NodeRef<html::Div>) {
    request_animation_frame(move || {
        if let Some(element) = target.get_untracked() {
            _ = element.focus();
        }
    });
}

fn failure_text(failure: SendFailure) -> String {
    let reason = match failure {
        SendFailure::Timeout => "The message service took too long to answer.".to_string(),
        SendFailure::Network => {
            "We could not reach the message service. Please check your internet connection."
                .to_string()
        }
        SendFailure::Server(code) => {
            format!("The message service had a problem on its side (error {code}).")
        }
        SendFailure::Rejected(code) => {
            format!("The message service did not accept the message (error {code}).")
        }
    };
    format!("{reason} Everything you typed is still here.")
}

/// A labelled text input or text area with its hint and error.
fn text_field(
    ctx: Ctx,
    field: Field,
    hint: Option<&'static str>,
    required: Signal<bool>,
    required_note: &'static str,
) -> impl IntoView {
    let id = ctx.id(field);
    let value = move || ctx.draft.with(|d| text_of(d, field));
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        ctx.draft.update(|d| set_text(d, field, v));
        ctx.refresh(&[field]);
    };
    let invalid = move || ctx.error(field).is_some().then_some("true");
    let described = move || ctx.described_by(field, hint.is_some());
    let aria_required = move || required.get().then_some("true");
    let control = match field {
        Field::Message => view! {
            <textarea
                id=id.clone()
                name=field.wire_name()
                class="contact-form__input contact-form__input--message"
                rows="7"
                aria-required=aria_required
                aria-invalid=invalid
                aria-describedby=described
                prop:value=value
                on:input=on_input
            ></textarea>
        }
        .into_any(),
        _ => {
            let (kind, autocomplete, inputmode) = match field {
                Field::Email => ("email", "email", "email"),
                Field::Phone => ("tel", "tel", "tel"),
                _ => ("text", "name", "text"),
            };
            view! {
                <input
                    id=id.clone()
                    name=field.wire_name()
                    type=kind
                    class="contact-form__input"
                    autocomplete=autocomplete
                    inputmode=inputmode
                    spellcheck=if field == Field::Name { "true" } else { "false" }
                    aria-required=aria_required
                    aria-invalid=invalid
                    aria-describedby=described
                    prop:value=value
                    on:input=on_input
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="contact-form__field" class=("contact-form__field--invalid", move || ctx.error(field).is_some())>
            <label class="contact-form__label" for=id>
                {field.label()}
                " "
                <span class="contact-form__req">
                    {move || if required.get() { "(required)" } else { required_note }}
                </span>
            </label>
            {hint.map(|h| view! { <p class="contact-form__hint" id=ctx.hint_id(field)>{h}</p> })}
            {move || {
                ctx.error(field)
                    .map(|message| {
                        view! {
                            <p class="contact-form__error" id=ctx.error_id(field)>
                                <span class="sr-only">"Error: "</span>
                                {message}
                            </p>
                        }
                    })
            }}
            {control}
        </div>
    }
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
    let SiteConfig { phone, email, .. } = config.clone();
    let tel = config.tel_href();
    let endpoint = StoredValue::new(config.endpoint().map(str::to_string));
    let timeout_ms = config.contact_timeout_ms();
    let has_endpoint = endpoint.with_value(Option::is_some);

    let mut initial = storage::load().unwrap_or_default();
    if let Some(topic) = topic.as_deref() {
        initial.prefill_topic(topic);
    }
    let ctx = Ctx {
        prefix: if compact {
            "contact-compact"
        } else {
            "contact"
        },
        draft: RwSignal::new(initial),
        errors: RwSignal::new(Vec::new()),
    };
    let draft = ctx.draft;
    let errors = ctx.errors;
    let honeypot = RwSignal::new(String::new());
    let state = RwSignal::new(FormState::Editing);
    let status = RwSignal::new(String::new());
    let summary_ref = NodeRef::<html::Div>::new();
    let failed_ref = NodeRef::<html::Div>::new();
    let sent_ref = NodeRef::<html::Div>::new();

    // Every change is kept in this tab's sessionStorage, and nowhere else.
    Effect::new(move |_| draft.with(storage::save));

    let submit = move || {
        if state.get_untracked() == FormState::Sending {
            return; // a second click while sending: the first send is still on its way
        }
        if !honeypot.get_untracked().trim().is_empty() {
            // Only bots fill the hidden field: look as if it worked, send nothing.
            storage::clear();
            draft.set(Draft::default());
            honeypot.set(String::new());
            errors.set(Vec::new());
            state.set(FormState::Sent(ContactMethod::Email));
            focus_later(sent_ref);
            return;
        }
        let current = draft.get_untracked();
        let message = match validate(&current) {
            Ok(message) => message,
            Err(found) => {
                errors.set(found);
                state.set(FormState::Editing);
                status.set(String::new());
                focus_later(summary_ref);
                return;
            }
        };
        errors.set(Vec::new());
        let Some(endpoint) = endpoint.get_value() else {
            return;
        };
        let key = match current.idempotency_key {
            Some(key) => key,
            None => {
                let key = storage::new_idempotency_key();
                draft.update(|d| d.idempotency_key = Some(key.clone()));
                key
            }
        };
        state.set(FormState::Sending);
        status.set("Sending your message…".to_string());
        let method = message.preferred_contact;
        spawn_local(async move {
            let outcome = send_message(&endpoint, &message, &key, timeout_ms).await;
            // The page may have gone away meanwhile: `try_` setters do nothing then.
            match outcome {
                SendOutcome::Sent => {
                    storage::clear();
                    draft.try_set(Draft::default());
                    errors.try_set(Vec::new());
                    status.try_set(String::new());
                    state.try_set(FormState::Sent(method));
                    focus_later(sent_ref);
                }
                SendOutcome::Invalid(found) => {
                    errors.try_set(found);
                    status.try_set(String::new());
                    state.try_set(FormState::Editing);
                    focus_later(summary_ref);
                }
                SendOutcome::Failed(failure) => {
                    status.try_set(String::new());
                    state.try_set(FormState::Failed(failure));
                    focus_later(failed_ref);
                }
            }
        });
    };

    let clear = move |_| {
        storage::clear();
        draft.set(Draft::default());
        honeypot.set(String::new());
        errors.set(Vec::new());
        state.set(FormState::Editing);
        status.set("The form has been cleared.".to_string());
        focus_id(&ctx.id(Field::Name));
    };

    let write_another = move |_| {
        state.set(FormState::Editing);
        status.set(String::new());
        request_animation_frame(move || focus_id(&ctx.id(Field::Name)));
    };

    let sending = move || state.get() == FormState::Sending;
    let is_sent = move || matches!(state.get(), FormState::Sent(_));
    let failure = move || match state.get() {
        FormState::Failed(f) => Some(f),
        _ => None,
    };
    let phone_required = Signal::derive(move || draft.with(|d| d.method.needs_phone()));
    let always = Signal::derive(|| true);
    let consent_id = format!("{}-sms-consent", ctx.prefix);
    let disclosure_id = format!("{consent_id}-terms");
    let gotcha_id = format!("{}-gotcha", ctx.prefix);
    let heading_id = format!("{}-heading", ctx.prefix);
    let summary_heading_id = format!("{}-summary-heading", ctx.prefix);
    let mailto = {
        let email = email.clone();
        move || draft.with(|d| mailto_href(&email, d))
    };

    let phone_first = if compact {
        view! {
            <p class="contact-form__call contact-form__call--compact">
                "Prefer to talk? Calling is the fastest way: "
                <a href=tel.clone()>{phone.display.clone()}</a>
                "."
            </p>
        }
        .into_any()
    } else {
        view! {
            <section class="contact-form__call" aria-labelledby="contact-call-heading">
                <h2 id="contact-call-heading">"The fastest way: call us"</h2>
                <p>
                    <a class="button contact-form__call-button" href=tel.clone()>
                        "Call " {phone.display.clone()}
                    </a>
                </p>
                <p>
                    "We answer during opening hours. Please call for appointments, changes, "
                    "cancellations and anything that can't wait."
                </p>
            </section>
        }
        .into_any()
    };

    let summary_links = move || {
        errors
            .get()
            .into_iter()
            .map(|e| {
                let target = ctx.target_id(e.field);
                let href = format!("#{target}");
                view! {
                    <li>
                        <a
                            href=href
                            on:click=move |ev| {
                                // Hash links would resolve against <base> and leave the page.
                                ev.prevent_default();
                                focus_id(&target);
                            }
                        >
                            {e.message}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };

    let method_choices = ContactMethod::ALL
        .into_iter()
        .map(|m| {
            let id = format!("{}-method-{}", ctx.prefix, m.as_str());
            view! {
                <div class="contact-form__choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name=format!("{}-preferred-contact", ctx.prefix)
                        value=m.as_str()
                        prop:checked=move || draft.with(|d| d.method == m)
                        on:change=move |_| {
                            draft.update(|d| d.method = m);
                            ctx.refresh(&[Field::Method, Field::Phone]);
                        }
                    />
                    <label for=id>{m.label()}</label>
                </div>
            }
        })
        .collect_view();

    view! {
        <div
            class="contact-form"
            class=("contact-form--compact", compact)
            class=("contact-form--sending", sending)
        >
            {phone_first}
            <div class="contact-form__sent" tabindex="-1" node_ref=sent_ref hidden=move || !is_sent()>
                <h2>"Thank you, your message has been sent"</h2>
                <p>
                    {move || match state.get() {
                        FormState::Sent(method) => {
                            format!(
                                "We reply within one working day, {}. ",
                                method.in_sentence(),
                            )
                        }
                        _ => String::new(),
                    }}
                    "If it is about an appointment today or can't wait, please call "
                    <a href=tel.clone()>{phone.display.clone()}</a>
                    "."
                </p>
                <button type="button" class="button button--secondary" on:click=write_another>
                    "Write another message"
                </button>
            </div>
            <form
                class="contact-form__form"
                novalidate
                aria-labelledby=heading_id.clone()
                hidden=is_sent
                on:submit=move |ev: SubmitEvent| {
                    ev.prevent_default();
                    submit();
                }
            >
                <h2 id=heading_id.clone()>"Send us a message"</h2>
                {(!has_endpoint)
                    .then(|| {
                        view! {
                            <div class="contact-form__unconfigured">
                                <p>
                                    <strong>"Online messages are not set up on this site yet"</strong>
                                    ", so this form cannot send anything by itself."
                                </p>
                                <p>
                                    "Please call us on " <a href=tel.clone()>{phone.display.clone()}</a>
                                    ", or write your message below and use the email button: it opens your own email app with the message ready to send to "
                                    {email.clone()} "."
                                </p>
                            </div>
                        }
                    })}
                <ul class="contact-form__notices">
                    <li>
                        <strong>"Please don't use this form to cancel or change an appointment."</strong>
                        " Call us instead, so the change happens straight away."
                    </li>
                    <li>
                        "Please don't include detailed medical information. We'll talk it through with you by phone."
                    </li>
                </ul>
                <div
                    class="contact-form__summary"
                    tabindex="-1"
                    node_ref=summary_ref
                    hidden=move || errors.with(Vec::is_empty)
                >
                    <h3 id=summary_heading_id>"Please fix the following before sending"</h3>
                    <ul class="contact-form__summary-list">{summary_links}</ul>
                </div>
                {text_field(ctx, Field::Name, None, always, "")}
                {text_field(
                    ctx,
                    Field::Email,
                    Some("We only use it to reply to you."),
                    always,
                    "",
                )}
                <fieldset
                    class="contact-form__fieldset"
                    role="radiogroup"
                    aria-invalid=move || ctx.error(Field::Method).is_some().then_some("true")
                    aria-describedby=move || ctx.described_by(Field::Method, false)
                >
                    <legend class="contact-form__label">{Field::Method.label()}</legend>
                    {move || {
                        ctx.error(Field::Method)
                            .map(|message| {
                                view! {
                                    <p class="contact-form__error" id=ctx.error_id(Field::Method)>
                                        <span class="sr-only">"Error: "</span>
                                        {message}
                                    </p>
                                }
                            })
                    }}
                    <div class="contact-form__choices">{method_choices}</div>
                </fieldset>
                {text_field(
                    ctx,
                    Field::Phone,
                    Some("A US number, for example (503) 555-0142."),
                    phone_required,
                    "(optional, needed for a call or text)",
                )}
                {text_field(
                    ctx,
                    Field::Message,
                    Some("Up to 2000 characters. A sentence or two is plenty."),
                    always,
                    "",
                )}
                <div class="contact-form__consent">
                    <input
                        type="checkbox"
                        id=consent_id.clone()
                        name="sms_consent"
                        aria-describedby=disclosure_id.clone()
                        prop:checked=move || draft.with(|d| d.sms_consent)
                        on:change=move |ev| {
                            let checked = event_target_checked(&ev);
                            draft.update(|d| d.sms_consent = checked);
                        }
                    />
                    <label for=consent_id>
                        "Yes, you may send me text messages about my enquiry and appointments (optional)."
                    </label>
                    <p class="contact-form__disclosure" id=disclosure_id>
                        "Message frequency varies. Msg & data rates may apply. Reply STOP to opt out and HELP for help. "
                        "Consent is not a condition of service or of booking an appointment. "
                        "We never share your mobile number or information with third parties for marketing or promotional purposes."
                    </p>
                </div>
                <div class="contact-form__trap" aria-hidden="true">
                    <label for=gotcha_id.clone()>"Leave this field empty"</label>
                    <input
                        type="text"
                        id=gotcha_id
                        name="_gotcha"
                        tabindex="-1"
                        autocomplete="off"
                        prop:value=move || honeypot.get()
                        on:input=move |ev| honeypot.set(event_target_value(&ev))
                    />
                </div>
                <div class="contact-form__failed" tabindex="-1" node_ref=failed_ref hidden=move || failure().is_none()>
                    <h3>"Your message was not sent"</h3>
                    <p>{move || failure().map(failure_text)}</p>
                    <p>
                        "Please try again, or call us on "
                        <a href=tel.clone()>{phone.display.clone()}</a>
                        "."
                    </p>
                    <button type="button" class="button" on:click=move |_| submit()>
                        "Try sending again"
                    </button>
                </div>
                <div class="contact-form__actions">
                    {if has_endpoint {
                        view! {
                            <button type="submit" class="button contact-form__send" disabled=sending>
                                {move || if sending() { "Sending…" } else { "Send message" }}
                            </button>
                        }
                            .into_any()
                    } else {
                        view! {
                            <a class="button contact-form__send" href=mailto>
                                "Send with your email app"
                            </a>
                        }
                            .into_any()
                    }}
                    <button
                        type="button"
                        class="button button--secondary"
                        disabled=sending
                        on:click=clear
                    >
                        "Clear form"
                    </button>
                </div>
                <p class="contact-form__status" role="status">{move || status.get()}</p>
            </form>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_failure_reassures_that_nothing_typed_was_lost() {
        for f in [
            SendFailure::Timeout,
            SendFailure::Network,
            SendFailure::Server(500),
            SendFailure::Rejected(400),
        ] {
            assert!(
                failure_text(f).ends_with("Everything you typed is still here."),
                "{f:?}"
            );
        }
        assert!(failure_text(SendFailure::Server(503)).contains("503"));
    }

    #[test]
    fn text_fields_read_and_write_the_matching_draft_field() {
        let mut d = Draft::default();
        for (field, value) in [
            (Field::Name, "Ada"),
            (Field::Email, "a@b.co"),
            (Field::Phone, "5035550142"),
            (Field::Message, "Hi"),
        ] {
            set_text(&mut d, field, value.to_string());
            assert_eq!(text_of(&d, field), value);
        }
        set_text(&mut d, Field::Method, "text".into());
        assert_eq!(d.method, ContactMethod::Text);
        set_text(&mut d, Field::Method, "fax".into());
        assert_eq!(d.method, ContactMethod::Text);
    }
}
