//! What became of a message sent to the Formspree-compatible endpoint: sent, fields to fix, or
//! a failure whose kind (server, network, timeout) the patient is told.
//!
//! 2xx means sent; a 4xx with `{errors: [{field, code, message}]}` names fields to fix (the
//! field names are read in `super::wire`); anything else is a failure.

use serde::Deserialize;
use thiserror::Error;

use super::fields::Field;
use super::validation::FieldError;

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

/// Why a message was not sent. Its `Display` is the one sentence the patient reads about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub enum SendFailure {
    /// The endpoint answered with an error status (5xx, or something unexpected).
    #[error("The message service had a problem on its side (error {0}).")]
    Server(u16),
    /// A 4xx that named no field we know.
    #[error("The message service did not accept the message (error {0}).")]
    Rejected(u16),
    /// No answer at all: offline, blocked, or the service is down.
    #[error("We could not reach the message service: you may be offline. Your message is kept on this page; send it again once you're connected.")]
    Network,
    /// No answer within the time limit.
    #[error("The message service took too long to answer.")]
    Timeout,
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

/// Reads the endpoint's answer (status and body text) the way Formspree means it.
pub fn interpret_response(status: u16, body: &str) -> SendOutcome {
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

/// Maps a server's field errors (`{field, message}`) onto our fields. Errors for fields we do
/// not know are dropped; the caller treats "none left" as a failure.
pub fn map_server_errors<'a>(
    errors: impl IntoIterator<Item = (Option<&'a str>, Option<&'a str>)>,
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
            message: format!(
                "{}: the message service did not accept this{detail}. Check it and send again.",
                field.label()
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

    #[test]
    fn any_2xx_means_sent() {
        assert_eq!(
            interpret_response(200, r#"{"ok":true,"next":"/thanks"}"#),
            SendOutcome::Sent
        );
        assert_eq!(interpret_response(201, ""), SendOutcome::Sent);
        assert_eq!(interpret_response(204, "not json"), SendOutcome::Sent);
    }

    #[test]
    fn a_422_with_field_errors_lands_on_our_fields() {
        let body = r#"{"error":"Validation errors","errors":[{"field":"email","code":"TYPE_EMAIL","message":"should be an email"}]}"#;
        match interpret_response(422, body) {
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
            interpret_response(400, r#"{"error":"Body must be JSON"}"#),
            SendOutcome::Failed(SendFailure::Rejected(400))
        );
        assert_eq!(
            interpret_response(
                422,
                r#"{"errors":[{"code":"EMPTY","message":"form is empty"}]}"#
            ),
            SendOutcome::Failed(SendFailure::Rejected(422))
        );
        assert_eq!(
            interpret_response(403, "<html>Forbidden</html>"),
            SendOutcome::Failed(SendFailure::Rejected(403))
        );
    }

    #[test]
    fn server_errors_and_odd_statuses_are_failures() {
        assert_eq!(
            interpret_response(500, "{}"),
            SendOutcome::Failed(SendFailure::Server(500))
        );
        assert_eq!(
            interpret_response(503, ""),
            SendOutcome::Failed(SendFailure::Server(503))
        );
        assert_eq!(
            interpret_response(302, ""),
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
        let texts: Vec<String> = failures.iter().map(ToString::to_string).collect();
        for (i, a) in texts.iter().enumerate() {
            assert!(a.starts_with(char::is_uppercase) && a.ends_with('.'), "{a}");
            for b in &texts[i + 1..] {
                assert_ne!(a, b);
            }
        }
        // The status code is given, so the clinic can tell what happened if the patient calls.
        assert!(SendFailure::Server(503).to_string().contains("error 503"));
        assert!(SendFailure::Rejected(403).to_string().contains("error 403"));
    }

    #[test]
    fn server_errors_map_onto_our_fields_in_form_order_and_unknown_ones_are_dropped() {
        let mapped = map_server_errors([
            (Some("message"), Some("is too short")),
            (Some("email"), Some("should be an email")),
            (Some("email"), Some("duplicate")),
            (Some("_captcha"), Some("failed")),
            (Some("phone"), None),
            (Some("preferred_contact"), None),
            (None, Some("general")),
        ]);
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
}
