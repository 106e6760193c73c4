//! The endpoint's names for the form's fields, spelled once: the request body's keys, the
//! inputs' `name`s and the field names a server uses in its error answer all come from here.

use serde::ser::{Serialize, SerializeStruct, Serializer};

use super::fields::Field;
use super::validation::Message;

/// The key of the patient's agreement to receive text messages.
pub const SMS_CONSENT: &str = "sms_consent";

/// The key of the language the message was written in ("en", "es"): the front desk answers in
/// it. The form also carries it as a hidden input, so a form posted without the app says it too.
pub const LANGUAGE: &str = "language";

/// The honeypot's name: Formspree drops submissions that fill `_gotcha`, and so do we.
pub const HONEYPOT: &str = "_gotcha";

/// Where the endpoint sends the browser after a form it posted by itself (Formspree's name).
pub const NEXT: &str = "_next";

impl Field {
    /// The field's key on the wire, which is also how a server names it in its errors.
    pub fn wire_name(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Email => "email",
            Field::Method => "preferred_contact",
            Field::Phone => "phone",
            Field::Message => "message",
        }
    }

    /// Finds the field a server means by its name: our own keys (in any case), or the
    /// common aliases of Formspree-like services.
    pub fn from_wire(name: &str) -> Option<Field> {
        let name = name.trim();
        Self::ALL
            .into_iter()
            .find(|f| f.wire_name().eq_ignore_ascii_case(name))
            .or(match name {
                "_replyto" | "replyto" | "email_address" => Some(Field::Email),
                "tel" | "telephone" | "phone_number" => Some(Field::Phone),
                "method" | "contact_method" => Some(Field::Method),
                _ => None,
            })
    }
}

/// The JSON body: written by hand so its keys can only be the ones above.
impl Serialize for Message {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut body = serializer.serialize_struct("Message", 7)?;
        body.serialize_field(Field::Name.wire_name(), &self.name)?;
        body.serialize_field(Field::Email.wire_name(), &self.email)?;
        match &self.phone {
            Some(phone) => body.serialize_field(Field::Phone.wire_name(), phone)?,
            // No number given: the key is left out rather than sent empty.
            None => body.skip_field(Field::Phone.wire_name())?,
        }
        body.serialize_field(Field::Method.wire_name(), self.preferred_contact.as_str())?;
        body.serialize_field(Field::Message.wire_name(), &self.message)?;
        body.serialize_field(SMS_CONSENT, &self.sms_consent)?;
        body.serialize_field(LANGUAGE, self.language.code())?;
        body.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::draft::Draft;
    use crate::contact::fields::ContactMethod;
    use crate::contact::validation::validate;
    use crate::lang::Lang;

    fn message(phone: Option<&str>) -> Message {
        Message {
            name: "Ada".into(),
            email: "ada@example.com".into(),
            phone: phone.map(str::to_string),
            preferred_contact: ContactMethod::Phone,
            message: "Hello".into(),
            sms_consent: false,
            language: Lang::En,
        }
    }

    #[test]
    fn the_body_has_one_key_per_field_named_as_the_inputs_are() {
        let body = serde_json::to_value(message(Some("+15035550142"))).unwrap();
        let keys: Vec<&str> = body
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected: Vec<&str> = Field::ALL.into_iter().map(Field::wire_name).collect();
        expected.push(SMS_CONSENT);
        expected.push(LANGUAGE);
        let mut keys_sorted = keys.clone();
        keys_sorted.sort_unstable();
        expected.sort_unstable();
        assert_eq!(keys_sorted, expected);
        assert_eq!(body["preferred_contact"], "phone");
    }

    #[test]
    fn the_body_says_the_language_of_the_page_the_message_was_written_on() {
        let draft = Draft {
            name: "Ada".into(),
            email: "ada@example.com".into(),
            message: "Hola".into(),
            ..Draft::default()
        };
        for (lang, code) in [(Lang::En, "en"), (Lang::Es, "es")] {
            let message = validate(&draft, lang).unwrap();
            assert_eq!(message.language, lang);
            let body = serde_json::to_value(&message).unwrap();
            assert_eq!(body[LANGUAGE], code, "{body}");
        }
    }

    #[test]
    fn a_message_without_a_phone_leaves_the_key_out() {
        let body = serde_json::to_value(message(None)).unwrap();
        assert!(body.get("phone").is_none(), "{body}");
    }

    #[test]
    fn a_servers_field_names_lead_back_to_our_fields() {
        for field in Field::ALL {
            assert_eq!(Field::from_wire(field.wire_name()), Some(field));
            assert_eq!(
                Field::from_wire(&field.wire_name().to_uppercase()),
                Some(field)
            );
        }
        assert_eq!(Field::from_wire(" _replyto "), Some(Field::Email));
        assert_eq!(Field::from_wire("telephone"), Some(Field::Phone));
        assert_eq!(Field::from_wire(SMS_CONSENT), None);
        assert_eq!(Field::from_wire(HONEYPOT), None);
    }
}
