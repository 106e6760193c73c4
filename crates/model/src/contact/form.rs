//! The contact form as a pure model: one struct holds everything the form shows, and one
//! method per event changes it and says what the view must do next (send, move focus).

use super::draft::Draft;
use super::fields::{ContactMethod, Field};
use super::outcome::{SendFailure, SendOutcome};
use super::validation::{validate, validate_field, FieldError, Message};
use crate::lang::Lang;
use crate::text::contact::ContactText;
use crate::text::fill;

/// Where the message is in its life.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Phase {
    /// Being written or corrected.
    #[default]
    Editing,
    /// On its way; the patient asked for a reply this way.
    Sending(ContactMethod),
    /// The endpoint has it; the reply will come this way.
    Sent(ContactMethod),
    /// Not sent; everything typed (and the message's key) is kept for a retry.
    Failed(SendFailure),
}

/// Where keyboard focus goes after a transition, so a screen reader hears what changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The error summary, which links to each field in error.
    Summary,
    /// The "message sent" panel.
    SentPanel,
    /// The "message not sent" panel, with its retry button.
    FailedPanel,
    /// A field of the form (for the reply method: the chosen radio button).
    Field(Field),
}

/// What the view must do after a submit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SubmitAction {
    /// Send this message with this idempotency key; the form now shows it is sending.
    Send { message: Message, key: String },
    /// Nothing is sent: the errors are shown and the summary takes focus.
    ShowErrors,
    /// Only bots fill the honeypot: the form looks as if it sent, and sends nothing.
    PretendSent,
    /// Nothing happens: a message is already on its way, or there is nowhere to send it.
    Ignore,
}

impl SubmitAction {
    /// Where focus goes, if the submit changed what is shown.
    pub fn focus(&self) -> Option<Focus> {
        match self {
            SubmitAction::ShowErrors => Some(Focus::Summary),
            SubmitAction::PretendSent => Some(Focus::SentPanel),
            SubmitAction::Send { .. } | SubmitAction::Ignore => None,
        }
    }
}

/// Everything the contact form shows, and nothing else.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ContactFormState {
    /// The page's language: what the form says is worded in it, and the message says it.
    lang: Lang,
    draft: Draft,
    /// In form order; only fields the patient has been told about.
    errors: Vec<FieldError>,
    phase: Phase,
    /// What was typed into the hidden field that only bots see.
    honeypot: String,
    /// Whether the last thing the patient did was to clear the form (the status says so).
    cleared: bool,
}

impl ContactFormState {
    /// A form in `lang` showing this draft (restored from the tab, or prefilled), with no
    /// errors yet.
    pub fn new(draft: Draft, lang: Lang) -> Self {
        Self {
            lang,
            draft,
            ..Self::default()
        }
    }

    /// The language the form speaks.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A form with nothing typed, in the same language, in this phase.
    fn fresh(&self, phase: Phase) -> Self {
        Self {
            lang: self.lang,
            phase,
            ..Self::default()
        }
    }

    /// What the patient has typed.
    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// The errors shown, in form order.
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The error shown for one field.
    pub fn error(&self, field: Field) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }

    /// Where the message is.
    pub fn phase(&self) -> Phase {
        self.phase
    }

    /// Whether a message is on its way (sending and clearing are disabled meanwhile).
    pub fn is_sending(&self) -> bool {
        matches!(self.phase, Phase::Sending(_))
    }

    /// What is in the honeypot.
    pub fn honeypot(&self) -> &str {
        &self.honeypot
    }

    /// Whether the phone number is needed for the chosen way of replying.
    pub fn phone_required(&self) -> bool {
        self.draft.method.needs_phone()
    }

    /// The polite status line: what is happening, when nothing else says it.
    pub fn status(&self) -> &'static str {
        let text = ContactText::of(self.lang);
        match self.phase {
            Phase::Sending(_) => text.status_sending,
            _ if self.cleared => text.status_cleared,
            _ => "",
        }
    }

    /// Why the message was not sent, and that nothing was lost; `None` unless it failed.
    pub fn failure_text(&self) -> Option<String> {
        match self.phase {
            Phase::Failed(failure) => Some(fill(
                ContactText::of(self.lang).failed_kept,
                &[("reason", &failure.message(self.lang))],
            )),
            _ => None,
        }
    }

    /// The reply promise once sent, e.g. "We reply within one working day, by email."
    pub fn reply_promise(&self) -> Option<String> {
        match self.phase {
            Phase::Sent(method) => Some(fill(
                ContactText::of(self.lang).reply_promise,
                &[("method", method.in_sentence(self.lang))],
            )),
            _ => None,
        }
    }

    /// The patient typed into a field.
    pub fn edit(&mut self, field: Field, value: String) {
        if field == Field::Method {
            if let Some(method) = ContactMethod::parse(&value) {
                self.choose_method(method);
            }
            return;
        }
        if self.draft.text(field) != value {
            self.message_changed();
        }
        self.draft.set_text(field, value);
        self.recheck(&[field]);
    }

    /// The patient chose how we should reply; whether the phone is needed changes with it.
    pub fn choose_method(&mut self, method: ContactMethod) {
        if self.draft.method != method {
            self.message_changed();
        }
        self.draft.method = method;
        self.recheck(&[Field::Method, Field::Phone]);
    }

    /// The patient ticked or unticked the consent to text messages.
    pub fn set_sms_consent(&mut self, consent: bool) {
        if self.draft.sms_consent != consent {
            self.message_changed();
        }
        self.draft.sms_consent = consent;
    }

    /// What would be sent has changed, so it is another message: a provider that honours the
    /// idempotency key would keep only the first version of one key while the patient sees
    /// "Sent". The next send gets its own key; an unchanged retry keeps the old one.
    fn message_changed(&mut self) {
        self.draft.idempotency_key = None;
    }

    /// Something typed into the honeypot.
    pub fn fill_honeypot(&mut self, value: String) {
        self.honeypot = value;
    }

    /// The patient pressed "Send" (or "Try sending again"). `can_send` says whether an
    /// endpoint is configured; `new_key` makes an idempotency key, called only for a message
    /// that has none yet, so every retry of one message carries the same key.
    pub fn submit(&mut self, can_send: bool, new_key: impl FnOnce() -> String) -> SubmitAction {
        if self.is_sending() {
            // A second click while sending: the first send is still on its way.
            return SubmitAction::Ignore;
        }
        if !self.honeypot.trim().is_empty() {
            *self = self.fresh(Phase::Sent(ContactMethod::Email));
            return SubmitAction::PretendSent;
        }
        self.cleared = false;
        let message = match validate(&self.draft, self.lang) {
            Ok(message) => message,
            Err(found) => {
                self.errors = found;
                self.phase = Phase::Editing;
                return SubmitAction::ShowErrors;
            }
        };
        self.errors.clear();
        if !can_send {
            return SubmitAction::Ignore;
        }
        let key = self
            .draft
            .idempotency_key
            .get_or_insert_with(new_key)
            .clone();
        self.phase = Phase::Sending(message.preferred_contact);
        SubmitAction::Send { message, key }
    }

    /// The endpoint answered (or did not). Returns where focus goes; `None` when no message
    /// was on its way, so the answer changes nothing.
    pub fn receive(&mut self, outcome: SendOutcome) -> Option<Focus> {
        let Phase::Sending(method) = self.phase else {
            return None;
        };
        Some(match outcome {
            SendOutcome::Sent => {
                // A fresh draft: the next message gets its own key.
                *self = self.fresh(Phase::Sent(method));
                Focus::SentPanel
            }
            SendOutcome::Invalid(found) => {
                self.errors = found;
                self.phase = Phase::Editing;
                Focus::Summary
            }
            SendOutcome::Failed(failure) => {
                self.phase = Phase::Failed(failure);
                Focus::FailedPanel
            }
        })
    }

    /// The patient pressed "Clear form": everything typed is forgotten. Not while sending
    /// (the button is disabled then), since the answer still has to land somewhere.
    pub fn clear(&mut self) -> Option<Focus> {
        if self.is_sending() {
            return None;
        }
        *self = Self {
            cleared: true,
            ..self.fresh(Phase::Editing)
        };
        Some(Focus::Field(Field::Name))
    }

    /// The patient pressed "Write another message" after sending one.
    pub fn write_another(&mut self) -> Option<Focus> {
        if !matches!(self.phase, Phase::Sent(_)) {
            return None;
        }
        self.phase = Phase::Editing;
        Some(Focus::Field(Field::Name))
    }

    /// Live validation, only for fields already in error: fixed errors disappear, changed
    /// ones are reworded, and no new error appears before the next submit.
    fn recheck(&mut self, fields: &[Field]) {
        let draft = &self.draft;
        let lang = self.lang;
        self.errors.retain_mut(|error| {
            if !fields.contains(&error.field) {
                return true;
            }
            match validate_field(draft, error.field, lang) {
                Some(message) => {
                    error.message = message;
                    true
                }
                None => false,
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u32) -> impl FnOnce() -> String {
        move || format!("msg-{n}")
    }

    fn no_new_key() -> String {
        panic!("a retry must reuse the message's key")
    }

    fn valid() -> ContactFormState {
        let mut form = ContactFormState::default();
        form.edit(Field::Name, "Ada Lovelace".into());
        form.edit(Field::Email, "ada@example.com".into());
        form.edit(Field::Message, "Could I book a first visit?".into());
        form
    }

    fn fields_in_error(form: &ContactFormState) -> Vec<Field> {
        form.errors().iter().map(|e| e.field).collect()
    }

    fn sent_key(action: SubmitAction) -> String {
        match action {
            SubmitAction::Send { key, .. } => key,
            other => panic!("expected a send, got {other:?}"),
        }
    }

    /// A valid form whose first send failed: the message keeps its key for a retry.
    fn failed_once() -> (ContactFormState, String) {
        let mut form = valid();
        let first = sent_key(form.submit(true, key(1)));
        form.receive(SendOutcome::Failed(SendFailure::Network));
        (form, first)
    }

    #[test]
    fn editing_the_message_after_a_failed_send_gives_the_next_send_a_new_key() {
        let (mut form, first) = failed_once();
        form.edit(
            Field::Message,
            "Could I book a first visit on Friday instead?".into(),
        );
        let second = sent_key(form.submit(true, key(2)));
        assert_ne!(second, first, "an edited message is another message");
        assert_eq!(second, "msg-2");
    }

    #[test]
    fn any_change_to_what_is_sent_after_a_failed_send_starts_a_new_key() {
        type Change = fn(&mut ContactFormState);
        let changes: [(&str, Change); 4] = [
            ("name", |f| f.edit(Field::Name, "Ada King".into())),
            ("email", |f| f.edit(Field::Email, "ada@example.org".into())),
            ("reply method", |f| f.choose_method(ContactMethod::Phone)),
            ("text consent", |f| f.set_sms_consent(true)),
        ];
        for (what, change) in changes {
            let (mut form, first) = failed_once();
            change(&mut form);
            assert_eq!(form.draft().idempotency_key, None, "{what}");
            if what == "reply method" {
                form.edit(Field::Phone, "(503) 555-0142".into());
            }
            let next = sent_key(form.submit(true, key(2)));
            assert_ne!(next, first, "{what}");
        }
    }

    #[test]
    fn an_unchanged_retry_keeps_the_key_even_if_a_field_is_retyped_the_same() {
        let (mut form, first) = failed_once();
        form.edit(Field::Message, "Could I book a first visit?".into());
        form.choose_method(form.draft().method);
        assert_eq!(sent_key(form.submit(true, no_new_key)), first);
    }

    #[test]
    fn a_new_form_shows_its_draft_with_no_errors_and_no_status() {
        let draft = Draft {
            name: "Ada".into(),
            ..Draft::default()
        };
        let form = ContactFormState::new(draft.clone(), Lang::En);
        assert_eq!(form.draft(), &draft);
        assert!(form.errors().is_empty());
        assert_eq!(form.phase(), Phase::Editing);
        assert_eq!(form.status(), "");
        assert_eq!(form.failure_text(), None);
        assert_eq!(form.reply_promise(), None);
    }

    #[test]
    fn typing_changes_only_the_field_typed_into() {
        let mut form = ContactFormState::default();
        form.edit(Field::Email, "ada@example.com".into());
        assert_eq!(form.draft().email, "ada@example.com");
        assert_eq!(form.draft().name, "");
        form.edit(Field::Method, "phone".into());
        assert_eq!(form.draft().method, ContactMethod::Phone);
        form.edit(Field::Method, "fax".into());
        assert_eq!(form.draft().method, ContactMethod::Phone);
        form.set_sms_consent(true);
        assert!(form.draft().sms_consent);
    }

    #[test]
    fn an_empty_submit_shows_every_required_error_in_form_order_and_focuses_the_summary() {
        let mut form = ContactFormState::default();
        let action = form.submit(true, key(1));
        assert_eq!(action, SubmitAction::ShowErrors);
        assert_eq!(action.focus(), Some(Focus::Summary));
        assert_eq!(
            fields_in_error(&form),
            [Field::Name, Field::Email, Field::Message]
        );
        assert!(form
            .error(Field::Name)
            .unwrap()
            .starts_with("Enter your name"));
        assert_eq!(form.phase(), Phase::Editing);
        assert_eq!(form.draft().idempotency_key, None, "no key before a send");
    }

    #[test]
    fn typing_a_fix_clears_that_fields_error_at_once() {
        let mut form = ContactFormState::default();
        form.submit(true, key(1));
        form.edit(Field::Email, "not-an-address".into());
        assert!(
            form.error(Field::Email)
                .unwrap()
                .contains("name@example.com, with no spaces"),
            "a changed error is reworded"
        );
        form.edit(Field::Email, "ada@example.com".into());
        assert_eq!(form.error(Field::Email), None);
        assert_eq!(fields_in_error(&form), [Field::Name, Field::Message]);
    }

    #[test]
    fn a_field_that_was_fine_gets_no_error_before_the_next_submit() {
        let mut form = valid();
        form.submit(true, key(1));
        form.receive(SendOutcome::Failed(SendFailure::Network));
        form.choose_method(ContactMethod::Phone);
        form.edit(Field::Name, String::new());
        assert!(form.errors().is_empty(), "{:?}", form.errors());
        assert_eq!(form.submit(true, no_new_key), SubmitAction::ShowErrors);
        assert_eq!(fields_in_error(&form), [Field::Name, Field::Phone]);
    }

    #[test]
    fn choosing_email_clears_an_error_about_the_missing_phone() {
        let mut form = valid();
        form.choose_method(ContactMethod::Text);
        assert!(form.phone_required());
        form.submit(true, key(1));
        assert_eq!(fields_in_error(&form), [Field::Phone]);
        assert!(form
            .error(Field::Phone)
            .unwrap()
            .contains("by text message"));
        form.choose_method(ContactMethod::Phone);
        assert!(
            form.error(Field::Phone).unwrap().contains("by phone"),
            "reworded for the new method"
        );
        form.choose_method(ContactMethod::Email);
        assert!(form.errors().is_empty());
        assert!(!form.phone_required());
    }

    #[test]
    fn a_valid_submit_sends_the_trimmed_message_with_a_new_key_and_shows_sending() {
        let mut form = valid();
        form.edit(Field::Name, "  Ada Lovelace ".into());
        let action = form.submit(true, key(7));
        assert_eq!(action.focus(), None, "focus stays on the button");
        let SubmitAction::Send { message, key } = action else {
            panic!("expected a send");
        };
        assert_eq!(message.name, "Ada Lovelace");
        assert_eq!(key, "msg-7");
        assert_eq!(form.draft().idempotency_key.as_deref(), Some("msg-7"));
        assert!(form.is_sending());
        assert_eq!(form.status(), "Sending your message…");
    }

    #[test]
    fn a_second_submit_while_sending_sends_nothing() {
        let mut form = valid();
        sent_key(form.submit(true, key(1)));
        assert_eq!(form.submit(true, no_new_key), SubmitAction::Ignore);
        assert!(form.is_sending());
    }

    #[test]
    fn a_filled_honeypot_looks_sent_forgets_everything_and_sends_nothing() {
        let mut form = valid();
        form.fill_honeypot("https://spam.example".into());
        let action = form.submit(true, || panic!("a bot's message gets no key"));
        assert_eq!(action, SubmitAction::PretendSent);
        assert_eq!(action.focus(), Some(Focus::SentPanel));
        assert!(matches!(form.phase(), Phase::Sent(_)));
        assert!(form.draft().is_empty());
        assert_eq!(form.honeypot(), "");
        assert!(form.reply_promise().is_some());
    }

    #[test]
    fn a_whitespace_honeypot_is_not_a_bot() {
        let mut form = valid();
        form.fill_honeypot("  ".into());
        sent_key(form.submit(true, key(1)));
    }

    #[test]
    fn without_an_endpoint_a_valid_form_is_not_sent_and_keeps_no_key() {
        let mut form = valid();
        assert_eq!(form.submit(false, key(1)), SubmitAction::Ignore);
        assert_eq!(form.phase(), Phase::Editing);
        assert_eq!(form.draft().idempotency_key, None);
        // Errors are still shown, so the email button is not used for a half-written message.
        let mut empty = ContactFormState::default();
        assert_eq!(empty.submit(false, key(1)), SubmitAction::ShowErrors);
    }

    #[test]
    fn a_sent_message_clears_the_draft_and_promises_a_reply_by_the_method_chosen() {
        let mut form = valid();
        form.choose_method(ContactMethod::Text);
        form.edit(Field::Phone, "(503) 555-0142".into());
        sent_key(form.submit(true, key(1)));
        // Changing the method while sending does not change the promise for the message sent.
        form.choose_method(ContactMethod::Email);
        assert_eq!(form.receive(SendOutcome::Sent), Some(Focus::SentPanel));
        assert_eq!(form.phase(), Phase::Sent(ContactMethod::Text));
        assert_eq!(
            form.reply_promise().as_deref(),
            Some("We reply within one working day, by text message.")
        );
        assert!(form.draft().is_empty());
        assert_eq!(form.draft().idempotency_key, None);
        assert_eq!(form.status(), "");
    }

    #[test]
    fn field_errors_from_the_endpoint_land_on_their_fields_and_focus_the_summary() {
        let mut form = valid();
        sent_key(form.submit(true, key(1)));
        let found = vec![FieldError {
            field: Field::Email,
            message: "Email address: the message service did not accept this.".into(),
        }];
        assert_eq!(
            form.receive(SendOutcome::Invalid(found)),
            Some(Focus::Summary)
        );
        assert_eq!(fields_in_error(&form), [Field::Email]);
        assert_eq!(form.phase(), Phase::Editing);
        assert_eq!(form.draft().name, "Ada Lovelace", "nothing typed is lost");
    }

    #[test]
    fn a_failure_keeps_everything_typed_and_says_why_once() {
        for failure in [
            SendFailure::Server(500),
            SendFailure::Rejected(400),
            SendFailure::Network,
            SendFailure::Timeout,
        ] {
            let mut form = valid();
            sent_key(form.submit(true, key(1)));
            assert_eq!(
                form.receive(SendOutcome::Failed(failure)),
                Some(Focus::FailedPanel)
            );
            assert_eq!(form.phase(), Phase::Failed(failure));
            assert_eq!(form.draft().message, "Could I book a first visit?");
            assert_eq!(
                form.status(),
                "",
                "the panel says it; the status does not repeat it"
            );
            let text = form.failure_text().unwrap();
            assert!(text.starts_with(&failure.message(Lang::En)), "{text}");
            assert!(
                text.ends_with("Everything you typed is still here."),
                "{text}"
            );
        }
    }

    #[test]
    fn an_unchanged_retry_after_a_500_a_422_or_a_timeout_reuses_the_messages_key() {
        let field_errors = vec![FieldError {
            field: Field::Email,
            message: "Email address: not accepted.".into(),
        }];
        for outcome in [
            SendOutcome::Failed(SendFailure::Server(500)),
            SendOutcome::Invalid(field_errors),
            SendOutcome::Failed(SendFailure::Timeout),
        ] {
            let mut form = valid();
            let first = sent_key(form.submit(true, key(1)));
            form.receive(outcome.clone());
            let retry = sent_key(form.submit(true, no_new_key));
            assert_eq!(retry, first, "after {outcome:?}");
        }
    }

    #[test]
    fn the_next_message_after_a_sent_one_gets_a_new_key() {
        let mut form = valid();
        let first = sent_key(form.submit(true, key(1)));
        form.receive(SendOutcome::Sent);
        assert_eq!(form.write_another(), Some(Focus::Field(Field::Name)));
        assert_eq!(form.phase(), Phase::Editing);
        form.edit(Field::Name, "Grace Hopper".into());
        form.edit(Field::Email, "grace@example.com".into());
        form.edit(Field::Message, "Another question.".into());
        let second = sent_key(form.submit(true, key(2)));
        assert_ne!(first, second);
    }

    #[test]
    fn an_answer_when_nothing_is_on_its_way_changes_nothing() {
        let mut form = valid();
        let before = form.clone();
        assert_eq!(form.receive(SendOutcome::Sent), None);
        assert_eq!(form, before);
    }

    #[test]
    fn clearing_forgets_everything_says_so_and_focuses_the_first_field() {
        let mut form = valid();
        sent_key(form.submit(true, key(1)));
        form.receive(SendOutcome::Failed(SendFailure::Network));
        form.edit(Field::Name, String::new());
        form.submit(true, no_new_key);
        form.fill_honeypot("x".into());
        assert_eq!(form.clear(), Some(Focus::Field(Field::Name)));
        assert_eq!(form.honeypot(), "");
        assert!(form.draft().is_empty());
        assert_eq!(
            form.draft().idempotency_key,
            None,
            "a cleared message's key goes too"
        );
        assert!(form.errors().is_empty());
        assert_eq!(form.phase(), Phase::Editing);
        assert_eq!(form.status(), "The form has been cleared.");
        // The next submit replaces that status with its own outcome.
        form.submit(true, key(2));
        assert_eq!(form.status(), "");
    }

    /// A form on a Spanish page, with a valid message typed.
    fn valid_in_spanish() -> ContactFormState {
        let mut form = ContactFormState::new(Draft::default(), Lang::Es);
        form.edit(Field::Name, "Ana López".into());
        form.edit(Field::Email, "ana@example.com".into());
        form.edit(Field::Message, "¿Puedo pedir una cita?".into());
        form
    }

    #[test]
    fn a_form_on_a_spanish_page_says_everything_in_spanish() {
        let mut form = ContactFormState::new(Draft::default(), Lang::Es);
        form.submit(true, key(1));
        assert_eq!(
            form.error(Field::Name),
            Some("Escriba su nombre, para saber a quién le respondemos.")
        );
        form.edit(Field::Email, "ana".into());
        assert_eq!(
            form.error(Field::Email),
            Some("Escriba su correo electrónico con la forma nombre@example.com, sin espacios."),
            "a reworded error stays in Spanish"
        );

        let mut form = valid_in_spanish();
        sent_key(form.submit(true, key(1)));
        assert_eq!(form.status(), "Enviando su mensaje…");
        form.receive(SendOutcome::Failed(SendFailure::Timeout));
        assert_eq!(
            form.failure_text().as_deref(),
            Some("El servicio de mensajes tardó demasiado en responder. Todo lo que escribió sigue aquí.")
        );
        sent_key(form.submit(true, no_new_key));
        form.receive(SendOutcome::Sent);
        assert_eq!(
            form.reply_promise().as_deref(),
            Some("Le respondemos en un plazo de un día hábil, por correo electrónico.")
        );
    }

    #[test]
    fn a_spanish_form_stays_spanish_after_a_send_a_clear_or_a_bot_and_its_message_says_es() {
        let mut form = valid_in_spanish();
        let SubmitAction::Send { message, .. } = form.submit(true, key(1)) else {
            panic!("expected a send");
        };
        assert_eq!(message.language, Lang::Es);
        form.receive(SendOutcome::Sent);
        assert_eq!(form.lang(), Lang::Es);
        form.write_another();
        assert_eq!(form.clear(), Some(Focus::Field(Field::Name)));
        assert_eq!(form.lang(), Lang::Es);
        assert_eq!(form.status(), "Se borró el formulario.");
        form.fill_honeypot("spam".into());
        form.submit(true, || panic!("a bot's message gets no key"));
        assert_eq!(form.lang(), Lang::Es);
        assert!(form.reply_promise().unwrap().starts_with("Le respondemos"));
    }

    #[test]
    fn clearing_while_sending_is_refused() {
        let mut form = valid();
        sent_key(form.submit(true, key(1)));
        assert_eq!(form.clear(), None);
        assert!(form.is_sending());
        assert_eq!(form.draft().name, "Ada Lovelace");
    }

    #[test]
    fn write_another_only_follows_a_sent_message() {
        let mut form = valid();
        assert_eq!(form.write_another(), None);
        sent_key(form.submit(true, key(1)));
        assert_eq!(form.write_another(), None);
        assert!(form.is_sending());
    }
}
