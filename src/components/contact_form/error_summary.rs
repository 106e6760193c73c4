//! The error summary: shown after a submit with errors, one link per field in error.

use leptos::prelude::*;

use super::ids::Ids;
use crate::contact::ContactFormState;
use crate::context::use_lang;
use crate::focus::focus_id;
use crate::text::contact::ContactText;

/// "Please fix the following before sending", linking each error to its field. It takes
/// focus when shown (the model says when), so a screen reader reads the list at once.
#[component]
pub(super) fn ErrorSummary(
    /// The form's state; only read.
    form: RwSignal<ContactFormState>,
    /// The form's element ids.
    ids: Ids,
) -> impl IntoView {
    // Each error with the id of the element it leads to, in form order.
    let links = Memo::new(move |_| {
        form.with(|f| {
            let method = f.draft().method;
            f.errors()
                .iter()
                .map(|e| (e.message.clone(), ids.control(e.field, method)))
                .collect::<Vec<_>>()
        })
    });
    let list = move || {
        links
            .get()
            .into_iter()
            .map(|(message, target)| {
                view! {
                    <li>
                        <a
                            href=format!("#{target}")
                            on:click=move |ev| {
                                // A hash link would resolve against <base> and leave the page.
                                ev.prevent_default();
                                focus_id(&target);
                            }
                        >
                            {message}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div
            class="contact-form__summary"
            id=ids.part("summary")
            tabindex="-1"
            hidden=move || links.with(Vec::is_empty)
        >
            <h3 id=ids.part("summary-heading")>{ContactText::of(use_lang()).summary_heading}</h3>
            <ul class="contact-form__summary-list">{list}</ul>
        </div>
    }
}
