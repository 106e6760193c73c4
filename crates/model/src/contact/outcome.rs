//! What became of a message sent to the Formspree-compatible endpoint: sent, fields to fix, or
//! a failure whose kind (server, network, timeout) the patient is told.
//!
//! 2xx means sent; a 4xx with `{errors: [{field, code, message}]}` names fields to fix (the
//! field names are read in `super::wire`); anything else is a failure.

use serde::Deserialize;

use super::fields::Field;
use super::validation::FieldError;
use crate::lang::Lang;
use crate::text::contact::ContactText;
use crate::text::fill;

/// What became of a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendOutcome {
    /// The endpoint accepted it.
    Sent,
    /// The endpoint refused some fields; each error is mapped onto one of ours.
    Invalid(Vec<FieldError>),
    /// It was not sent (or we cannot know that it was).
    Failed(SendFailure),
}

/// Why a message was not sent. [`SendFailure::message`] is the one sentence the patient reads
/// about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SendFailure {
    /// The endpoint answered with an error status (5xx, or something unexpected).
    Server(u16),
    /// A 4xx that named no field we know.
    Rejected(u16),
    /// No answer at all: offline, blocked, or the service is down.
    Network,
    /// No answer within the time limit.
    Timeout,
}

impl SendFailure {
    /// The sentence the patient reads about it, in `lang`; a status code is given, so the
    /// clinic can tell what happened if the patient calls.
    pub fn message(self, lang: Lang) -> String {
        let text = ContactText::of(lang);
        match self {
            SendFailure::Server(status) => {
                fill(text.failure_server, &[("status", &status.to_string())])
            }
            SendFailure::Rejected(status) => {
                fill(text.failure_rejected, &[("status", &status.to_string())])
            }
            SendFailure::Network => text.failure_network.to_string(),
            SendFailure::Timeout => text.failure_timeout.to_string(),
        }
    }
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    errors: Vec<WireError>,
}

#[derive(Deserialize)]
struct WireError {
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

/// Reads the endpoint's answer (status and body text) the way Formspree means it; errors on
/// fields are worded in `lang`.
pub fn interpret_response(status: u16, body: &str, lang: Lang) -> SendOutcome {
    match status {
        200..=299 => SendOutcome::Sent,
        400..=499 => {
            let errors = serde_json::from_str::<ErrorBody>(body)
                .map(|b| b.errors)
                .unwrap_or_default();
            let mapped = map_server_errors(
                errors
                    .iter()
                    .map(|e| (e.field.as_deref(), e.message.as_deref())),
                lang,
            );
            if mapped.is_empty() {
                SendOutcome::Failed(SendFailure::Rejected(status))
            } else {
                SendOutcome::Invalid(mapped)
            }
        }
        other => SendOutcome::Failed(SendFailure::Server(other)),
    }
}

/// Maps a server's field errors (`{field, message}`) onto our fields, worded in `lang` (the
/// server's own reason is kept as it wrote it). Errors for fields we do not know are dropped;
/// the caller treats "none left" as a failure.
pub fn map_server_errors<'a>(
    errors: impl IntoIterator<Item = (Option<&'a str>, Option<&'a str>)>,
    lang: Lang,
) -> Vec<FieldError> {
    let mut mapped: Vec<FieldError> = Vec::new();
    for (field, message) in errors {
        let Some(field) = field.and_then(Field::from_wire) else {
            continue;
        };
        if mapped.iter().any(|e| e.field == field) {
            continue;
        }
        let detail = message
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(|m| format!(" ({m})"))
            .unwrap_or_default();
        mapped.push(FieldError {
            field,
            message: fill(
                ContactText::of(lang).server_refused,
                &[("field", field.label(lang)), ("detail", &detail)],
            ),
        });
    }
    mapped.sort_by_key(|e| e.field);
    mapped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::fields::Field;

    fn interpret_response_en(status: u16, body: &str) -> SendOutcome {
        interpret_response(status, body, Lang::En)
    }

    #[test]
    fn any_2xx_means_sent() {
        assert_eq!(
            interpret_response_en(200, r#"{"ok":true,"next":"/thanks"}"#),
            SendOutcome::Sent
        );
        assert_eq!(interpret_response_en(201, ""), SendOutcome::Sent);
        assert_eq!(interpret_response_en(204, "not json"), SendOutcome::Sent);
    }

    #[test]
    fn a_422_with_field_errors_lands_on_our_fields() {
        let body = r#"{"error":"Validation errors","errors":[{"field":"email","code":"TYPE_EMAIL","message":"should be an email"}]}"#;
        match interpret_response_en(422, body) {
            SendOutcome::Invalid(errors) => {
                assert_eq!(errors.len(), 1);
                assert_eq!(errors[0].field, Field::Email);
                assert!(errors[0].message.contains("should be an email"));
            }
            other => panic!("expected field errors, got {other:?}"),
        }
    }

    #[test]
    fn a_4xx_without_usable_field_errors_is_a_rejection() {
        assert_eq!(
            interpret_response_en(400, r#"{"error":"Body must be JSON"}"#),
            SendOutcome::Failed(SendFailure::Rejected(400))
        );
        assert_eq!(
            interpret_response_en(
                422,
                r#"{"errors":[{"code":"EMPTY","message":"form is empty"}]}"#
            ),
            SendOutcome::Failed(SendFailure::Rejected(422))
        );
        assert_eq!(
            interpret_response_en(403, "<html>Forbidden</html>"),
            SendOutcome::Failed(SendFailure::Rejected(403))
        );
    }

    #[test]
    fn server_errors_and_odd_statuses_are_failures() {
        assert_eq!(
            interpret_response_en(500, "{}"),
            SendOutcome::Failed(SendFailure::Server(500))
        );
        assert_eq!(
            interpret_response_en(503, ""),
            SendOutcome::Failed(SendFailure::Server(503))
        );
        assert_eq!(
            interpret_response_en(302, ""),
            SendOutcome::Failed(SendFailure::Server(302))
        );
    }

    #[test]
    fn each_failure_has_its_own_patient_facing_sentence() {
        let failures = [
            SendFailure::Server(500),
            SendFailure::Rejected(400),
            SendFailure::Network,
            SendFailure::Timeout,
        ];
        for lang in Lang::ALL {
            let texts: Vec<String> = failures.iter().map(|f| f.message(lang)).collect();
            for (i, a) in texts.iter().enumerate() {
                assert!(a.starts_with(char::is_uppercase) && a.ends_with('.'), "{a}");
                for b in &texts[i + 1..] {
                    assert_ne!(a, b);
                }
            }
            // The status code is given, so the clinic can tell what happened if the patient calls.
            assert!(SendFailure::Server(503).message(lang).contains("error 503"));
            assert!(SendFailure::Rejected(403)
                .message(lang)
                .contains("error 403"));
        }
        assert_eq!(
            SendFailure::Timeout.message(Lang::Es),
            "El servicio de mensajes tardó demasiado en responder."
        );
    }

    #[test]
    fn server_errors_map_onto_our_fields_in_form_order_and_unknown_ones_are_dropped() {
        let mapped = map_server_errors(
            [
                (Some("message"), Some("is too short")),
                (Some("email"), Some("should be an email")),
                (Some("email"), Some("duplicate")),
                (Some("_captcha"), Some("failed")),
                (Some("phone"), None),
                (Some("preferred_contact"), None),
                (None, Some("general")),
            ],
            Lang::En,
        );
        // The order the patient sees them in: the reply method's choice comes before the phone.
        assert_eq!(
            mapped.iter().map(|e| e.field).collect::<Vec<_>>(),
            [Field::Email, Field::Method, Field::Phone, Field::Message]
        );
        assert!(
            mapped[0].message.starts_with("Email address:"),
            "{}",
            mapped[0].message
        );
        assert!(mapped[0].message.contains("should be an email"));
        assert_eq!(Field::from_wire("_replyto"), Some(Field::Email));
        assert_eq!(Field::from_wire("Preferred_Contact"), Some(Field::Method));
    }

    #[test]
    fn on_a_spanish_page_a_refused_field_is_named_in_spanish_with_the_servers_reason() {
        let mapped = map_server_errors([(Some("email"), Some("should be an email"))], Lang::Es);
        assert_eq!(
            mapped[0].message,
            "Su correo electrónico: el servicio de mensajes no aceptó este dato (should be an email). Revíselo y vuelva a enviarlo."
        );
    }
}
