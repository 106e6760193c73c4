//! A labelled text input or text area, with its hint and its error tied to it for screen readers.

use leptos::prelude::*;

use super::ids::Ids;
use crate::contact::{ContactFormState, Field};
use crate::context::use_lang;
use crate::text::contact::ContactText;

/// A field's error, named as an error for screen readers; nothing when the field is fine.
#[component]
pub(super) fn FieldErrorText(
    /// The form's element ids.
    ids: Ids,
    /// The field the error belongs to.
    field: Field,
    /// The error shown now, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let prefix = ContactText::of(use_lang()).error_prefix;
    move || {
        error.get().map(|message| {
            view! {
                <p class="contact-form__error" id=ids.error(field)>
                    <span class="sr-only">{prefix}</span>
                    {message}
                </p>
            }
        })
    }
}

/// One text field of the form: label (saying whether it is required), hint, error, control.
#[component]
pub(super) fn TextField(
    /// The form's state; typing goes through `ContactFormState::edit`.
    form: RwSignal<ContactFormState>,
    /// The form's element ids.
    ids: Ids,
    /// Which field this is (not the reply method, which is a choice).
    field: Field,
    /// A hint under the label, read with the field.
    #[prop(optional)]
    hint: Option<&'static str>,
    /// Whether the field is required now; always, unless given.
    #[prop(optional, into)]
    required: Option<Signal<bool>>,
    /// What the label says instead of "(required)" when the field is not required.
    #[prop(optional)]
    optional_note: &'static str,
) -> impl IntoView {
    let id = ids.field(field);
    let lang = use_lang();
    let required_note = ContactText::of(lang).required;
    // A field that is always required says so to the browser too, which checks it when the
    // form is posted without the app. (The phone is required only for some replies.)
    let always_required = required.is_none();
    let required = required.unwrap_or_else(|| Signal::stored(true));
    let value = Memo::new(move |_| form.with(|f| f.draft().text(field).to_string()));
    let error = Memo::new(move |_| form.with(|f| f.error(field).map(str::to_string)));
    let has_error = move || error.with(Option::is_some);
    let on_input = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        form.update(|f| f.edit(field, value));
    };
    let invalid = move || has_error().then_some("true");
    let described = move || ids.described_by(field, hint.is_some(), has_error());
    let aria_required = move || required.get().then_some("true");
    let control = if field == Field::Message {
        view! {
            <textarea
                id=id.clone()
                name=field.wire_name()
                class="contact-form__input contact-form__input--message"
                rows="7"
                required=always_required
                aria-required=aria_required
                aria-invalid=invalid
                aria-describedby=described
                prop:value=value
                on:input=on_input
            ></textarea>
        }
        .into_any()
    } else {
        let (kind, autocomplete) = match field {
            Field::Email => ("email", "email"),
            Field::Phone => ("tel", "tel"),
            _ => ("text", "name"),
        };
        view! {
            <input
                id=id.clone()
                name=field.wire_name()
                type=kind
                class="contact-form__input"
                autocomplete=autocomplete
                inputmode=kind
                spellcheck=if field == Field::Name { "true" } else { "false" }
                required=always_required
                aria-required=aria_required
                aria-invalid=invalid
                aria-describedby=described
                prop:value=value
                on:input=on_input
            />
        }
        .into_any()
    };
    view! {
        <div class="contact-form__field" class=("contact-form__field--invalid", has_error)>
            <label class="contact-form__label" for=id>
                {field.label(lang)}
                " "
                <span class="contact-form__req">
                    {move || if required.get() { required_note } else { optional_note }}
                </span>
            </label>
            {hint.map(|h| view! { <p class="contact-form__hint" id=ids.hint(field)>{h}</p> })}
            <FieldErrorText ids field error />
            {control}
        </div>
    }
}
