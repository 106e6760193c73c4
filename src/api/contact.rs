//! Sends a contact message to the configured Formspree-compatible endpoint; what its answer
//! means is read in `crate::contact::outcome`.

use crate::contact::outcome::{interpret_response, SendFailure, SendOutcome};
use crate::contact::validation::Message;

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
        // Field errors are worded in the language the message was written in.
        Ok((status, body)) => interpret_response(status, &body, message.language),
        Err(_) if timed_out.get() => SendOutcome::Failed(SendFailure::Timeout),
        Err(_) => SendOutcome::Failed(SendFailure::Network),
    }
}
