//! Checks what a patient typed and turns it into a message worth sending: trimming, required
//! fields, email syntax, US phone normalisation, length limits and control characters.
//!
//! Every error names its field and says how to fix it (WCAG 3.3.1 and 3.3.3), in the page's
//! language (`crate::text::contact`).

use super::draft::Draft;
use super::fields::{ContactMethod, Field};
use crate::lang::Lang;
use crate::text::contact::ContactText;
use crate::text::fill;

/// Longest name accepted, in characters.
pub const NAME_MAX: usize = 100;
/// Longest email address accepted (the limit of a real address), in characters.
pub const EMAIL_MAX: usize = 254;
/// Longest phone number accepted as typed, in characters.
pub const PHONE_MAX: usize = 30;
/// Longest message accepted, in characters.
pub const MESSAGE_MAX: usize = 2000;

/// One problem with one field, worded for the patient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    /// A sentence that names the field and says how to fix it.
    pub message: String,
}

/// A message that passed every check, ready for the wire: trimmed, phone normalised.
/// Its keys on the wire are spelled in `super::wire`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub name: String,
    pub email: String,
    /// E.164 ("+15035550142"); absent when the patient gave none.
    pub phone: Option<String>,
    pub preferred_contact: ContactMethod,
    pub message: String,
    /// Whether the patient agreed to receive text messages.
    pub sms_consent: bool,
    /// The language of the page it was written on: the front desk answers in it.
    pub language: Lang,
}

/// Checks every field; either a message to send (in `lang`, the page's language) or the
/// errors in form order, worded in `lang`.
pub fn validate(draft: &Draft, lang: Lang) -> Result<Message, Vec<FieldError>> {
    let errors: Vec<FieldError> = Field::ALL
        .into_iter()
        .filter_map(|field| {
            validate_field(draft, field, lang).map(|message| FieldError { field, message })
        })
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let phone = draft.phone.trim();
    Ok(Message {
        name: draft.name.trim().to_string(),
        email: draft.email.trim().to_string(),
        phone: if phone.is_empty() {
            None
        } else {
            normalize_us_phone(phone).ok()
        },
        preferred_contact: draft.method,
        message: draft.message.trim().to_string(),
        sms_consent: draft.sms_consent,
        language: lang,
    })
}

/// Checks one field of the draft; `None` when it is fine, else the error in `lang`. Used for
/// live re-validation.
pub fn validate_field(draft: &Draft, field: Field, lang: Lang) -> Option<String> {
    let text = ContactText::of(lang);
    match field {
        Field::Name => check_name(&draft.name, &text),
        Field::Email => check_email(&draft.email, &text),
        Field::Phone => check_phone(&draft.phone, draft.method, lang),
        // Radio buttons can only hold a known method; serde rejects anything else.
        Field::Method => None,
        Field::Message => check_message(&draft.message, &text),
    }
}

fn check_name(raw: &str, text: &ContactText) -> Option<String> {
    let name = raw.trim();
    if name.is_empty() {
        return Some(text.name_missing.into());
    }
    if has_forbidden_control(name, false) {
        return Some(text.name_control.into());
    }
    too_long(text.name_too_long, name, NAME_MAX)
}

fn check_email(raw: &str, text: &ContactText) -> Option<String> {
    let email = raw.trim();
    if email.is_empty() {
        return Some(text.email_missing.into());
    }
    if has_forbidden_control(email, false) {
        return Some(text.email_control.into());
    }
    if let Some(e) = too_long(text.email_too_long, email, EMAIL_MAX) {
        return Some(e);
    }
    if !is_plausible_email(email) {
        return Some(text.email_invalid.into());
    }
    None
}

fn check_phone(raw: &str, method: ContactMethod, lang: Lang) -> Option<String> {
    let text = ContactText::of(lang);
    let phone = raw.trim();
    if phone.is_empty() {
        return method
            .needs_phone()
            .then(|| fill(text.phone_needed, &[("method", method.in_sentence(lang))]));
    }
    if has_forbidden_control(phone, false) {
        return Some(text.phone_control.into());
    }
    if let Some(e) = too_long(text.phone_too_long, phone, PHONE_MAX) {
        return Some(e);
    }
    normalize_us_phone(phone)
        .err()
        .map(|e| e.message(lang).into())
}

fn check_message(raw: &str, text: &ContactText) -> Option<String> {
    let message = raw.trim();
    if message.is_empty() {
        return Some(text.message_missing.into());
    }
    if has_forbidden_control(message, true) {
        return Some(text.message_control.into());
    }
    too_long(text.message_too_long, message, MESSAGE_MAX)
}

/// "X must be {max} characters or fewer; it is {count}." Counted in characters, not bytes, so
/// an emoji or an accented letter counts once.
fn too_long(template: &str, value: &str, max: usize) -> Option<String> {
    let count = value.chars().count();
    (count > max).then(|| {
        fill(
            template,
            &[("max", &max.to_string()), ("count", &count.to_string())],
        )
    })
}

/// Control characters (NUL, escape, bell…) have no place in a message; a message may keep
/// its line breaks and tabs.
fn has_forbidden_control(s: &str, multiline: bool) -> bool {
    s.chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
}

/// A pragmatic email check: one `@`, something before it, a domain with a dot in it, no
/// spaces. The clinic's reply is the real test of an address.
pub fn is_plausible_email(email: &str) -> bool {
    if email.chars().count() > EMAIL_MAX || email.chars().any(char::is_whitespace) {
        return false;
    }
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// Why a phone number could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhoneError {
    /// Something other than digits, spaces, brackets, dots, dashes and a leading +.
    BadCharacter,
    /// Not 10 digits (or 11 starting with 1).
    WrongLength,
}

impl PhoneError {
    /// The sentence the patient reads about it, in `lang`.
    pub fn message(&self, lang: Lang) -> &'static str {
        let text = ContactText::of(lang);
        match self {
            PhoneError::BadCharacter => text.phone_bad_character,
            PhoneError::WrongLength => text.phone_wrong_length,
        }
    }
}

/// Normalises a US phone number to E.164: "(503) 555-0142", "503.555.0142", "+1 503 555 0142"
/// and "1-503-555-0142" all become "+15035550142".
pub fn normalize_us_phone(raw: &str) -> Result<String, PhoneError> {
    let raw = raw.trim();
    let (plus, rest) = match raw.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let mut digits = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' | '(' | ')' => {}
            _ => return Err(PhoneError::BadCharacter),
        }
    }
    match (digits.len(), plus) {
        (10, false) => Ok(format!("+1{digits}")),
        (11, _) if digits.starts_with('1') => Ok(format!("+{digits}")),
        _ => Err(PhoneError::WrongLength),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> Draft {
        Draft {
            name: "Ada Lovelace".into(),
            email: "ada@example.com".into(),
            phone: String::new(),
            method: ContactMethod::Email,
            message: "Could I book an appointment next week?".into(),
            sms_consent: false,
            idempotency_key: None,
        }
    }

    fn errors_for(draft: &Draft) -> Vec<Field> {
        validate(draft, Lang::En)
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.field)
            .collect()
    }

    #[test]
    fn a_complete_draft_becomes_a_trimmed_message() {
        let mut d = valid();
        d.name = "  Ada Lovelace \n".into();
        d.email = " ada@example.com ".into();
        d.message = "\n Hello \n".into();
        let m = validate(&d, Lang::En).unwrap();
        assert_eq!(m.name, "Ada Lovelace");
        assert_eq!(m.email, "ada@example.com");
        assert_eq!(m.message, "Hello");
        assert_eq!(m.phone, None);
        assert_eq!(m.preferred_contact, ContactMethod::Email);
    }

    #[test]
    fn an_empty_form_lists_every_required_field_in_form_order() {
        let d = Draft::default();
        assert_eq!(errors_for(&d), [Field::Name, Field::Email, Field::Message]);
    }

    #[test]
    fn whitespace_only_counts_as_empty() {
        let mut d = valid();
        d.name = " \t ".into();
        assert_eq!(errors_for(&d), [Field::Name]);
    }

    #[test]
    fn every_error_names_its_field_and_says_how_to_fix_it() {
        let mut d = Draft {
            method: ContactMethod::Phone,
            ..Draft::default()
        };
        d.email = "nope".into();
        for e in validate(&d, Lang::En).unwrap_err() {
            let lower = e.message.to_lowercase();
            let named = match e.field {
                Field::Name => lower.contains("name"),
                Field::Email => lower.contains("email"),
                Field::Phone => lower.contains("phone"),
                Field::Method => lower.contains("reply"),
                Field::Message => lower.contains("message"),
            };
            assert!(
                named,
                "{:?} error does not name its field: {}",
                e.field, e.message
            );
            assert!(
                lower.contains("enter") || lower.contains("retype") || lower.contains("shorten"),
                "{:?} error does not say how to fix it: {}",
                e.field,
                e.message
            );
        }
    }

    #[test]
    fn on_a_spanish_page_each_error_is_in_spanish_and_says_how_to_fix_it() {
        let d = Draft {
            name: "x".repeat(NAME_MAX + 1),
            email: "nope".into(),
            method: ContactMethod::Text,
            ..Draft::default()
        };
        let errors = validate(&d, Lang::Es).unwrap_err();
        let messages: Vec<(Field, &str)> = errors
            .iter()
            .map(|e| (e.field, e.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    Field::Name,
                    "Su nombre debe tener 100 caracteres o menos. Ahora tiene 101: escríbalo más corto."
                ),
                (
                    Field::Email,
                    "Escriba su correo electrónico con la forma nombre@example.com, sin espacios."
                ),
                (
                    Field::Phone,
                    "Escriba su número de teléfono para que podamos responderle por mensaje de texto, o elija que le respondamos por correo electrónico."
                ),
                (
                    Field::Message,
                    "Escriba su mensaje: una o dos frases sobre lo que quiere preguntar."
                ),
            ]
        );
        let english = validate(&d, Lang::En).unwrap_err();
        for (es, en) in errors.iter().zip(&english) {
            assert_eq!(es.field, en.field);
            assert_ne!(es.message, en.message, "{:?} is not translated", es.field);
        }
    }

    #[test]
    fn a_phone_that_cannot_be_read_is_explained_in_the_pages_language() {
        let d = Draft {
            phone: "503-555-CALL".into(),
            ..valid()
        };
        assert_eq!(
            validate_field(&d, Field::Phone, Lang::Es).as_deref(),
            Some(
                "Su número de teléfono solo puede tener números, espacios, paréntesis, puntos, guiones y un + al principio. Por ejemplo: (503) 555-0142."
            )
        );
        let d = Draft {
            phone: "555-0142".into(),
            ..valid()
        };
        let error = validate_field(&d, Field::Phone, Lang::Es).unwrap();
        assert!(
            error.starts_with("Escriba un número de teléfono de EE. UU. de 10 dígitos"),
            "{error}"
        );
        assert_eq!(
            validate_field(&d, Field::Phone, Lang::En).as_deref(),
            Some(PhoneError::WrongLength.message(Lang::En))
        );
        let d = Draft {
            name: "Ada\u{0}".into(),
            ..valid()
        };
        assert_eq!(
            validate_field(&d, Field::Name, Lang::Es).as_deref(),
            Some(ContactText::ES.name_control)
        );
    }

    #[test]
    fn phone_is_optional_for_email_replies_and_required_for_calls_and_texts() {
        assert!(validate(&valid(), Lang::En).is_ok());
        for method in [ContactMethod::Phone, ContactMethod::Text] {
            let d = Draft { method, ..valid() };
            assert_eq!(errors_for(&d), [Field::Phone], "{method:?}");
            let d = Draft {
                method,
                phone: "503-555-0142".into(),
                ..valid()
            };
            assert_eq!(
                validate(&d, Lang::En).unwrap().phone.as_deref(),
                Some("+15035550142")
            );
        }
    }

    #[test]
    fn an_optional_phone_that_is_given_must_still_be_valid() {
        let d = Draft {
            phone: "12345".into(),
            ..valid()
        };
        assert_eq!(errors_for(&d), [Field::Phone]);
    }

    #[test]
    fn us_phone_formats_normalise_to_e164() {
        for raw in [
            "(503) 555-0142",
            "503-555-0142",
            "503.555.0142",
            "5035550142",
            "+1 503 555 0142",
            "1-503-555-0142",
            "+15035550142",
            "  (503)555-0142  ",
        ] {
            assert_eq!(normalize_us_phone(raw), Ok("+15035550142".into()), "{raw}");
        }
    }

    #[test]
    fn phones_of_other_lengths_or_with_letters_are_rejected() {
        for raw in [
            "555-0142",
            "503555014",
            "50355501420",
            "25035550142",
            "+44 20 7946 0958",
            "+2 503 555 0142",
        ] {
            assert_eq!(
                normalize_us_phone(raw),
                Err(PhoneError::WrongLength),
                "{raw}"
            );
        }
        for raw in [
            "503-555-CALL",
            "503 555 0142 ext 2",
            "503+555+0142",
            "٥٠٣٥٥٥٠١٤٢",
        ] {
            assert_eq!(
                normalize_us_phone(raw),
                Err(PhoneError::BadCharacter),
                "{raw}"
            );
        }
    }

    #[test]
    fn pragmatic_email_syntax() {
        for ok in [
            "a@b.co",
            "first.last+tag@sub.example.org",
            "名前@例え.jp",
            "o'brien@example.ie",
        ] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in [
            "",
            "plain",
            "@example.com",
            "a@",
            "a@b",
            "a@@b.com",
            "a@b@c.com",
            "a b@c.com",
            "a@b .com",
            "a@.com",
            "a@com.",
            "a@b..com",
            "a@b.com\n",
        ] {
            assert!(!is_plausible_email(bad), "{bad:?}");
        }
    }

    #[test]
    fn lengths_are_counted_in_characters_not_bytes() {
        // 100 emoji are 400 bytes but a valid 100-character name.
        let d = Draft {
            name: "🙂".repeat(NAME_MAX),
            ..valid()
        };
        assert!(validate(&d, Lang::En).is_ok());
        let d = Draft {
            name: "é".repeat(NAME_MAX + 1),
            ..valid()
        };
        assert_eq!(errors_for(&d), [Field::Name]);
        let d = Draft {
            message: "ש".repeat(MESSAGE_MAX),
            ..valid()
        };
        assert!(validate(&d, Lang::En).is_ok());
    }

    #[test]
    fn every_field_has_a_length_limit() {
        let long = "x".repeat(5000);
        let d = Draft {
            name: long.clone(),
            ..valid()
        };
        assert_eq!(errors_for(&d), [Field::Name]);
        let d = Draft {
            email: format!("{}@example.com", "a".repeat(250)),
            ..valid()
        };
        assert_eq!(errors_for(&d), [Field::Email]);
        let d = Draft {
            phone: format!("503 555 0142{}", " ".repeat(40)) + "1",
            ..valid()
        };
        assert_eq!(errors_for(&d), [Field::Phone]);
        let d = Draft {
            message: long,
            ..valid()
        };
        let errs = validate(&d, Lang::En).unwrap_err();
        assert_eq!(errs[0].field, Field::Message);
        assert!(
            errs[0].message.contains("2000") && errs[0].message.contains("5000"),
            "{}",
            errs[0].message
        );
    }

    #[test]
    fn control_characters_are_rejected_but_a_message_keeps_its_line_breaks_and_tabs() {
        for bad in ["Ada\u{0}", "Ada\u{1b}[31m", "Ada\u{7}", "Ada\nLovelace"] {
            let d = Draft {
                name: bad.into(),
                ..valid()
            };
            assert_eq!(errors_for(&d), [Field::Name], "{bad:?}");
        }
        let d = Draft {
            email: "ada\u{8}@example.com".into(),
            ..valid()
        };
        assert_eq!(errors_for(&d), [Field::Email]);
        let d = Draft {
            phone: "503\u{0}5550142".into(),
            ..valid()
        };
        assert_eq!(errors_for(&d), [Field::Phone]);
        let d = Draft {
            message: "Line one\r\nLine two\n\tindented".into(),
            ..valid()
        };
        assert_eq!(
            validate(&d, Lang::En).unwrap().message,
            "Line one\r\nLine two\n\tindented"
        );
        let d = Draft {
            message: "Hello\u{0}".into(),
            ..valid()
        };
        assert_eq!(errors_for(&d), [Field::Message]);
    }

    #[test]
    fn html_and_script_are_accepted_as_plain_text_in_every_text_field() {
        let script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        let d = Draft {
            name: format!("{script} & \"Bobby\""),
            message: format!("{script}\n<b>bold?</b>"),
            ..valid()
        };
        let m = validate(&d, Lang::En).unwrap();
        assert_eq!(m.name, format!("{script} & \"Bobby\""));
        assert!(m.message.starts_with("<script>"));
        // On the wire it is JSON text, not markup.
        let json = serde_json::to_string(&m).unwrap();
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["name"], m.name.as_str());
        // An email address or phone with markup is not a valid address or number.
        let d = Draft {
            email: "<script>@x.com".into(),
            ..valid()
        };
        assert!(
            validate(&d, Lang::En).is_ok(),
            "odd but syntactically plausible; the reply is the real test"
        );
        let d = Draft {
            email: "<script>alert(1)</script>".into(),
            ..valid()
        };
        assert_eq!(errors_for(&d), [Field::Email]);
        let d = Draft {
            phone: "<b>5035550142</b>".into(),
            ..valid()
        };
        assert_eq!(errors_for(&d), [Field::Phone]);
    }

    #[test]
    fn emoji_and_right_to_left_text_are_welcome() {
        let d = Draft {
            name: "نور الهدى 🌿".into(),
            message: "שלום! I'd like an appointment 👍\u{200F} please".into(),
            ..valid()
        };
        let m = validate(&d, Lang::En).unwrap();
        assert_eq!(m.name, "نور الهدى 🌿");
        assert!(m.message.contains('👍'));
    }

    #[test]
    fn the_wire_message_uses_the_documented_keys() {
        let d = Draft {
            method: ContactMethod::Text,
            phone: "(503) 555-0142".into(),
            sms_consent: true,
            ..valid()
        };
        let v = serde_json::to_value(validate(&d, Lang::En).unwrap()).unwrap();
        assert_eq!(
            v,
            serde_json::json!({
                "name": "Ada Lovelace",
                "email": "ada@example.com",
                "phone": "+15035550142",
                "preferred_contact": "text",
                "message": "Could I book an appointment next week?",
                "sms_consent": true,
                "language": "en"
            })
        );
    }
}
