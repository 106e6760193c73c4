//! The element ids of one form, and moving focus to them.

use leptos::prelude::*;

use crate::contact::{ContactFormState, ContactMethod, Field, Focus};
use crate::focus::focus_id_after_paint;

/// The element ids of one form. The prefix lets a page hold the full and the compact form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Ids {
    prefix: &'static str,
}

impl Ids {
    pub(super) fn new(compact: bool) -> Self {
        let prefix = if compact {
            "contact-compact"
        } else {
            "contact"
        };
        Self { prefix }
    }

    /// An id for a part of the form, e.g. `contact-heading`.
    pub(super) fn part(self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }

    pub(super) fn field(self, field: Field) -> String {
        self.part(field.slug())
    }

    pub(super) fn error(self, field: Field) -> String {
        format!("{}-error", self.field(field))
    }

    pub(super) fn hint(self, field: Field) -> String {
        format!("{}-hint", self.field(field))
    }

    pub(super) fn method(self, method: ContactMethod) -> String {
        self.part(&format!("method-{}", method.as_str()))
    }

    /// `aria-describedby` for a field: its hint, then its error when it has one.
    pub(super) fn described_by(
        self,
        field: Field,
        has_hint: bool,
        has_error: bool,
    ) -> Option<String> {
        let ids: Vec<String> = [
            has_hint.then(|| self.hint(field)),
            has_error.then(|| self.error(field)),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    /// The element that stands for a field (for the reply method, the chosen radio button).
    pub(super) fn control(self, field: Field, method: ContactMethod) -> String {
        match field {
            Field::Method => self.method(method),
            other => self.field(other),
        }
    }

    /// The element a focus target names.
    fn focus_target(self, focus: Focus, method: ContactMethod) -> String {
        match focus {
            Focus::Summary => self.part("summary"),
            Focus::SentPanel => self.part("sent"),
            Focus::FailedPanel => self.part("failed"),
            Focus::Field(field) => self.control(field, method),
        }
    }
}

/// Moves focus where a transition asked, once its change has been painted.
pub(super) fn move_focus(form: RwSignal<ContactFormState>, ids: Ids, focus: Focus) {
    let method = form.with_untracked(|f| f.draft().method);
    focus_id_after_paint(ids.focus_target(focus, method));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compact_form_prefixes_every_id_so_both_forms_can_share_a_page() {
        let full = Ids::new(false);
        let compact = Ids::new(true);
        assert_eq!(full.field(Field::Email), "contact-email");
        assert_eq!(compact.field(Field::Email), "contact-compact-email");
        assert_eq!(compact.error(Field::Name), "contact-compact-name-error");
        assert_eq!(full.hint(Field::Phone), "contact-phone-hint");
        assert_eq!(full.method(ContactMethod::Text), "contact-method-text");
    }

    #[test]
    fn a_field_is_described_by_its_hint_then_its_error() {
        let ids = Ids::new(false);
        assert_eq!(ids.described_by(Field::Name, false, false), None);
        assert_eq!(
            ids.described_by(Field::Name, false, true).as_deref(),
            Some("contact-name-error")
        );
        assert_eq!(
            ids.described_by(Field::Email, true, true).as_deref(),
            Some("contact-email-hint contact-email-error")
        );
    }

    #[test]
    fn focus_for_the_reply_method_lands_on_the_chosen_radio_button() {
        let ids = Ids::new(true);
        assert_eq!(
            ids.focus_target(Focus::Field(Field::Method), ContactMethod::Phone),
            "contact-compact-method-phone"
        );
        assert_eq!(
            ids.focus_target(Focus::Field(Field::Name), ContactMethod::Phone),
            "contact-compact-name"
        );
        assert_eq!(
            ids.focus_target(Focus::Summary, ContactMethod::Email),
            "contact-compact-summary"
        );
        assert_eq!(
            ids.focus_target(Focus::FailedPanel, ContactMethod::Email),
            "contact-compact-failed"
        );
        assert_eq!(
            ids.focus_target(Focus::SentPanel, ContactMethod::Email),
            "contact-compact-sent"
        );
    }
}
