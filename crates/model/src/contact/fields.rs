//! The form's fields and the reply methods a patient can choose, as the form, its errors, the
//! draft and the wire all name them.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::text::contact::ContactText;

/// How the patient would like the clinic to reply.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContactMethod {
    /// A phone call.
    Phone,
    /// An email (the default: the patient is already writing).
    #[default]
    Email,
    /// A text message.
    Text,
}

impl ContactMethod {
    /// Every method, in the order the form offers them.
    pub const ALL: [ContactMethod; 3] = [
        ContactMethod::Phone,
        ContactMethod::Email,
        ContactMethod::Text,
    ];

    /// The value sent on the wire and used in the radio buttons.
    pub fn as_str(self) -> &'static str {
        match self {
            ContactMethod::Phone => "phone",
            ContactMethod::Email => "email",
            ContactMethod::Text => "text",
        }
    }

    /// The radio button's label in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        let text = ContactText::of(lang);
        match self {
            ContactMethod::Phone => text.method_phone,
            ContactMethod::Email => text.method_email,
            ContactMethod::Text => text.method_text,
        }
    }

    /// How a reply by this method reads in a sentence in `lang` ("by email").
    pub fn in_sentence(self, lang: Lang) -> &'static str {
        let text = ContactText::of(lang);
        match self {
            ContactMethod::Phone => text.by_phone,
            ContactMethod::Email => text.by_email,
            ContactMethod::Text => text.by_text,
        }
    }

    /// Whether replying this way needs the patient's phone number.
    pub fn needs_phone(self) -> bool {
        matches!(self, ContactMethod::Phone | ContactMethod::Text)
    }

    /// Reads a wire value back ("phone", "email", "text").
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == s)
    }
}

/// A field of the form, in the order it appears (the error summary follows this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Name,
    Email,
    Method,
    Phone,
    Message,
}

impl Field {
    /// Every field, in form order.
    pub const ALL: [Field; 5] = [
        Field::Name,
        Field::Email,
        Field::Method,
        Field::Phone,
        Field::Message,
    ];

    /// The visible label in `lang`, used when an error names the field.
    pub fn label(self, lang: Lang) -> &'static str {
        let text = ContactText::of(lang);
        match self {
            Field::Name => text.label_name,
            Field::Email => text.label_email,
            Field::Phone => text.label_phone,
            Field::Method => text.label_method,
            Field::Message => text.label_message,
        }
    }

    /// A short suffix for element ids ("name" → `contact-name`).
    pub fn slug(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Method => "method",
            Field::Message => "message",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_methods_round_trip_through_their_wire_names() {
        for m in ContactMethod::ALL {
            assert_eq!(ContactMethod::parse(m.as_str()), Some(m));
        }
        assert_eq!(ContactMethod::parse("fax"), None);
        assert!(ContactMethod::Text.needs_phone() && !ContactMethod::Email.needs_phone());
    }
}
