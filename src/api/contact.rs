//! Sends a contact message to the configured Formspree-compatible endpoint and reads the answer.
//!
//! 2xx means sent; a 4xx with `{errors: [{field, code, message}]}` names fields to fix (the
//! field names are read in `crate::contact::wire`); anything else is a failure whose kind
//! (server, network, timeout) the patient is told.

use serde::Deserialize;
use thiserror::Error;

use crate::contact::validation::map_server_errors;
use crate::contact::{FieldError, Message};

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
    #[error("We could not reach the message service. Please check your internet connection.")]
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

/// POSTs the message as JSON. `idempotency_key` is the same for every attempt at the same
/// message, so a retry after a timeout cannot make the clinic receive it twice.
///
/// Deliberately not aborted when the page goes away: the patient pressed "Send", and the
/// outcome (clearing the stored draft on success) should still happen.
pub async fn send_message(
    endpoint: &str,
    message: &Message,
    idempotency_key: &str,
    timeout_ms: u32,
) -> SendOutcome {
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(|c| c.signal());
    let (timed_out, timer) = super::abort_after(controller, timeout_ms);
    let request = gloo_net::http::Request::post(endpoint)
        .header("Accept", "application/json")
        .header("Idempotency-Key", idempotency_key)
        .abort_signal(signal.as_ref())
        .json(message);
    let result = match request {
        Ok(request) => match request.send().await {
            Ok(response) => {
                let status = response.status();
                response.text().await.map(|body| (status, body))
            }
            Err(e) => Err(e),
        },
        Err(e) => Err(e),
    };
    if let Some(timer) = timer {
        timer.clear();
    }
    match result {
        Ok((status, body)) => interpret_response(status, &body),
        Err(_) if timed_out.get() => SendOutcome::Failed(SendFailure::Timeout),
        Err(_) => SendOutcome::Failed(SendFailure::Network),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::contact::Field;

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
}
