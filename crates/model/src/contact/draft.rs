//! The unsent message as typed. The site keeps it in `sessionStorage` (`draft_storage` in the
//! site crate) so moving around the site or a reload never loses it; it stays in that tab and
//! goes nowhere else.

use serde::{Deserialize, Serialize};

use super::fields::{ContactMethod, Field};
use crate::lang::Lang;
use crate::paths::encode_uri_component;
use crate::text::contact::ContactText;
use crate::text::fill;

/// Everything typed into the contact form, exactly as typed (validation trims later).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub method: ContactMethod,
    pub message: String,
    pub sms_consent: bool,
    /// Generated at the first attempt to send, then reused for every retry of this message,
    /// so a server that saw it once does not record it twice.
    pub idempotency_key: Option<String>,
}

impl Draft {
    /// True when nothing worth keeping has been typed.
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.email.trim().is_empty()
            && self.phone.trim().is_empty()
            && self.message.trim().is_empty()
            && !self.sms_consent
            && self.method == ContactMethod::default()
    }

    /// What a field holds as typed (the reply method as its wire value).
    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::Name => &self.name,
            Field::Email => &self.email,
            Field::Method => self.method.as_str(),
            Field::Phone => &self.phone,
            Field::Message => &self.message,
        }
    }

    /// Replaces what a field holds; the reply method only changes to a method we know.
    pub fn set_text(&mut self, field: Field, value: String) {
        match field {
            Field::Name => self.name = value,
            Field::Email => self.email = value,
            Field::Method => {
                if let Some(method) = ContactMethod::parse(&value) {
                    self.method = method;
                }
            }
            Field::Phone => self.phone = value,
            Field::Message => self.message = value,
        }
    }

    /// The stored form of the draft.
    pub fn to_json(&self) -> String {
        // Serialising plain strings and bools cannot fail; an empty object is a safe fallback.
        serde_json::to_string(self).unwrap_or_else(|_| "{}".to_string())
    }

    /// Reads a stored draft; anything unreadable (an older shape, a hand edit) is ignored
    /// rather than breaking the form. Missing fields take their defaults.
    pub fn from_json(json: &str) -> Option<Draft> {
        serde_json::from_str(json).ok()
    }

    /// The draft restored after a reload (`self`: the stored draft with what was typed before
    /// the app took over), with what the patient has typed into the app since on top: each
    /// field they wrote in, the reply method if they chose one, the consent if they gave it.
    /// Nothing either holds is lost for the other.
    pub fn with_typed_over(mut self, since: &Draft) -> Draft {
        for field in [Field::Name, Field::Email, Field::Phone, Field::Message] {
            let typed = since.text(field);
            if !typed.is_empty() {
                self.set_text(field, typed.to_string());
            }
        }
        if since.method != ContactMethod::default() {
            self.method = since.method;
        }
        self.sms_consent |= since.sms_consent;
        self
    }

    /// Starts the message for a topic the patient came from (`/contact?topic=back-pain`), in
    /// the page's language, unless they already wrote something. The text is neutral and
    /// stays editable.
    pub fn prefill_topic(&mut self, topic: &str, lang: Lang) {
        if self.message.trim().is_empty() {
            if let Some(text) = topic_message(topic, lang) {
                self.message = text.to_string();
            }
        }
    }
}

/// A neutral opening sentence for a known topic, in `lang`; no diagnosis, nothing about
/// symptoms. (The topic is the address's, the same in every language.)
pub fn topic_message(topic: &str, lang: Lang) -> Option<&'static str> {
    match topic.trim() {
        "back-pain" => Some(ContactText::of(lang).topic_back_pain),
        _ => None,
    }
}

/// A `mailto:` link to the clinic with the draft as subject and body, written in `lang`, for
/// when no form endpoint is configured.
pub fn mailto_href(to: &str, draft: &Draft, lang: Lang) -> String {
    let text = ContactText::of(lang);
    let name = draft.name.trim();
    let subject = if name.is_empty() {
        text.mail_subject.to_string()
    } else {
        fill(text.mail_subject_named, &[("name", name)])
    };
    let mut body = String::new();
    if !draft.message.trim().is_empty() {
        body.push_str(draft.message.trim());
        body.push_str("\n\n");
    }
    if !name.is_empty() {
        body.push_str(&fill(text.mail_name, &[("name", name)]));
        body.push('\n');
    }
    if !draft.phone.trim().is_empty() {
        body.push_str(&fill(text.mail_phone, &[("phone", draft.phone.trim())]));
        body.push('\n');
    }
    body.push_str(&fill(
        text.mail_reply,
        &[("method", draft.method.in_sentence(lang))],
    ));
    body.push('\n');
    format!(
        "mailto:{}?subject={}&body={}",
        to.trim(),
        percent_encode(&subject),
        percent_encode(&body)
    )
}

/// Percent-encodes a mailto field, with line breaks as CRLF as RFC 6068 asks.
fn percent_encode(s: &str) -> String {
    encode_uri_component(&s.replace("\r\n", "\n").replace('\n', "\r\n"))
}

/// Builds an idempotency key from the time and a random number; unique enough for a
/// message that one person sends from one tab.
pub fn make_idempotency_key(now_ms: f64, random: f64) -> String {
    let random = (random.clamp(0.0, 1.0) * 9_007_199_254_740_991.0) as u64;
    format!("msg-{:x}-{random:x}", now_ms.max(0.0) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed() -> Draft {
        Draft {
            name: "نور 🌿 <b>".into(),
            email: "nour@example.com".into(),
            phone: "(503) 555-0142".into(),
            method: ContactMethod::Text,
            message: "Line one\nLine two \"quoted\" <script>x</script>".into(),
            sms_consent: true,
            idempotency_key: Some("msg-1-2".into()),
        }
    }

    #[test]
    fn a_draft_survives_a_round_trip_through_storage_text() {
        let d = typed();
        assert_eq!(Draft::from_json(&d.to_json()), Some(d));
    }

    #[test]
    fn a_partial_or_older_draft_fills_missing_fields_with_defaults() {
        let d = Draft::from_json(r#"{"name":"Ada","extra":1}"#).unwrap();
        assert_eq!(d.name, "Ada");
        assert_eq!(d.method, ContactMethod::Email);
        assert_eq!(d.idempotency_key, None);
    }

    #[test]
    fn an_unreadable_draft_is_ignored() {
        assert_eq!(Draft::from_json("not json"), None);
        assert_eq!(Draft::from_json(r#"{"method":"fax"}"#), None);
        assert_eq!(Draft::from_json("42"), None);
    }

    #[test]
    fn an_untouched_form_is_empty_and_anything_typed_is_not() {
        assert!(Draft::default().is_empty());
        assert!(Draft {
            name: "  ".into(),
            ..Draft::default()
        }
        .is_empty());
        assert!(!Draft {
            message: "hi".into(),
            ..Draft::default()
        }
        .is_empty());
        assert!(!Draft {
            method: ContactMethod::Phone,
            ..Draft::default()
        }
        .is_empty());
        assert!(!Draft {
            sms_consent: true,
            ..Draft::default()
        }
        .is_empty());
    }

    #[test]
    fn each_field_reads_and_writes_its_own_part_of_the_draft() {
        let mut d = Draft::default();
        for (field, value) in [
            (Field::Name, "Ada"),
            (Field::Email, "a@b.co"),
            (Field::Phone, "5035550142"),
            (Field::Message, "Hi"),
            (Field::Method, "text"),
        ] {
            d.set_text(field, value.to_string());
            assert_eq!(d.text(field), value, "{field:?}");
        }
        assert_eq!(d.method, ContactMethod::Text);
        assert_eq!((d.name.as_str(), d.message.as_str()), ("Ada", "Hi"));
        d.set_text(Field::Method, "fax".into());
        assert_eq!(
            d.method,
            ContactMethod::Text,
            "an unknown method changes nothing"
        );
    }

    #[test]
    fn what_was_typed_since_the_reload_goes_over_the_restored_draft_without_losing_either() {
        let stored = typed();
        let since = Draft {
            email: "new@example.com".into(),
            method: ContactMethod::Phone,
            ..Draft::default()
        };
        let merged = stored.clone().with_typed_over(&since);
        assert_eq!(merged.email, "new@example.com");
        assert_eq!(merged.method, ContactMethod::Phone);
        assert_eq!(merged.name, stored.name);
        assert_eq!(merged.phone, stored.phone);
        assert_eq!(merged.message, stored.message);
        assert_eq!(merged.idempotency_key, stored.idempotency_key);
        // Nothing typed since: the stored draft as it was.
        assert_eq!(stored.clone().with_typed_over(&Draft::default()), stored);
        // Nothing stored: what was typed since.
        assert_eq!(Draft::default().with_typed_over(&since), since);
    }

    #[test]
    fn the_back_pain_topic_prefills_a_neutral_message_only_when_none_was_written() {
        let mut d = Draft::default();
        d.prefill_topic("back-pain", Lang::En);
        assert!(d.message.contains("back pain"));
        for word in ["diagnos", "sciatica", "numb", "disc", "emergency"] {
            assert!(!d.message.to_lowercase().contains(word), "{word}");
        }
        let mut d = Draft {
            message: "My own words".into(),
            ..Draft::default()
        };
        d.prefill_topic("back-pain", Lang::En);
        assert_eq!(d.message, "My own words");
        let mut d = Draft::default();
        d.prefill_topic("<script>", Lang::En);
        assert_eq!(d.message, "");
    }

    #[test]
    fn the_mailto_link_carries_the_message_encoded() {
        let href = mailto_href("frontdesk@clinic.example", &typed(), Lang::En);
        assert!(href.starts_with(
            "mailto:frontdesk@clinic.example?subject=Message%20from%20the%20website%3A%20"
        ));
        let body = href.split("&body=").nth(1).unwrap();
        assert!(body.starts_with("Line%20one%0D%0ALine%20two%20%22quoted%22%20%3Cscript%3E"));
        assert!(body.contains("Phone%3A%20(503)%20555-0142"));
        assert!(body.contains("by%20text%20message"));
        assert!(!href.contains(' ') && !href.contains('\n'), "{href}");
        assert_eq!(
            href.matches('&').count(),
            1,
            "only the separator before body"
        );
        // Non-ASCII is encoded as UTF-8 bytes.
        assert!(href.contains("%D9%86"), "{href}");
    }

    #[test]
    fn on_a_spanish_page_the_topic_and_the_mailto_link_are_in_spanish() {
        let mut d = Draft::default();
        d.prefill_topic("back-pain", Lang::Es);
        assert!(d.message.contains("dolor de espalda"), "{}", d.message);
        for word in ["diagnóst", "ciática", "entumec", "disco", "emergencia"] {
            assert!(!d.message.to_lowercase().contains(word), "{word}");
        }
        let href = mailto_href("a@b.example", &typed(), Lang::Es);
        assert!(
            href.contains("subject=Mensaje%20desde%20el%20sitio%20web%3A%20"),
            "{href}"
        );
        assert!(
            href.contains("Tel%C3%A9fono%3A%20(503)%20555-0142"),
            "{href}"
        );
        assert!(href.contains("por%20mensaje%20de%20texto"), "{href}");
    }

    #[test]
    fn the_mailto_link_for_an_empty_draft_still_has_a_subject() {
        let href = mailto_href("a@b.example", &Draft::default(), Lang::En);
        assert!(href.contains("subject=Message%20from%20the%20website&body="));
    }

    #[test]
    fn idempotency_keys_differ_with_time_or_chance() {
        let a = make_idempotency_key(1_700_000_000_000.0, 0.25);
        assert!(a.starts_with("msg-"));
        assert_ne!(a, make_idempotency_key(1_700_000_000_000.0, 0.26));
        assert_ne!(a, make_idempotency_key(1_700_000_000_001.0, 0.25));
        assert!(
            a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
            "safe in a header"
        );
    }
}
