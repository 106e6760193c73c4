//! The choice of how the clinic should reply: a group of radio buttons with its own error.

use leptos::prelude::*;

use super::ids::Ids;
use super::text_field::FieldErrorText;
use crate::contact::{ContactFormState, ContactMethod, Field};
use crate::context::use_lang;

/// "How should we reply?": phone call, email or text message.
#[component]
pub(super) fn MethodChoice(
    /// The form's state; a choice goes through `ContactFormState::choose_method`.
    form: RwSignal<ContactFormState>,
    /// The form's element ids.
    ids: Ids,
) -> impl IntoView {
    let field = Field::Method;
    let lang = use_lang();
    let chosen = Memo::new(move |_| form.with(|f| f.draft().method));
    let error = Memo::new(move |_| form.with(|f| f.error(field).map(str::to_string)));
    let has_error = move || error.with(Option::is_some);
    // The wire name, so the form also posts as a plain HTML form before the app runs (radio
    // groups never span two forms, so the full and the compact form can share it).
    let group = field.wire_name();
    let choices = ContactMethod::ALL
        .into_iter()
        .map(|method| {
            let id = ids.method(method);
            view! {
                <div class="contact-form__choice">
                    <input
                        type="radio"
                        id=id.clone()
                        name=group
                        value=method.as_str()
                        // The HTML's own default, for posting without the app.
                        checked=method == ContactMethod::default()
                        prop:checked=move || chosen.get() == method
                        on:change=move |_| form.update(|f| f.choose_method(method))
                    />
                    <label for=id>{method.label(lang)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="contact-form__fieldset"
            role="radiogroup"
            aria-invalid=move || has_error().then_some("true")
            aria-describedby=move || ids.described_by(field, false, has_error())
        >
            <legend class="contact-form__label">{field.label(lang)}</legend>
            <FieldErrorText ids field error />
            <div class="contact-form__choices">{choices}</div>
        </fieldset>
    }
}
